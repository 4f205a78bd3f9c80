/**
 * What the two extension-host runners share (host.ts: code-server; electron.ts: desktop VS
 * Code): the inputs of a run in scratch folders (the compiled suite, a fresh copy of
 * examples/acme, the environment the test index reads), and the end of the runner (its scratch
 * removed, its counts reported, its exit code set).
 */
import * as path from 'node:path';
import { buildSuite } from './build-suite';
import { COULD_NOT_RUN, reportCounts, type Counts } from './counts';
import { ACME_NOW, copyExample, removeDirs, scratchDir } from './scratch';

export interface HostRun {
  /** The compiled test index (extensionTestsPath). */
  testsPath: string;
  /** A fresh copy of examples/acme, the folder the editor opens. */
  workspace: string;
  /** A new scratch folder for the editor's own state; the results file is in it. */
  stateDir: string;
  /** Where the test index writes its counts. */
  resultsFile: string;
  /** The extension host's environment: CC7_NOW (EXPECTED.md's as-of time) and CC7_E2E_RESULTS. */
  env: Record<string, string>;
}

/** Builds the suite and makes the run's folders (added to `scratch`); `stateName` names the state folder. */
export async function prepareHostRun(stateName: string, scratch: string[]): Promise<HostRun> {
  const testsPath = await buildSuite();
  const workspace = copyExample('acme');
  const stateDir = scratchDir(stateName);
  scratch.push(workspace, stateDir);
  const resultsFile = path.join(stateDir, 'results.json');
  return { testsPath, workspace, stateDir, resultsFile, env: { CC7_NOW: ACME_NOW, CC7_E2E_RESULTS: resultsFile } };
}

/** Reports a runner's counts and sets its exit code (1 when a test failed). */
export function finishRunner(label: string, counts: Counts): void {
  reportCounts(label, counts);
  process.exitCode = counts.failures > 0 ? 1 : 0;
}

/**
 * Runs the suites and ends the runner: the scratch folders `run` adds to are removed whatever
 * happens; a run that throws counts one failure, its reason on one line (`where` after the label).
 */
export async function runHostSuites(label: string, run: (scratch: string[]) => Promise<Counts>, where = ''): Promise<void> {
  const scratch: string[] = [];
  let counts: Counts;
  try {
    counts = await run(scratch);
  } catch (error) {
    process.stdout.write(`${label} could not run${where}: ${error instanceof Error ? error.message : String(error)}\n`);
    counts = COULD_NOT_RUN;
  } finally {
    removeDirs(scratch);
  }
  finishRunner(label, counts);
}
