/**
 * The cold index (issues 2 and 9): a server started on a workspace it has never seen, until
 * diagnostics for every file have arrived, against the floor (yaml + ajv on one thread) and
 * the whole cc7 core on one thread.
 */
import { measureCoreOneThread, type CoreRun } from './core';
import { measureFloor } from './floor';
import { busyNote, formatLoad, loadNow, ms, section, verdict, type Section } from './report';
import { peakRssMb, startServer, type Server, type Workspace } from './session';

export interface ColdIndex {
  files: number;
  floorMs: number;
  floorLoad: number[];
  core: CoreRun;
  coreLoad: number[];
  server: Server;
  peakRssMb: number;
}

/** The floor and the core on the workspace, then a server started on it, its cache folder empty (left running for the caller). */
export async function measureColdIndex(workspace: Workspace, now: number, cacheDir?: string): Promise<ColdIndex> {
  const floorMs = measureFloor(workspace.files);
  const floorLoad = loadNow();
  const core = measureCoreOneThread(workspace.dir, now);
  const coreLoad = loadNow();
  const server = await startServer(workspace, cacheDir);
  const result = { files: workspace.files.length, floorMs, floorLoad, core, coreLoad, server, peakRssMb: peakRssMb(server.client) };
  console.log(`cold index of ${result.files} files: server ${ms(server.ms)} (CPU ${ms(server.cpuMs)}), floor ${ms(floorMs)} (${(server.ms / floorMs).toFixed(2)}x), core on one thread ${ms(core.ms)}, load ${formatLoad(server.load)}`);
  return result;
}

export function coldIndexSection(runs: readonly ColdIndex[]): Section {
  const largest = runs[runs.length - 1]!;
  const ratio = largest.server.ms / largest.floorMs;
  return section('cold-index', '## Cold index (files never opened)', [
    'Server: from starting it until diagnostics for every file have arrived, over stdio; it analyses in worker',
    'threads, one per core (two here), and publishes from the main thread. Its CPU time counts every thread.',
    'Floor: the same incident files read, parsed with `yaml` and validated with ajv in one process, one thread.',
    'Core, one thread: the whole cc7 analysis (every rule, facts, cross-file checks) in-process without workers.',
    'Load: the 1-, 5- and 15-minute load averages when each figure was taken.',
    '',
    '| files | server | server CPU | floor | server / floor | core, one thread (/ floor) | server peak RSS | load (server / floor / core) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map((run) => `| ${run.files.toLocaleString('en-US')} | ${ms(run.server.ms)} | ${ms(run.server.cpuMs)} | ${ms(run.floorMs)} | ${(run.server.ms / run.floorMs).toFixed(2)}x | ${ms(run.core.ms)} (${(run.core.ms / run.floorMs).toFixed(2)}x) | ${run.peakRssMb.toFixed(0)} MB | ${formatLoad(run.server.load)} ; ${formatLoad(run.floorLoad)} ; ${formatLoad(run.coreLoad)} |`),
    '',
    `Target (issue 9): the cold index at or under the single-thread floor at 10,000 files: ${ratio.toFixed(2)}x, ${verdict(ratio <= 1)}.`,
    busyNote(runs.flatMap((run) => [run.server.load, run.floorLoad, run.coreLoad])),
  ]);
}
