/**
 * CLI golden scenarios: `cc7` run as a real process on each folder of test/fixtures/cli/:
 *   command          the arguments, one line, split on spaces (e.g. `check workspace --format json`)
 *   cwd              optional: the folder to run in, relative to the scenario (default: the scenario itself)
 *   workspace/       the input, where the scenario needs one
 *   expected.stdout  the exact standard output
 *   expected.stderr  optional: the exact standard error (absent: it must be empty)
 *   expected.status  the exit code
 * The process gets CC7_NOW=DEFAULT_NOW (test/support/fixtures.ts) unless the command says --as-of.
 *
 * UPDATE_GOLDEN=1 npx mocha test/cli/scenarios.test.ts rewrites the expected.* files from what
 * the CLI prints now. They are assertions: read the diff against SPEC.md section 7 before
 * keeping it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { assertUsageError, runCli, type CliRun } from '../support/cli';

const SCENARIOS = path.join(__dirname, '..', 'fixtures', 'cli');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Scenario {
  dir: string;
  args: string[];
  cwd: string;
}

function readScenario(dir: string): Scenario {
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8').trim();
  const args = read('command').split(/\s+/).filter(Boolean);
  const cwd = existsSync(path.join(dir, 'cwd')) ? path.join(dir, read('cwd')) : dir;
  return { dir, args, cwd };
}

/** Rewrites the expected files of a scenario from a run (UPDATE_GOLDEN=1). */
function writeGolden(dir: string, run: CliRun): void {
  writeFileSync(path.join(dir, 'expected.stdout'), run.stdout);
  writeFileSync(path.join(dir, 'expected.status'), `${run.status}\n`);
  const stderr = path.join(dir, 'expected.stderr');
  if (run.stderr) writeFileSync(stderr, run.stderr);
  else rmSync(stderr, { force: true });
}

function assertGolden(dir: string, run: CliRun): void {
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  assert.equal(run.stdout, read('expected.stdout'), 'stdout');
  assert.equal(run.stderr, existsSync(path.join(dir, 'expected.stderr')) ? read('expected.stderr') : '', 'stderr');
  assert.equal(run.status, Number(read('expected.status')), 'exit code');
  if (run.status === 2) assertUsageError(run);
}

describe('cli scenarios', () => {
  const names = readdirSync(SCENARIOS).filter((name) => statSync(path.join(SCENARIOS, name)).isDirectory()).sort();
  for (const name of names) {
    const scenario = readScenario(path.join(SCENARIOS, name));
    it(`${name}: cc7 ${scenario.args.join(' ')}`, () => {
      const run = runCli(scenario.args, { cwd: scenario.cwd });
      if (UPDATE) writeGolden(scenario.dir, run);
      assertGolden(scenario.dir, run);
    });
  }
});
