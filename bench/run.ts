/**
 * `npm run bench`: every benchmark target of issues 6 and 9 (and the export of issue 8) on a
 * generated corpus, each section of bench/RESULTS.md stating its target and whether it is met:
 * - cold-index: a server started on 1,000 and 10,000 never-seen files, against the floor (bench/cold-index.ts);
 * - edits: a one-character edit until its diagnostics, at 10,000 and 20,000 files (bench/edits.ts);
 * - plan-edit: a plan edit until every document it affects is re-checked, at 10,000 (bench/plan-edit.ts);
 * - memory: the server's peak RSS through a whole session at 10,000: the cold index, edits,
 *   plan edits, editor requests (bench/memory.ts);
 * - restart: the server started again from its analysis cache at 10,000 (bench/restart.ts);
 * - editor: completion, hover, inlay hints, code lenses, code actions at 10,000 (bench/editor.ts);
 * - export: `cc7 export` of the same corpus (bench/export.ts).
 * The full run measures the 10,000-file sections in one session of one server. `npm run bench --
 * <section>` measures that section alone and rewrites only it. Each run works in a fresh folder
 * of its own, removed at the end, so runs at the same time never share a file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { coldIndexSection, measureColdIndex } from './cold-index';
import { writeCorpus } from './corpus';
import { commitCorpus } from './corpus-git';
import { measureCoreOneThread } from './core';
import { editorSection, measureEditorRequests } from './editor';
import { editsSection, measureEdits } from './edits';
import { measureExport, type ExportMeasure } from './export';
import { MemoryLog, memorySection } from './memory';
import { measurePlanEdits, planEditSection } from './plan-edit';
import { formatLoad, loadNow, machine, ms, replaceSection, RESULTS, type Section } from './report';
import { measureColdThenRestarts, measureRestarts, restartSection } from './restart';
import { newCacheDir, NOW, startServer, TIMEOUT_MS, writeWorkspace, type Server, type Workspace } from './session';

const SIZES = [1_000, 10_000];
/** The workspace the session, the restart and the editor requests run on. */
const SESSION = SIZES[SIZES.length - 1]!;
/** Issue 9: edits stay flat from the session's size to this. */
const LARGEST = 20_000;
const EXPORT_START = '<!-- export:start -->';
const EXPORT_END = '<!-- export:end -->';

/** One server's session on the 10,000-file workspace: edits, plan edits, editor requests, its memory after each. */
async function session(server: Server, workspace: Workspace) {
  const { client } = server;
  const memory = new MemoryLog(client);
  memory.after('the cold index');
  const edits = await measureEdits(client, workspace);
  memory.after('edits of an incident');
  const planEdits = await measurePlanEdits(client, workspace);
  memory.after('plan edits, each re-checked');
  const editor = await measureEditorRequests(client, workspace.dir, workspace.files.length, TIMEOUT_MS);
  memory.after('editor requests');
  return { edits, planEdits, editor, memory: memorySection({ files: workspace.files.length, steps: memory.steps }) };
}

/** A server started on a new workspace of `count` incidents, and what `measure` makes of it; the server is stopped after. */
async function withServer<T>(root: string, count: number, measure: (server: Server, workspace: Workspace) => Promise<T>): Promise<T> {
  const workspace = writeWorkspace(root, count);
  const server = await startServer(workspace);
  try {
    return await measure(server, workspace);
  } finally {
    await server.client.stop(TIMEOUT_MS);
  }
}

/** Each section measured alone (`npm run bench -- <name>`). */
const ALONE: Record<string, (root: string) => Promise<Section>> = {
  'cold-index': async (root) => {
    const runs = [];
    for (const count of SIZES) {
      const run = await measureColdIndex(writeWorkspace(root, count), Date.parse(NOW));
      await run.server.client.stop(TIMEOUT_MS);
      runs.push(run);
    }
    return coldIndexSection(runs);
  },
  edits: async (root) => editsSection([
    await withServer(root, SESSION, (server, workspace) => measureEdits(server.client, workspace)),
    await withServer(root, LARGEST, (server, workspace) => measureEdits(server.client, workspace)),
  ]),
  'plan-edit': async (root) => planEditSection(await withServer(root, SESSION, (server, workspace) => measurePlanEdits(server.client, workspace))),
  memory: async (root) => (await withServer(root, SESSION, session)).memory,
  restart: async (root) => {
    const workspace = writeWorkspace(root, SESSION);
    return restartSection(await measureColdThenRestarts(workspace, newCacheDir(workspace)));
  },
  editor: async (root) => {
    const measure = await withServer(root, SESSION, (server, workspace) => measureEditorRequests(server.client, workspace.dir, workspace.files.length, TIMEOUT_MS));
    return editorSection(measure, measureCoreOneThread(path.join(root, String(SESSION)), Date.parse(NOW)).mentions);
  },
  export: async (root) => ({ name: 'export', text: exportSection(await exportsOf(root, true)) }),
};

/** Every section; the 10,000-file ones from one session, whose server's cache the restarts then start from. */
async function everything(root: string): Promise<Section[]> {
  const now = Date.parse(NOW);
  const small = await measureColdIndex(writeWorkspace(root, SIZES[0]!), now);
  await small.server.client.stop(TIMEOUT_MS);
  const workspace = writeWorkspace(root, SESSION);
  const cacheDir = newCacheDir(workspace);
  const cold = await measureColdIndex(workspace, now, cacheDir);
  const measured = await session(cold.server, workspace);
  await cold.server.client.stop(TIMEOUT_MS);
  const restart = await measureRestarts(workspace, cacheDir, cold.server.ms);
  const largest = await withServer(root, LARGEST, (server, large) => measureEdits(server.client, large));
  // Its 300 MB are not needed again.
  rmSync(path.join(root, String(LARGEST)), { recursive: true, force: true });
  const exports = await exportsOf(root, false);
  return [
    coldIndexSection([small, cold]),
    editsSection([measured.edits, largest]),
    planEditSection(measured.planEdits),
    measured.memory,
    restartSection(restart),
    editorSection(measured.editor, cold.core.mentions),
    { name: 'export', text: exportSection(exports) },
  ];
}

function header(): string {
  return [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (bench/run.ts) on: ${machine()}; the load average`,
    `(1, 5, 15 minutes) at the end of the run ${formatLoad(loadNow())}. The 2 cores are shared with other engineers' tests:`,
    'each section gives the load next to its figures, and says so where it was above 2.',
    '',
    'Corpus: a generated workspace (bench/corpus.ts, fixed seed) of one plan, three runbooks and N incident',
    `records of 1 to 30 KB, each complete for its lifecycle phase; every rule on; as-of ${NOW}.`,
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

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only !== undefined && !(only in ALONE)) throw new Error(`no section ${only}: one of ${Object.keys(ALONE).join(', ')}`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'cc7-bench-'));
  // Whatever the run and its processes put in the temporary folder (the export's zip, its staging) goes into its own.
  process.env.TMPDIR = root;
  try {
    if (only !== undefined) {
      replaceSection(await ALONE[only]!(root));
      console.log(`wrote bench/RESULTS.md (${only} section)`);
    } else {
      writeFileSync(RESULTS, [header(), ...(await everything(root)).map((each) => each.text)].join('\n'));
      console.log('wrote bench/RESULTS.md');
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
