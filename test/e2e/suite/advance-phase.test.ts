/**
 * cc7.advancePhase in the real editor: refused with the missing evidence listed, or applied
 * to the editor's buffer (the status and a timeline entry), which `undo` takes back whole.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AdvancePhaseResult } from '../../../server/src/protocol';
import { cc7ApiOnAcme, closeEditors, rows, waitForSummary, type Cc7Api } from './support/cc7';
import { workspaceFile } from './support/extension';

describe('advance phase', () => {
  let api: Cc7Api;

  before(async () => {
    api = await cc7ApiOnAcme();
  });

  afterEach(closeEditors);

  it('refuses identification → containment from the active editor, listing the missing triage', async () => {
    await vscode.window.showTextDocument(workspaceFile('incidents/INC-2026-012.yaml'));
    const result = await vscode.commands.executeCommand<AdvancePhaseResult>('cc7.advancePhase');
    assert.equal(result.applied, false);
    assert.equal(api.messages.at(-1),
      'INC-2026-012 cannot move to containment: record the evidence it needs first. Missing: triage.assessed_at, triage.assessed_by, triage.rationale.');
    assert.equal(vscode.window.activeTextEditor!.document.isDirty, false, 'nothing was edited');
  });

  it('moves containment → investigation from the tree row, with a timeline entry; undo restores the text', async () => {
    const open = rows(api)[0]!.node;
    const containment = rows(api, open).find(({ node }) => node.kind === 'phase' && node.group.phase === 'containment')!.node;
    const incident = rows(api, containment)[0]!.node;
    const uri = workspaceFile('incidents/INC-2026-008.yaml');
    const original = (await vscode.workspace.openTextDocument(uri)).getText();

    const result = await vscode.commands.executeCommand<AdvancePhaseResult>('cc7.advancePhase', incident);
    assert.deepEqual(result, { applied: true, phase: 'investigation' });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString(), 'the incident is shown');
    const lastEntry = '  - { at: 2026-11-18T17:00:00Z, event: Former employee agreed to a third-party forensic check of the drive; scheduled for early December, by: erin@acme.io }\n';
    assert.equal(editor.document.getText(), original
      .replace('status: containment', 'status: investigation')
      .replace(lastEntry, `${lastEntry}  - { at: 2026-11-26T07:00:00-05:00, event: Phase advanced to investigation }\n`));
    await waitForSummary(api, (summary) => summary.phases.some((group) => group.phase === 'investigation' && group.incidents.length === 2), 'INC-2026-008 in investigation (from the buffer)');

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });
});
