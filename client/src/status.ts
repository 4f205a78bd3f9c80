import * as vscode from 'vscode';
import type { WorkspaceSummary } from '../../server/src/protocol';
import type { Ctx, ServerStatus } from './ctx';
import { INCIDENTS_VIEW } from './tree/incidents-tree';

/** What the status item says: open incidents and breached deadlines, or the server's state. */
export function statusText(status: ServerStatus, summary: WorkspaceSummary | undefined): string {
  if (status === 'starting') return '$(sync~spin) CC7';
  if (status === 'stopped') return '$(shield) CC7: stopped';
  if (!summary) return '$(shield) CC7';
  const { open, breached } = summary.counts;
  return `$(shield) ${open} open${breached > 0 ? ` · ${breached} breached` : ''}`;
}

/** The status bar item: open incidents and breached deadlines (warning background when any); a click shows the tree. */
export class StatusItem {
  private readonly item = vscode.window.createStatusBarItem('cc7.status', vscode.StatusBarAlignment.Left, 10);

  constructor(private readonly ctx: Ctx) {
    this.item.name = 'CC7 Incidents';
    ctx.extension.subscriptions.push(this.item, ctx.summary.onDidChange(() => this.update()), ctx.onDidChangeServerStatus(() => this.update()));
    this.update();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  private update(): void {
    const { serverStatus: status } = this.ctx;
    const summary = this.ctx.summary.summary;
    this.item.text = statusText(status, summary);
    const breached = status === 'running' && (summary?.counts.breached ?? 0) > 0;
    this.item.backgroundColor = breached ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    if (status === 'stopped') {
      this.item.tooltip = 'The CC7 language server is not running: click to restart it';
      this.item.command = 'cc7.restartServer';
      return;
    }
    this.item.command = `${INCIDENTS_VIEW}.focus`;
    if (!summary) {
      this.item.tooltip = 'CC7: the language server is starting…';
      return;
    }
    const { open, breached: late, approaching, overdue } = summary.counts;
    const tooltip = new vscode.MarkdownString(`**CC7 incident response**\n\n`);
    tooltip.appendMarkdown(`${open} open incident${open === 1 ? '' : 's'}  \n${late} breached and ${approaching} approaching deadline${late + approaching === 1 ? '' : 's'}  \n`);
    tooltip.appendMarkdown(`${overdue} overdue remediation item${overdue === 1 ? '' : 's'}\n\nClick to show the CC7 Incidents view.`);
    this.item.tooltip = tooltip;
  }
}
