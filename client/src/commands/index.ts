import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Ctx } from '../ctx';
import { advancePhase } from './advance-phase';
import { exportEvidenceBundle } from './export-bundle';
import { newRecordCommand } from './new-record';
import { copyId, openRunbook } from './tree-items';
import { verifyEvidenceBundle } from './verify-bundle';
import { createResponsePlan, refresh, restartServer, showIncidents } from './workspace';

/** A command that needs the language server: it gets the running client. */
type ServerCommand = (ctx: Ctx, client: LanguageClient, ...args: any[]) => unknown;
/** A command that works without it. */
type LocalCommand = (ctx: Ctx, ...args: any[]) => unknown;

/** Every command of package.json: registered at activation, whatever the server's state. */
const SERVER_COMMANDS: Record<string, ServerCommand> = {
  'cc7.newIncident': newRecordCommand('Incident'),
  'cc7.newSecurityEvent': newRecordCommand('SecurityEvent'),
  'cc7.newTabletopExercise': newRecordCommand('TabletopExercise'),
  'cc7.advancePhase': advancePhase,
  'cc7.refresh': refresh,
  'cc7.exportEvidenceBundle': exportEvidenceBundle,
  'cc7.verifyEvidenceBundle': verifyEvidenceBundle,
};

const LOCAL_COMMANDS: Record<string, LocalCommand> = {
  'cc7.restartServer': restartServer,
  'cc7.createResponsePlan': createResponsePlan,
  'cc7.showIncidents': showIncidents,
  'cc7.copyId': copyId,
  'cc7.openRunbook': openRunbook,
};

export function registerCommands(ctx: Ctx): void {
  for (const [id, run] of Object.entries(SERVER_COMMANDS)) {
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => {
      const client = ctx.client;
      if (!client) return explainServerDown(ctx);
      return run(ctx, client, ...args);
    }));
  }
  for (const [id, run] of Object.entries(LOCAL_COMMANDS)) {
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => run(ctx, ...args)));
  }
}

/** What a command that needs the server says while the server starts or is down. */
function explainServerDown(ctx: Ctx): undefined {
  if (ctx.serverStatus === 'starting') {
    void ctx.notify('info', 'cc7: the language server is starting… try again in a moment.');
  } else {
    void ctx.notify('warning', 'cc7: the language server is not running: run CC7: Restart Language Server.', 'Restart')
      .then((choice) => choice && vscode.commands.executeCommand('cc7.restartServer'));
  }
  return undefined;
}
