/**
 * `npm run bench`: the language server against the floor, on a generated corpus.
 * - full scan: time from initialize until diagnostics for every file have arrived, files never
 *   opened (N = 1,000 and 10,000), and the server's peak RSS;
 * - the floor: the same files read, parsed with `yaml` and validated with ajv, in-process, one thread;
 * - edits: latency from a one-character didChange to its diagnostics, over 50 edits spaced like typing;
 * - export: `cc7 export` of the same corpus committed into a git repository: wall and CPU time, peak RSS;
 * - editor requests on a 30 KB incident in the 10,000-record workspace, and the memory of the
 *   facts' id mentions (bench/editor.ts);
 * - restart: the server started again on the unchanged 10,000-file workspace, from the analysis
 *   cache its first run wrote at shutdown, until diagnostics for every file have arrived.
 * Writes bench/RESULTS.md with the machine the figures came from. `npm run bench -- export`,
 * `-- editor` or `-- restart` measures that alone and rewrites only its section.
 * The corpus goes to $CC7_BENCH_DIR (default: a cc7-bench folder in the system's temporary folder).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../test/support/lsp-client';
import { measureCacheFormats, type FormatResult } from './cache-format';
import { writeCorpus } from './corpus';
import { commitCorpus } from './corpus-git';
import { measureCoreOneThread, type CoreRun } from './core';
import { EDITOR_END, EDITOR_START, editorSection, measureEditorRequests, type EditorMeasure } from './editor';
import { percentiles } from './latency';
import { measureExport, type ExportMeasure } from './export';
import { measureFloor } from './floor';

const SIZES = [1_000, 10_000];
const EDITS = 50;
/** Typing speed: one keystroke every 100 ms, so each edit is measured alone. */
const KEYSTROKE_MS = 100;
const NOW = '2026-11-26T12:00:00Z';
const TIMEOUT_MS = 15 * 60_000;
/** Plan and runbooks beside the incidents. */
const EXTRA_FILES = 4;

interface ScanResult { files: number; floorMs: number; coreMs: number; serverMs: number; peakRssMb: number; mentions: CoreRun['mentions'] }
interface EditResult { p50: number; p95: number; max: number }
interface RestartResult { files: number; coldMs: number; ms: number[]; peakRssMb: number; cacheMb: number; scanLog: string; format: FormatResult }
/** Restarts measured; the median is reported. */
const RESTARTS = 3;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function scan(count: number, dir: string, cacheDir: string): Promise<{ result: ScanResult; client: LspClient; files: string[] }> {
  const files = writeCorpus(dir, count);
  const floorMs = measureFloor(files);
  const core = measureCoreOneThread(dir, Date.parse(NOW));
  const coreMs = core.ms;
  const start = performance.now();
  // With a cache folder, as the VS Code client starts it: empty, so this is the cold index, and its shutdown writes the cache.
  const client = await LspClient.start({ workspace: dir, initializationOptions: { cacheDir }, env: { CC7_NOW: NOW } });
  await client.waitForPublishedUris(count + EXTRA_FILES, TIMEOUT_MS);
  const serverMs = performance.now() - start;
  const result = { files: count, floorMs, coreMs, serverMs, peakRssMb: client.memory().peak / 1024 / 1024, mentions: core.mentions };
  console.log(`${count} files: server ${ms(serverMs)}, floor ${ms(floorMs)} (${(serverMs / floorMs).toFixed(2)}x), core on one thread ${ms(coreMs)} (${(coreMs / floorMs).toFixed(2)}x), peak RSS ${result.peakRssMb.toFixed(0)} MB`);
  return { result, client, files };
}

async function edits(client: LspClient, file: string): Promise<EditResult> {
  const uri = await client.open(file, readFileSync(file, 'utf8'));
  await client.waitForDiagnostics(uri, () => true, TIMEOUT_MS);
  const line = client.text(uri).split('\n').findIndex((text) => text.startsWith('title: '));
  const latencies: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    await delay(KEYSTROKE_MS);
    const before = client.diagnosticsHistory(uri).length;
    // Type a character at the end of the title, then delete it: the text stays realistic.
    const at = { line, character: client.text(uri).split('\n')[line].length };
    const edit = i % 2 === 0
      ? { range: { start: at, end: at }, text: 'x' }
      : { range: { start: { line, character: at.character - 1 }, end: at }, text: '' };
    const start = performance.now();
    await client.change(uri, [edit]);
    await client.waitForDiagnostics(uri, () => client.diagnosticsHistory(uri).length > before, TIMEOUT_MS);
    latencies.push(performance.now() - start);
  }
  return percentiles(latencies);
}

