import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { childrenOf, idOf, sections, treeItem, type TreeNode } from './nodes';

/** The id of the view (package.json contributes.views) and of its container. */
export const INCIDENTS_VIEW = 'cc7.incidents';
export const INCIDENTS_CONTAINER = 'cc7';

/**
 * "CC7 Incidents": open incidents by phase, deadlines, remediation, closed in the audit
 * period; read from the server's summary only, refreshed whenever a new one arrives. Empty
 * (so its welcome view shows) while there is no summary, or no record at all.
 */
export class IncidentsTree implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;

  constructor(private readonly ctx: Ctx) {
    this.view = vscode.window.createTreeView(INCIDENTS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    ctx.extension.subscriptions.push(this.view, this.changed, ctx.summary.onDidChange(() => this.update()));
    this.update();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = treeItem(node);
    item.id = idOf(node);
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return childrenOf(node);
    const summary = this.ctx.summary.summary;
    if (!summary || isEmpty(summary)) return [];
    return sections(summary);
  }

  private update(): void {
    const breached = this.ctx.summary.summary?.counts.breached ?? 0;
    this.view.badge = breached > 0 ? { value: breached, tooltip: `${breached} breached deadline${breached === 1 ? '' : 's'}` } : undefined;
    this.changed.fire(undefined);
  }
}

/** No plan and no record: the welcome view offers to create them. */
function isEmpty(summary: NonNullable<Ctx['summary']['summary']>): boolean {
  return !summary.hasPlan && summary.phases.length === 0 && summary.closed.length === 0 && summary.clocks.length === 0 && summary.items.length === 0;
}
