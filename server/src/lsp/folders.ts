import * as path from 'node:path';
import { resolveClock } from '../core/model/clock';
import { Program, type Changes, type FileContent } from '../core/service/program';
import type { AnalysisPool } from '../node/analysis-pool';
import { fileFilter, listFiles } from '../node/files';
import { merge, recheckStale, scanInto } from '../node/scan';
import type { ServerSettings } from './settings';

interface Folder {
  root: string;
  program: Program;
  accepts: (file: string) => boolean;
}

/**
 * One Program per workspace folder (multi-root workspaces: each folder is its own CC7
 * program), and one for files opened from outside every folder.
 */
export class FolderPrograms {
  private folders: Folder[] = [];
  private loose: Program;

  constructor(
    private readonly read: (file: string) => FileContent | undefined,
    private settings: ServerSettings,
    private readonly pool: AnalysisPool | undefined,
  ) {
    this.loose = this.createProgram();
  }

  /** Replaces the folders and scans each; yields between chunks so the server keeps answering. */
  async scan(roots: readonly string[], yieldToEvents: () => Promise<void>): Promise<Changes> {
    const changes: Changes = new Map();
    for (const old of this.folders) for (const file of old.program.paths()) changes.set(file, []);
    this.folders = roots.map((root) => ({ root, program: this.createProgram(), accepts: fileFilter(root, this.settings) }))
      .sort((a, b) => b.root.length - a.root.length);
    for (const folder of this.folders) {
      merge(changes, await scanInto(folder.program, listFiles(folder.root, this.settings), this.pool, yieldToEvents));
    }
    return changes;
  }

  /** The program a file belongs to: its innermost folder, or the loose program. */
  programFor(file: string): Program {
    return this.folderOf(file)?.program ?? this.loose;
  }

  /** Whether the scan settings select this file (files outside every folder are checked only when open). */
  isWatched(file: string): boolean {
    return this.folderOf(file)?.accepts(file) ?? false;
  }

  /** Settings for the next scan (the programs it creates take them). */
  useSettings(settings: ServerSettings): void {
    this.settings = settings;
  }

  /** New settings: the clock and severities apply everywhere; include/exclude take a rescan. */
  updateSettings(settings: ServerSettings): { rescan: boolean; changes: Changes } {
    const rescan = JSON.stringify([settings.include, settings.exclude]) !== JSON.stringify([this.settings.include, this.settings.exclude]);
    this.settings = settings;
    const changes: Changes = new Map();
    for (const program of this.programs()) {
      program.setClock(this.clock());
      merge(changes, program.recheckAll({ rules: settings.rules, maxFileBytes: settings.maxFileBytes }));
    }
    return { rescan, changes };
  }

  roots(): string[] {
    return this.folders.map((folder) => folder.root);
  }

  /** Analyses again what the programs queued (a new plan, a new clock), off this thread when there is a pool. */
  async recheckStale(yieldToEvents: () => Promise<void>): Promise<Changes> {
    const changes: Changes = new Map();
    for (const program of this.programs()) merge(changes, await recheckStale(program, this.pool, yieldToEvents));
    return changes;
  }

  /** The clock moved: every program re-checks (queued, see recheckStale). */
  clockMoved(): Changes {
    const changes: Changes = new Map();
    for (const program of this.programs()) merge(changes, program.recheckAll());
    return changes;
  }

  private programs(): Program[] {
    return [...this.folders.map((folder) => folder.program), this.loose];
  }

  private folderOf(file: string): Folder | undefined {
    return this.folders.find((folder) => file === folder.root || file.startsWith(folder.root + path.sep));
  }

  private createProgram(): Program {
    return new Program({
      read: this.read,
      clock: this.clock(),
      deferRechecks: true,
      settings: { rules: this.settings.rules, maxFileBytes: this.settings.maxFileBytes },
    });
  }

  private clock() {
    return resolveClock([this.settings.asOf, process.env.CC7_NOW]);
  }
}
