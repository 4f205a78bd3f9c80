/**
 * The whole cc7 analysis (every rule, facts, cross-file checks) on one thread, in-process:
 * what the server's worker threads split between them.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Program } from '../server/src/core/service/program';
import { listFiles, plansFirst, readContent, DEFAULT_INCLUDE } from '../server/src/node/files';

export interface CoreRun {
  ms: number;
  /** The id mentions the facts keep (DocumentFacts.mentions), and the heap they and their index retain. */
  mentions: { count: number; retainedMb: number };
}

export function measureCoreOneThread(dir: string, now: number): CoreRun {
  const start = process.hrtime.bigint();
  const program = new Program({ read: (file) => readContent(file, 2 * 1024 * 1024), clock: () => now });
  program.addFiles(plansFirst(listFiles(dir, { include: DEFAULT_INCLUDE, exclude: [] })));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, mentions: mentionsHeap(program) };
}

/** The heap the mentions retain: measured by dropping them (facts and index) between two full collections. */
function mentionsHeap(program: Program): CoreRun['mentions'] {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const facts = program.paths().map((path) => program.facts(path)!);
  const count = facts.reduce((sum, item) => sum + item.mentions.length, 0);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (const item of facts) item.mentions = [];
  // The index's look-up by mentioned id is part of their cost (a private field: a benchmark may peek).
  (program.workspace as unknown as { mentioners: Map<string, Set<string>> }).mentioners.clear();
  gc();
  return { count, retainedMb: (before - process.memoryUsage().heapUsed) / 1024 / 1024 };
}
