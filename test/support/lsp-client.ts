/**
 * A small LSP client for tests: spawns the BUILT language server (`node dist/server.js
 * --stdio`, so `npm run build` must have run) and speaks real JSON-RPC to it over stdio.
 * It records every publishDiagnostics by URI, answers the requests a server sends to its
 * client, and lets a test wait for the diagnostics it expects: event-driven, with a
 * timeout that fails the test and says what was seen instead. Never sleeps.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  CodeLensRefreshRequest,
  CodeLensRequest,
  CompletionRequest,
  CodeActionRequest,
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  InlayHintRefreshRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DiagnosticSeverity,
  ExecuteCommandRequest,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ApplyWorkspaceEditParams,
  type CancellationToken,
  type ClientCapabilities,
  type CodeLens,
  type CompletionList,
  type Definition,
  type DefinitionLink,
  type CodeAction,
  type CodeActionContext,
  type Command,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  type Location,
  type PrepareRenameResult,
  type SymbolInformation,
  type WorkspaceSymbol,
  type InitializeResult,
  type MarkupContent,
  type Position,
  type ProtocolConnection,
  type Range,
  type Registration,
  type TextEdit,
  type WorkspaceEdit,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DebugRequests, type DebugCounts, type DebugStats } from '../../server/src/protocol';
import { DEFAULT_NOW, rangeOfSnippet, type ExpectedFinding } from './fixtures';
import { Notifications, Requests, type WorkspaceSummary } from '../../server/src/protocol';

export { FileChangeType };

export type WorkDoneProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** A waiter for publications of any URI. */
const ANY_URI = '*';

export const SERVER_JS = path.join(__dirname, '..', '..', 'dist', 'server.js');

/** How long a wait lasts unless the test says otherwise. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** What a client that supports everything the server can use announces. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export interface LspClientOptions {
  /** The workspace folder (an absolute path); none starts the server without folders. */
  workspace?: string;
  /** How to reach the server: `--stdio` (default) or `--node-ipc`. */
  transport?: 'stdio' | 'ipc';
  /** Several workspace folders (a multi-root workspace), instead of `workspace`. */
  folders?: string[];
  capabilities?: ClientCapabilities;
  /** The `cc7` section answered to workspace/configuration; change it with `settings =`. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Added to the server's environment; CC7_NOW defaults to DEFAULT_NOW so deadlines are fixed. */
  env?: Record<string, string>;
}

function workspaceFolder(folder: string) {
  return { uri: fileUri(folder), name: path.basename(folder) };
}

/** The URI the server uses for a file path (vscode-uri, as the server does). */
export function fileUri(file: string): string {
  return URI.file(file).toString();
}

export class LspClient {
  /** The `cc7` settings the client hands out when the server asks. */
  settings: Record<string, unknown>;
  /** Every capability the server registered dynamically. */
  readonly registrations: Registration[] = [];
  /** window/logMessage and window/showMessage texts, for failure messages. */
  readonly log: string[] = [];
  readonly initializeResult: Promise<InitializeResult>;
  /** Every workspace/applyEdit the server sent, oldest first (each answered as applied, and applied to the open documents). */
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  /** How many of each server notification outside LSP's own (`cc7/summaryChanged`) arrived. */
  private readonly notificationCounts = new Map<string, number>();

  /** How many times the server asked to refresh, by method (workspace/inlayHint/refresh, workspace/codeLens/refresh). */
  readonly refreshes = new Map<string, number>();

  private readonly publications = new Map<string, Diagnostic[][]>();
  /** The document version each publication named (an open document's), in the order of `publications`. */
  private readonly publishedVersions = new Map<string, (number | undefined)[]>();
  private readonly waiters = new Set<{ uri: string; check: () => void }>();
  private readonly documents = new Map<string, TextDocument>();
  private readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  private stderr = '';
  /** How many times the server pulled the settings (workspace/configuration). */
  private settingsPulls = 0;
  /** Work-done tokens handed out so far. */
  private progressTokens = 0;

