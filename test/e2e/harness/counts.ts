/**
 * Test counts as every e2e runner reports them to test/run.mjs: written as JSON to the file
 * CC7_TEST_STATS names (test/reporter.cjs does the same for the mocha runs), and printed as a
 * labelled line.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface Counts {
  passes: number;
  failures: number;
  pending: number;
}

/** A runner that could not run its suite counts one failure. */
export const COULD_NOT_RUN: Counts = { passes: 0, failures: 1, pending: 0 };

export function reportCounts(label: string, counts: Counts): void {
  const statsFile = process.env.CC7_TEST_STATS;
  if (statsFile) writeFileSync(statsFile, `${JSON.stringify(counts)}\n`);
  process.stdout.write(`${label}: ${counts.passes} passed, ${counts.failures} failed, ${counts.pending} skipped\n`);
}

/** Counts a suite wrote to `file`, or undefined when it wrote none. */
export function readCounts(file: string): Counts | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Counts;
  } catch {
    return undefined;
  }
}
