// Runs every test suite and prints one total over all of them as the last line,
// "N passed, N failed, N skipped":
//   1. the node suites (unit, rules, CLI processes, language server over stdio and IPC, Neovim);
//   2. the extension-host suites (test/e2e/suite) in real VS Code: code-server's extension host;
//   3. the UI tests (test/e2e/ui): Playwright on code-server's workbench, the packaged .vsix installed;
//   4. the extension-host suites in desktop VS Code (@vscode/test-electron), where there is one.
// Each stage writes its counts to the file CC7_TEST_STATS names. A stage that wrote none (it
// could not start, or crashed), or that exited non-zero with no failure counted, counts one
// failure more, so nothing vanishes from the total. Needs `npm run build` first (npm test does it).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = ['--import', 'tsx'];
// mocha's own process (bin/_mocha), so a stop signal reaches the tests' clean-up directly.
const MOCHA = [...TSX, 'node_modules/mocha/bin/_mocha', '--reporter', './test/reporter.cjs'];
const MINUTE = 60_000;

const STAGES = [
  { name: 'node suites', args: [...MOCHA, '--ignore', 'test/e2e/**', 'test/**/*.test.ts'], timeoutMs: 15 * MINUTE },
  { name: 'extension host (code-server)', args: [...TSX, 'test/e2e/host.ts'], timeoutMs: 10 * MINUTE },
  { name: 'UI (code-server, packaged .vsix)', args: [...MOCHA, '--timeout', '180000', '--require', 'test/e2e/ui/package-hook.ts', 'test/e2e/ui/*.test.ts'], timeoutMs: 10 * MINUTE },
  { name: 'extension host (desktop VS Code)', args: [...TSX, 'test/e2e/electron.ts'], timeoutMs: 10 * MINUTE },
];

/** Runs one stage under this Node; resolves to its exit code (a signal counts as 1). Past its time it is stopped. */
function runStage(stage, statsFile) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, stage.args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CC7_TEST_STATS: statsFile } });
    const timer = setTimeout(() => {
      console.log(`${stage.name}: still running after ${stage.timeoutMs / MINUTE} minutes, stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    }, stage.timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

function readCounts(statsFile) {
  try {
    return JSON.parse(readFileSync(statsFile, 'utf8'));
  } catch {
    return undefined;
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), 'cc7-test-stats-'));
const total = { passes: 0, failures: 0, pending: 0 };
const lines = [];
for (const [i, stage] of STAGES.entries()) {
  const statsFile = path.join(scratch, `${i}.json`);
  const code = await runStage(stage, statsFile);
  const counts = readCounts(statsFile) ?? { passes: 0, failures: 0, pending: 0 };
  let note = '';
  if (code !== 0 && counts.failures === 0) {
    counts.failures = 1;
    note = ` (exited with ${code} without counting a failure: counted as one)`;
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
  lines.push(`  ${stage.name}: ${counts.passes} passed, ${counts.failures} failed, ${counts.pending} skipped${note}`);
}
rmSync(scratch, { recursive: true, force: true });

console.log(`\nEvery suite:\n${lines.join('\n')}`);
console.log(`\n${total.passes} passed, ${total.failures} failed, ${total.pending} skipped`);
process.exitCode = total.failures > 0 ? 1 : 0;
