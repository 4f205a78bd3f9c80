/**
 * Editor requests (issue 6: completion, hover, inlay hints, code lenses, code actions) on a
 * 30 KB incident with deadlines, opened in the benchmark's workspace: each request's latency
 * over stdio, 100 one after another; and what the id mentions every document's facts keep
 * (DocumentFacts.mentions) cost in memory.
 */
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-types';
import type { LspClient } from '../test/support/lsp-client';
import type { CoreRun } from './core';
import { deadlineIncident, withProblems } from './corpus';
import { percentiles, type Latency } from './latency';
import { busyNote, formatLoad, loadNow, ms, section, verdict, type Section } from './report';

const REQUESTS = 100;

export interface EditorMeasure {
  files: number;
  /** The size of the incident the requests are about. */
  bytes: number;
  /** Each request's latency, and the load when its 100 were done. */
  requests: [name: string, latency: Latency, load: number[]][];
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
export async function measureEditorRequests(client: LspClient, dir: string, files: number, timeoutMs: number): Promise<EditorMeasure> {
  const text = deadlineIncident(files + 1);
  const uri = await client.open(path.join(dir, 'incidents', `INC-2026-${files + 1}.yaml`), text);
  await client.waitForDiagnostics(uri, () => true, timeoutMs);
  const lines = text.split('\n');
  const time = async (send: (i: number) => Promise<unknown>): Promise<[Latency, number[]]> => {
    if (!answered(await send(0))) throw new Error('the benchmark request answered nothing: fix the incident or the positions');
    const latencies: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      await send(i);
      latencies.push(performance.now() - start);
    }
    return [percentiles(latencies), loadNow()];
  };
  // Requests at several places are asked in turn, each place found by its text.
  const inTurn = (asks: Position[], request: (at: Position) => Promise<unknown>) => time((i) => request(asks[i % asks.length]!));
  const requests: EditorMeasure['requests'] = [
    ['completion', ...await inTurn(COMPLETION_AT.map((at) => at(lines)), (at) => client.completion(uri, at))],
    ['hover', ...await inTurn(HOVER_AT.map((at) => at(lines)), (at) => client.hover(uri, at))],
    ['inlay hints (whole document)', ...await time(() => client.inlayHints(uri))],
    ['code lenses', ...await time(() => client.codeLenses(uri))],
    ['code actions (one diagnostic each)', ...await codeActions(client, uri, text, time, timeoutMs)],
  ];
  await client.close(uri);
  for (const [name, latency, load] of requests) console.log(`${name}: p50 ${ms(latency.p50)}, p95 ${ms(latency.p95)}, load ${formatLoad(load)}`);
  return { files, bytes: Buffer.byteLength(text), requests, peakRssMb: client.memory().peak / 1024 / 1024 };
}

/**
 * The incident with its timeline times stripped of their offsets and its remediation owners
 * removed, then one codeAction per diagnostic in turn, the cursor on it and the diagnostic in
 * the context, as an editor asks (each answer holds the fixes, "fix all" of the rule and a waiver).
 */
async function codeActions(client: LspClient, uri: string, text: string, time: (send: (i: number) => Promise<unknown>) => Promise<[Latency, number[]]>, timeoutMs: number): Promise<[Latency, number[]]> {
  const lines = text.split('\n');
  await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, text: withProblems(text) }]);
  const diagnostics = await client.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'timestamp-timezone'), timeoutMs);
  return time((i) => {
    const diagnostic = diagnostics[i % diagnostics.length]!;
    return client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] });
  });
}

/** Issue 6: p95 under 20 ms for each request. */
const P95_MS = 20;

/** The requests, and the id mentions of the same workspace (measured in-process, bench/core.ts). */
export function editorSection(measure: EditorMeasure, mentions: CoreRun['mentions']): Section {
  const slowest = Math.max(...measure.requests.map(([, latency]) => latency.p95));
  return section('editor', `## Editor requests (issue 6), workspace of ${measure.files.toLocaleString('en-US')} records`, [
    `From sending the request until its answer, over stdio, ${REQUESTS} requests one after another on an open`,
    `${(measure.bytes / 1024).toFixed(0)} KB incident with notification clocks, remediation dues and a waiver (bench/corpus.ts deadlineIncident).`,
    'Completion is asked in turn on a new top-level line and after `severity: `, `runbook: ` and `detected_at: `; hover on',
    'the severity value, the `detected_at` key (a clock trigger), the runbook value and the `status` key. Code actions: the',
    'incident with its timeline offsets and remediation owners removed, one request per diagnostic in turn, the diagnostic in the context.',
    'Load: 1, 5 and 15 minutes, when each request\'s 100 were done.',
    '',
    '| request | p50 | p95 | max | load |',
    '| --- | --- | --- | --- | --- |',
    ...measure.requests.map(([name, r, load]) => `| ${name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${formatLoad(load)} |`),
    '',
    `Target (issue 6): p95 under ${P95_MS} ms for each request: the slowest ${ms(slowest)}, ${verdict(slowest < P95_MS)}.`,
    busyNote(measure.requests.map(([, , load]) => load)),
    '',
    'Id mentions (DocumentFacts.mentions: definitions, references and rename without parsing other files): how many',
    'the facts keep, the heap they and their index retain (measured in-process by dropping them between two full',
    'garbage collections), and the server\'s peak RSS with them (the whole session: section "Server memory").',
    '',
    '| records | mentions | heap they retain | server peak RSS |',
    '| --- | --- | --- | --- |',
    `| ${measure.files.toLocaleString('en-US')} | ${mentions.count.toLocaleString('en-US')} | ${mentions.retainedMb.toFixed(1)} MB | ${measure.peakRssMb.toFixed(0)} MB |`,
  ]);
}
