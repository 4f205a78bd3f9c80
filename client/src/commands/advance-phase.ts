import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { ServerCommands, type AdvancePhaseArgs, type AdvancePhaseResult, type MissingEvidence } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { toRange, type TreeNode } from '../tree/nodes';

/**
 * cc7.advancePhase, from an incident's tree row, a code lens (the document's URI) or the active
 * editor: the file is shown (so
 * the edit lands in an editor, and undo works), the server decides and edits. A refusal
 * lists the missing evidence; "Show missing" offers each, revealed at its place. Resolves
 * with the server's answer.
 */
export async function advancePhase(ctx: Ctx, client: LanguageClient, target?: TreeNode | string): Promise<AdvancePhaseResult | undefined> {
  const uri = typeof target === 'string' ? vscode.Uri.parse(target)
    : target?.kind === 'incident' ? vscode.Uri.parse(target.incident.uri)
      : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void ctx.notify('info', 'cc7: open an incident, or select one in the CC7 Incidents view, to advance its phase.');
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  const args: AdvancePhaseArgs = { uri: uri.toString() };
  const result = await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.advancePhase, arguments: [args] }) as AdvancePhaseResult;
  if (result.applied) {
    void ctx.notify('info', `${vscode.workspace.asRelativePath(uri)} moved to ${result.phase}; the timeline records it. Save to keep it, undo to take it back.`);
  } else if (result.missing.length === 0) {
    void ctx.notify('info', result.reason);
  } else {
    const list = result.missing.map((missing) => missing.path).join(', ');
    void ctx.notify('warning', `${result.reason} Missing: ${list}.`, 'Show missing')
      .then((choice) => (choice ? showMissing(editor, result.missing) : undefined));
  }
  return result;
}

/** A pick of the missing evidence: moving through it reveals each place, choosing one puts the cursor there. */
async function showMissing(editor: vscode.TextEditor, missing: MissingEvidence[]): Promise<void> {
  const items = missing.map((entry) => ({ label: entry.path, detail: entry.message, entry }));
  const reveal = (entry: MissingEvidence) => {
    const range = toRange(entry.range);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Evidence the next phase needs',
    placeHolder: 'Choose one to go to where it belongs',
    onDidSelectItem: (item) => reveal((item as (typeof items)[number]).entry),
  });
  if (picked) {
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
    reveal(picked.entry);
  }
}
