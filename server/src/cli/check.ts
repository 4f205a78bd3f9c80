import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, Program } from '../core/service/program';
import type { Finding, RuleId, SeveritySetting } from '../core/model/types';
import { AnalysisCache, CacheWriter } from '../node/analysis-cache';
import { AnalysisPool, WORKER_LIMITS } from '../node/analysis-pool';
import { DEFAULT_INCLUDE, listFiles, looksLikePlan, readContent } from '../node/files';
import { scanInto } from '../node/scan';
import { CliError } from './errors';

export interface CheckOptions {
  /** Folders or files, absolute or relative to `cwd`; none means `cwd`. */
  paths: string[];
  cwd: string;
  now: number;
  rules?: Record<string, SeveritySetting>;
  maxFileBytes?: number;
  /** Where the analysis cache of the checked folder lives; none: no cache (--no-cache). */
  cacheDir?: string;
}

/** A finding as the CLI prints it: relative `/` path, 1-based line and column. */
export interface CliFinding {
  file: string;
  rule: RuleId;
  severity: Finding['severity'];
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  related?: { file: string; line: number; column: number; message: string }[];
}

export interface CheckResult {
  /** The checked folder: every `file` is relative to it. */
  root: string;
  asOf: number;
  filesChecked: number;
  findings: CliFinding[];
}

/**
 * Checks the CC7 documents below a folder, or the given files with the documents of their
 * workspace as context (the folder that holds their plan, see workspaceOf), so cross-file
 * rules see the plan.
 */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const given = options.paths.length ? options.paths : ['.'];
  for (const target of given) {
    if (!existsSync(path.resolve(options.cwd, target))) throw new CliError(`no such file or folder: ${target}`);
  }
  const targets = given.map((target) => path.resolve(options.cwd, target));
  const folders = targets.filter((target) => statSync(target).isDirectory());
  const files = targets.filter((target) => !folders.includes(target));
  const root = folders.length === 1 && files.length === 0 ? folders[0] : workspaceOf(targets);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const program = new Program({
    read: (file) => readContent(file, maxFileBytes),
    clock: () => options.now,
    settings: { rules: options.rules ?? {}, maxFileBytes },
  });
  const pool = AnalysisPool.forMachine(undefined, { resourceLimits: WORKER_LIMITS });
  const noYield = async () => undefined;
  const cache = options.cacheDir === undefined ? undefined : new AnalysisCache(options.cacheDir, root, maxFileBytes);
  // A cache that cannot be used is rebuilt without a word: the findings are the same either way.
  const { saved } = cache?.load() ?? { saved: new Map() };
  try {
    await scanInto(program, listFiles(root, { include: DEFAULT_INCLUDE, exclude: [] }), pool, noYield, { maxFileBytes, saved });
  } finally {
    await pool?.dispose();
  }
  const selected = program.paths().filter((file) => targets.some((target) => file === target || file.startsWith(target + path.sep)));
  for (const file of files) {
    if (!selected.includes(file) && !program.facts(file)) program.updateFile(file);
  }
  if (cache) {
    const writer = new CacheWriter(cache, program, noYield, () => undefined);
    writer.scanned(saved);
    await writer.flush();
  }
  const checked = [...new Set([...selected, ...files.filter((file) => program.facts(file))])];
  const findings = checked.flatMap((file) => program.findings(file).map((finding) => toCliFinding(finding, root)));
  return { root, asOf: options.now, filesChecked: checked.length, findings: findings.sort(compareFindings) };
}

/**
 * The folder that holds the plan (SPEC 7), for file targets: walking up from their common
 * folder, the first folder with a ResponsePlan in it or in a folder just below it (as in
 * `plan/response-plan.yaml`), never above the git work tree that holds them; without one,
 * their common folder. Every `file` in the output is relative to it.
 */
function workspaceOf(targets: string[]): string {
  const common = targets.map((target) => (statSync(target).isDirectory() ? target : path.dirname(target)))
    .reduce(commonAncestor);
  for (let dir = common; ; dir = path.dirname(dir)) {
    if (holdsPlan(dir)) return dir;
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return common;
  }
}

function holdsPlan(dir: string): boolean {
  return listFiles(dir, { include: ['*.{yaml,yml}', '*/*.{yaml,yml}'], exclude: [] }).some(looksLikePlan);
}

function commonAncestor(a: string, b: string): string {
  const left = a.split(path.sep);
  const right = b.split(path.sep);
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return left.slice(0, i).join(path.sep) || path.sep;
}

function toCliFinding(finding: Finding, root: string): CliFinding {
  return {
    file: relative(root, finding.path),
    rule: finding.rule,
    severity: finding.severity,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    message: finding.message,
    ...(finding.related?.length
      ? {
        related: finding.related.map((related) => ({
          file: relative(root, related.path),
          line: related.range.start.line + 1,
          column: related.range.start.character + 1,
          message: related.message,
        })),
      }
      : {}),
  };
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** SPEC 7: sorted by file, line, column, rule. */
function compareFindings(a: CliFinding, b: CliFinding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
