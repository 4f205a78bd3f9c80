/**
 * Editor requests (issue 6: completion, hover, inlay hints, code lenses, code actions) on a
 * 30 KB incident with deadlines, opened in the benchmark's workspace: each request's latency
 * over stdio, 100 one after another; and what the id mentions every document's facts keep
 * (DocumentFacts.mentions) cost in memory.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-types';
import type { LspClient } from '../test/support/lsp-client';
import type { CoreRun } from './core';
import { deadlineIncident, withProblems } from './corpus';
import { percentiles, type Latency } from './latency';

const REQUESTS = 100;

export interface EditorMeasure {
  files: number;
  /** The size of the incident the requests are about. */
  bytes: number;
  requests: [name: string, latency: Latency][];
  mentions: CoreRun['mentions'];
  /** The server's peak RSS over the scan and the requests. */
  peakRssMb: number;
}

/** The place after `prefix` on the first line that starts with it (`column` 1: on the key instead). */
const after = (prefix: string, column?: number) => (lines: readonly string[]): Position => {
  const line = lines.findIndex((text) => text.startsWith(prefix));
  if (line === -1) throw new Error(`the bench incident has no line starting with "${prefix}"`);
  return { line, character: column ?? prefix.length };
};

// Where a user asks: a new top-level key (every key the incident lacks, and skeletons), and values.
const COMPLETION_AT = [(lines: readonly string[]) => ({ line: lines.length - 1, character: 0 }), after('severity: '), after('runbook: '), after('detected_at: ')];
// A severity, a clock trigger (the notification clocks are evaluated), a record looked up among all, a key.
const HOVER_AT = [after('severity: '), after('detected_at: ', 1), after('runbook: '), after('status: ', 1)];

const answered = (result: unknown) => (Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined);

/** Opens the incident (an editor buffer, not on disk) in a scanned workspace of `files` and times each request. */
export async function measureEditorRequests(client: LspClient, dir: string, files: number, mentions: CoreRun['mentions'], timeoutMs: number): Promise<EditorMeasure> {
  const text = deadlineIncident(files + 1);
  const uri = await client.open(path.join(dir, 'incidents', `INC-2026-${files + 1}.yaml`), text);
  await client.waitForDiagnostics(uri, () => true, timeoutMs);
  const lines = text.split('\n');
  const time = async (send: (i: number) => Promise<unknown>): Promise<Latency> => {
    if (!answered(await send(0))) throw new Error('the benchmark request answered nothing: fix the incident or the positions');
    const latencies: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      await send(i);
      latencies.push(performance.now() - start);
    }
    return percentiles(latencies);
  };
  // Requests at several places are asked in turn, each place found by its text.
  const inTurn = (asks: Position[], request: (at: Position) => Promise<unknown>) => time((i) => request(asks[i % asks.length]!));
  const requests: EditorMeasure['requests'] = [
    ['completion', await inTurn(COMPLETION_AT.map((at) => at(lines)), (at) => client.completion(uri, at))],
    ['hover', await inTurn(HOVER_AT.map((at) => at(lines)), (at) => client.hover(uri, at))],
    ['inlay hints (whole document)', await time(() => client.inlayHints(uri))],
    ['code lenses', await time(() => client.codeLenses(uri))],
    ['code actions (one diagnostic each)', await codeActions(client, uri, text, time, timeoutMs)],
  ];
  for (const [name, latency] of requests) console.log(`${name}: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`);
  return { files, bytes: Buffer.byteLength(text), requests, mentions, peakRssMb: client.memory().peak / 1024 / 1024 };
}

/**
 * The incident with its timeline times stripped of their offsets and its remediation owners
 * removed, then one codeAction per diagnostic in turn, the cursor on it and the diagnostic in
 * the context, as an editor asks (each answer holds the fixes, "fix all" of the rule and a waiver).
 */
async function codeActions(client: LspClient, uri: string, text: string, time: (send: (i: number) => Promise<unknown>) => Promise<Latency>, timeoutMs: number): Promise<Latency> {
  const lines = text.split('\n');
  await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, text: withProblems(text) }]);
  const diagnostics = await client.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'timestamp-timezone'), timeoutMs);
  return time((i) => {
    const diagnostic = diagnostics[i % diagnostics.length]!;
    return client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] });
  });
}

export const EDITOR_START = '<!-- editor:start -->';
export const EDITOR_END = '<!-- editor:end -->';

export function editorSection(measure: EditorMeasure, machine: string): string {
  return [
    EDITOR_START,
    `## Editor requests (issue 6), workspace of ${measure.files.toLocaleString('en-US')} records`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine} (the CPU as \`lscpu\` names it);`,
    `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end (the machine is shared: a load above its 2 cores slows every figure`,
    `here by as much). From sending the request until its answer, over stdio, ${REQUESTS} requests one after another on an`,
    `open ${(measure.bytes / 1024).toFixed(0)} KB incident with notification clocks, remediation dues and a waiver (bench/corpus.ts deadlineIncident).`,
    'Completion is asked in turn on a new top-level line and after `severity: `, `runbook: ` and `detected_at: `; hover on',
    'the severity value, the `detected_at` key (a clock trigger), the runbook value and the `status` key. Code actions: the',
    'incident with its timeline offsets and remediation owners removed, one request per diagnostic in turn, the diagnostic in the context.',
    '',
    '| request | p50 | p95 | max |',
    '| --- | --- | --- | --- |',
    ...measure.requests.map(([name, r]) => `| ${name} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms |`),
    '',
    'Id mentions (DocumentFacts.mentions: definitions, references and rename without parsing other files): how many',
    'the facts keep, the heap they and their index retain (measured in-process by dropping them between two full',
    'garbage collections), and the server\'s peak RSS with them.',
    '',
    '| records | mentions | heap they retain | server peak RSS |',
    '| --- | --- | --- | --- |',
    `| ${measure.files.toLocaleString('en-US')} | ${measure.mentions.count.toLocaleString('en-US')} | ${measure.mentions.retainedMb.toFixed(1)} MB | ${measure.peakRssMb.toFixed(0)} MB |`,
    '',
    'Targets (issue 6): p95 under 20 ms per request; peak RSS under 400 MB at 10,000 records.',
    EDITOR_END,
    '',
  ].join('\n');
}
