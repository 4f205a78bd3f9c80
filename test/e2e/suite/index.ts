/**
 * The extension-host test index (extensionTestsPath), the @vscode/test-electron way: VS Code
 * loads it inside the extension host and awaits `run()`. It runs every compiled *.test.js
 * beside it with mocha; the spec output goes to the console, which code-server forwards to the
 * page (codeAutomationLog) and desktop VS Code to its stdout. The counts are written to the
 * file CC7_E2E_RESULTS names, for the runner's total. run() rejects when a test failed, so VS
 * Code exits non-zero.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import type { Counts } from '../harness/counts';

const TEST_TIMEOUT_MS = 120_000;

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: TEST_TIMEOUT_MS });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  const results: Counts = { passes: stats.passes, failures: stats.failures, pending: stats.pending };
  const resultsFile = process.env.CC7_E2E_RESULTS;
  if (resultsFile) writeFileSync(resultsFile, `${JSON.stringify(results)}\n`);
  if (stats.failures > 0) throw new Error(`${stats.failures} extension-host test(s) failed`);
}
