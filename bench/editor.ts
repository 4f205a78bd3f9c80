/**
 * Completion and hover latency on the largest (about 30 KB) incident of the corpus, in a
 * workspace whose Program holds every record: p50/p95 over REQUESTS requests each, the
 * positions taken in turn from a few realistic ones (see POSITIONS).
 * - service: the pure functions (core/service/completion.ts, hover.ts) on the parsed document,
 *   as the server answers while the text is unchanged (its parse is cached);
 * - parse + service: the text parsed again before each request, as after a keystroke;
 * - LSP: the request's round trip over stdio to the server holding the same workspace.
 */
import { execSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import type { Position } from 'vscode-languageserver-types';
import { readDocument } from '../server/src/core/service/analyze';
import { completion } from '../server/src/core/service/completion';
import { hover } from '../server/src/core/service/hover';
import type { Program } from '../server/src/core/service/program';
import type { LspClient } from '../test/support/lsp-client';

const REQUESTS = 100;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Where a user asks, found by text in the incident: [line, character]. */
interface Ask {
  name: string;
  at(lines: readonly string[]): Position;
}

const lineStarting = (lines: readonly string[], prefix: string) => {
  const line = lines.findIndex((text) => text.startsWith(prefix));
  if (line === -1) throw new Error(`the bench incident has no line starting with "${prefix}"`);
  return line;
};

const POSITIONS: Record<'completion' | 'hover', Ask[]> = {
  completion: [
    // The empty last line: every top-level key the incident lacks, and skeletons.
    { name: 'new top-level key', at: (lines) => ({ line: lines.length - 1, character: 0 }) },
    { name: 'severity value', at: (lines) => ({ line: lineStarting(lines, 'severity: '), character: 'severity: '.length }) },
    { name: 'runbook value', at: (lines) => ({ line: lineStarting(lines, 'runbook: '), character: 'runbook: '.length }) },
    { name: 'timestamp value', at: (lines) => ({ line: lineStarting(lines, 'detected_at: '), character: 'detected_at: '.length }) },
  ],
  hover: [
    { name: 'severity value', at: (lines) => ({ line: lineStarting(lines, 'severity: '), character: 'severity: '.length }) },
    // A clock trigger: the notification clocks are evaluated.
    { name: 'detected_at key', at: (lines) => ({ line: lineStarting(lines, 'detected_at: '), character: 1 }) },
    { name: 'runbook value', at: (lines) => ({ line: lineStarting(lines, 'runbook: '), character: 'runbook: '.length }) },
    { name: 'status key', at: (lines) => ({ line: lineStarting(lines, 'status: '), character: 1 }) },
  ],
};

export interface Stats { p50: number; p95: number; max: number }
export interface EditorResult {
  file: string;
  bytes: number;
  records: number;
  completion: { service: Stats; parsed: Stats; lsp: Stats };
  hover: { service: Stats; parsed: Stats; lsp: Stats };
}

/** The largest incident of the corpus (about 30 KB). */
export function largestFile(files: readonly string[]): string {
  return files.reduce((best, file) => (statSync(file).size > statSync(best).size ? file : best));
}

export async function measureEditorFeatures(program: Program, client: LspClient, file: string, now: number): Promise<EditorResult> {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const parse = () => readDocument({ path: file, text }, MAX_FILE_BYTES)!;
  const doc = parse();
  const requestFor = (parsed = doc) => ({ doc: parsed, model: program, now });
  const call = {
    completion: (request: ReturnType<typeof requestFor>, at: Position) => completion(request, at, { snippets: true }).items.length,
    hover: (request: ReturnType<typeof requestFor>, at: Position) => (hover(request, at) ? 1 : 0),
  };
  const uri = await client.open(file, text);
  await client.waitForDiagnostics(uri, () => true, 60_000);
  const result = { file, bytes: Buffer.byteLength(text), records: program.paths().length } as EditorResult;
  for (const feature of ['completion', 'hover'] as const) {
    const positions = POSITIONS[feature].map((ask) => ask.at(lines));
    // Each position once before timing, in-process and in the server: the code paths are compiled, the parse is cached.
    for (const at of positions) {
      if (call[feature](requestFor(), at) === 0) throw new Error(`${feature} answers nothing at ${JSON.stringify(at)}: fix the bench positions`);
      await (feature === 'completion' ? client.completion(uri, at) : client.hover(uri, at));
    }
    const service = time((i) => call[feature](requestFor(), positions[i % positions.length]!));
    const parsed = time((i) => call[feature](requestFor(parse()), positions[i % positions.length]!));
    const lsp = await timeAsync(async (i) => {
      const at = positions[i % positions.length]!;
      await (feature === 'completion' ? client.completion(uri, at) : client.hover(uri, at));
    });
    result[feature] = { service, parsed, lsp };
    console.log(`${feature}: service p50 ${service.p50.toFixed(2)} ms p95 ${service.p95.toFixed(2)} ms; parse + service p95 ${parsed.p95.toFixed(2)} ms; LSP p95 ${lsp.p95.toFixed(2)} ms`);
  }
  await client.close(uri);
  return result;
}

function time(run: (i: number) => unknown): Stats {
  const latencies: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    run(i);
    latencies.push(performance.now() - start);
  }
  return stats(latencies);
}

