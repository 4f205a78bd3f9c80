import * as path from 'node:path';
import type { Clock } from '../core/model/clock';
import { Program, type Changes, type FileContent } from '../core/service/program';
import type { AnalysisPool } from '../node/analysis-pool';
import { fileFilter, listFiles } from '../node/files';
import { RecheckQueue } from '../node/recheck-queue';
import { merge, scanInto } from '../node/scan';
import type { ServerSettings } from './settings';

/** One workspace folder's program, with the queue of its documents to re-analyse. */
export interface Folder {
  root: string;
  program: Program;
  queue: RecheckQueue;
  accepts: (file: string) => boolean;
}

/** How the programs read files: the editor's buffer when open, else the disk. */
export interface FileAccess {
  read(file: string): FileContent | undefined;
  /** The text of an open editor buffer; undefined when the file is not open. */
  openText(file: string): string | undefined;
}

/**
 * One Program per workspace folder (multi-root workspaces: each folder is its own CC7
 * program), and one for files opened from outside every folder.
 */
export class FolderPrograms {
  private folders: Folder[] = [];
  private loose: Folder;

  constructor(
    private readonly files: FileAccess,
    private settings: ServerSettings,
    private clock: Clock,
    private readonly pool: AnalysisPool | undefined,
  ) {
    this.loose = this.createFolder('');
  }

  /** Replaces the folders and scans each; yields between chunks so the server keeps answering. */
  async scan(roots: readonly string[], yieldToEvents: () => Promise<void>): Promise<Changes> {
    const changes: Changes = new Map();
    for (const old of this.folders) for (const file of old.program.paths()) changes.set(file, []);
    this.folders = roots.map((root) => this.createFolder(root)).sort((a, b) => b.root.length - a.root.length);
    for (const folder of this.folders) {
      merge(changes, await scanInto(folder.program, listFiles(folder.root, this.settings), this.pool, yieldToEvents, this.files.openText));
    }
    return changes;
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

  /** New settings and clock: they apply everywhere; include/exclude take a rescan. */
  updateSettings(settings: ServerSettings, clock: Clock): { rescan: boolean; changes: Changes } {
    const rescan = JSON.stringify([settings.include, settings.exclude]) !== JSON.stringify([this.settings.include, this.settings.exclude]);
    this.settings = settings;
    this.clock = clock;
    const changes: Changes = new Map();
    for (const { program } of this.all()) {
      program.setClock(clock);
      merge(changes, program.recheckAll({ rules: settings.rules, maxFileBytes: settings.maxFileBytes }));
    }
    return { rescan, changes };
  }

  /** Every program with its folder root ('' for the loose one). */
  entries(): readonly Folder[] {
    return this.all();
  }

  /** Re-analyses what the programs' queues hold (a new plan, a new clock), off this thread when there is a pool. */
  async recheckOutdated(yieldToEvents: () => Promise<void>): Promise<Changes> {
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
      clock: this.clock,
      onOutdated: queue.add,
      settings: { rules: this.settings.rules, maxFileBytes: this.settings.maxFileBytes },
    });
    return { root, program, queue, accepts: root ? fileFilter(root, this.settings) : () => false };
  }
}
