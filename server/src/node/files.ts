/** File-system access shared by the language server and the CLI (never by the core). */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import type { FileContent } from '../core/service/program';

export const DEFAULT_INCLUDE = ['**/*.yaml', '**/*.yml'];
/** Always skipped, whatever the settings say (SPEC 5). */
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/** How much of an over-limit file is read: enough to find its apiVersion line, never the whole file. */
const OVERSIZED_HEAD_BYTES = 64 * 1024;
/** How much of a file is read to guess whether it is a ResponsePlan. */
const PLAN_SNIFF_BYTES = 4096;
/** A `kind: ResponsePlan` line: a file that has one is likely a plan. */
const PLAN_KIND_LINE = /^kind:[ \t]*["']?ResponsePlan\b/m;

/**
 * Reads of each file by this process's main thread (whole or head), counted only with
 * CC7_DEBUG_STATS=1: tests check that a start reads each file once.
 */
const reads = process.env.CC7_DEBUG_STATS === '1' ? new Map<string, number>() : undefined;

/** The reads counted so far (empty unless CC7_DEBUG_STATS=1). */
export function readCounts(): ReadonlyMap<string, number> {
  return reads ?? new Map();
}

function countRead(file: string): void {
  reads?.set(file, (reads.get(file) ?? 0) + 1);
}

export interface ScanSettings {
  include: readonly string[];
  exclude: readonly string[];
}

/** Every file under `root` the include/exclude globs select, as absolute paths. */
export function listFiles(root: string, settings: ScanSettings): string[] {
  return fg.sync(settings.include.length ? [...settings.include] : DEFAULT_INCLUDE, {
    cwd: root,
    absolute: true,
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: [...ALWAYS_EXCLUDED, ...settings.exclude],
  });
}

/** A matcher with the same meaning as listFiles, for paths reported by file watchers. */
export function fileFilter(root: string, settings: ScanSettings): (file: string) => boolean {
  const included = picomatch(settings.include.length ? [...settings.include] : DEFAULT_INCLUDE, { dot: false });
  const excluded = picomatch([...ALWAYS_EXCLUDED, ...settings.exclude], { dot: true });
  return (file) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    return !relative.startsWith('..') && !path.isAbsolute(relative) && included(relative) && !excluded(relative);
  };
}

/**
 * Reads a file for analysis; undefined when it cannot be read (gone, a folder, no access).
 * A file over `maxFileBytes` is read only in part: the core reports it without parsing.
 */
export function readContent(file: string, maxFileBytes: number): FileContent | undefined {
  const read = readWithin(file, maxFileBytes, (size) => Buffer.allocUnsafe(size));
  return Buffer.isBuffer(read) ? { text: read.toString('utf8'), byteLength: read.length } : read;
}

/**
 * Reads files one after another into one buffer it reuses: a scan reads every file of a
 * workspace and keeps the bytes of none (a hash of each, and the text of those it analyses).
 */
export class FileReader {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  /**
   * A file's bytes, undecoded, when within the size limit: valid until the next read. Over
   * the limit, what readContent reads; undefined when it cannot be read.
   */
  read(file: string, maxFileBytes: number): Buffer | FileContent | undefined {
    return readWithin(file, maxFileBytes, (size) => {
      if (this.buffer.length < size) this.buffer = Buffer.allocUnsafe(Math.max(size, 2 * this.buffer.length));
      return this.buffer;
    });
  }
}

/** Opens a file once: all its bytes (into `bufferFor(size)`) within the limit, its head as text over it. */
function readWithin(file: string, maxFileBytes: number, bufferFor: (size: number) => Buffer): Buffer | FileContent | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    countRead(file);
    if (size > maxFileBytes) return { text: readFrom(fd, Buffer.alloc(OVERSIZED_HEAD_BYTES)).toString('utf8'), byteLength: size };
    return readFrom(fd, bufferFor(size).subarray(0, size));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Fills the buffer from the start of the file, or as much of it as the file holds. */
function readFrom(fd: number, buffer: Buffer): Buffer {
  let filled = 0;
  while (filled < buffer.length) {
    const read = readSync(fd, buffer, filled, buffer.length - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

/** A cheap guess, from a file's first bytes, that it is a ResponsePlan (scanned first). */
export function looksLikePlan(file: string): boolean {
  try {
    return looksLikePlanText(readHead(file, PLAN_SNIFF_BYTES));
  } catch {
    return false;
  }
}

/** The same guess from a text already read. */
export function looksLikePlanText(text: string): boolean {
  return PLAN_KIND_LINE.test(text);
}

/** Splits paths into likely plans (analysed first) and the rest, each in path order. */
export function splitPlans(files: readonly string[]): { plans: string[]; rest: string[] } {
  const sorted = [...files].sort();
  const plans = sorted.filter(looksLikePlan);
  const planSet = new Set(plans);
  return { plans, rest: sorted.filter((file) => !planSet.has(file)) };
}

/** Orders paths so that likely plans come first, each group in path order. */
export function plansFirst(files: readonly string[]): string[] {
  const { plans, rest } = splitPlans(files);
  return [...plans, ...rest];
}

function readHead(file: string, bytes: number): string {
  countRead(file);
  const fd = openSync(file, 'r');
  try {
    return readFrom(fd, Buffer.alloc(bytes)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
