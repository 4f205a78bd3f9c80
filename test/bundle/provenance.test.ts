/**
 * provenance.csv from a temporary repository with commits at known dates: first and last
 * commit, count and authors across a rename, records opened late, files not committed; and
 * "unavailable" (not an error) outside a repository or without git.
 */
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { commitAll, csvRows, extractZip, git, incidentYaml, planYaml, tempDir, writeFiles } from '../support/bundle';

const AS_OF = '2026-06-30T00:00:00Z';

describe('bundle: git provenance', () => {
  let repo: string;
  let bundle: string;

  before(async () => {
    repo = tempDir('repo');
    git(repo, ['init', '-q', '-b', 'main']);
    writeFiles(repo, { 'plan.yaml': planYaml({ extra: 'record_opened_within_hours: 48' }) });
    commitAll(repo, { at: '2026-01-01T00:00:00Z', author: 'Alice', message: 'plan' });
    // INC-1: opened 2 h after detection under another name, renamed, then updated by Bob.
    writeFiles(repo, { 'incidents/draft.yaml': incidentYaml({ id: 'INC-2026-001', detected: '2026-03-01T10:00:00Z' }) });
    commitAll(repo, { at: '2026-03-01T12:00:00Z', author: 'Alice', message: 'open INC-1' });
    git(repo, ['mv', 'incidents/draft.yaml', 'incidents/INC-2026-001.yaml']);
    commitAll(repo, { at: '2026-03-02T09:00:00Z', author: 'Bob', message: 'rename' });
    appendFileSync(path.join(repo, 'incidents', 'INC-2026-001.yaml'), 'reported_by: bob@test.io\n');
    commitAll(repo, { at: '2026-03-05T00:00:00Z', author: 'Bob', message: 'update INC-1' });
    // INC-2: first committed 54 h after detection (the plan allows 48), then edited and not committed.
    writeFiles(repo, { 'incidents/INC-2026-002.yaml': incidentYaml({ id: 'INC-2026-002', detected: '2026-03-10T00:00:00Z' }) });
    commitAll(repo, { at: '2026-03-12T06:00:00Z', author: 'Bob', message: 'open INC-2' });
    appendFileSync(path.join(repo, 'incidents', 'INC-2026-002.yaml'), 'reported_by: bob@test.io\n');
    // INC-3: never committed.
    writeFiles(repo, { 'incidents/INC-2026-003.yaml': incidentYaml({ id: 'INC-2026-003', detected: '2026-03-20T00:00:00Z' }) });
    const out = path.join(tempDir('repo-out'), 'b.zip');
    const run = runCli(['export', '--out', out, '--as-of', AS_OF, '--period', '2026-01-01..2026-06-30'], { cwd: repo });
    assert.equal(run.status, 0, run.stderr);
    bundle = await extractZip(out);
  });

  it('per record: state, first and last commit, commits, authors, hours from detection to first commit', () => {
    const rows = csvRows(readFileSync(path.join(bundle, 'provenance.csv'), 'utf8'));
    assert.deepEqual(rows.map((row) => Object.values(row)), [
      ['incidents/INC-2026-001.yaml', 'INC-2026-001', 'Incident', 'committed', '2026-03-01T12:00:00Z', '2026-03-05T00:00:00Z', '3',
        'Alice <alice@test.io>; Bob <bob@test.io>', '2026-03-01T10:00:00Z', '2', 'no'],
      ['incidents/INC-2026-002.yaml', 'INC-2026-002', 'Incident', 'uncommitted-changes', '2026-03-12T06:00:00Z', '2026-03-12T06:00:00Z', '1',
        'Bob <bob@test.io>', '2026-03-10T00:00:00Z', '54', 'yes'],
      ['incidents/INC-2026-003.yaml', 'INC-2026-003', 'Incident', 'not-committed', '', '', '0', '', '2026-03-20T00:00:00Z', '', 'yes'],
      ['plan/plan.yaml', '', 'ResponsePlan', 'committed', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '1', 'Alice <alice@test.io>', '', '', ''],
    ]);
  });

  it('records opened late are gaps; the manifest has HEAD and the dirty tree', () => {
    const index = readFileSync(path.join(bundle, 'index.html'), 'utf8');
    assert.ok(index.includes('INC-2026-002 was first committed 54 h after detection; the plan allows 48 h (record_opened_within_hours).'));
    assert.ok(index.includes('INC-2026-003 is still not committed; the plan allows 48 h (record_opened_within_hours).'));
    assert.ok(!index.includes('INC-2026-001 was first committed'));
    const manifest = JSON.parse(readFileSync(path.join(bundle, 'manifest.json'), 'utf8'));
    assert.deepEqual(manifest.repository, { available: true, head: git(repo, ['rev-parse', 'HEAD']).trim(), dirty: true });
  });

  it('outside a repository, and without git, provenance is unavailable and the export still succeeds', async () => {
    const plain = tempDir('plain');
    writeFiles(plain, { 'plan.yaml': planYaml() });
    const noGit = tempDir('no-git');
    for (const [env, reason] of [[{}, 'the workspace is not in a git repository'], [{ PATH: noGit }, 'git is not installed']] as const) {
      const out = path.join(tempDir('plain-out'), 'b.zip');
      const run = runCli(['export', '--out', out, '--as-of', AS_OF], { cwd: plain, env });
      assert.equal(run.status, 0, run.stderr);
      const manifest = JSON.parse(readFileSync(path.join(await extractZip(out), 'manifest.json'), 'utf8'));
      assert.deepEqual(manifest.repository, { available: false, reason });
    }
  });
});
