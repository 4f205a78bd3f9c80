import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Starts the CC7 language server over IPC for the YAML files of the workspace. */
export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'yaml' }],
    synchronize: { configurationSection: 'cc7' },
    // The workspace's storage folder holds the server's analysis cache (none without a workspace).
    initializationOptions: { cacheDir: context.storageUri?.fsPath },
  };
  const client = new LanguageClient('cc7', 'CC7 Incident Response', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}
