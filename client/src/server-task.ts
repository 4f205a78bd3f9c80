import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LSPErrorCodes, ResponseError, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';

/**
 * Runs a long server command (the bundle's export and verify) in a notification with Cancel:
 * the server's work-done reports become its message and bar, Cancel cancels the request (the
 * server then stops and cleans up). Resolves with the server's answer, or `cancelled` when the
 * request was cancelled before the server took it.
 */
export function runServerTask<R>(client: LanguageClient, title: string, command: string, args: unknown[]): Thenable<R | { status: 'cancelled' }> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const workDoneToken = randomUUID();
    let shown = 0;
    const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      // The bar takes increments; the server's percentage never goes back.
      const increment = value.percentage === undefined ? undefined : value.percentage - shown;
      shown = value.percentage ?? shown;
      progress.report({ message: value.message, increment });
    });
    try {
      return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken }, token) as R;
    } catch (error) {
      if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled) return { status: 'cancelled' as const };
      throw error;
    } finally {
      listener.dispose();
    }
  });
}
