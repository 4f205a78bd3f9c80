import type { AddOptions, Changes, Program } from '../core/service/program';
import type { AnalysisPool } from './analysis-pool';
import type { AnalysisJob } from './analysis-worker';
import { splitPlans } from './files';

/** Files per request to a worker: large enough to amortise messaging, small enough to balance. */
const CHUNK = 100;
/** Below this many files, starting workers costs more than it saves. */
const POOL_THRESHOLD = 300;
const DEFER: AddOptions = { defer: true };

/** Where analyses run off this thread: the pool, or nowhere (everything on this thread). */
export type Analyzer = AnalysisPool | undefined;

/**
 * Adds a folder's files to a program. Likely plans go first, on this thread, so every other
 * document is analysed against its plan; the rest are analysed by the pool in parallel (or
 * here in chunks without one), yielding between chunks so a server keeps answering.
 * `openText` gives the editor's text of an open file, which no worker reads from disk.
 */
export async function scanInto(
  program: Program,
  files: readonly string[],
  pool: Analyzer,
  yieldToEvents: () => Promise<void>,
  openText: (path: string) => string | undefined = () => undefined,
): Promise<Changes> {
  const { plans, rest } = splitPlans(files);
  program.addFiles(plans, DEFER);
  const jobs = rest.map((path) => ({ path, text: openText(path) }));
  await analyzeElsewhere(program, jobs, pool, yieldToEvents, (chunk) => program.addFiles(chunk, DEFER), DEFER);
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
  here: (paths: string[]) => Changes,
  options: AddOptions = {},
): Promise<Changes> {
  const changes: Changes = new Map();
  const chunks: AnalysisJob[][] = [];
  for (let start = 0; start < jobs.length; start += CHUNK) chunks.push(jobs.slice(start, start + CHUNK));
  if (!pool || jobs.length < POOL_THRESHOLD) {
    for (const chunk of chunks) {
      merge(changes, here(chunk.map((job) => job.path)));
      await yieldToEvents();
    }
    return changes;
  }
  const { context, planKey } = program.analysisContext();
  await Promise.all(chunks.map(async (chunk) => {
    try {
      merge(changes, program.ingest(await pool.analyze(chunk, context), planKey, options));
    } catch {
      // A worker failed: this thread does the chunk.
      merge(changes, here(chunk.map((job) => job.path)));
    }
  }));
  return changes;
}

export function merge(into: Changes, from: Changes): void {
  for (const [file, findings] of from) into.set(file, findings);
}
