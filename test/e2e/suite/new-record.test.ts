/** cc7.newIncident in the real editor: the file with the next free id is written and opened, the cursor on the field to fill. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cc7ApiOnAcme, closeEditors, waitForSummary, type Cc7Api } from './support/cc7';
import { workspaceFile } from './support/extension';

describe('new incident', () => {
  let api: Cc7Api;

  before(async () => {
    api = await cc7ApiOnAcme();
  });

  it('writes incidents/INC-2026-013.yaml and opens it at the incident lead', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('cc7.newIncident',
      { title: 'Phishing kit hosted on a look-alike domain', severity: 'SEV3', category: 'other', detectionSource: 'employee-report' });
    try {
      assert.equal(uri.toString(), workspaceFile('incidents/INC-2026-013.yaml').toString());
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(written, /^id: INC-2026-013$/m);
      assert.match(written, /^title: Phishing kit hosted on a look-alike domain$/m);
      assert.match(written, /^detected_at: 2026-11-26T07:00:00-05:00$/m);
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.uri.toString(), uri.toString());
      assert.equal(editor.document.lineAt(editor.selection.active.line).text, '  incident_lead: ');
      assert.equal(editor.selection.active.character, '  incident_lead: '.length);
      await waitForSummary(api, (summary) => summary.counts.open === 7, 'the new incident open in identification');
    } finally {
      await closeEditors();
      await vscode.workspace.fs.delete(uri);
    }
    await waitForSummary(api, (summary) => summary.counts.open === 6, 'the new incident gone again');
  });

  it('opens the existing response plan instead of writing over it', async () => {
    const plan = workspaceFile('plan/response-plan.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(plan));
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('cc7.createResponsePlan');
      assert.equal(uri.toString(), plan.toString());
      assert.equal(api.messages.at(-1), 'plan/response-plan.yaml already exists: opened it.');
      assert.equal(vscode.window.activeTextEditor!.document.uri.toString(), plan.toString());
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(plan)), before);
    } finally {
      await closeEditors();
    }
  });
});