async function timeAsync(run: (i: number) => Promise<unknown>): Promise<Stats> {
  const latencies: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    await run(i);
    latencies.push(performance.now() - start);
  }
  return stats(latencies);
}

function stats(latencies: number[]): Stats {
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: pick(0.5), p95: pick(0.95), max: latencies[latencies.length - 1]! };
}

/** The machine as `lscpu` names it, with the core count. */
function machine(): string {
  let model = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /^Model name:\s*(.+)$/m.exec(execSync('lscpu', { encoding: 'utf8' }))?.[1]?.trim() ?? model;
  } catch {
    // No lscpu: the name Node reports.
  }
  return `${model}, ${os.cpus().length} cores`;
}

/** The section of bench/RESULTS.md on completion and hover. */
export function editorSection(result: EditorResult): string {
  const row = (feature: 'completion' | 'hover', how: 'service' | 'parsed' | 'lsp', label: string) => {
    const s = result[feature][how];
    return `| ${feature} | ${label} | ${s.p50.toFixed(2)} ms | ${s.p95.toFixed(2)} ms | ${s.max.toFixed(2)} ms |`;
  };
  return [
    `## Completion and hover (${REQUESTS} requests each, ${(result.bytes / 1024).toFixed(0)} KB incident, workspace of ${result.records.toLocaleString('en-US')} records)`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} (\`lscpu\`); load average ${os.loadavg().map((load) => load.toFixed(1)).join(' / ')} at the end.`,
    'bench/editor.ts: the largest incident of the corpus, with a Program holding the whole workspace.',
    'Completion is asked in turn on a new top-level line, after `severity: `,',
    '`runbook: ` and `detected_at: `; hover on the severity value, the `detected_at` key (a clock trigger: the',
    'notification clocks are evaluated), the runbook value (a record looked up among all) and the `status` key.',
    'Service: the pure functions on the parsed document (the server caches the parse of an unchanged text).',
    'Parse + service: the text parsed again before each request, as after a keystroke. LSP: the round trip',
    'over stdio to the server holding the same workspace. Each position is asked once before timing.',
    '',
    '| feature | measured | p50 | p95 | max |',
    '| --- | --- | --- | --- | --- |',
    row('completion', 'service', 'service'),
    row('completion', 'parsed', 'parse + service'),
    row('completion', 'lsp', 'LSP over stdio'),
    row('hover', 'service', 'service'),
    row('hover', 'parsed', 'parse + service'),
    row('hover', 'lsp', 'LSP over stdio'),
    '',
    'Target (issue 6): p95 under 20 ms.',
    '',
  ].join('\n');
}
