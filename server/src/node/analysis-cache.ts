/**
 * The persistent analysis cache of one workspace folder: one file in a cache folder (VS Code's
 * storage folder for the extension, $XDG_CACHE_HOME/cc7 for the CLI) holding what
 * Program.saved() exports, so that a restart on an unchanged workspace reads each file once
 * and analyses none (node/scan.ts). A file of another format, rule set, size limit or folder,
 * a truncated or corrupt one, is ignored (the folder is analysed and the file rewritten):
 * never a crash, never a finding from it. Written to a temporary file a group of lines at a
 * time (never whole in memory), then renamed over the old one, so a reader never sees half of it.
 *
 * Format: JSON lines. The first line is the header (format, rule set, size limit, folder);
 * then one line per file, in Program.saved()'s order; the last line, the trailer, gives the
 * number of files and the checksum of their lines. Written last, it is missing from a file
 * cut short.
 */
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { BytesHasher, bytesHash, contentHash } from '../core/model/hash';
import { ruleSetVersion } from '../core/rules/version';
import type { Program, SavedFile } from '../core/service/program';

const FORMAT = 'cc7-analysis-cache/2';
/** Lines stringified between yields to the event loop, when writing. */
const GROUP = 500;
/** How long after the last change a program's cache is written: a burst of edits writes once. */
const WRITE_DELAY_MS = 2000;

/** The CLI's cache folder: $XDG_CACHE_HOME/cc7, by default ~/.cache/cc7 (XDG Base Directory). */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(homedir(), '.cache');
  return path.join(base, 'cc7');
}

/** What a cache file must have been written for, to be used. */
interface CacheKey {
  format: string;
  ruleSet: string;
  /** The code that analysed (codeVersion): a rebuilt cc7 never reads what another build saved, whatever its version says. */
  code: string;
  /** The one setting analyses depend on (severities are applied when findings are published). */
  maxFileBytes: number;
  /** The folder: a cache file is never taken for another folder's. */
  root: string;
}

interface Trailer {
  files: number;
  /** The hash of the file lines (after the header line, before the trailer), as bytes. */
  checksum: string;
}

export interface LoadedCache {
  /** The saved files by path; empty when the file was not used. */
  saved: Map<string, SavedFile>;
  /** Why an existing file was not used, for the log. */
  problem?: string;
}

/** A folder's cache file. */
export class AnalysisCache {
  readonly file: string;
  private readonly key: CacheKey;

  constructor(cacheDir: string, root: string, maxFileBytes: number) {
    // Readable and unique: the folder's name, and a hash of its full path.
    const name = path.basename(root).replace(/[^\w.-]+/g, '_') || 'root';
    this.file = path.join(cacheDir, `${name}-${contentHash(root).replace(/:/g, '-')}.jsonl`);
    this.key = { format: FORMAT, ruleSet: ruleSetVersion(), code: codeVersion(), maxFileBytes, root };
  }

