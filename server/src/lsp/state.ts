import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Cc7Document } from '../core/model/document';
import { readDocument } from '../core/service/analyze';
import { DocumentCache } from '../core/service/document-cache';
import type { ParseCounts } from '../core/model/reparse';
import type { Changes, FileContent, Program } from '../core/service/program';
import type { ServiceRequest } from '../core/service/request';
import { AnalysisPool, WORKER_LIMITS, type PoolOptions } from '../node/analysis-pool';
import { readContent } from '../node/files';
import { resolveNow, type ResolvedNow } from '../node/now';
import { toDiagnostic } from '../core/service/diagnostics';
import { FolderPrograms, type Folder } from './folders';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Changes closer together than this are told to the index listeners once. */
const INDEX_TELL_MS = 100;

/** Workers idle this long are ended (their heaps given back); the next large re-analysis starts them again. */
const POOL_IDLE_MS = 10_000;

function poolOptions(): PoolOptions {
  // CC7_POOL_IDLE_MS: tests let the workers go sooner.
  const idle = Number(process.env.CC7_POOL_IDLE_MS);
  return { idleMs: Number.isFinite(idle) && idle > 0 ? idle : POOL_IDLE_MS, resourceLimits: WORKER_LIMITS };
}

/** What the client said it can do, as far as the server cares. */
export interface ClientSupport {
  configuration: boolean;
  watchFiles: boolean;
  workspaceFolders: boolean;
  inlayHintRefresh: boolean;
  codeLensRefresh: boolean;
  /** A workspace edit may rename files (rename moves a file named after the id it renames). */
  renameFiles: boolean;
  /** Completion items may hold snippets (tabstops, choices). */
  snippets: boolean;
}

/**
 * Everything one language server holds: settings and the one resolved clock, the open
 * documents, the programs of the workspace folders, and the re-analyses running in the
 * background. Sync (sync.ts) changes it; features (features/) read it through `request`.
 */
