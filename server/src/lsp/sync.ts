import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Changes } from '../core/service/program';
import { merge } from '../node/scan';
import { toDiagnostic } from '../core/service/diagnostics';
import { EditScheduler } from './scheduler';
import type { ServerState } from './state';

/** Edits closer together than this are checked once. */
const EDIT_WINDOW_MS = 30;
/** How often deadlines are re-evaluated against the wall clock ("due in 9 h" must stay true). */
const CLOCK_RECHECK_MS = 10 * 60_000;

/**
 * Keeps the state in step with the client: open documents and their edits, files changed on
 * disk, settings, workspace folders, and the wall clock. Returns what to stop at shutdown.
 */
export function syncWithClient(connection: Connection, state: ServerState): { dispose(): void } {
  const checkOpenDocument = (uri: string): void => {
    const document = state.documents.get(uri);
    if (!document) return;
    const file = URI.parse(uri).fsPath;
    const program = state.programs.programFor(file);
    const changes = program.updateFile(file, { text: document.getText() });
    // The edited document is always answered, with its version, even when nothing changed.
    changes.delete(file);
    state.publish(changes);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: program.findings(file).map(toDiagnostic) });
  };
  const scheduler = new EditScheduler(EDIT_WINDOW_MS, checkOpenDocument);

  // Deadlines move with the wall clock: re-check now and then, unless "now" is pinned.
  const clockTimer = setInterval(() => {
    if (!state.now.pinned) state.publish(state.programs.clockMoved());
  }, CLOCK_RECHECK_MS);
  clockTimer.unref();

  const pullSettings = async (): Promise<void> => {
    if (state.support.configuration) state.applySettings(await connection.workspace.getConfiguration('cc7'));
  };

  connection.onInitialized(async () => {
    if (state.support.watchFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    if (state.support.configuration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'cc7' });
    }
    if (state.support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
        const removed = new Set(event.removed.map((folder) => URI.parse(folder.uri).fsPath));
        state.roots = [...state.roots.filter((root) => !removed.has(root)), ...event.added.map((folder) => URI.parse(folder.uri).fsPath)];
        await state.rescan();
      });
    }
    await pullSettings();
    await state.rescan();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (state.support.configuration) await pullSettings();
    else state.applySettings((change.settings as { cc7?: unknown } | undefined)?.cc7);
    const { rescan, changes } = state.programs.updateSettings(state.settings, state.now.clock);
    if (rescan) await state.rescan();
    else state.publish(changes);
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changes: Changes = new Map();
    for (const event of params.changes) {
      const file = URI.parse(event.uri).fsPath;
      if (!state.programs.isWatched(file)) continue;
      const program = state.programs.programFor(file);
      // A file deleted on disk leaves the workspace even while an editor still holds its text
      // (VS Code keeps a closed editor's document for a while); an edit of that buffer brings it back.
      // A check of the buffer still pending (opening schedules one) would bring it back at once.
      const open = state.openByPath.get(file);
      if (event.type === FileChangeType.Deleted) {
        if (open) scheduler.cancel(open.uri);
        merge(changes, program.removeFile(file));
      } else if (!open) {
        merge(changes, program.updateFile(file));
      }
    }
    state.publish(changes);
  });

  // TextDocuments fires onDidChangeContent right after onDidOpen: that schedules the open document's check, once.
  state.documents.onDidOpen(({ document }) => {
    state.openByPath.set(URI.parse(document.uri).fsPath, document);
  });
  state.documents.onDidChangeContent(({ document }) => scheduler.schedule(document.uri));
  state.documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    const file = URI.parse(document.uri).fsPath;
    state.openByPath.delete(file);
    state.closed(file);
    const program = state.programs.programFor(file);
    // Back to the file on disk; a file outside every folder is no longer checked.
    state.publish(state.programs.isWatched(file) ? program.updateFile(file) : program.removeFile(file));
  });

  return {
    dispose() {
      clearInterval(clockTimer);
      scheduler.dispose();
    },
  };
}