  private constructor(private readonly child: ChildProcess, private readonly connection: ProtocolConnection, private readonly options: LspClientOptions) {
    this.settings = options.settings ?? {};
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { this.stderr += chunk; });
    // Writing to a server that died must fail the waiting test, not crash the test run.
    child.stdin!.on('error', (error) => this.log.push(`stdin: ${error.message}`));
    this.exited = new Promise((resolve) => {
      child.on('exit', (code) => {
        this.exitCode = code;
        resolve(code);
        for (const waiter of [...this.waiters]) waiter.check();
      });
    });
    this.listen();
    this.initializeResult = this.initialize();
  }

  /** Spawns the built server and completes initialize/initialized. */
  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run \`npm run build\` first`);
    const env = { ...process.env, CC7_NOW: DEFAULT_NOW, ...options.env };
    // stdio for any editor; node IPC as the VS Code client runs it (TransportKind.ipc).
    const ipc = options.transport === 'ipc';
    const child = ipc
      ? fork(SERVER_JS, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'], env })
      : spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(client.failure(`no answer to initialize within ${DEFAULT_TIMEOUT_MS} ms`)), DEFAULT_TIMEOUT_MS);
    });
    const died = client.exited.then((code) => Promise.reject(client.failure(`the server exited (code ${code}) before answering initialize`)));
    try {
      await Promise.race([client.initializeResult, timeout, died]);
    } catch (error) {
      client.dispose();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    died.catch(() => undefined);
    return client;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** True until the server process ends. */
  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** Every publication for a URI, oldest first. */
  diagnosticsHistory(uri: string): readonly Diagnostic[][] {
    return this.publications.get(uri) ?? [];
  }

  /** The last publication for a URI; undefined when none arrived. */
  latest(uri: string): Diagnostic[] | undefined {
    return this.publications.get(uri)?.at(-1);
  }

  /**
   * Resolves with the first publication for `uri` that satisfies `predicate`, counting the
   * latest one already received (so a fast server cannot be missed): write predicates that
   * tell the state you wait for apart from the one before. Rejects on timeout or when the
   * server exits, naming the diagnostics last seen.
   */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Diagnostic[]> {
    return this.waitFor(uri, () => {
      const latest = this.latest(uri);
      return latest && predicate(latest) ? latest : undefined;
    }, timeoutMs, `matching diagnostics for ${uri}`);
  }

  /**
   * Resolves with the first publication for `uri` that names document version `version`,
   * among those from index `after` of its history on (an open document's diagnostics carry
   * the version they were computed for). Rejects on timeout or when the server exits.
   */
  waitForVersion(uri: string, version: number, after = 0, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Diagnostic[]> {
    return this.waitFor(uri, () => {
      const versions = this.publishedVersions.get(uri) ?? [];
      const index = versions.indexOf(version, after);
      return index === -1 ? undefined : this.publications.get(uri)![index];
    }, timeoutMs, `diagnostics of version ${version} of ${uri}`);
  }

  /** The version of an open document as the client holds it. */
  version(uri: string): number {
    return this.document(uri).version;
  }

  /** Resolves once publications have arrived for at least `count` distinct URIs (all files diagnosed). */
  async waitForPublishedUris(count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    await this.waitFor(ANY_URI, () => (this.publications.size >= count ? true : undefined), timeoutMs,
      `diagnostics for ${count} files (${this.publications.size} so far)`);
  }

  /** Resolves once the server has asked `count` times in all to refresh with `method` (a refresh request type's method). */
  async waitForRefresh(method: string, count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    await this.waitFor(ANY_URI, () => ((this.refreshes.get(method) ?? 0) >= count ? true : undefined), timeoutMs,
      `${count} ${method} requests (${this.refreshes.get(method) ?? 0} so far)`);
  }

  // ---- Editor features: one typed helper per request --------------------------------------

  /** textDocument/inlayHint over `range` (the whole document when omitted). */
  async inlayHints(uri: string, range: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } }): Promise<InlayHint[]> {
    return (await this.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range })) ?? [];
  }

  async codeLenses(uri: string): Promise<CodeLens[]> {
    return (await this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    return ((await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? []) as DocumentSymbol[];
  }

  async definition(uri: string, position: Position): Promise<Definition | DefinitionLink[] | null> {
    return this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
  }

  async references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[]> {
    return (await this.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration } })) ?? [];
  }

  async prepareRename(uri: string, position: Position): Promise<PrepareRenameResult | null> {
    return this.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
  }

  /** textDocument/rename; rejects with the server's ResponseError when it refuses. */
  async rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
    return this.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName });
  }

  async workspaceSymbols(query: string): Promise<(SymbolInformation | WorkspaceSymbol)[]> {
    return (await this.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) ?? [];
  }

  /** Resolves when `ready` gives a value, checked now and on each publication for `uri`; rejects on timeout or exit. */
  private waitFor<T>(uri: string, ready: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const waiter = {
        uri,
        check: () => {
          const value = ready();
          if (value !== undefined) finish(() => resolve(value));
          else if (!this.alive) finish(() => reject(this.failure(`the server exited (code ${this.exitCode}) while waiting for ${what}`, uri)));
        },
      };
      const timer = setTimeout(() => finish(() => reject(this.failure(`no ${what} within ${timeoutMs} ms`, uri))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        settle();
      };
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  /**
   * A request the server has no handler for: its MethodNotFound answer comes after every
   * message sent before it was handled, and after everything the server sent meanwhile.
   */
  async roundTrip(): Promise<void> {
    await this.connection.sendRequest('cc7/test/roundTrip', {}).then(
      () => undefined,
      (error: { code?: number }) => {
        if (error.code !== -32601) throw error;
      },
    );
  }

  /** A custom request (the ids of server/src/protocol.ts). */
  request<R>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** `cc7/workspaceSummary`. */
  workspaceSummary(): Promise<WorkspaceSummary> {
    return this.request(Requests.workspaceSummary);
  }

  /** workspace/executeCommand with the given arguments. */
  executeCommand<R>(command: string, ...args: unknown[]): Promise<R> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<R>;
  }

  /**
   * workspace/executeCommand with a `workDoneToken`: resolves with the answer and every
   * `$/progress` the server sent for the token before it, each also given to `onProgress` as it
   * comes; `token` cancels the request.
   */
  async executeCommandWithProgress<R>(command: string, args: unknown[], token?: CancellationToken,
    onProgress?: (value: WorkDoneProgressValue) => void): Promise<{ result: R; progress: WorkDoneProgressValue[] }> {
    const workDoneToken = `test-progress-${++this.progressTokens}`;
    const progress: WorkDoneProgressValue[] = [];
    const listener = this.connection.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      progress.push(value);
      onProgress?.(value);
    });
    try {
      const result = await this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken }, token) as R;
      return { result, progress };
    } finally {
      listener.dispose();
    }
  }

  /**
   * Resolves with the first workspace summary `done` accepts: the current one, or one asked for
   * after each `cc7/summaryChanged`; rejects on timeout, naming the counts last seen.
   */
  async waitForSummary(done: (summary: WorkspaceSummary) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<WorkspaceSummary> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.notificationCount(Notifications.summaryChanged);
      const summary = await this.workspaceSummary();
      if (done(summary)) return summary;
      const left = deadline - Date.now();
      if (left <= 0) throw this.failure(`no matching workspace summary within ${timeoutMs} ms; the last counts: ${JSON.stringify(summary.counts)}`);
      await this.waitForNotification(Notifications.summaryChanged, seen, left);
    }
  }

  /** How many times a server notification arrived so far. */
  notificationCount(method: string): number {
    return this.notificationCounts.get(method) ?? 0;
  }

  /** Resolves once a server notification has arrived more than `seen` times; rejects on timeout or exit. */
  async waitForNotification(method: string, seen: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    await this.waitFor(ANY_URI, () => (this.notificationCount(method) > seen ? true : undefined), timeoutMs, `${method} number ${seen + 1}`);
  }

  /** What the server has read and analysed since it started (a server started with CC7_DEBUG_STATS=1 only). */
  debugStats(): Promise<DebugStats> {
    return this.connection.sendRequest(DebugRequests.stats);
  }

  /** cc7/debug/settled (CC7_DEBUG_STATS=1): the counts, once every background re-analysis is done and published. */
  debugSettled(): Promise<DebugCounts> {
    return this.connection.sendRequest(DebugRequests.settled);
  }

  /** Opens a document with the given text (the editor's buffer from now on). */
  async open(file: string, text: string): Promise<string> {
    const uri = fileUri(file);
    const document = TextDocument.create(uri, 'yaml', 1, text);
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: document.languageId, version: document.version, text },
    });
    return uri;
  }

  /** The text of an open document as the client holds it. */
  text(uri: string): string {
    return this.document(uri).getText();
  }

  /** Incremental edits, as an editor sends them; the client applies them to its own copy too. */
  async change(uri: string, edits: { range: Range; text: string }[]): Promise<void> {
    const previous = this.document(uri);
    const document = TextDocument.update(previous, edits, previous.version + 1);
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: document.version },
      contentChanges: edits,
    });
  }

  /** textDocument/completion; an answer given as a bare array comes back as a complete list. */
  async completion(uri: string, position: Position): Promise<CompletionList | null> {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return Array.isArray(result) ? { isIncomplete: false, items: result } : result;
  }

  /** textDocument/hover. */
  async hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** Replaces the [[marked]] part of a snippet that occurs once in the open document. */
  async replace(uri: string, snippet: string, text: string): Promise<void> {
    await this.change(uri, [{ range: rangeOfSnippet(this.text(uri), snippet, uri), text }]);
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tells the server what happened to files on disk (the editor's file watcher). */
  async filesChanged(...changes: { file: string; type: FileChangeType }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: changes.map(({ file, type }) => ({ uri: fileUri(file), type })),
    });
  }

  /** Announces a settings change; the server then pulls `settings` (or reads `settings` when it cannot pull). */
  /** workspace/didChangeWorkspaceFolders: the user added or removed folders. */
  async foldersChanged(added: string[], removed: string[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: added.map(workspaceFolder), removed: removed.map(workspaceFolder) },
    });
  }

  async configurationChanged(settings?: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: settings ?? null });
  }

  /**
   * Hands the server new `cc7` settings and resolves once it has pulled and applied them (a
   * round trip after its pull is answered). Needs a server that pulls (FULL_CAPABILITIES).
   */
  async configure(settings: Record<string, unknown>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    this.settings = settings;
    const pulls = this.settingsPulls;
    await this.configurationChanged();
    await this.waitFor(ANY_URI, () => (this.settingsPulls > pulls ? true : undefined), timeoutMs, 'a settings pull');
    await this.roundTrip();
  }

  /** textDocument/codeAction for a range; `context` defaults to no diagnostics and no kind filter. */
  async codeActions(uri: string, range: Range, context: CodeActionContext = { diagnostics: [] }): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context });
    return (result ?? []).filter((item): item is CodeAction => !isCommand(item));
  }

  /**
   * Applies a workspace edit to the open documents as an editor would: every TextDocumentEdit
   * must be for the version the client holds, and is sent to the server as one change.
   */
  async applyEdit(edit: WorkspaceEdit | undefined): Promise<void> {
    assert.ok(edit?.documentChanges, 'the edit has no documentChanges');
    for (const change of edit.documentChanges) {
      assert.ok('textDocument' in change, 'only text document edits are expected');
      const document = this.document(change.textDocument.uri);
      assert.equal(change.textDocument.version, document.version, `the edit is for version ${change.textDocument.version}, the document is at ${document.version}`);
      const edits = change.edits.filter((item): item is TextEdit => 'newText' in item);
      assert.equal(edits.length, change.edits.length, 'only plain text edits are expected');
      const text = TextDocument.applyEdits(document, edits);
      await this.change(change.textDocument.uri, [{ range: { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, text }]);
    }
  }

  /** The server's child processes now, with their command lines (Linux /proc). */
  children(): { pid: number; command: string }[] {
    const pids = readFileSync(`/proc/${this.pid}/task/${this.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return pids.flatMap((pid) => {
      try {
        return [{ pid: Number(pid), command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() }];
      } catch {
        return []; // ended meanwhile
      }
    });
  }

  /** The server's resident memory now and at its peak, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kilobytes('VmRSS'), peak: kilobytes('VmHWM') };
  }

  /** shutdown, then exit; resolves with the process exit code. */
  async stop(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const timeout = new Promise<never>((_, reject) => {
      setTimeout(() => reject(this.failure(`the server did not exit within ${timeoutMs} ms of shutdown/exit`)), timeoutMs).unref();
    });
    const code = await Promise.race([this.exited, timeout]);
    this.connection.dispose();
    return code;
  }

  /** For after hooks: shutdown and exit when the server still answers, then whatever is left ended (dispose). */
  async end(): Promise<void> {
    await this.stop().catch(() => undefined);
    this.dispose();
  }

  /** For afterEach: ends the server if a test left it running. */
  dispose(): void {
    this.connection.dispose();
    if (this.alive) this.child.kill();
  }

  private document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  private async initialize(): Promise<InitializeResult> {
    const folders = this.options.folders ?? (this.options.workspace ? [this.options.workspace] : []);
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders.length ? fileUri(folders[0]) : null,
      workspaceFolders: folders.length ? folders.map(workspaceFolder) : null,
      capabilities: this.options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  private listen(): void {
    const connection = this.connection;
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics, version }) => {
      const list = this.publications.get(uri) ?? [];
      list.push(diagnostics);
      this.publications.set(uri, list);
      const versions = this.publishedVersions.get(uri) ?? [];
      versions.push(version);
      this.publishedVersions.set(uri, versions);
      for (const waiter of [...this.waiters]) if (waiter.uri === uri || waiter.uri === ANY_URI) waiter.check();
    });
    connection.onRequest(ConfigurationRequest.type, ({ items }) => {
      this.settingsPulls++;
      queueMicrotask(() => {
        for (const waiter of [...this.waiters]) if (waiter.uri === ANY_URI) waiter.check();
      });
      return items.map((item) => (item.section === 'cc7' ? this.settings : null));
    });
    connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
      this.registrations.push(...registrations);
    });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(ApplyWorkspaceEditRequest.type, async (params) => {
      this.appliedEdits.push(params);
      // As an editor does: the open buffers change, and the server hears of it. Edits apply
      // to the original text, so they are sent last one first.
      for (const [uri, edits] of Object.entries(params.edit.changes ?? {})) {
        if (!this.documents.has(uri)) continue;
        const lastFirst = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
        await this.change(uri, lastFirst.map((edit) => ({ range: edit.range, text: edit.newText })));
      }
      return { applied: true };
    });
    connection.onNotification(Notifications.summaryChanged, () => {
      this.notificationCounts.set(Notifications.summaryChanged, this.notificationCount(Notifications.summaryChanged) + 1);
      for (const waiter of [...this.waiters]) if (waiter.uri === ANY_URI) waiter.check();
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    for (const method of [InlayHintRefreshRequest.method, CodeLensRefreshRequest.method]) {
      connection.onRequest(method, () => {
        this.refreshes.set(method, (this.refreshes.get(method) ?? 0) + 1);
        for (const waiter of [...this.waiters]) if (waiter.uri === ANY_URI) waiter.check();
        return null;
      });
    }
    connection.onNotification(LogMessageNotification.type, ({ message }) => {
      this.log.push(textOf(message));
    });
    connection.onNotification(ShowMessageNotification.type, ({ message }) => {
      this.log.push(textOf(message));
    });
    connection.listen();
  }

  private failure(reason: string, uri?: string): Error {
    const seen = uri ? this.diagnosticsHistory(uri) : [];
    const last = seen.at(-1);
    const lines = [
      reason,
      uri ? `publications received for it: ${seen.length}; the last one:${last ? (last.length ? last.map((d) => `\n  ${describeDiagnostic(d)}`).join('') : ' (empty)') : ' none'}` : '',
      this.log.length ? `server log:\n  ${this.log.slice(-10).join('\n  ')}` : '',
      this.stderr ? `server stderr:\n${this.stderr.slice(-2000)}` : '',
    ];
    return new Error(lines.filter(Boolean).join('\n'));
  }
}

function isCommand(item: Command | CodeAction): item is Command {
  return typeof (item as Command).command === 'string';
}

/** One readable line per diagnostic: 1-based positions, as an editor shows them. */
export function describeDiagnostic(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} severity ${diagnostic.severity} ${String(diagnostic.code)}: ${textOf(diagnostic.message)}`;
}

/** A message as plain text (LSP 3.18 allows markup in messages). */
export function textOf(message: string | MarkupContent): string {
  return typeof message === 'string' ? message : message.value;
}

/** Diagnostics of a given rule id. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** The fixture folders of these tests. */
export const LSP_FIXTURES = path.join(__dirname, '..', 'fixtures', 'lsp');

/**
 * A throwaway workspace: the given fixture folders (names under test/fixtures/lsp) copied,
 * in order, into one new temp folder. Returns its real path and a function removing it.
 */
export function copyWorkspace(...fixtures: string[]): { root: string; remove: () => void } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-lsp-')));
  for (const fixture of fixtures) cpSync(path.join(LSP_FIXTURES, fixture), root, { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A copy of a fixture folder (under test/fixtures/lsp) and a server on it, for the tests of a
 * describe block: `shared()` copies the fixture and starts one server for all of them;
 * `perTest()` gives each test a fresh copy to start its own server on (`start`). Either way the
 * hooks end the server and remove the copy. A started server has published its whole scan.
 */
export class FixtureWorkspace {
  private copy: { root: string; remove: () => void } | undefined;
  private client: LspClient | undefined;

  /**
   * `documents`: how many CC7 documents the fixture holds (each is published after the scan);
   * `env`: added to the environment of every server started on it.
   */
  constructor(private readonly fixture: string, private readonly documents: number, private readonly env: Record<string, string> = {}) {}

  /** The copy's real path (inside the hooks). */
  get root(): string {
    if (!this.copy) throw new Error(`no copy of the ${this.fixture} fixture outside the hooks`);
    return this.copy.root;
  }

  /** The server started on the copy. */
  get server(): LspClient {
    if (!this.client) throw new Error(`no server started on the ${this.fixture} fixture`);
    return this.client;
  }

  /** The absolute path of a file of the copy. */
  file(relative: string): string {
    return path.join(this.root, relative);
  }

  /** A file's text on disk. */
  read(relative: string): string {
    return readFileSync(this.file(relative), 'utf8');
  }

  /** A file's text on disk with `find`, which must occur once in it, replaced by `replacement`. */
  edited(relative: string, find: string, replacement: string): string {
    const text = this.read(relative);
    assert.equal(text.split(find).length, 2, `"${find}" must occur once in ${relative}`);
    return text.replace(find, replacement);
  }

  /** Opens a file on the server with its text on disk; returns its URI and text. */
  async open(relative: string): Promise<{ uri: string; text: string }> {
    const text = this.read(relative);
    return { uri: await this.server.open(this.file(relative), text), text };
  }

  /** Starts the server on the copy (the fixture's env under the options' own) and waits until its scan is published. */
  async start(options: Omit<LspClientOptions, 'workspace'> = {}): Promise<LspClient> {
    this.client = await LspClient.start({ workspace: this.root, ...options, env: { ...this.env, ...options.env } });
    await this.client.waitForPublishedUris(this.documents);
    return this.client;
  }

  /** Registers before/after: one copy and one server (started with `options`) for every test of the block. */
  shared(options: Omit<LspClientOptions, 'workspace'> = {}): this {
    before(async () => {
      this.copy = copyWorkspace(this.fixture);
      await this.start(options);
    });
    after(() => this.end());
    return this;
  }

  /** Registers beforeEach/afterEach: a fresh copy for each test, which starts its server itself (`start`). */
  perTest(): this {
    beforeEach(() => {
      this.copy = copyWorkspace(this.fixture);
    });
    afterEach(() => this.end());
    return this;
  }

  private async end(): Promise<void> {
    await this.client?.end();
    this.client = undefined;
    this.copy?.remove();
    this.copy = undefined;
  }
}

/** Severity words as LSP numbers: the test's own oracle, independent of the server's mapping. */
const LSP_SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Where a rule's documentation lives (the contract every diagnostic links to). */
export function ruleDocs(rule: string): string {
  return `https://github.com/cc7/cc7/blob/main/docs/rules/${rule}.md`;
}

/**
 * Asserts that diagnostics are exactly the expected findings of one file: code, source,
 * documentation link, severity, range (from the [[marked]] snippet in `text`) and message.
 */
export function assertDiagnostics(diagnostics: readonly Diagnostic[], expected: readonly ExpectedFinding[], text: string): void {
  const want = expected.map((item, i) => ({ item, range: rangeOfSnippet(text, item.at, `expected finding ${i + 1}`) }));
  const key = (code: unknown, severity: unknown, range: Range) =>
    `${String(code)} severity ${String(severity)} ${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
  assert.deepEqual(
    diagnostics.map((d) => key(d.code, d.severity, d.range)).sort(),
    want.map(({ item, range }) => key(item.rule, LSP_SEVERITY[item.severity], range)).sort(),
    `diagnostics differ; received:${diagnostics.map((d) => `\n  ${describeDiagnostic(d)}`).join('')}`,
  );
  for (const { item, range } of want) {
    const diagnostic = diagnostics.find((d) => key(d.code, d.severity, d.range) === key(item.rule, LSP_SEVERITY[item.severity], range))!;
    assert.equal(diagnostic.source, 'cc7', describeDiagnostic(diagnostic));
    assert.deepEqual(diagnostic.codeDescription, { href: ruleDocs(item.rule) }, describeDiagnostic(diagnostic));
    for (const part of [item.message ?? []].flat()) {
      assert.ok(textOf(diagnostic.message).includes(part), `${describeDiagnostic(diagnostic)}: lacks "${part}"`);
    }
  }
}
