import { bytesHash } from '../core/model/hash';
import { hashContent, type AddOptions, type Changes, type FileContent, type LoadedFile, type Program, type SavedFile } from '../core/service/program';
import type { AnalysisPool } from './analysis-pool';
import type { AnalysisJob } from './analysis-worker';
import { FileReader, looksLikePlan, looksLikePlanText } from './files';

/** Files per request to a worker: large enough to amortise messaging, small enough to balance. */
const CHUNK = 100;
/** Below this many files, starting workers costs more than it saves. */
const POOL_THRESHOLD = 300;
/** Requests in flight per worker: enough to keep it busy, few enough that texts read ahead stay few. */
const IN_FLIGHT_PER_WORKER = 2;
const DEFER: AddOptions = { defer: true };

/** A file read by the scan: its hash at once; its text only when it is analysed, asked before the next file is read. */
interface Source {
  hash: string;
  content(): FileContent;
}

/** Where analyses run off this thread: the pool, or nowhere (everything on this thread). */
export type Analyzer = AnalysisPool | undefined;

export interface ScanOptions {
  maxFileBytes: number;
  /** The editor's text of an open file, which no one reads from disk. */
  openText?(path: string): string | undefined;
  /** Files saved by an earlier run, by path (node/analysis-cache.ts). */
  saved?: ReadonlyMap<string, SavedFile>;
}

/**
 * Adds a folder's files to a program, reading each file once. Plans go first, on this
 * thread, so every other document is analysed against its plan. A file an earlier run saved
 * (or an open one) is read here: the same content, and its saved analysis still holds, is
 * restored without a parse; otherwise its text goes to the analyser. Files never seen are
 * read here too when they are few; many (a first start on a large workspace) are only
 * sniffed here (is it a plan?) and read by the workers, since all their texts would have to
 * wait in memory until every plan is found. The pool analyses in parallel (or this thread in
 * chunks without one), yielding between chunks so a server keeps answering.
 */
export async function scanInto(program: Program, files: readonly string[], pool: Analyzer, yieldToEvents: () => Promise<void>, options: ScanOptions): Promise<Changes> {
  const saved = options.saved ?? new Map<string, SavedFile>();
  const sorted = [...files].sort();
  const known = (file: string) => saved.has(file) || options.openText?.(file) !== undefined;
  const ofContent = (content: FileContent): Source => ({ hash: hashContent(content, options.maxFileBytes), content: () => content });
  const reader = new FileReader();
  const load = (file: string): Source | undefined => {
    const open = options.openText?.(file);
    if (open !== undefined) return ofContent({ text: open });
    const read = reader.read(file, options.maxFileBytes);
    if (!read || !Buffer.isBuffer(read)) return read && ofContent(read);
    // The bytes hash as their text does (core/model/hash.ts): a file restored is never decoded.
    return { hash: bytesHash(read), content: () => ({ text: read.toString('utf8'), byteLength: read.length }) };
  };
  // Restores the file's saved analysis when it still holds; false: it needs analysing.
  const restored = (file: string, source: Source): boolean => {
    const entry = saved.get(file);
    return entry !== undefined && entry.hash === source.hash && program.restore(entry);
  };

  const unknown = sorted.filter((file) => !known(file));
  // Files never seen, when few, are read here now: plans among them are found by their text.
  const read = new Map<string, FileContent>();
  if (unknown.length < POOL_THRESHOLD) {
    for (const file of unknown) {
      const source = load(file);
      if (source) read.set(file, source.content());
    }
  }
  const savedPlan = (file: string) => {
    const entry = saved.get(file);
    return entry !== undefined && 'facts' in entry && entry.facts.kind === 'ResponsePlan';
  };
  const unknownPlan = (file: string) => {
    const content = read.get(file);
    return content ? looksLikePlanText(content.text) : looksLikePlan(file);
  };
  const plans = new Set([...sorted.filter(savedPlan), ...unknown.filter(unknownPlan)]);
  for (const file of [...plans].sort()) {
    const source = read.has(file) ? ofContent(read.get(file)!) : load(file);
    if (source && !restored(file, source)) program.addFiles([{ path: file, content: source.content() }], DEFER);
  }

  const dispatch = new Dispatcher(program, pool, yieldToEvents, (jobs) => program.addFiles(jobs.map(loadedOrPath), DEFER), DEFER);
  const rest = sorted.filter((file) => known(file) && !plans.has(file));
  let misses: AnalysisJob[] = [];
  for (let start = 0; start < rest.length; start += CHUNK) {
    for (const file of rest.slice(start, start + CHUNK)) {
      const source = load(file);
      if (!source || restored(file, source)) continue;
      const content = source.content();
      // A file that became a plan while no one looked: here and now, before the documents it governs.
      if (looksLikePlanText(content.text)) program.addFiles([{ path: file, content }], DEFER);
      else misses.push({ path: file, ...content });
    }
    if (misses.length >= CHUNK) {
      await dispatch.send(misses, true);
      misses = [];
    }
    await yieldToEvents();
  }
  const never = unknown.filter((file) => !plans.has(file)).map((path) => ({ path, ...read.get(path) }));
  await dispatch.run([...misses, ...never]);
  await dispatch.drain();
  // One settle for the whole scan: the cross-file rules run once per document, not per chunk.
  return program.settleDeferred();
}