export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  /** Open documents by file path, to read the editor's text instead of the disk's. */
  readonly openByPath = new Map<string, TextDocument>();
  settings: ServerSettings = DEFAULT_SETTINGS;
  now: ResolvedNow = resolveNow({ name: 'cc7.asOf', value: undefined });
  roots: string[] = [];
  support: ClientSupport = { configuration: false, watchFiles: false, workspaceFolders: false, inlayHintRefresh: false, codeLensRefresh: false, renameFiles: false, snippets: false };
  readonly pool = AnalysisPool.forMachine(undefined, poolOptions());
  readonly programs: FolderPrograms;
  /** The parse of each open document's current text: its analysis and the editor features share it. */
  private readonly parsed = new DocumentCache(() => this.settings.maxFileBytes);
  /** The background re-check loop, while it runs. */
  private rechecking: Promise<void> | undefined;
  private recheckAgain = false;
  private readonly indexListeners: (() => void)[] = [];
  /** The programs' versions when the listeners were last told, and the pending tell. */
  private toldVersions = '';
  private telling: NodeJS.Timeout | undefined;

  constructor(readonly connection: Connection) {
    this.programs = new FolderPrograms(
      {
        read: (file) => this.read(file),
        openText: (file) => this.openByPath.get(file)?.getText(),
        // An open document's diagnostics and its editor features read one parse of each version.
        readDocument: (input, maxFileBytes) => (this.openByPath.has(input.path) ? this.parsed.read(input, maxFileBytes) : readDocument(input, maxFileBytes)),
        log: (message) => connection.console.info(`cc7: ${message}`),
      },
      this.settings,
      this.now.clock,
      this.pool,
    );
  }

  /** A file's text: the editor's buffer when open, else the disk's. */
  read(file: string): FileContent | undefined {
    const open = this.openByPath.get(file);
    return open ? { text: open.getText() } : readContent(file, this.settings.maxFileBytes);
  }

  /** Takes settings of any shape a client sends, resolving and validating the clock once. */
  applySettings(raw: unknown): void {
    this.settings = normalizeSettings(raw);
    this.now = resolveNow({ name: 'cc7.asOf', value: this.settings.asOf });
    if (this.now.problem) void this.connection.window.showWarningMessage(`${this.now.problem}; deadlines use the current time.`);
  }

  /** The input of an editor feature for an open document; undefined when it is not a CC7 document. */
  request(uri: string): (ServiceRequest & { file: string; program: Program; document: TextDocument }) | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const file = URI.parse(uri).fsPath;
    const doc: Cc7Document | undefined = this.parsed.get(file, document.getText());
    if (!doc) return undefined;
    const program = this.programs.programFor(file);
    return { doc, model: program, now: this.now.clock(), file, program, document };
  }

  /**
   * Like `request`, for a document open or not (a command run from the tree on a file never
   * opened): the editor's text when open, else the disk's, parsed once and not kept.
   */
  requestFile(uri: string): (ServiceRequest & { file: string; program: Program }) | undefined {
    const open = this.request(uri);
    if (open || this.documents.get(uri)) return open;
    const file = URI.parse(uri).fsPath;
    const content = this.read(file);
    const doc = content && readDocument({ path: file, ...content }, this.settings.maxFileBytes);
    if (!doc) return undefined;
    const program = this.programs.programFor(file);
    return { doc, model: program, now: this.now.clock(), file, program };
  }

  /** The workspace folders in the client's order, with their programs (not the one of files opened from outside them). */
  folders(): Folder[] {
    const entries = this.programs.entries();
    return this.roots.flatMap((root) => entries.filter((folder) => folder.root === root));
  }

  /** The workspace folder a folder URI names, or the first folder when none is named; undefined when it names no workspace folder. */
  folder(uri: string | undefined): Folder | undefined {
    const folders = this.folders();
    if (uri === undefined) return folders[0];
    const root = URI.parse(uri).fsPath;
    return folders.find((folder) => folder.root === root);
  }

  /** How the open documents' texts were parsed (debug statistics). */
  get openParses(): ParseCounts {
    return this.parsed.counts;
  }

  /** Forgets the parse tree of a closed document. */
  closed(file: string): void {
    this.parsed.forget(file);
  }

  /** The URI a file is published under: the open document's own, else a file URI. */
  uriOf(file: string): string {
    return this.openByPath.get(file)?.uri ?? URI.file(file).toString();
  }

  /** Called (at most every INDEX_TELL_MS) once documents' facts or findings have changed: lenses, hints and the summary refresh. */
  onIndexChanged(listener: () => void): void {
    this.indexListeners.push(listener);
  }

  /** Publishes what changed, then re-checks in the background what the change left outdated. */
  publish(changes: Changes): void {
    this.sendFindings(changes);
    this.recheckOutdated();
    this.tellIfChanged();
  }

  /** Tells the index listeners, once per burst of changes, when any program changed. */
  private tellIfChanged(): void {
    if (this.telling || this.indexListeners.length === 0) return;
    this.telling = setTimeout(() => {
      this.telling = undefined;
      const versions = this.programs.entries().map(({ program }) => program.version).join(',');
      if (versions === this.toldVersions) return;
      this.toldVersions = versions;
      for (const listener of this.indexListeners) listener();
    }, INDEX_TELL_MS);
  }

  /** Resolves once no background re-check is waiting or running (their findings are sent by then). */
  async rechecked(): Promise<void> {
    while (this.rechecking) await this.rechecking;
  }

  /** Waits for the background re-checks, writes the analysis caches and stops telling listeners (shutdown). */
  async settled(): Promise<void> {
    await this.rechecked();
    await this.programs.flushCaches();
    clearTimeout(this.telling);
  }

  private sendFindings(changes: Changes): void {
    for (const [file, findings] of changes) {
      void this.connection.sendDiagnostics({ uri: this.uriOf(file), diagnostics: findings.map(toDiagnostic) });
    }
    this.programs.changed();
  }

  /** Re-analyses the programs queued (a new plan, a new clock) run one at a time, off this thread when possible. */
  private recheckOutdated(): void {
    if (this.rechecking) {
      this.recheckAgain = true;
      return;
    }
    if (!this.programs.hasOutdated()) return;
    this.rechecking = (async () => {
      do {
        this.recheckAgain = false;
        this.sendFindings(await this.programs.recheckOutdated(yieldToEvents));
        this.tellIfChanged();
      } while (this.recheckAgain || this.programs.hasOutdated());
    })().finally(() => {
      this.rechecking = undefined;
    });
  }

  /** Re-scans every folder with the current settings; documents opened from outside every folder are checked on their own. */
  async rescan(): Promise<void> {
    // The same FolderPrograms: its scan clears what the folders it replaces had published.
    this.programs.useSettings(this.settings, this.now.clock);
    const changes = await this.programs.scan(this.roots, yieldToEvents);
    for (const [file, document] of this.openByPath) {
      if (!this.programs.isWatched(file)) {
        for (const [path, findings] of this.programs.programFor(file).updateFile(file, { text: document.getText() })) changes.set(path, findings);
      }
    }
    this.publish(changes);
  }
}
