import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { version } from '../../../package.json';
import { ClockError, parseAsOf } from '../core/model/clock';
import type { Changes, FileContent } from '../core/service/program';
import { AnalysisPool } from '../node/analysis-pool';
import { readContent } from '../node/files';
import { toDiagnostic } from './diagnostics';
import { merge } from '../node/scan';
import { FolderPrograms } from './folders';
import { EditScheduler } from './scheduler';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';

/** Edits closer together than this are checked once. */
const EDIT_WINDOW_MS = 30;
/** How often deadlines are re-evaluated against the wall clock ("due in 9 h" must stay true). */
const CLOCK_RECHECK_MS = 10 * 60_000;

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The whole LSP adapter: wires a connection to the analysis core. The entry file only
 * creates the connection (stdio or IPC) and calls this; tests drive the same function.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  /** Open documents by file path, to read the editor's text instead of the disk's. */
  const openByPath = new Map<string, TextDocument>();
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canFollowFolders = false;
  let roots: string[] = [];

  const read = (file: string): FileContent | undefined => {
    const open = openByPath.get(file);
    return open ? { text: open.getText() } : readContent(file, settings.maxFileBytes);
  };
  const pool = AnalysisPool.forMachine();
  const programs = new FolderPrograms(read, settings, pool);

  /** Re-analyses a change queued (a new plan, a new clock) run one at a time, off this thread when possible. */
  let rechecking: Promise<void> | undefined;
  let recheckAgain = false;
  const recheckQueued = (): void => {
    if (rechecking) {
      recheckAgain = true;
      return;
    }
    rechecking = (async () => {
      do {
        recheckAgain = false;
        sendFindings(await programs.recheckStale(yieldToEvents));
      } while (recheckAgain);
    })().finally(() => {
      rechecking = undefined;
    });
  };

  const sendFindings = (changes: Changes): void => {
    for (const [file, findings] of changes) {
      const uri = openByPath.get(file)?.uri ?? URI.file(file).toString();
      void connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
    }
  };

  /** Publishes what changed, then re-checks in the background what the change made stale. */
  const publish = (changes: Changes): void => {
    sendFindings(changes);
    recheckQueued();
  };

  // Deadlines move with the wall clock: re-check now and then, unless "now" is pinned.
  const clockTimer = setInterval(() => {
    if (!settings.asOf && !process.env.CC7_NOW) publish(programs.clockMoved());
  }, CLOCK_RECHECK_MS);
  clockTimer.unref();

  const checkOpenDocument = (uri: string): void => {
    const document = documents.get(uri);
    if (!document) return;
    const file = URI.parse(uri).fsPath;
    const program = programs.programFor(file);
    const changes = program.updateFile(file, { text: document.getText() });
    // The edited document is always answered, with its version, even when nothing changed.
    changes.delete(file);
    publish(changes);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: program.findings(file).map(toDiagnostic) });
  };
  const scheduler = new EditScheduler(EDIT_WINDOW_MS, checkOpenDocument);

  const rescan = async (): Promise<void> => {
    // The same FolderPrograms: its scan clears what the folders it replaces had published.
    programs.useSettings(settings);
    const changes = await programs.scan(roots, yieldToEvents);
    // Documents opened from outside every folder are checked on their own.
    for (const [file, document] of openByPath) {
      if (!programs.isWatched(file)) merge(changes, programs.programFor(file).updateFile(file, { text: document.getText() }));
    }
    publish(changes);
  };

  const applySettings = (raw: unknown): void => {
    const next = normalizeSettings(raw);
    if (next.asOf) {
      try {
        parseAsOf(next.asOf);
      } catch (error) {
        if (!(error instanceof ClockError)) throw error;
        void connection.window.showWarningMessage(`cc7.asOf: ${error.message}; deadlines use the current time.`);
        next.asOf = '';
      }
    }
    settings = next;
  };

  const pullSettings = async (): Promise<void> => {
    if (!canPullConfiguration) return;
    applySettings(await connection.workspace.getConfiguration('cc7'));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    canPullConfiguration = capabilities.workspace?.configuration === true;
    canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canFollowFolders = capabilities.workspace?.workspaceFolders === true;
    roots = (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri).fsPath);
    if (roots.length === 0 && params.rootUri) roots = [URI.parse(params.rootUri).fsPath];
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    applySettings(options?.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cc7-language-server', version },
    };
  });

  connection.onInitialized(async () => {
    if (canWatchFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml}' }],
      });
    }
    if (canPullConfiguration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'cc7' });
    }
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
        const removed = new Set(event.removed.map((folder) => URI.parse(folder.uri).fsPath));
        roots = [...roots.filter((root) => !removed.has(root)), ...event.added.map((folder) => URI.parse(folder.uri).fsPath)];
        await rescan();
      });
    }
    await pullSettings();
    await rescan();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else applySettings((change.settings as { cc7?: unknown } | undefined)?.cc7);
    const { rescan: needsRescan, changes } = programs.updateSettings(settings);
    if (needsRescan) await rescan();
    else publish(changes);
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changes: Changes = new Map();
    for (const event of params.changes) {
      const file = URI.parse(event.uri).fsPath;
      if (openByPath.has(file) || !programs.isWatched(file)) continue;
      const program = programs.programFor(file);
      merge(changes, event.type === FileChangeType.Deleted ? program.removeFile(file) : program.updateFile(file));
    }
    publish(changes);
  });

  documents.onDidOpen(({ document }) => {
    openByPath.set(URI.parse(document.uri).fsPath, document);
    checkOpenDocument(document.uri);
  });
  documents.onDidChangeContent(({ document }) => scheduler.schedule(document.uri));
  documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    const file = URI.parse(document.uri).fsPath;
    openByPath.delete(file);
    const program = programs.programFor(file);
    // Back to the file on disk; a file outside every folder is no longer checked.
    publish(programs.isWatched(file) ? program.updateFile(file) : program.removeFile(file));
  });

  connection.onShutdown(async () => {
    clearInterval(clockTimer);
    scheduler.dispose();
    await rechecking;
    await pool?.dispose();
  });
  documents.listen(connection);
  connection.listen();
}
