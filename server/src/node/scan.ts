import type { Changes, Program } from '../core/service/program';
import type { AnalysisPool } from './analysis-pool';
import { splitPlans } from './files';

/** Files per request to a worker: large enough to amortise messaging, small enough to balance. */
const CHUNK = 100;
/** Below this many files, starting workers costs more than it saves. */
const POOL_THRESHOLD = 300;

/**
 * Adds a folder's files to a program. Likely plans go first, on this thread, so every other
 * document is analysed against its plan; the rest are analysed by the pool in parallel (or
 * here in chunks without one), yielding between chunks so a server keeps answering.
 */
export async function scanInto(
  program: Program,
  files: readonly string[],
  pool: AnalysisPool | undefined,
  yieldToEvents: () => Promise<void>,
): Promise<Changes> {
  const { plans, rest } = splitPlans(files);
  const changes = program.addFiles(plans);
  merge(changes, await inChunks(program, rest, pool, yieldToEvents, (chunk) => program.addFiles(chunk)));
  return changes;
}

/**
 * Analyses again what a program queued (a new plan, a new clock: `deferRechecks`), on the
 * pool when there is one, so an edit to the plan of a large workspace never blocks the server.
 */
export function recheckStale(program: Program, pool: AnalysisPool | undefined, yieldToEvents: () => Promise<void>): Promise<Changes> {
  return inChunks(program, program.takeStale(), pool, yieldToEvents, (chunk) => program.recheck(chunk));
}

async function inChunks(
  program: Program,
  paths: readonly string[],
  pool: AnalysisPool | undefined,
  yieldToEvents: () => Promise<void>,
  here: (chunk: string[]) => Changes,
): Promise<Changes> {
  const changes: Changes = new Map();
  const chunks: string[][] = [];
  for (let start = 0; start < paths.length; start += CHUNK) chunks.push(paths.slice(start, start + CHUNK));
  if (!pool || paths.length < POOL_THRESHOLD) {
    for (const chunk of chunks) {
      merge(changes, here(chunk));
      await yieldToEvents();
    }
    return changes;
  }
  const { context, planKey } = program.analysisContext();
  await Promise.all(chunks.map(async (chunk) => {
    try {
      merge(changes, program.ingest(await pool.analyze(chunk, context), planKey));
    } catch {
      // A worker failed: this thread does the chunk.
      merge(changes, here(chunk));
    }
  }));
  return changes;
}

export function merge(into: Changes, from: Changes): void {
  for (const [file, findings] of from) into.set(file, findings);
}
