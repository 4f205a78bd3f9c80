/**
 * The analysis cache's format, measured on a real cache file: JSON lines (what
 * node/analysis-cache.ts writes) against one JSON array of the same files. Reading costs the
 * same; JSON lines can be written a group at a time, yielding between groups, so a write never
 * holds up an edit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface FormatResult { linesParseMs: number; arrayParseMs: number; linesWriteMs: number; arrayWriteMs: number }

/** The median of five runs. */
function timed(run: () => unknown): number {
  const times = Array.from({ length: 5 }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return times[2]!;
}

export function measureCacheFormats(cacheDir: string): FormatResult {
  const bytes = readFileSync(path.join(cacheDir, readdirSync(cacheDir)[0]!));
  // The file lines: after the header line, before the trailer line.
  const body = bytes.subarray(bytes.indexOf(0x0a) + 1, bytes.lastIndexOf(0x0a, bytes.length - 2) + 1).toString('utf8');
  const lines = body.split('\n').slice(0, -1);
  const array = `[${lines.join(',')}]`;
  const files = lines.map((line) => JSON.parse(line) as unknown);
  return {
    linesParseMs: timed(() => body.split('\n').slice(0, -1).map((line) => JSON.parse(line) as unknown)),
    arrayParseMs: timed(() => JSON.parse(array) as unknown),
    linesWriteMs: timed(() => files.map((file) => `${JSON.stringify(file)}\n`).join('')),
    arrayWriteMs: timed(() => JSON.stringify(files)),
  };
}
