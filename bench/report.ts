/**
 * What every section of bench/RESULTS.md says the same way: the machine, the load while a
 * figure was measured (the 2 cores are shared with other engineers' tests), whether a target
 * is met, durations; and the section markers that let `npm run bench -- <name>` rewrite one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const RESULTS = path.join(__dirname, 'RESULTS.md');

/** Above this 1-minute load the 2 cores were busy with more than the benchmark. */
const BUSY_LOAD = 2;

/** The CPU (the model `lscpu` names), cores, RAM, OS and Node. */
export function machine(): string {
  const cpu = os.cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** The 1-, 5- and 15-minute load averages now, as `uptime` shows them. */
export function loadNow(): number[] {
  return os.loadavg();
}

export function formatLoad(load: readonly number[]): string {
  return load.map((value) => value.toFixed(1)).join(' / ');
}

/** Says so when a figure was measured while the 1-minute load was above the cores' worth. */
export function busyNote(loads: readonly (readonly number[])[]): string {
  const busiest = Math.max(...loads.map((load) => load[0] ?? 0));
  return busiest > BUSY_LOAD
    ? `The 1-minute load reached ${busiest.toFixed(1)} during these measurements, above the 2 cores (the server's own worker threads count in it): where other work took CPU, wall times are high by as much; CPU times are not.`
    : 'The 1-minute load stayed at or below 2 during these measurements.';
}

export function verdict(met: boolean): string {
  return met ? '**met**' : '**not met**';
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A section of RESULTS.md between its markers. */
export interface Section {
  name: string;
  text: string;
}

export const startMarker = (name: string) => `<!-- ${name}:start -->`;
export const endMarker = (name: string) => `<!-- ${name}:end -->`;

/** A section's text inside its markers: its heading, when and where it was measured, then `lines`. */
export function section(name: string, heading: string, lines: readonly string[]): Section {
  const measured = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`;
  return { name, text: [startMarker(name), heading, '', measured, '', ...lines, endMarker(name), ''].join('\n') };
}

/** Replaces one section of RESULTS.md (appends it when absent). */
export function replaceSection({ name, text }: Section): void {
  const current = readFileSync(RESULTS, 'utf8');
  const start = current.indexOf(startMarker(name));
  const end = current.indexOf(endMarker(name));
  writeFileSync(RESULTS, start === -1 || end === -1 ? `${current}\n${text}` : current.slice(0, start) + text + current.slice(end + endMarker(name).length + 1));
}
