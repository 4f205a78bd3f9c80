/**
 * `cc7 export` as a user runs it, a child process on the generated corpus (a repository, see
 * corpus-git.ts): wall time, CPU time (user + system, every thread: less sensitive than the wall
 * time to other work on a shared machine) and peak resident memory, as the process itself reports
 * them at exit (rusage.cjs, preloaded).
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface ExportMeasure {
  records: number;
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  zipMb: number;
}

const BIN = path.join(__dirname, '..', 'bin', 'cc7.js');
const RUSAGE = path.join(__dirname, 'rusage.cjs');

/** Exports `dir` into `scratch` (a folder of the bench's own) and measures it. */
export function measureExport(dir: string, records: number, asOf: string, scratch: string): Promise<ExportMeasure> {
  const out = path.join(scratch, `export-${records}.zip`);
  const usageFile = path.join(scratch, `export-${records}.rusage.json`);
  rmSync(out, { force: true });
  rmSync(usageFile, { force: true });
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const args = ['--require', RUSAGE, BIN, 'export', '--workspace', dir, '--out', out, '--as-of', asOf, '--period', '2026-01-01..2026-12-31'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CC7_BENCH_RUSAGE: usageFile } });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) return reject(new Error(`cc7 export exited ${code}`));
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuUs: number; maxRssKb: number };
      const zipMb = statSync(out).size / 1024 / 1024;
      rmSync(out, { force: true });
      resolve({ records, ms, cpuMs: usage.cpuUs / 1000, peakRssMb: usage.maxRssKb / 1024, zipMb });
    });
  });
}
