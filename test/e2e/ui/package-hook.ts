/**
 * Mocha root hook for the UI tests: packages the extension once (`npm run package`, as a user
 * would), so every UI test file installs the same cc7-<version>.vsix into its code-server.
 */
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../harness/scratch';

export const mochaHooks = {
  beforeAll(this: Mocha.Context): void {
    this.timeout(180_000);
    const run = spawnSync('npm', ['run', 'package', '--silent'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`npm run package failed (${run.status ?? run.signal}): ${`${run.stderr}\n${run.stdout}`.trim().split('\n').pop()}`);
  },
};
