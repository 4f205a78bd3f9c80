/**
 * The cc7 extension's API (what activate() returns) and waits on it: for a summary that
 * satisfies a test, on the summary's change event, never by sleeping.
 */
import * as vscode from 'vscode';
import type { Cc7Api, TreeNode } from '../../../../client/src/extension';
import type { WorkspaceSummary } from '../../../../server/src/protocol';
import { cc7Extension } from './extension';

export type { Cc7Api, TreeNode };

export async function cc7Api(): Promise<Cc7Api> {
  return (await cc7Extension().activate()) as Cc7Api;
}

/** The API once its summary shows the six open incidents of examples/acme: the server has the workspace. */
export async function cc7ApiOnAcme(): Promise<Cc7Api> {
  const api = await cc7Api();
  await waitForSummary(api, (summary) => summary.counts.open === 6, 'the six open incidents of examples/acme');
  return api;
}

/** Resolves with the first summary (the current one, or one to come) that `done` accepts; rejects after `timeoutMs`. */
export function waitForSummary(api: Cc7Api, done: (summary: WorkspaceSummary) => boolean, description: string, timeoutMs = 30_000): Promise<WorkspaceSummary> {
  return new Promise((resolve, reject) => {
    const check = (summary: WorkspaceSummary | undefined): void => {
      if (!summary || !done(summary)) return;
      finish();
      resolve(summary);
    };
    const listener = api.onDidChangeSummary(check);
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for a summary with ${description}; the last one: ${JSON.stringify(api.summary()?.counts)}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      listener.dispose();
    };
    check(api.summary());
  });
}

/** The tree's rows under `parent` (the roots without it), as the view renders them. */
export function rows(api: Cc7Api, parent?: TreeNode): { node: TreeNode; item: vscode.TreeItem }[] {
  return api.tree.getChildren(parent).map((node) => ({ node, item: api.tree.getTreeItem(node) }));
}

/** A row's label as text. */
export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** Closes every editor, dropping unsaved changes first (a dirty editor would ask, and nobody answers). */
export async function closeEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