  /** The saved files; none, with the reason, when the file is absent or not usable. Never throws. */
  load(): LoadedCache {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return { saved: new Map() };
    }
    try {
      return { saved: new Map(this.parse(bytes).map((file) => [file.path, file])) };
    } catch (error) {
      return { saved: new Map(), problem: `ignored the analysis cache ${this.file}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /**
   * Writes the files atomically (a temporary file renamed over the old one), a group of lines
   * at a time, yielding to the event loop between groups so a server keeps answering. Returns
   * why it failed, if it did.
   */
  async save(files: readonly SavedFile[], yieldToEvents: () => Promise<void>): Promise<string | undefined> {
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    let handle: FileHandle | undefined;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      handle = await open(temporary, 'w');
      await handle.write(`${JSON.stringify(this.key)}\n`);
      const checksum = new BytesHasher();
      // One buffer for every group, grown as needed: written groups leave nothing behind for the collector.
      let scratch = Buffer.alloc(0);
      for (let start = 0; start < files.length; start += GROUP) {
        const group = files.slice(start, start + GROUP).map((file) => `${JSON.stringify(file)}\n`).join('');
        const length = Buffer.byteLength(group);
        if (length > scratch.length) scratch = Buffer.alloc(length * 2);
        scratch.write(group);
        checksum.update(scratch.subarray(0, length));
        await handle.write(scratch, 0, length);
        await yieldToEvents();
      }
      const trailer: Trailer = { files: files.length, checksum: checksum.digest() };
      await handle.write(`${JSON.stringify(trailer)}\n`);
      await handle.close();
      handle = undefined;
      await rename(temporary, this.file);
      return undefined;
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await rm(temporary, { force: true }).catch(() => undefined);
      return `could not write the analysis cache ${this.file}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** The files of a cache file; throws, saying why, when it is not one to use. */
  private parse(bytes: Buffer): SavedFile[] {
    const end = bytes.indexOf(NEWLINE);
    if (end < 0) throw new Error('it is truncated');
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Partial<CacheKey>;
    for (const field of ['format', 'ruleSet', 'code', 'maxFileBytes', 'root'] as const) {
      if (header[field] !== this.key[field]) throw new Error(`it was written for ${field} ${JSON.stringify(header[field])}, not ${JSON.stringify(this.key[field])}`);
    }
    // Every line ends with a newline; the trailer is the last one.
    const trailerStart = bytes.lastIndexOf(NEWLINE, bytes.length - 2) + 1;
    const trailer = bytes[bytes.length - 1] === NEWLINE && trailerStart > end ? parseTrailer(bytes.subarray(trailerStart, -1)) : undefined;
    if (!trailer) throw new Error('it is truncated');
    const body = bytes.subarray(end + 1, trailerStart);
    if (bytesHash(body) !== trailer.checksum) throw new Error('its checksum does not match: it was cut short, changed or damaged');
    const lines = body.toString('utf8').split('\n');
    // Each line ends with a newline: the last piece is empty.
    lines.pop();
    if (lines.length !== trailer.files) throw new Error(`it holds ${lines.length} files of ${trailer.files}`);
    return lines.map((line) => {
      const file = JSON.parse(line) as unknown;
      if (!isSavedFile(file)) throw new Error(`a line is not a saved file: ${line.slice(0, 80)}`);
      return file;
    });
  }
}

/** The trailer line; undefined when the line is none (a file cut after one of its file lines). */
function parseTrailer(line: Buffer): Trailer | undefined {
  try {
    const trailer = JSON.parse(line.toString('utf8')) as Partial<Trailer> & { path?: unknown };
    return typeof trailer.files === 'number' && typeof trailer.checksum === 'string' && trailer.path === undefined ? trailer as Trailer : undefined;
  } catch {
    return undefined;
  }
}

const NEWLINE = 0x0a;

let code: string | undefined;

/** A hash of the running bundle (dist/server.js, dist/cli.js: every rule is in it), computed once. */
function codeVersion(): string {
  try {
    code ??= bytesHash(readFileSync(__filename));
  } catch {
    code = 'unknown';
  }
  return code;
}

/** The shape of a saved file, checked as far as a checksummed file of this format needs. */
function isSavedFile(value: unknown): value is SavedFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  if (typeof file.path !== 'string' || typeof file.hash !== 'string') return false;
  if (!('facts' in file)) return true;
  const facts = file.facts as Record<string, unknown> | null;
  return typeof facts === 'object' && facts !== null && facts.path === file.path
    && Array.isArray(file.findings) && typeof file.planKey === 'string'
    && ['validFrom', 'validUntil'].every((key) => file[key] === undefined || typeof file[key] === 'number');
}

/**
 * Writes a program's analyses to its cache file when they changed: WRITE_DELAY_MS after the
 * last change (a scan, a burst of edits), and at shutdown (`flush`); one write at a time,
 * yielding between groups, so an edit never waits for it.
 */
export class CacheWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** The program's version when last written (or found equal to the file). */
  private writtenVersion: number | undefined;

  constructor(
    private readonly cache: AnalysisCache,
    private readonly program: Program,
    private readonly yieldToEvents: () => Promise<void>,
    private readonly log: (message: string) => void,
  ) {}

  /** After a scan from `loaded`: when every file loaded was restored and nothing else found, the file needs no write. */
  scanned(loaded: ReadonlyMap<string, SavedFile>): void {
    const { analysed, restored } = this.program.stats;
    if (analysed === 0 && restored === loaded.size && this.program.saved().length === loaded.size) this.writtenVersion = this.program.version;
  }

  /** Something may have changed: write after WRITE_DELAY_MS without another change. */
  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), WRITE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes now, after any write in progress, if the program changed since the last. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      const version = this.program.version;
      if (version === this.writtenVersion) return;
      const problem = await this.cache.save(this.program.saved(), this.yieldToEvents);
      if (problem) this.log(problem);
      else this.writtenVersion = version;
    });
    return this.writing;
  }

  /** Stops the pending write (the folder is gone); a write in progress completes. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