/** The server started again on the same workspace and cache folder, RESTARTS times, after a cold index that took `coldMs`. */
async function restarts(count: number, dir: string, cacheDir: string, coldMs: number): Promise<RestartResult> {
  const cacheMb = readdirSync(cacheDir).reduce((sum, name) => sum + statSync(path.join(cacheDir, name)).size, 0) / 1024 / 1024;
  const times: number[] = [];
  let peakRssMb = 0;
  let scanLog = '';
  for (let i = 0; i < RESTARTS; i++) {
    const start = performance.now();
    const client = await LspClient.start({ workspace: dir, initializationOptions: { cacheDir }, env: { CC7_NOW: NOW } });
    await client.waitForPublishedUris(count + EXTRA_FILES, TIMEOUT_MS);
    times.push(performance.now() - start);
    peakRssMb = Math.max(peakRssMb, client.memory().peak / 1024 / 1024);
    scanLog = client.log.find((line) => line.includes('files checked')) ?? '';
    await client.stop(TIMEOUT_MS);
  }
  console.log(`restart from the cache: ${times.map(ms).join(', ')}; ${scanLog}`);
  return { files: count + EXTRA_FILES, coldMs, ms: times, peakRssMb, cacheMb, scanLog, format: measureCacheFormats(cacheDir) };
}

