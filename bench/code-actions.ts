/**
 * Code actions on a large incident with findings (bench/corpus.ts withProblems) in the scanned
 * workspace: over stdio, from the request until the answer, one request per diagnostic in turn
 * (the cursor on it, the diagnostic in the context, as an editor asks); and the same requests
 * to the core service in-process (bench/core.ts).
 */
import { execSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import type { LspClient } from '../test/support/lsp-client';
import { measureCodeActionsCore } from './core';
import { withProblems } from './corpus';
import { percentiles, type Latency } from './latency';
import type { Program } from '../server/src/core/service/program';

export const CODE_ACTION_REQUESTS = 100;

export interface CodeActionMeasure {
  records: number;
  fileKb: number;
  findings: number;
  server: Latency;
  core: Latency;
}

/** The largest of the files: the benchmark's "30 KB incident". */
export function largest(files: readonly string[]): string {
  return files.reduce((best, file) => (statSync(file).size > statSync(best).size ? file : best));
}

export async function measureCodeActions(client: LspClient, program: Program, files: readonly string[], timeoutMs: number): Promise<CodeActionMeasure> {
  const file = largest(files);
  const text = withProblems(readFileSync(file, 'utf8'));
  const uri = await client.open(file, text);
  const diagnostics = await client.waitForDiagnostics(uri, (list) => list.length > 0, timeoutMs);
  const samples: number[] = [];
  for (let i = 0; i < CODE_ACTION_REQUESTS; i++) {
    const diagnostic = diagnostics[i % diagnostics.length]!;
    const start = performance.now();
    const actions = await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] });
    samples.push(performance.now() - start);
    if (actions.length === 0) throw new Error(`no code action for ${String(diagnostic.code)}`);
  }
  await client.close(uri);
  const core = measureCodeActionsCore(program, file, text, CODE_ACTION_REQUESTS);
  return { records: files.length, fileKb: Buffer.byteLength(text) / 1024, findings: diagnostics.length, server: percentiles(samples), core };
}

export const CODE_ACTIONS_START = '<!-- code-actions:start -->';
export const CODE_ACTIONS_END = '<!-- code-actions:end -->';

/** The CPU as `lscpu` names it, and the cores. */
function cpu(): string {
  let model = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /Model name:\s*(.+)/.exec(execSync('lscpu', { encoding: 'utf8' }))?.[1]?.trim() ?? model;
  } catch {
    // No lscpu: the model Node reports.
  }
  return `${model}, ${os.cpus().length} cores`;
}

export function codeActionsSection(measure: CodeActionMeasure): string {
  const row = (what: string, l: Latency) => `| ${what} | ${l.p50.toFixed(1)} ms | ${l.p95.toFixed(1)} ms | ${l.max.toFixed(1)} ms |`;
  return [
    CODE_ACTIONS_START,
    `## Code actions (${CODE_ACTION_REQUESTS} requests on a ${measure.fileKb.toFixed(0)} KB incident, workspace of ${measure.records.toLocaleString('en-US')} records)`,
    '',
    `The corpus's largest incident, opened with its timeline times stripped of their offsets and its remediation owners`,
    `removed (${measure.findings} findings). One \`textDocument/codeAction\` per diagnostic in turn, the cursor on it and the`,
    'diagnostic in the context, as an editor asks; each answer holds the fixes, "fix all" of the rule and a waiver.',
    'Server: from the request until the answer, over stdio. Core: the code-action service alone, in-process.',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu()} (\`lscpu\`), load average`,
    `${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end (the machine is shared).`,
    '',
    '| | p50 | p95 | max |',
    '| --- | --- | --- | --- |',
    row('server', measure.server),
    row('core service', measure.core),
    '',
    'Target (issue 6): p95 under 20 ms.',
    CODE_ACTIONS_END,
    '',
  ].join('\n');
}
