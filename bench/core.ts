/**
 * The whole cc7 analysis (every rule, facts, cross-file checks) on one thread, in-process:
 * what the server's worker threads split between them.
 */
import { Program } from '../server/src/core/service/program';
import { listFiles, plansFirst, readContent, DEFAULT_INCLUDE } from '../server/src/node/files';

/** The time it takes, and the Program it built (the workspace the editor features are measured on). */
export function measureCoreOneThread(dir: string, now: number): { ms: number; program: Program } {
  const start = process.hrtime.bigint();
  const program = new Program({ read: (file) => readContent(file, 2 * 1024 * 1024), clock: () => now });
  program.addFiles(plansFirst(listFiles(dir, { include: DEFAULT_INCLUDE, exclude: [] })));
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, program };
}
