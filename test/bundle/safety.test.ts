/**
 * What export must never do: read through a link out of the workspace, ship a credential
 * (unless masked everywhere with --redact).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { assertUsageError, runCli } from '../support/cli';
import { extractZip, incidentYaml, planYaml, readZip, tempDir, writeFiles } from '../support/bundle';

const AWS_KEY = 'AKIAZ7Q3EXAMPLE5K2LM';
const DB_URL_PASSWORD = 'hunter2-Xq9z';

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : [full];
  });
}

describe('bundle: safety', () => {
  it('a symbolic link leading outside the workspace is not followed, and the manifest lists it', async () => {
    const root = tempDir('links');
    const workspace = path.join(root, 'workspace');
    writeFiles(root, {
      'outside/INC-2026-900.yaml': incidentYaml({ id: 'INC-2026-900', detected: '2026-03-01T10:00:00Z', title: 'Outside the workspace' }),
      'outside/more/INC-2026-901.yaml': incidentYaml({ id: 'INC-2026-901', detected: '2026-03-01T10:00:00Z' }),
      'workspace/plan.yaml': planYaml(),
      'workspace/incidents/INC-2026-001.yaml': incidentYaml({ id: 'INC-2026-001', detected: '2026-03-01T10:00:00Z' }),
    });
    symlinkSync(path.join(root, 'outside', 'INC-2026-900.yaml'), path.join(workspace, 'incidents', 'INC-2026-900.yaml'));
    symlinkSync(path.join(root, 'outside', 'more'), path.join(workspace, 'linked'));
    const out = path.join(root, 'b.zip');
    const run = runCli(['export', '--out', out, '--as-of', '2026-06-30T00:00:00Z'], { cwd: workspace });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /skipped symbolic links leading outside the workspace: incidents\/INC-2026-900\.yaml, linked\n$/);
    const entries = await readZip(out);
    assert.deepEqual([...entries.keys()].filter((name) => name.startsWith('incidents/')), ['incidents/INC-2026-001.html', 'incidents/INC-2026-001.yaml']);
    // The files behind the links were never read: neither their content nor the file under the linked folder shows.
    for (const [name, data] of entries) assert.ok(!/Outside the workspace|INC-2026-901/.test(data.toString('utf8')), `${name} holds what lies outside`);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    assert.deepEqual(manifest.skippedSymbolicLinks, ['incidents/INC-2026-900.yaml', 'linked']);
  });

  describe('credentials in records', () => {
    let workspace: string;
    before(() => {
      workspace = tempDir('secrets');
      writeFiles(workspace, {
        'plan.yaml': planYaml(),
        'incidents/INC-2026-001.yaml': incidentYaml({
          id: 'INC-2026-001',
          detected: '2026-03-01T10:00:00Z',
          title: `Key ${AWS_KEY} leaked`,
          extra: ['investigation:', '  notes: |', `    Connected with postgres://app:${DB_URL_PASSWORD}@db.internal/billing to check.`],
        }),
      });
    });

    it('block the export, naming each file and line but not the value', () => {
      const out = path.join(tempDir('blocked'), 'b.zip');
      const run = runCli(['export', '--out', out, '--as-of', '2026-06-30T00:00:00Z'], { cwd: workspace });
      assertUsageError(run);
      assert.equal(run.stderr, 'cc7: export refused: 2 values that look like credentials (secret-in-record) at incidents/INC-2026-001.yaml:4 (AWS access key id AKIA…), '
        + 'incidents/INC-2026-001.yaml:15 (password in a URL hunt…); remove and rotate them, or pass --redact to mask them in the bundle\n');
      assert.throws(() => statSync(out), 'no zip is written');
    });

    it('--redact masks them in every copy: YAML, HTML, CSV', async () => {
      const out = path.join(tempDir('redacted'), 'b.zip');
      const run = runCli(['export', '--out', out, '--as-of', '2026-06-30T00:00:00Z', '--redact'], { cwd: workspace });
      assert.equal(run.status, 0, run.stderr);
      const extracted = await extractZip(out);
      const files = filesBelow(extracted);
      assert.ok(files.length > 10);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        assert.ok(!text.includes(AWS_KEY) && !text.includes(DB_URL_PASSWORD), `${path.relative(extracted, file)} holds a credential`);
      }
      const copy = readFileSync(path.join(extracted, 'incidents', 'INC-2026-001.yaml'), 'utf8');
      assert.ok(copy.includes('title: Key REDACTED leaked') && copy.includes('postgres://app:REDACTED@db.internal/billing'), copy);
      assert.ok(readFileSync(path.join(extracted, 'registers', 'incidents.csv'), 'utf8').includes('Key REDACTED leaked'));
      assert.ok(readFileSync(path.join(extracted, 'incidents', 'INC-2026-001.html'), 'utf8').includes('Incident INC-2026-001: Key REDACTED leaked'));
      assert.equal(JSON.parse(readFileSync(path.join(extracted, 'manifest.json'), 'utf8')).redacted, true);
    });
  });
});