/**
 * Runs analysis jobs for a program on the pool when there is one and enough work, else here
 * with `here`, in chunks; the pool's results are ingested, a failed chunk is done here.
 */
export async function analyzeElsewhere(
  program: Program,
  jobs: readonly AnalysisJob[],
  pool: Analyzer,
  yieldToEvents: () => Promise<void>,
  here: (jobs: readonly AnalysisJob[]) => Changes,
  options: AddOptions = {},
): Promise<Changes> {
  const dispatch = new Dispatcher(program, pool, yieldToEvents, here, options);
  await dispatch.run(jobs);
  await dispatch.drain();
  return dispatch.changes;
}

/** A job as the program takes it here: with its content when the job carries its text. */
export function loadedOrPath(job: AnalysisJob): string | LoadedFile {
  return job.text === undefined ? job.path : { path: job.path, content: { text: job.text, byteLength: job.byteLength } };
}

/**
 * Sends chunks of jobs to the pool, a bounded number in flight (texts read ahead wait in
 * memory), ingesting the results; or runs them here. Collects what they change.
 */
class Dispatcher {
  readonly changes: Changes = new Map();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly program: Program,
    private readonly pool: Analyzer,
    private readonly yieldToEvents: () => Promise<void>,
    private readonly here: (jobs: readonly AnalysisJob[]) => Changes,
    private readonly options: AddOptions,
  ) {}

  /** Runs jobs in chunks: on the pool when it is worth starting, else here. */
  async run(jobs: readonly AnalysisJob[]): Promise<void> {
    const elsewhere = this.pool !== undefined && (jobs.length >= POOL_THRESHOLD || this.pool.started);
    for (let start = 0; start < jobs.length; start += CHUNK) await this.send(jobs.slice(start, start + CHUNK), elsewhere);
  }

  /** Runs one chunk here, or starts it on the pool once fewer than the limit are in flight. */
  async send(chunk: readonly AnalysisJob[], elsewhere: boolean): Promise<void> {
    if (!this.pool || !elsewhere) {
      merge(this.changes, this.here(chunk));
      await this.yieldToEvents();
      return;
    }
    while (this.inFlight.size >= this.pool.size * IN_FLIGHT_PER_WORKER) await Promise.race(this.inFlight);
    const { context, planKey } = this.program.analysisContext();
    const task = this.pool.analyze([...chunk], context).then(
      (results) => merge(this.changes, this.program.ingest(results, planKey, this.options)),
      // A worker failed: this thread does the chunk.
      () => merge(this.changes, this.here(chunk)),
    );
    const tracked = task.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Waits for every chunk in flight. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }
}

export function merge(into: Changes, from: Changes): void {
  for (const [file, findings] of from) into.set(file, findings);
}
