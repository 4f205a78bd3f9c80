/**
 * `cc7 export` as a user runs it, a child process on the generated corpus: wall time and the
 * process's peak resident memory (VmHWM, polled from /proc while it runs; worker threads are
 * in the same process).
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ExportMeasure {
  records: number;
  ms: number;
  peakRssMb: number;
  zipMb: number;
}

const BIN = path.join(__dirname, '..', 'bin', 'cc7.js');

function peakKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export function measureExport(dir: string, records: number, asOf: string): Promise<ExportMeasure> {
  const out = path.join(os.tmpdir(), `cc7-bench-${records}.zip`);
  rmSync(out, { force: true });
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, 'export', '--workspace', dir, '--out', out, '--as-of', asOf, '--period', '2026-01-01..2026-12-31'], { stdio: ['ignore', 'ignore', 'inherit'] });
    let peak = 0;
    const poll = setInterval(() => { peak = Math.max(peak, peakKb(child.pid!)); }, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      const ms = performance.now() - start;
      if (code !== 0) return reject(new Error(`cc7 export exited ${code}`));
      const zipMb = statSync(out).size / 1024 / 1024;
      rmSync(out, { force: true });
      resolve({ records, ms, peakRssMb: peak / 1024, zipMb });
    });
  });
}
