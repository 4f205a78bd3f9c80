import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { ServerCommands } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { INCIDENTS_VIEW } from '../tree/incidents-tree';
import { responsePlanTemplate } from './plan-template';

/** cc7.refresh: the server re-scans every folder; the summary follows. */
export async function refresh(ctx: Ctx, client: LanguageClient): Promise<void> {
  await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.refresh, arguments: [] });
  await ctx.summary.refresh();
}

export async function restartServer(ctx: Ctx): Promise<void> {
  ctx.output.info('restarting the language server');
  await ctx.restart();
}

export function showIncidents(): Thenable<unknown> {
  return vscode.commands.executeCommand(`${INCIDENTS_VIEW}.focus`);
}

/** The plan's place in a workspace folder. */
const PLAN_PATH = ['plan', 'response-plan.yaml'];

/**
 * cc7.createResponsePlan: writes plan/response-plan.yaml from a template (never over an
 * existing file) and opens it. Resolves with its URI.
 */
export async function createResponsePlan(ctx: Ctx): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, ...PLAN_PATH);
  if (await exists(uri)) {
    void ctx.notify('info', `${vscode.workspace.asRelativePath(uri)} already exists: opened it.`);
  } else {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(responsePlanTemplate(new Date())));
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** The folder to work in: the only one, or the one the user picks. */
export async function pickFolder(placeHolder = 'The workspace folder to write into'): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder });
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
