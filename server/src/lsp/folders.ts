import * as path from 'node:path';
import type { Clock } from '../core/model/clock';
import type { Cc7Document } from '../core/model/document';
import type { FileInput } from '../core/service/analyze';
import { Program, type Changes, type FileContent } from '../core/service/program';
import { AnalysisCache, CacheWriter } from '../node/analysis-cache';
import type { AnalysisPool } from '../node/analysis-pool';
import { fileFilter, listFiles } from '../node/files';
import { collectGarbage } from '../node/heap';
import { RecheckQueue } from '../node/recheck-queue';
import { merge, scanInto } from '../node/scan';
import type { ServerSettings } from './settings';

/** A re-analysis this large (seconds of work) starts with a full collection of this thread's heap (node/heap.ts). */
const LARGE_RECHECK = 1000;

/** One workspace folder's program, with the queue of its documents to re-analyse and the writer of its cache. */
export interface Folder {
  root: string;
  program: Program;
  queue: RecheckQueue;
  accepts: (file: string) => boolean;
  /** Present when the server was given a cache folder. */
  writer?: CacheWriter;
}

/** How the programs read files (the editor's buffer when open, else the disk) and report. */
export interface FileAccess {
  read(file: string): FileContent | undefined;
  /** The text of an open editor buffer; undefined when the file is not open. */
  openText(file: string): string | undefined;
  /** Reads content as a CC7 document: an open document's parse is kept and re-parsed incrementally (ProgramOptions.readDocument). */
  readDocument(input: FileInput, maxFileBytes: number): Cc7Document | undefined;
  /** A line for the server's log. */
  log(message: string): void;
}

/**
 * One Program per workspace folder (multi-root workspaces: each folder is its own CC7
 * program), and one for files opened from outside every folder.
 */
export class FolderPrograms {
  private folders: Folder[] = [];
  private loose: Folder;
  /** Where each folder's analysis cache lives (the client's storage folder); none: no cache. */
  private cacheDir: string | undefined;

  constructor(
    private readonly files: FileAccess,
    private settings: ServerSettings,
    private clock: Clock,
    private readonly pool: AnalysisPool | undefined,
  ) {
    this.loose = this.createFolder('');
  }

  /** Keeps each folder's analyses in a file under `dir` (node/analysis-cache.ts), from the next scan on. */
  useCacheDir(dir: string): void {
    this.cacheDir = dir;
  }

  /**
   * Replaces the folders and scans each, from its analysis cache when there is one; yields
   * between chunks so the server keeps answering.
   */
  async scan(roots: readonly string[], yieldToEvents: () => Promise<void>): Promise<Changes> {
    const changes: Changes = new Map();
    // The folders replaced write their caches first: a folder scanned again restores from them.
    await this.flushCaches();
    for (const old of this.folders) {
      old.writer?.dispose();
      for (const file of old.program.paths()) changes.set(file, []);
    }
    this.folders = roots.map((root) => this.createFolder(root)).sort((a, b) => b.root.length - a.root.length);
    for (const folder of this.folders) merge(changes, await this.scanFolder(folder, yieldToEvents));
    return changes;
  }

  /** Something was published: the caches are written once things are quiet (CacheWriter). */
  changed(): void {
    for (const { writer } of this.folders) writer?.changed();
  }

  /** Writes every folder's cache that changed (shutdown). */
  async flushCaches(): Promise<void> {
    await Promise.all(this.folders.map(({ writer }) => writer?.flush()));
  }

  /** The program a file belongs to: its innermost folder, or the loose program. */
  programFor(file: string): Program {
    return (this.folderOf(file) ?? this.loose).program;
  }

  /** Whether the scan settings select this file (files outside every folder are checked only when open). */
  isWatched(file: string): boolean {
    return this.folderOf(file)?.accepts(file) ?? false;
  }

  /** Settings and clock for the next scan (the programs it creates take them). */
  useSettings(settings: ServerSettings, clock: Clock): void {
    this.settings = settings;
    this.clock = clock;
  }

