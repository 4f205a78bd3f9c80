// Runs every test suite (unit, rules, LSP over stdio, CLI processes) in one mocha run, so
// the last line printed is the total over all of them.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['mocha', '--import=tsx', '--reporter', './test/reporter.cjs', '--timeout', '60000', 'test/**/*.test.ts'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
