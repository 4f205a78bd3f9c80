/**
 * Plan edits at scale (issue 9), over LSP: the plan open in the editor, one edit of it sent as
 * a didChange, timed until the server has re-checked every document the edit can affect and
 * published their findings (cc7/debug/settled answers once no re-analysis waits or runs), with
 * how many documents it re-analysed and the CPU time it took.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-types';
import type { LspClient } from '../test/support/lsp-client';
import { busyNote, formatLoad, loadNow, median, ms, section, verdict, type Section } from './report';
import { cpuMs, openChecked, TIMEOUT_MS, type Workspace } from './session';

/** Each change is timed this many times (after each, the plan goes back, untimed); the median is reported. */
const REPEATS = 3;
/** Issue 9: a plan edit that changes one severity's window settles in under 1 s at 10,000 records. */
const TARGET_MS = 1000;
/** A pause before each timed edit: the server checks an edit coming soon after another one a little later (lsp/scheduler.ts). */
const PAUSE_MS = 100;

interface PlanChange {
  name: string;
  edit(text: string): string;
  /** The change the target is about. */
  target?: boolean;
  /** Timed once instead of REPEATS times: it re-analyses the whole workspace, for minutes on a loaded machine. */
  once?: boolean;
}

/** Edits of the corpus's plan (bench/corpus.ts), from one that no finding reads to one that most do. */
const CHANGES: readonly PlanChange[] = [
  { name: 'a comment', edit: (text) => text.replace('organization: Bench Corp', 'organization: Bench Corp # reviewed') },
  { name: '`organization`', edit: (text) => text.replace('organization: Bench Corp', 'organization: Bench Corp, LLC') },
  { name: "one severity's review window (SEV2: 10 -> 5 business days)", edit: (text) => text.replace('due_business_days: 10', 'due_business_days: 5'), target: true },
  { name: 'a regime added (us-ny)', edit: (text) => text.replace('regimes: [gdpr-art33, us-ca, customer-dpa]', 'regimes: [gdpr-art33, us-ca, customer-dpa, us-ny]'), once: true },
];

export interface PlanEditRun {
  change: string;
  target: boolean;
  /** Each timing, from the didChange until settled. */
  ms: number[];
  /** Documents re-analysed by the change (the plan itself included). */
  reanalysed: number;
  /** The server's CPU time for the change (median). */
  cpuMs: number;
  load: number[];
}

export interface PlanEditMeasure {
  files: number;
  runs: PlanEditRun[];
}

/** Opens the plan and times each change of CHANGES. */
export async function measurePlanEdits(client: LspClient, workspace: Workspace): Promise<PlanEditMeasure> {
  const file = path.join(workspace.dir, 'plan.yaml');
  const original = readFileSync(file, 'utf8');
  const uri = await openChecked(client, file, original);
  // Types the plan into `text` (one edit, the differing span) and waits until the server has settled it.
  const typeAndSettle = async (text: string) => {
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const published = client.diagnosticsHistory(uri).length;
    const statsBefore = await client.debugSettled();
    const cpuBefore = cpuMs(client);
    const start = performance.now();
    await client.change(uri, [differingSpan(client.text(uri), text)]);
    // The plan's own diagnostics come once its check has queued the re-analyses; settled then waits for them.
    await client.waitForDiagnostics(uri, () => client.diagnosticsHistory(uri).length > published, TIMEOUT_MS);
    const stats = await client.debugSettled();
    return { ms: performance.now() - start, reanalysed: stats.analysed - statsBefore.analysed, cpuMs: cpuMs(client) - cpuBefore };
  };
  const runs: PlanEditRun[] = [];
  for (const change of CHANGES) {
    const timings = [];
    for (let i = 0; i < (change.once ? 1 : REPEATS); i++) {
      timings.push(await typeAndSettle(change.edit(original)));
      await typeAndSettle(original);
    }
    const run = {
      change: change.name,
      target: change.target === true,
      ms: timings.map((timing) => timing.ms),
      reanalysed: median(timings.map((timing) => timing.reanalysed)),
      cpuMs: median(timings.map((timing) => timing.cpuMs)),
      load: loadNow(),
    };
    console.log(`plan edit, ${run.change}: ${run.ms.map(ms).join(', ')}; ${run.reanalysed} re-analysed, CPU ${ms(run.cpuMs)}, load ${formatLoad(run.load)}`);
    runs.push(run);
  }
  await client.close(uri);
  return { files: workspace.files.length, runs };
}

/** The edit that turns `before` into `after`: the span between their common prefix and suffix. */
function differingSpan(before: string, after: string): { range: { start: Position; end: Position }; text: string } {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { range: { start: positionAt(before, prefix), end: positionAt(before, before.length - suffix) }, text: after.slice(prefix, after.length - suffix) };
}

function positionAt(text: string, offset: number): Position {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

export function planEditSection(measure: PlanEditMeasure): Section {
  const target = measure.runs.find((run) => run.target)!;
  const targetMs = median(target.ms);
  return section('plan-edit', `## Plan edits (workspace of ${measure.files.toLocaleString('en-US')} records)`, [
    'The plan open in the editor; each change typed as one didChange of the span it changes, timed from sending it until',
    'the server has re-checked every document the change can affect and sent their diagnostics (the benchmark asks',
    '`cc7/debug/settled`, which the server answers once no re-analysis waits or runs). Each change is timed',
    `${REPEATS} times (one re-analysing every incident once), the plan typed back (untimed) after each; the median, and every timing. Re-analysed: documents`,
    'parsed and checked again (the plan included). CPU: the server\'s, every thread, in clock ticks of 10 ms. Load: 1, 5 and 15 minutes, at the end.',
    '',
    '| change | settled (median) | each | re-analysed | server CPU | load |',
    '| --- | --- | --- | --- | --- | --- |',
    ...measure.runs.map((run) => `| ${run.change} | ${ms(median(run.ms))} | ${run.ms.map(ms).join(', ')} | ${run.reanalysed.toLocaleString('en-US')} | ${ms(run.cpuMs)} | ${formatLoad(run.load)} |`),
    '',
    `Target (issue 9): a change of one severity's window settles in under ${ms(TARGET_MS)} at 10,000 records: ${ms(targetMs)}, ${verdict(targetMs < TARGET_MS)}.`,
    busyNote(measure.runs.map((run) => run.load)),
  ]);
}