  /** New settings and clock: they apply everywhere; include/exclude and the size limit take a rescan. */
  updateSettings(settings: ServerSettings, clock: Clock): { rescan: boolean; changes: Changes } {
    // The size limit decides what a CC7 document is and keys the caches: like include/exclude, a rescan.
    const scanned = (s: ServerSettings) => JSON.stringify([s.include, s.exclude, s.maxFileBytes]);
    const rescan = scanned(settings) !== scanned(this.settings);
    this.settings = settings;
    this.clock = clock;
    const changes: Changes = new Map();
    // Folders about to be scanned again keep their settings until then: their caches are written as they were made.
    for (const { program } of rescan ? [this.loose] : this.all()) {
      program.setClock(clock);
      merge(changes, program.recheckAll({ rules: settings.rules, maxFileBytes: settings.maxFileBytes }));
    }
    return { rescan, changes };
  }

  /** Every program with its folder root ('' for the loose one). */
  entries(): readonly Folder[] {
    return this.all();
  }

  /**
   * Re-analyses what the programs' queues hold (a new plan, a new clock), off this thread when
   * there is a pool; a re-analysis of LARGE_RECHECK documents or more starts from a collected heap.
   */
  async recheckOutdated(yieldToEvents: () => Promise<void>): Promise<Changes> {
    if (this.all().reduce((sum, { queue }) => sum + queue.size, 0) >= LARGE_RECHECK) collectGarbage();
    const changes: Changes = new Map();
    for (const { program, queue } of this.all()) merge(changes, await queue.run(program, this.pool, yieldToEvents));
    return changes;
  }

  /** Whether any program has documents waiting to be re-analysed. */
  hasOutdated(): boolean {
    return this.all().some(({ queue }) => queue.size > 0);
  }

  /** The clock moved: every program re-checks what no longer holds (queued, see recheckOutdated). */
  clockMoved(): Changes {
    const changes: Changes = new Map();
    for (const { program } of this.all()) merge(changes, program.recheckExpired());
    return changes;
  }

  private all(): Folder[] {
    return [...this.folders, this.loose];
  }

  private folderOf(file: string): Folder | undefined {
    return this.folders.find((folder) => file === folder.root || file.startsWith(folder.root + path.sep));
  }

  private createFolder(root: string): Folder {
    const queue = new RecheckQueue(this.files.openText);
    const program = new Program({
      read: this.files.read,
      readDocument: this.files.readDocument,
      clock: this.clock,
      onOutdated: queue.add,
      settings: { rules: this.settings.rules, maxFileBytes: this.settings.maxFileBytes },
    });
    return { root, program, queue, accepts: root ? fileFilter(root, this.settings) : () => false };
  }

  /** Scans one folder, restoring what its cache holds, and logs how it went. */
  private async scanFolder(folder: Folder, yieldToEvents: () => Promise<void>): Promise<Changes> {
    const started = performance.now();
    const { maxFileBytes } = this.settings;
    const cache = this.cacheDir ? new AnalysisCache(this.cacheDir, folder.root, maxFileBytes) : undefined;
    const { saved, problem } = cache?.load() ?? { saved: new Map() };
    if (problem) this.files.log(problem);
    const files = listFiles(folder.root, this.settings);
    const changes = await scanInto(folder.program, files, this.pool, yieldToEvents, { maxFileBytes, openText: this.files.openText, saved });
    if (cache) {
      folder.writer = new CacheWriter(cache, folder.program, yieldToEvents, this.files.log);
      folder.writer.scanned(saved);
    }
    const { analysed, restored } = folder.program.stats;
    const from = cache ? `, ${restored} of them from the analysis cache` : '';
    this.files.log(`${folder.root}: ${files.length} files checked${from}, ${analysed} analysed, in ${Math.round(performance.now() - started)} ms`);
    return changes;
  }
}
