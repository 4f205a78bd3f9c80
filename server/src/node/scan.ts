import type { Changes, Program } from '../core/program';
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
  const chunks: string[][] = [];
  for (let start = 0; start < rest.length; start += CHUNK) chunks.push(rest.slice(start, start + CHUNK));
  const merge = (from: Changes) => {
    for (const [file, findings] of from) changes.set(file, findings);
  };
  if (!pool || rest.length < POOL_THRESHOLD) {
    for (const chunk of chunks) {
      merge(program.addFiles(chunk));
      await yieldToEvents();
    }
    return changes;
  }
  const { context, planKey } = program.analysisContext();
  await Promise.all(chunks.map(async (chunk) => {
    try {
      merge(program.ingest(await pool.analyze(chunk, context), planKey));
    } catch {
      merge(program.addFiles(chunk));
    }
  }));
  return changes;
}
