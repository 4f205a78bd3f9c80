import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { TreeNode } from '../tree/nodes';
import { toRange } from '../tree/nodes';

/** The id a row stands for: the incident's, the clock's incident, the item's own. */
function idOf(node: TreeNode): string | undefined {
  switch (node.kind) {
    case 'incident':
    case 'closed': return node.incident.id;
    case 'clock': return node.clock.incident;
    case 'item': return node.item.id;
    default: return undefined;
  }
}

/** The top-level `id:` of the active editor's document. */
function activeEditorId(): string | undefined {
  const text = vscode.window.activeTextEditor?.document.getText();
  return text === undefined ? undefined : /^id:[ \t]*["']?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)/m.exec(text)?.[1];
}

/** cc7.copyId: from a tree row, or the record in the active editor. Resolves with what was copied. */
export async function copyId(ctx: Ctx, node?: TreeNode): Promise<string | undefined> {
  const id = node ? idOf(node) : activeEditorId();
  if (!id) {
    void ctx.notify('info', 'cc7: select an incident in the CC7 Incidents view, or open a CC7 record, to copy its id.');
    return undefined;
  }
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
  return id;
}

/** cc7.openRunbook: the runbook an incident follows, from its tree row or the incident in the active editor. */
export async function openRunbook(ctx: Ctx, node?: TreeNode): Promise<void> {
  const incident = node?.kind === 'incident'
    ? node.incident
    : ctx.summary.summary?.phases.flatMap((group) => group.incidents).find((candidate) => candidate.uri === vscode.window.activeTextEditor?.document.uri.toString());
  const runbook = incident?.runbook;
  if (!runbook) {
    void ctx.notify('info', incident ? `${incident.id} names no runbook: add runbook: <id> to it.` : 'cc7: select an open incident to open its runbook.');
    return;
  }
  if (!runbook.uri || !runbook.range) {
    void ctx.notify('warning', `Runbook ${runbook.id} of ${incident.id} is not in the workspace.`);
    return;
  }
  await vscode.window.showTextDocument(vscode.Uri.parse(runbook.uri), { selection: toRange(runbook.range) });
}
