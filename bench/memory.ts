/**
 * The server's memory through a whole editing session (issues 6 and 9): its resident memory
 * now and at its peak (VmRSS, VmHWM) after each step of the session: the cold index, edits,
 * plan edits, the editor requests.
 */
import type { LspClient } from '../test/support/lsp-client';
import { busyNote, formatLoad, loadNow, section, verdict, type Section } from './report';

export interface MemoryStep {
  step: string;
  rssMb: number;
  peakMb: number;
  load: number[];
}

export interface SessionMemory {
  files: number;
  steps: MemoryStep[];
}

/** Records the server's memory after each step of a session. */
export class MemoryLog {
  readonly steps: MemoryStep[] = [];

  constructor(private readonly client: LspClient) {}

  after(step: string): void {
    const { rss, peak } = this.client.memory();
    this.steps.push({ step, rssMb: rss / 1024 / 1024, peakMb: peak / 1024 / 1024, load: loadNow() });
    console.log(`memory after ${step}: RSS ${(rss / 1024 / 1024).toFixed(0)} MB, peak ${(peak / 1024 / 1024).toFixed(0)} MB`);
  }
}

/** Issue 9: under 350 MB at 10,000 records through a session with plan edits; issue 6: under 400 MB. */
const TARGET_MB = 350;
const TARGET_ISSUE6_MB = 400;

export function memorySection(memory: SessionMemory): Section {
  const peak = Math.max(...memory.steps.map((step) => step.peakMb));
  return section('memory', `## Server memory through a session (workspace of ${memory.files.toLocaleString('en-US')} records)`, [
    'One server, one session: the cold index, then each step below in turn; after each, its resident memory now and the',
    'peak so far (VmRSS and VmHWM from /proc: the process with its worker threads). Load: 1, 5 and 15 minutes, then.',
    '',
    '| after | RSS | peak so far | load |',
    '| --- | --- | --- | --- |',
    ...memory.steps.map((step) => `| ${step.step} | ${step.rssMb.toFixed(0)} MB | ${step.peakMb.toFixed(0)} MB | ${formatLoad(step.load)} |`),
    '',
    `Targets: peak RSS under ${TARGET_MB} MB (issue 9) and ${TARGET_ISSUE6_MB} MB (issue 6) at 10,000 records: ${peak.toFixed(0)} MB, ${verdict(peak < TARGET_MB)} and ${verdict(peak < TARGET_ISSUE6_MB)}.`,
    busyNote(memory.steps.map((step) => step.load)),
  ]);
}
