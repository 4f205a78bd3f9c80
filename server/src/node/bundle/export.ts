// `cc7 export` and the VS Code command, one code path: exportBundle reads the workspace and
// git, has the pure core make every file (core/bundle), signs, and writes the zip atomically.
import { existsSync, linkSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { iso } from '../../core/bundle/format';
import { DEFAULT_MAX_FILE_BYTES, Program, findSecrets, zoneOf } from '../../core/bundle/core-api';
import type { BundleFinding, BundleModel, BundleRecord } from '../../core/bundle/model';
import { assignNames } from '../../core/bundle/names';
import { defaultPeriodText, parsePeriodText, PeriodError, resolvePeriod, type Period, type PeriodText } from '../../core/bundle/period';
import { DEFAULT_OPENED_WITHIN_HOURS } from '../../core/bundle/provenance';
import { redactMessage, type SecretHit } from '../../core/bundle/redact';
import { AnalysisPool } from '../analysis-pool';
import { readContent, splitPlans } from '../files';
import { resolveNow } from '../now';
import { BundleError, describeError } from './errors';
import { bundleFiles } from './bundle-files';
import { readProvenance } from './git';
import { onPool } from './jobs';
import { PackReader } from './pack';
import { relativeTo, type ProcessedFile, type ProcessRequest } from './process-file';
import { listWorkspace, type WorkspaceFiles } from './workspace';
import { writeZip, type ZipEntry } from './zip';

export interface ExportOptions {
  /** The workspace folder (absolute, or relative to the process's folder). */
  workspace: string;
  /** The zip to write. */
  out: string;
  /** `START..END`; default: the calendar year of the as-of in the plan's zone. */
  period?: string;
  /** RFC 3339 instant; default: CC7_NOW, else the wall clock. */
  asOf?: string;
  /** Mask credentials in every copy instead of refusing. */
  redact?: boolean;
  /** Replace an existing output file. */
  force?: boolean;
  /** An OpenSSH private key file: sign SHA256SUMS with it. */
  sign?: string;
}

export interface ExportProgress {
  stage: 'scanning' | 'analysing' | 'provenance' | 'writing' | 'signing';
  /** Units done and in all (files for `analysing` and `writing`), 0 and 1 for the other stages. */
  done: number;
  total: number;
}

export type ExportResult =
  | {
    status: 'written';
    /** Absolute path of the zip. */
    out: string;
    /** SHA-256 of the whole zip. */
    sha256: string;
    bytes: number;
    /** Files in the zip. */
    files: number;
    period: { text: string; start: string; end: string };
    asOf: string;
    counts: { incidents: number; securityEvents: number; tabletopExercises: number; runbooks: number; responsePlans: number };
    findings: { error: number; warning: number; info: number };
    gaps: number;
    provenance: 'available' | 'unavailable';
    skippedLinks: string[];
    signed: boolean;
    redacted: boolean;
  }
  | { status: 'blocked-by-secrets'; secrets: SecretHit[] }
  | { status: 'cancelled' };

/** Files per request to a worker, and the size below which workers are not worth starting (as scan.ts). */
const CHUNK = 100;
const POOL_THRESHOLD = 300;

class Cancelled extends Error {}

export async function exportBundle(
  options: ExportOptions,
  progress: (update: ExportProgress) => void = () => undefined,
  cancel: () => boolean = () => false,
): Promise<ExportResult> {
  const checkCancel = () => {
    if (cancel()) throw new Cancelled();
  };
  const request = validate(options);
  const staging = mkdtempSync(path.join(os.tmpdir(), 'cc7-bundle-'));
  try {
    return await run(request, staging, progress, checkCancel);
  } catch (error) {
    if (error instanceof Cancelled) return { status: 'cancelled' };
    if (error instanceof BundleError) throw error;
    throw new BundleError(`export failed: ${describeError(error)}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

interface Request {
  workspace: string;
  out: string;
  period?: PeriodText;
  now: number;
  redact: boolean;
  force: boolean;
  sign?: string;
}

/** Every usage error, before any work: one line each. */
function validate(options: ExportOptions): Request {
  const workspace = path.resolve(options.workspace);
  if (!existsSync(workspace) || !statSync(workspace).isDirectory()) throw new BundleError(`no such workspace folder: ${options.workspace}`);
  const out = path.resolve(options.out);
  if (!existsSync(path.dirname(out))) throw new BundleError(`the folder of ${options.out} does not exist`);
  if (existsSync(out) && !options.force) throw new BundleError(`${options.out} exists: pass --force to replace it`);
  if (options.sign !== undefined && !existsSync(options.sign)) throw new BundleError(`no such signing key: ${options.sign}`);
  const now = resolveNow({ name: '--as-of', value: options.asOf });
  if (now.problem) throw new BundleError(now.problem);
  try {
    return {
      workspace,
      out,
      period: options.period === undefined ? undefined : checkedPeriod(options.period),
      now: now.clock(),
      redact: options.redact ?? false,
      force: options.force ?? false,
      sign: options.sign,
    };
  } catch (error) {
    if (error instanceof PeriodError) throw new BundleError(error.message);
    throw error;
  }
}

/** The period's syntax and order, checked before any work (the plan's zone can only move it by hours). */
function checkedPeriod(text: string): PeriodText {
  const period = parsePeriodText(text);
  resolvePeriod(period, 'UTC');
  return period;
}

async function run(request: Request, staging: string, progress: (update: ExportProgress) => void, checkCancel: () => void): Promise<ExportResult> {
  progress({ stage: 'scanning', done: 0, total: 1 });
  const workspace = listWorkspace(request.workspace);
  // One pool to analyse, a fresh one to compress: the analysis workers' heaps are let go first.
  const workers = () => (workspace.files.length >= POOL_THRESHOLD ? AnalysisPool.forMachine(path.join(__dirname, 'bundle-worker.js')) : undefined);
  const { program, processed, period } = await withPool(workers(), (pool) => analyse(request, workspace, staging, pool, progress, checkCancel));
  const records = processed.flatMap((file) => (file.record ? [{ path: file.analyzed.path, ...file.record }] : []));
  const secrets = records.flatMap((record) => record.secrets);
  if (secrets.length > 0 && !request.redact) return { status: 'blocked-by-secrets', secrets };

  progress({ stage: 'provenance', done: 0, total: 1 });
  checkCancel();
  const names = assignNames(records.map((record) => record.summary));
  const provenance = await readProvenance(workspace.root, records.map((record) => record.summary.path));
  const bundled: BundleRecord[] = records.map((record) => ({ summary: record.summary, name: names.get(record.summary.path)! }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const planPath = program.plan()?.path;
  const governing = bundled.find((record) => planPath !== undefined && record.summary.path === relativeTo(workspace.root, planPath));
  const model: BundleModel = {
    organization: program.plan()?.organization,
    zone: period.zone,
    period,
    asOf: request.now,
    records: bundled,
    findings: findingsOf(program, workspace.root, request.redact),
    provenance,
    openedWithinHours: governing?.summary.plan?.openedWithinHours ?? DEFAULT_OPENED_WITHIN_HOURS,
    skippedLinks: workspace.skippedLinks,
    redacted: request.redact,
    signed: request.sign !== undefined,
  };

  const { entries, gaps, signed } = await withPool(workers(), (pool) => bundleFiles(model, records, { sign: request.sign, staging, pool }, progress, checkCancel));
  checkCancel();
  const written = await publish(entries, request, checkCancel);
  const count = (kind: string) => bundled.filter((record) => record.summary.kind === kind).length;
  const severity = (level: string) => model.findings.filter((finding) => finding.severity === level).length;
  return {
    status: 'written',
    out: request.out,
    sha256: written.sha256,
    bytes: written.bytes,
    files: entries.length,
    period: { text: period.text, start: iso(period.start)!, end: iso(period.end)! },
    asOf: iso(request.now)!,
    counts: {
      incidents: count('Incident'),
      securityEvents: count('SecurityEvent'),
      tabletopExercises: count('TabletopExercise'),
      runbooks: count('Runbook'),
      responsePlans: count('ResponsePlan'),
    },
    findings: { error: severity('error'), warning: severity('warning'), info: severity('info') },
    gaps: gaps.length,
    provenance: provenance.available ? 'available' : 'unavailable',
    skippedLinks: workspace.skippedLinks,
    signed,
    redacted: request.redact,
  };
}

async function withPool<T>(pool: AnalysisPool | undefined, work: (pool: AnalysisPool | undefined) => Promise<T>): Promise<T> {
  try {
    return await work(pool);
  } finally {
    await pool?.dispose();
  }
}

interface Analysed {
  program: Program;
  /** Every file's result, in path order. */
  processed: ProcessedFile[];
  period: Period;
}

/**
 * The core's analysis of every file, with each bundled record's summary, copy and page body
 * made from the same parse. Likely plans are analysed first so the rest see their plan (and
 * the period its zone); a plan only the analysis finds changes the context, and the files are
 * done again with it.
 */
async function analyse(request: Request, workspace: WorkspaceFiles, staging: string, pool: AnalysisPool | undefined,
  progress: (update: ExportProgress) => void, checkCancel: () => void): Promise<Analysed> {
  const program = new Program({ read: (file) => readContent(file, DEFAULT_MAX_FILE_BYTES), clock: () => request.now });
  const { plans, rest } = splitPlans(workspace.files);
  program.addFiles(plans);
  for (let pass = 0; ; pass++) {
    const { context, planKey } = program.analysisContext();
    const zone = zoneOf(context.plan);
    const period = resolvePeriod(request.period ?? defaultPeriodText(request.now, zone), zone);
    const base = { context, options: { period, redact: request.redact }, root: workspace.root };
    const processed = await processAll([...plans, ...rest], base, path.join(staging, `pass-${pass}`), pool, progress, checkCancel);
    program.ingest(processed.map((file) => file.analyzed), planKey);
    if (program.analysisContext().planKey === planKey) return { program, processed, period };
  }
}

/** Every file in chunks, on the pool's workers when there is a pool; each chunk's pack is `${packPrefix}-${n}`. */
async function processAll(files: readonly string[], base: Omit<ProcessRequest, 'paths' | 'pack'>, packPrefix: string, pool: AnalysisPool | undefined,
  progress: (update: ExportProgress) => void, checkCancel: () => void): Promise<ProcessedFile[]> {
  const chunks: ProcessRequest[] = [];
  for (let start = 0; start < files.length; start += CHUNK) {
    chunks.push({ ...base, paths: files.slice(start, start + CHUNK), pack: `${packPrefix}-${chunks.length}` });
  }
  let done = 0;
  const one = async (chunk: ProcessRequest): Promise<ProcessedFile[]> => {
    checkCancel();
    const results = await onPool<ProcessedFile>(pool, { job: 'process', ...chunk }, checkCancel);
    done += chunk.paths.length;
    progress({ stage: 'analysing', done, total: files.length });
    return results;
  };
  const results: ProcessedFile[][] = [];
  if (pool) results.push(...await Promise.all(chunks.map(one)));
  else for (const chunk of chunks) results.push(await one(chunk));
  return results.flat();
}

/** Every finding of the workspace at the as-of, by file, line, column, rule; under --redact, no echoed credential. */
function findingsOf(program: Program, root: string, redact: boolean): BundleFinding[] {
  const findings = program.paths().flatMap((file) => {
    const found = program.findings(file);
    const text = redact && found.length > 0 ? readContent(file, DEFAULT_MAX_FILE_BYTES)?.text : undefined;
    const matches = text === undefined ? [] : findSecrets(text);
    return found.map((finding) => ({
      file: relativeTo(root, finding.path),
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      rule: finding.rule,
      severity: finding.severity,
      message: matches.length ? redactMessage(finding.message, text!, matches) : finding.message,
    }));
  });
  const order = (a: BundleFinding, b: BundleFinding) =>
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
  return findings.sort(order);
}

/**
 * Writes the zip beside its destination and moves it into place in one step: a reader never
 * sees half a bundle. Without --force a hard link publishes it, which fails if the destination
 * appeared meanwhile, so an existing file is never replaced.
 */
async function publish(entries: readonly ZipEntry[], request: Request, checkCancel: () => void): Promise<{ sha256: string; bytes: number }> {
  const temporary = path.join(path.dirname(request.out), `.${path.basename(request.out)}.${process.pid}.tmp`);
  const reader = new PackReader();
  try {
    const written = await writeZip(entries, (span) => reader.read(span), temporary);
    // Writing the zip is the longest wait: a cancel that came meanwhile still replaces nothing.
    checkCancel();
    if (request.force) renameSync(temporary, request.out);
    else linkOnce(temporary, request.out);
    return written;
  } finally {
    reader.close();
    rmSync(temporary, { force: true });
  }
}

function linkOnce(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BundleError(`${to} exists: pass --force to replace it`);
    // A file system without hard links: the check and the rename are then two steps.
    if (existsSync(to)) throw new BundleError(`${to} exists: pass --force to replace it`);
    renameSync(from, to);
  }
}