/** The restart alone (`npm run bench -- restart`): the largest corpus indexed cold with a cache folder, then restarted. */
async function restartOnly(root: string): Promise<RestartResult> {
  const count = SIZES[SIZES.length - 1]!;
  const dir = path.join(root, String(count));
  writeCorpus(dir, count);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cc7-bench-cache-'));
  try {
    const start = performance.now();
    const client = await LspClient.start({ workspace: dir, initializationOptions: { cacheDir }, env: { CC7_NOW: NOW } });
    await client.waitForPublishedUris(count + EXTRA_FILES, TIMEOUT_MS);
    const coldMs = performance.now() - start;
    await client.stop(TIMEOUT_MS);
    return await restarts(count, dir, cacheDir, coldMs);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;
}

function machine(): string {
  const cpu = os.cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const EXPORT_START = '<!-- export:start -->';
const EXPORT_END = '<!-- export:end -->';
const RESTART_START = '<!-- restart:start -->';
const RESTART_END = '<!-- restart:end -->';

/** Replaces the section between the markers in RESULTS.md (appends it when absent). */
function replaceSection(results: string, section: string, startMarker: string, endMarker: string): void {
  const current = readFileSync(results, 'utf8');
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  writeFileSync(results, start === -1 ? `${current}\n${section}` : current.slice(0, start) + section + current.slice(end + endMarker.length + 1));
}

function restartSection(restart: RestartResult): string {
  const median = [...restart.ms].sort((a, b) => a - b)[Math.floor(restart.ms.length / 2)]!;
  return [
    RESTART_START,
    `## Restart from the analysis cache (${restart.files.toLocaleString('en-US')} files, unchanged)`,
    '',
    'The server indexes the corpus cold with a cache folder (`initializationOptions.cacheDir`, as the VS Code',
    'client passes its storage folder) and writes the cache at shutdown; it is then started again on the same',
    `folder, ${RESTARTS} times: from the initialize request until diagnostics for every file have arrived. Each file`,
    `is read once and hashed, none analysed. Measured ${new Date().toISOString().slice(0, 10)} on ${machine()};`,
    `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end.`,
    '',
    '| restart (median) | each restart | cold index, same files | cache file | server peak RSS | the server\'s log |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${ms(median)} | ${restart.ms.map(ms).join(', ')} | ${ms(restart.coldMs)} | ${restart.cacheMb.toFixed(1)} MB | ${restart.peakRssMb.toFixed(0)} MB | ${restart.scanLog.replace(/^cc7: .*?: /, '')} |`,
    '',
    'Target (issue 9): under 1.5 s to all diagnostics at 10,000 records; the cold index unchanged.',
    '',
    'The cache file\'s format, on that file (median of five): JSON lines, as written, against one JSON array of the',
    'same files. Reading costs the same; JSON lines are written a group of files at a time, yielding to the',
    'server between groups, so a write never holds up an edit.',
    '',
    '| | JSON lines | one JSON array |',
    '| --- | --- | --- |',
    `| parse | ${restart.format.linesParseMs.toFixed(0)} ms | ${restart.format.arrayParseMs.toFixed(0)} ms |`,
    `| stringify | ${restart.format.linesWriteMs.toFixed(0)} ms | ${restart.format.arrayWriteMs.toFixed(0)} ms |`,
    RESTART_END,
    '',
  ].join('\n');
}

function exportSection(exports: LoadedExport[]): string {
  return [
    EXPORT_START,
    '## Evidence bundle export',
    '',
    `\`cc7 export\` of the same corpus (period 2026, as-of ${NOW}), run as a process: every file analysed (on worker`,
    'threads), each record\'s page and registers made from the same parse, the zip written. The corpus is a git',
    'repository (bench/corpus-git.ts: one commit of every file, then commits that edit 2% of the records and rename',
    '10), so provenance is read from git as in users\' exports. CPU is the user + system time of the whole process',
    '(every thread): less sensitive than the wall time to other work on this shared machine, whose load average',
    '(1 minute) is read before and after each run.',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    '',
    '| records | wall time | CPU time | peak RSS | zip | load before / after |',
    '| --- | --- | --- | --- | --- | --- |',
    ...exports.map((e) => `| ${e.records.toLocaleString('en-US')} | ${ms(e.ms)} | ${ms(e.cpuMs)} | ${e.peakRssMb.toFixed(0)} MB | ${e.zipMb.toFixed(1)} MB | ${e.loadBefore.toFixed(1)} / ${e.loadAfter.toFixed(1)} |`),
    '',
    'Targets (issue 8): 10,000 records under 10 s and under 500 MB peak RSS.',
    EXPORT_END,
    '',
  ].join('\n');
}

interface LoadedExport extends ExportMeasure {
  loadBefore: number;
  loadAfter: number;
}

async function exportsOf(root: string, write: boolean): Promise<LoadedExport[]> {
  const results: LoadedExport[] = [];
  for (const count of SIZES) {
    const dir = path.join(root, String(count));
    if (write) writeCorpus(dir, count);
    commitCorpus(dir);
    const loadBefore = os.loadavg()[0]!;
    const result = await measureExport(dir, count, NOW, root);
    const loadAfter = os.loadavg()[0]!;
    console.log(`export of ${count} records: ${ms(result.ms)}, CPU ${ms(result.cpuMs)}, peak RSS ${result.peakRssMb.toFixed(0)} MB, zip ${result.zipMb.toFixed(1)} MB, load ${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)}`);
    results.push({ ...result, loadBefore, loadAfter });
  }
  return results;
}

/** The editor requests alone: the 10,000-record workspace scanned by a server, then the requests. */
async function editorAlone(root: string): Promise<EditorMeasure> {
  const count = SIZES[SIZES.length - 1]!;
  const dir = path.join(root, String(count));
  writeCorpus(dir, count);
  const { mentions } = measureCoreOneThread(dir, Date.parse(NOW));
  const client = await LspClient.start({ workspace: dir, env: { CC7_NOW: NOW } });
  await client.waitForPublishedUris(count + EXTRA_FILES, TIMEOUT_MS);
  const measure = await measureEditorRequests(client, dir, count, mentions, TIMEOUT_MS);
  await client.stop(TIMEOUT_MS);
  return measure;
}

function report(scans: ScanResult[], edit: EditResult, editFiles: number, exports: LoadedExport[], editor: EditorMeasure, restart: RestartResult): string {
  const cpu = os.cpus();
  const rows = scans.map((s) => `| ${s.files.toLocaleString('en-US')} | ${ms(s.serverMs)} | ${ms(s.floorMs)} | ${(s.serverMs / s.floorMs).toFixed(2)}x | ${ms(s.coreMs)} (${(s.coreMs / s.floorMs).toFixed(2)}x) | ${s.peakRssMb.toFixed(0)} MB |`);
  return [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (bench/run.ts) on: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores,`,
    `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average over the`,
    `last 15 minutes of the run ${os.loadavg()[2].toFixed(1)} (the cores are shared: a load above 2 slows every figure).`,
    '',
    'Corpus: a generated workspace (bench/corpus.ts, fixed seed) of one plan, three runbooks and N incident',
    'records of 1 to 30 KB, each complete for its lifecycle phase; every rule on; as-of ' + NOW + '.',
    '',
    '## Full scan (files never opened)',
    '',
    'Server: from the initialize request until diagnostics for every file have arrived, over stdio; the',
    'server analyses the scan in worker threads, one per core (two here), and publishes from the main thread.',
    'Floor: the same incident files read, parsed with `yaml` and validated with ajv in one process, one thread.',
    'Core, one thread: the whole cc7 analysis (every rule, facts, cross-file checks) in-process without workers.',
    '',
    '| files | server | floor | server / floor | core, one thread (/ floor) | server peak RSS |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `## Edit latency (${EDITS} one-character edits, one every ${KEYSTROKE_MS} ms, workspace of ${editFiles.toLocaleString('en-US')} files)`,
    '',
    'From sending `textDocument/didChange` until the edited file\'s diagnostics arrive.',
    '',
    '| p50 | p95 | max |',
    '| --- | --- | --- |',
    `| ${edit.p50.toFixed(1)} ms | ${edit.p95.toFixed(1)} ms | ${edit.max.toFixed(1)} ms |`,
    '',
    'Targets (issue 2): 10,000 files within 1.3x the floor, edit p50 under 40 ms, peak RSS under 400 MB.',
    '',
    editorSection(editor, machine()),
    restartSection(restart),
    exportSection(exports),
  ].join('\n');
}

async function main(): Promise<void> {
  const root = process.env.CC7_BENCH_DIR ?? path.join(os.tmpdir(), 'cc7-bench');
  const results = path.join(__dirname, 'RESULTS.md');
  if (process.argv[2] === 'export') {
    replaceSection(results, exportSection(await exportsOf(root, true)), EXPORT_START, EXPORT_END);
    console.log('wrote bench/RESULTS.md (export section)');
    return;
  }
  if (process.argv[2] === 'editor') {
    // A folder of its own: another worktree's benchmark may be writing the shared one.
    replaceSection(results, editorSection(await editorAlone(`${root}-editor`), machine()), EDITOR_START, EDITOR_END);
    console.log('wrote bench/RESULTS.md (editor section)');
    return;
  }
  if (process.argv[2] === 'restart') {
    replaceSection(results, restartSection(await restartOnly(root)), RESTART_START, RESTART_END);
    console.log('wrote bench/RESULTS.md (restart section)');
    return;
  }
  const scans: ScanResult[] = [];
  let edit: EditResult | undefined;
  let editor: EditorMeasure | undefined;
  let restart: RestartResult | undefined;
  for (const count of SIZES) {
    const dir = path.join(root, String(count));
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cc7-bench-cache-'));
    const { result, client, files } = await scan(count, dir, cacheDir);
    scans.push(result);
    const last = count === SIZES[SIZES.length - 1];
    if (last) {
      edit = await edits(client, files[Math.floor(files.length / 2)]);
      console.log(`edits: p50 ${edit.p50.toFixed(1)} ms, p95 ${edit.p95.toFixed(1)} ms`);
      editor = await measureEditorRequests(client, path.join(root, String(count)), count, result.mentions, TIMEOUT_MS);
    }
    await client.stop(TIMEOUT_MS);
    if (last) restart = await restarts(count, dir, cacheDir, result.serverMs);
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const exports = await exportsOf(root, false);
  writeFileSync(results, report(scans, edit!, SIZES[SIZES.length - 1], exports, editor!, restart!));
  console.log(`wrote ${path.join('bench', 'RESULTS.md')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
