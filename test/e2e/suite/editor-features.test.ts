/**
 * The language server's editor features as VS Code itself shows them: asked through VS Code's
 * own provider commands (what the hover widget, the inlay hints, the lenses, the suggest
 * widget, the light bulb and F12 ask), on examples/acme at CC7_NOW=2026-11-26T12:00:00Z.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ACME_FINDINGS } from './support/acme';
import { closeEditors } from './support/cc7';
import { waitForDiagnostics } from './support/diagnostics';
import { workspaceFile } from './support/extension';

const INCIDENT = 'incidents/INC-2026-011.yaml';
const EVENT = 'events/EVT-2026-0007.yaml';

/** The place just after `prefix` on the first line starting with it (`column`: on that column instead). */
function endOf(document: vscode.TextDocument, prefix: string, column?: number): vscode.Position {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.startsWith(prefix)) return new vscode.Position(line, column ?? prefix.length);
  }
  throw new Error(`no line of ${vscode.workspace.asRelativePath(document.uri)} starts with "${prefix}"`);
}

const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
const labelText = (label: string | vscode.InlayHintLabelPart[]) => (typeof label === 'string' ? label : label.map((part) => part.value).join(''));

describe('editor features in VS Code', () => {
  let incident: vscode.TextDocument;

  before(async () => {
    incident = await vscode.workspace.openTextDocument(workspaceFile(INCIDENT));
    await vscode.window.showTextDocument(incident);
    // The server has the workspace once the incident's finding is published.
    await waitForDiagnostics(incident.uri, (seen) => JSON.stringify(seen) === JSON.stringify(ACME_FINDINGS[INCIDENT]), 'the notification-deadline error');
  });

  after(closeEditors);

  it('hovers a clock trigger with the deadlines it starts: due in UTC and in the plan zone, and the verdict', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', incident.uri, endOf(incident, '  aware_at', 3));
    const text = hoverText(hovers);
    assert.match(text, /\*\*GDPR Art\. 33 notice to the supervisory authority\*\* \(`gdpr-art33`\)/);
    assert.match(text, /- Due: 2026-11-26 09:30 UTC · 2026-11-26 04:30 America\/New_York/);
    assert.match(text, /\*\*Breached\*\*: due 2 h ago, and no notice is recorded/);
    assert.match(text, /\*\*Met\*\*: notified 2026-11-24 15:00 UTC, 18 h before the deadline/);
  });

  it('hovers a runbook id with the record it names', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', incident.uri, endOf(incident, 'runbook: '));
    const text = hoverText(hovers);
    assert.match(text, /\*\*RB-CREDENTIAL-LEAK\*\* · Runbook/);
    assert.match(text, /Leaked or compromised credential/);
  });

  it('shows the due instant and the time left after the clock trigger (inlay hints)', async () => {
    const aware = endOf(incident, '  aware_at');
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', incident.uri, new vscode.Range(aware.line, 0, aware.line + 1, 0));
    assert.deepEqual(hints.map((hint) => labelText(hint.label)), [
      '→ GDPR Art. 33 due Thu 26 Nov 09:30 UTC, breached 2 h ago',
      '→ Customer DPA due Wed 25 Nov 09:30 UTC, met',
    ]);
    assert.ok(hints.every((hint) => hint.position.line === aware.line), 'at the end of the aware_at line');
  });

  it('puts the phase, the age and the next missing evidence on the incident (code lens), running Advance phase', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', incident.uri);
    const phase = lenses.find((lens) => lens.command?.command === 'cc7.advancePhase');
    assert.equal(phase?.command?.title, 'investigation · 3 d 3 h old · next: investigation.root_cause');
    assert.deepEqual(phase?.command?.arguments, [incident.uri.toString()]);
    assert.ok(lenses.some((lens) => lens.command?.title === 'GDPR Art. 33 breached 2 h ago (due 2026-11-26 09:30 UTC)'), 'the breached clock has its countdown lens');
  });

  it('completes a runbook id with the workspace\'s runbooks', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', incident.uri, endOf(incident, 'runbook: '));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const id of ['RB-CREDENTIAL-LEAK', 'RB-RANSOMWARE', 'RB-VENDOR-COMPROMISE']) assert.ok(labels.includes(id), `${id} in ${JSON.stringify(labels)}`);
  });

  it('goes to the runbook a runbook id names (F12)', async () => {
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', incident.uri, endOf(incident, 'runbook: '));
    const targets = found.map((entry) => ('targetUri' in entry ? entry.targetUri : entry.uri));
    assert.deepEqual(targets.map((uri) => vscode.workspace.asRelativePath(uri)), ['runbooks/RB-CREDENTIAL-LEAK.yaml']);
  });

  it('outlines the incident by its id', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', incident.uri);
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['INC-2026-011']);
  });

  it('fixes a naive timestamp with the plan zone\'s offset (quick fix), and the warning goes; undo brings it back', async () => {
    const uri = workspaceFile(EVENT);
    const event = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(event);
    const [warning] = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'cc7');
    assert.ok(warning, `the timestamp-timezone warning on ${EVENT}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.isPreferred);
    assert.equal(fix?.title, 'Write 2026-11-20T14:05:00-05:00 (the plan\'s offset at that time)');
    assert.ok(actions.some((action) => action.title.startsWith('Waive timestamp-timezone in this document')), 'a waiver is offered too');
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!), 'the edit applies');
    assert.match(event.getText(), /detected_at: 2026-11-20T14:05:00-05:00/);
    await waitForDiagnostics(uri, (seen) => seen.length === 0, 'no finding once the offset is written');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (seen) => JSON.stringify(seen) === JSON.stringify(ACME_FINDINGS[EVENT]), 'the warning again after undo');
    assert.equal(event.isDirty, false, 'undo restores the saved text');
  });
});
