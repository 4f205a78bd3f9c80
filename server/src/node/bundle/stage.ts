// Files of the bundle are written to a staging folder as they are made (10,000 pages do not
// fit in memory at once), each with its hash, and zipped from there in order at the end.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface StagedFile {
  /** Absolute path in the staging folder. */
  file: string;
  sha256: string;
  size: number;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes `content` under a name derived from `key` (any text), returns where and its hash. */
export function stage(staging: string, key: string, content: string): StagedFile {
  const data = Buffer.from(content, 'utf8');
  const file = path.join(staging, createHash('sha1').update(key).digest('hex'));
  writeFileSync(file, data);
  return { file, sha256: sha256(data), size: data.length };
}

export function readStaged(file: string): string {
  return readFileSync(file, 'utf8');
}
