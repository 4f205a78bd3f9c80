import type { Event, ExtensionContext } from 'vscode';
import { DeadlineAlerts } from './alerts';
import { registerCommands } from './commands';
import { Ctx, type ServerStatus } from './ctx';
import { StatusItem } from './status';
import { IncidentsTree } from './tree/incidents-tree';
import type { TreeNode } from './tree/nodes';
import type { WorkspaceSummary } from '../../server/src/protocol';

/** What the extension hands to whoever activates it: the e2e tests read the views through it. */
export interface Cc7Api {
  serverStatus(): ServerStatus;
  summary(): WorkspaceSummary | undefined;
  /** Fires with each summary the server sends (undefined when the server stops). */
  onDidChangeSummary: Event<WorkspaceSummary | undefined>;
  /** Asks the server for the summary again and resolves with it. */
  refreshSummary(): Promise<WorkspaceSummary | undefined>;
  statusText(): string;
  tree: IncidentsTree;
  /** Every message the extension showed, oldest first. */
  messages: readonly string[];
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
}

export type { TreeNode };

/** Wires the context, the commands (all of them, at once) and the views, then starts the server. */
export async function activate(context: ExtensionContext): Promise<Cc7Api> {
  const ctx = new Ctx(context);
  registerCommands(ctx);
  const tree = new IncidentsTree(ctx);
  const status = new StatusItem(ctx);
  new DeadlineAlerts(ctx);
  await ctx.start();
  return {
    serverStatus: () => ctx.serverStatus,
    summary: () => ctx.summary.summary,
    onDidChangeSummary: ctx.summary.onDidChange,
    refreshSummary: () => ctx.summary.refresh(),
    statusText: () => status.text,
    tree,
    messages: ctx.messages,
    stopServer: () => ctx.stop(),
    startServer: () => ctx.start(),
  };
}
