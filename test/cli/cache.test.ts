/**
 * The CLI's analysis cache ($XDG_CACHE_HOME/cc7): a run from the cache prints exactly what a
 * run with --no-cache prints, in every format; an unchanged folder is restored whole (its cache
 * file is not even rewritten); a changed file or a damaged cache changes nothing in the output.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli, type CliRun } from '../support/cli';

const AS_OF = '2026-11-26T12:00:00Z';

describe('cli: the analysis cache', function () {
  this.timeout(60_000);
  let root: string;
  let cacheHome: string;

  beforeEach(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-cli-ws-')));
    cpSync(path.join(REPO_ROOT, 'examples', 'acme'), root, { recursive: true });
    cacheHome = realpathSync(mkdtempSync(path.join(tmpdir(), 'cc7-cli-home-')));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheHome, { recursive: true, force: true });
  });

  const check = (...args: string[]): CliRun => runCli(['check', '.', '--as-of', AS_OF, ...args], { cwd: root, env: { XDG_CACHE_HOME: cacheHome } });
  const cacheFiles = () => (existsSync(path.join(cacheHome, 'cc7')) ? readdirSync(path.join(cacheHome, 'cc7')) : []);
  const cacheFile = () => {
    const names = cacheFiles();
    assert.equal(names.length, 1, `one cache file, not ${names.join(', ')}`);
    return path.join(cacheHome, 'cc7', names[0]!);
  };

  it('prints the same with and without --no-cache, in every format, cold and warm', () => {
    for (const format of ['stylish', 'json', 'sarif']) {
      const uncached = check('--format', format, '--no-cache');
      assert.equal(uncached.status, 1, uncached.stderr);
      assert.deepEqual(cacheFiles(), [], '--no-cache writes nothing');
      const cold = check('--format', format);
      const warm = check('--format', format);
      for (const run of [cold, warm]) assert.deepEqual(run, uncached, `--format ${format}`);
      rmSync(path.join(cacheHome, 'cc7'), { recursive: true, force: true });
    }
  });

  it('an unchanged folder is restored whole: the cache file is not rewritten', () => {
    check();
    const before = { text: readFileSync(cacheFile(), 'utf8'), mtime: statSync(cacheFile()).mtimeMs };
    check();
    assert.deepEqual({ text: readFileSync(cacheFile(), 'utf8'), mtime: statSync(cacheFile()).mtimeMs }, before);
  });

  it('a file changed since the last run, and a damaged cache, change nothing in the output', () => {
    check('--format', 'json');
    const incident = path.join(root, 'incidents', 'INC-2026-009.yaml');
    writeFileSync(incident, readFileSync(incident, 'utf8').replace(/(- id: REM-2\n)/, '$1    ticket: SEC-999\n'));
    const changed = check('--format', 'json');
    assert.deepEqual(changed, check('--format', 'json', '--no-cache'));
    assert.ok(!changed.stdout.includes('remediation-untracked'), 'the changed file is checked as it is now');

    writeFileSync(cacheFile(), readFileSync(cacheFile(), 'utf8').replace('was due', 'was dux'));
    assert.deepEqual(check('--format', 'json'), changed);
    assert.ok(!readFileSync(cacheFile(), 'utf8').includes('was dux'), 'the damaged cache was rewritten');
  });
});
