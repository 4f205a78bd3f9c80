import * as vscode from 'vscode';
import type { ClockSummary, WorkspaceSummary } from '../../server/src/protocol';
import type { Ctx } from './ctx';
import { INCIDENTS_VIEW } from './tree/incidents-tree';
import { toRange } from './tree/nodes';

/** Where the clocks already alerted about are remembered (workspaceState), so no alert comes twice. */
const SEEN_KEY = 'cc7.alertedClocks';
/** More new alerts than this at once (a first look at a large workspace) become one message. */
const MAX_SEPARATE = 3;

/** How a clock and its state are remembered: incident file, regime, state. */
const keyOf = (clock: ClockSummary) => `${clock.uri}#${clock.regime}#${clock.verdict}`;

/**
 * Deadline alerts: when a clock of a file the user has no editor tab for comes into
 * `approaching` or `breached`, one notification with "Open". A clock and state alerted once
 * (or seen in an open file) never alerts again, across sessions. Setting `cc7.deadlineAlerts`
 * turns them off.
 */
export class DeadlineAlerts {
  constructor(private readonly ctx: Ctx) {
    ctx.extension.subscriptions.push(ctx.summary.onDidChange((summary) => summary && this.check(summary)));
  }

  /** Alerts about the clocks of `summary` that crossed into a state not alerted before; returns their messages. */
  check(summary: WorkspaceSummary): string[] {
    if (!vscode.workspace.getConfiguration('cc7').get<boolean>('deadlineAlerts', true)) return [];
    const state = this.ctx.extension.workspaceState;
    const seen = new Set(state.get<string[]>(SEEN_KEY, []));
    const fresh = summary.clocks.filter((clock) => clock.verdict !== 'open' && !seen.has(keyOf(clock)));
    if (fresh.length === 0) return [];
    for (const clock of fresh) seen.add(keyOf(clock));
    // Only the clocks still in the summary are worth remembering.
    const live = new Set(summary.clocks.map(keyOf));
    void state.update(SEEN_KEY, [...seen].filter((key) => live.has(key)));
    const open = openTabs();
    const unseen = fresh.filter((clock) => !open.has(clock.uri));
    if (unseen.length > MAX_SEPARATE) {
      const message = `${unseen.length} notification deadlines are breached or approaching`;
      void this.ctx.notify('warning', message, 'Show').then((choice) => choice && vscode.commands.executeCommand(`${INCIDENTS_VIEW}.focus`));
      return [message];
    }
    return unseen.map((clock) => {
      const message = `${clock.label} for ${clock.incident} is ${clock.verdict === 'breached' ? 'breached' : 'approaching'}`;
      void this.ctx.notify(clock.verdict === 'breached' ? 'error' : 'warning', message, 'Open').then((choice) => {
        if (choice) void vscode.window.showTextDocument(vscode.Uri.parse(clock.uri), { selection: toRange(clock.range) });
      });
      return message;
    });
  }
}

/** The files the user has an editor tab for. */
function openTabs(): Set<string> {
  return new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri.toString()] : [])));
}
