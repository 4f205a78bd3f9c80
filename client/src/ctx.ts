import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SummaryModel } from './summary';

export type ServerStatus = 'starting' | 'running' | 'stopped';

/** The context keys `when` clauses in package.json read. */
export const ContextKeys = {
  /** starting | running | stopped */
  serverStatus: 'cc7.serverStatus',
  /** The workspace has a ResponsePlan. */
  hasPlan: 'cc7.hasPlan',
} as const;

/**
 * The one object the extension hangs on (rust-analyzer's Ctx): the language client and its
 * status, the output channel, the summary every view reads, and the context keys. Commands
 * and views get it; nothing else holds state. Every disposable goes to the extension's
 * subscriptions.
 */
export class Ctx implements vscode.Disposable {
  readonly output: vscode.LogOutputChannel;
  readonly summary: SummaryModel;
  /** Every message shown to the user, oldest first: the output channel has them too, and the e2e tests read them. */
  readonly messages: string[] = [];
  private languageClient: LanguageClient | undefined;
  private status: ServerStatus = 'stopped';
  private readonly statusChanged = new vscode.EventEmitter<ServerStatus>();
  readonly onDidChangeServerStatus = this.statusChanged.event;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('CC7', { log: true });
    this.summary = new SummaryModel((message) => this.output.warn(message));
    extension.subscriptions.push(this, this.output, this.summary, this.statusChanged);
    this.summary.onDidChange((summary) => void this.setContext(ContextKeys.hasPlan, summary?.hasPlan ?? false));
    void this.setContext(ContextKeys.serverStatus, this.status);
  }

  get serverStatus(): ServerStatus {
    return this.status;
  }

  /** The language client, only while its server runs. */
  get client(): LanguageClient | undefined {
    return this.status === 'running' ? this.languageClient : undefined;
  }

  /** Starts the language server over IPC for the YAML files of the workspace. */
  async start(): Promise<void> {
    if (this.languageClient) return;
    const module = this.extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file', language: 'yaml' }],
      synchronize: { configurationSection: 'cc7' },
      outputChannel: this.output,
      // The workspace's storage folder holds the server's analysis cache (none without a workspace).
      initializationOptions: { cacheDir: this.extension.storageUri?.fsPath },
    };
    const client = new LanguageClient('cc7', 'CC7 Incident Response', serverOptions, clientOptions);
    this.languageClient = client;
    client.onDidChangeState(({ newState }) => {
      // A client being replaced (restart) no longer speaks for the server.
      if (this.languageClient !== client) return;
      if (newState === State.Running) this.setStatus('running');
      else if (newState === State.Starting) this.setStatus('starting');
      else this.setStatus('stopped');
    });
    this.setStatus('starting');
    try {
      await client.start();
      // onDidChangeState may come late; the client is running once start resolves.
      this.setStatus('running');
    } catch (error) {
      this.output.error(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
      this.languageClient = undefined;
      this.setStatus('stopped');
      await client.dispose().catch(() => undefined);
    }
  }

  /** Stops the language server (the tree and the status bar then say so). */
  async stop(): Promise<void> {
    const client = this.languageClient;
    this.languageClient = undefined;
    this.setStatus('stopped');
    if (client) await client.dispose().catch((error) => this.output.warn(`stopping the language server: ${String(error)}`));
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Shows a message (and logs it): `actions` are its buttons; resolves with the one clicked. */
  notify(kind: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Thenable<string | undefined> {
    this.messages.push(message);
    this.output.info(`${kind}: ${message}`);
    if (kind === 'error') return vscode.window.showErrorMessage(message, ...actions);
    if (kind === 'warning') return vscode.window.showWarningMessage(message, ...actions);
    return vscode.window.showInformationMessage(message, ...actions);
  }

  setContext(key: string, value: unknown): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    void this.stop();
  }

  private setStatus(status: ServerStatus): void {
    if (status === this.status) return;
    this.status = status;
    void this.setContext(ContextKeys.serverStatus, status);
    if (status === 'running' && this.languageClient) this.summary.attach(this.languageClient);
    else this.summary.detach();
    this.statusChanged.fire(status);
  }
}
