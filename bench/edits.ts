/**
 * Edit latency (issues 6 and 9): from a one-character didChange of an open incident until its
 * diagnostics arrive, typed one keystroke at a time, in workspaces of different sizes; the same
 * incident each time, so that only the workspace around it grows.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LspClient } from '../test/support/lsp-client';
import { percentiles, type Latency } from './latency';
import { busyNote, formatLoad, loadNow, ms, section, verdict, type Section } from './report';
import { cpuMs, openChecked, TIMEOUT_MS, type Workspace } from './session';

const EDITS = 50;
/** Typing speed: one keystroke every 100 ms, so each edit is measured alone. */
const KEYSTROKE_MS = 100;
/** The incident edited: its position in the corpus, the same file at every size. */
const EDITED = 5_000;

export interface EditRun {
  files: number;
  /** The edited incident's name and size. */
  file: string;
  bytes: number;
  latency: Latency;
  /** The server's CPU time per edit. */
  cpuMsPerEdit: number;
  load: number[];
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the incident and types into its title: a character, then its deletion, in turn. */
export async function measureEdits(client: LspClient, workspace: Workspace): Promise<EditRun> {
  const file = workspace.files[EDITED]!;
  const text = readFileSync(file, 'utf8');
  const uri = await openChecked(client, file, text);
  const line = text.split('\n').findIndex((row) => row.startsWith('title: '));
  const latencies: number[] = [];
  let cpu = 0;
  for (let i = 0; i < EDITS; i++) {
    await delay(KEYSTROKE_MS);
    const before = client.diagnosticsHistory(uri).length;
    const end = client.text(uri).split('\n')[line]!.length;
    const edit = i % 2 === 0
      ? { range: { start: { line, character: end }, end: { line, character: end } }, text: 'x' }
      : { range: { start: { line, character: end - 1 }, end: { line, character: end } }, text: '' };
    const cpuBefore = cpuMs(client);
    const start = performance.now();
    await client.change(uri, [edit]);
    await client.waitForDiagnostics(uri, () => client.diagnosticsHistory(uri).length > before, TIMEOUT_MS);
    latencies.push(performance.now() - start);
    cpu += cpuMs(client) - cpuBefore;
  }
  await client.close(uri);
  const run = { files: workspace.files.length, file: path.basename(file), bytes: Buffer.byteLength(text), latency: percentiles(latencies), cpuMsPerEdit: cpu / EDITS, load: loadNow() };
  console.log(`edits at ${run.files} files: p50 ${ms(run.latency.p50)}, p95 ${ms(run.latency.p95)}, CPU ${ms(run.cpuMsPerEdit)} per edit, load ${formatLoad(run.load)}`);
  return run;
}

/** Issue 9: p50 under 10 ms at 20,000 files; issue 6: p50 under 20 ms. */
const P50_AT_LARGEST_MS = 10;
const P50_MS = 20;
/** "Flat in N": the p50 at the largest size within this factor of the smallest's. */
const FLAT = 1.25;

export function editsSection(runs: readonly EditRun[]): Section {
  const smallest = runs[0]!;
  const largest = runs[runs.length - 1]!;
  const growth = largest.latency.p50 / smallest.latency.p50;
  return section('edits', `## Edit latency (${EDITS} one-character edits, one every ${KEYSTROKE_MS} ms)`, [
    `From sending \`textDocument/didChange\` until the edited file's diagnostics arrive, over stdio; the same open incident`,
    `(${smallest.file}, ${(smallest.bytes / 1024).toFixed(0)} KB: a character typed at the end of its title, then deleted) in each workspace.`,
    'CPU per edit: the server\'s CPU time over the edits (every thread), divided by their number. Load: 1, 5 and 15 minutes, at the end.',
    '',
    '| files | p50 | p95 | max | CPU per edit | load |',
    '| --- | --- | --- | --- | --- | --- |',
    ...runs.map((run) => `| ${run.files.toLocaleString('en-US')} | ${ms(run.latency.p50)} | ${ms(run.latency.p95)} | ${ms(run.latency.max)} | ${ms(run.cpuMsPerEdit)} | ${formatLoad(run.load)} |`),
    '',
    `Targets: issue 9, p50 under ${P50_AT_LARGEST_MS} ms at ${largest.files.toLocaleString('en-US')} files: ${ms(largest.latency.p50)}, ${verdict(largest.latency.p50 < P50_AT_LARGEST_MS)}; flat in N`,
    `(p50 at ${largest.files.toLocaleString('en-US')} within ${FLAT}x of ${smallest.files.toLocaleString('en-US')}): ${growth.toFixed(2)}x, ${verdict(growth <= FLAT)}. Issue 6, p50 under ${P50_MS} ms: ${verdict(runs.every((run) => run.latency.p50 < P50_MS))}.`,
    busyNote(runs.map((run) => run.load)),
  ]);
}
