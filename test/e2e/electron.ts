/**
 * Runs the extension-host suites (the same compiled index as host.ts) in desktop VS Code with
 * @vscode/test-electron, on machines that have it: VSCODE_EXECUTABLE_PATH, or the Electron
 * binary behind a `code` on PATH (Linux layout: <install>/bin/code beside <install>/code).
 * It never downloads VS Code: without one it reports a single skipped test saying so.
 *
 * Usage: tsx test/e2e/electron.ts   (after `npm run build`)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { readCounts, type Counts } from './harness/counts';
import { finishRunner, prepareHostRun, runHostSuites } from './harness/host-run';
import { REPO_ROOT } from './harness/scratch';

const LABEL = 'extension host (desktop VS Code)';
const NOT_FOUND = 'no desktop VS Code on this machine: set VSCODE_EXECUTABLE_PATH';

/** The desktop VS Code executable, or undefined. */
function findVSCode(): string | undefined {
  if (process.env.VSCODE_EXECUTABLE_PATH) return process.env.VSCODE_EXECUTABLE_PATH;
  const which = spawnSync('which', ['code'], { encoding: 'utf8' });
  if (which.status !== 0) return undefined;
  const cli = realpathSync(which.stdout.trim());
  const electron = path.join(path.dirname(path.dirname(cli)), 'code');
  return path.basename(path.dirname(cli)) === 'bin' && existsSync(electron) ? electron : undefined;
}

async function runSuites(vscodeExecutablePath: string, scratch: string[]): Promise<Counts> {
  const { testsPath, workspace, stateDir: profile, resultsFile, env } = await prepareHostRun('electron-profile', scratch);
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${path.join(profile, 'user-data')}`, `--extensions-dir=${path.join(profile, 'extensions')}`],
      extensionTestsEnv: env,
    });
  } catch (error) {
    // A failing test also makes VS Code exit non-zero; its results say how many failed.
    const counts = readCounts(resultsFile);
    if (counts) return counts;
    throw error;
  }
  const counts = readCounts(resultsFile);
  if (!counts) throw new Error('VS Code exited before the test index wrote its results (did the suite load?)');
  return counts;
}

async function main(): Promise<void> {
  const executable = findVSCode();
  if (!executable) {
    process.stdout.write(`${LABEL}: SKIPPED: ${NOT_FOUND}\n`);
    finishRunner(LABEL, { passes: 0, failures: 0, pending: 1 });
    return;
  }
  await runHostSuites(LABEL, (scratch) => runSuites(executable, scratch), ` (${executable})`);
}

void main();
