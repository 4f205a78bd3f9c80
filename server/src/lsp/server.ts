import * as path from 'node:path';
import { TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { version } from '../../../package.json';
import { registerDebugStats } from './debug-stats';
import { FEATURES } from './features';
import { ServerState } from './state';
import { syncWithClient } from './sync';

/**
 * The whole LSP adapter: wires a connection to the analysis core. The entry file only
 * creates the connection (stdio or IPC) and calls this; tests drive the same function.
 */
export function startServer(connection: Connection): void {
  const state = new ServerState(connection);
  const sync = syncWithClient(connection, state);
  const commands = new Map(FEATURES.flatMap((feature) => Object.entries(feature.commands ?? {})));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const { workspace } = params.capabilities;
    state.support = {
      configuration: workspace?.configuration === true,
      watchFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      workspaceFolders: workspace?.workspaceFolders === true,
      inlayHintRefresh: workspace?.inlayHint?.refreshSupport === true,
      codeLensRefresh: workspace?.codeLens?.refreshSupport === true,
      renameFiles: workspace?.workspaceEdit?.documentChanges === true && (workspace.workspaceEdit.resourceOperations ?? []).includes('rename'),
      snippets: params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    };
    state.roots = (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri).fsPath);
    if (state.roots.length === 0 && params.rootUri) state.roots = [URI.parse(params.rootUri).fsPath];
    const options = params.initializationOptions as { settings?: unknown; cacheDir?: unknown } | undefined;
    state.applySettings(options?.settings);
    // The client's storage folder for this workspace (VS Code: storageUri); without one, no analysis cache.
    if (typeof options?.cacheDir === 'string' && path.isAbsolute(options.cacheDir)) state.programs.useCacheDir(options.cacheDir);
    return {
      capabilities: Object.assign(
        {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
          executeCommandProvider: { commands: [...commands.keys()] },
        },
        ...FEATURES.map((feature) => feature.capabilities),
      ),
      serverInfo: { name: 'cc7-language-server', version },
    };
  });

  for (const feature of FEATURES) feature.register?.(connection, state);
  connection.onExecuteCommand(({ command, arguments: args }, token, progress) => commands.get(command)?.(args ?? [], connection, state, { token, progress }));
  registerDebugStats(connection, state);

  connection.onShutdown(async () => {
    sync.dispose();
    await state.settled();
    await state.pool?.dispose();
  });
  state.documents.listen(connection);
  connection.listen();
}
