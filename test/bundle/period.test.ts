/**
 * Which records a bundle holds (SPEC 6): incidents and events detected, or still open, in the
 * period; tabletop exercises and plan reviews held in it. The plan's zone is New York, so the
 * period 2026-01-01..2026-06-30 runs from 2026-01-01T05:00:00Z to 2026-07-01T03:59:59.999Z.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { csvRows, eventYaml, extractZip, incidentYaml, planYaml, tabletopYaml, tempDir, writeFiles } from '../support/bundle';

describe('bundle: period selection', () => {
  let bundle: string;

  before(async () => {
    const workspace = tempDir('period');
    writeFiles(workspace, {
      'plan.yaml': planYaml({ reviews: ['2026-01-01T04:59:59Z', '2026-01-01T05:00:00Z', '2026-07-01T04:00:00Z'] }),
      'incidents/INC-2026-001.yaml': incidentYaml({ id: 'INC-2026-001', detected: '2025-12-30T10:00:00Z', closed: '2026-01-01T04:59:59Z' }),
      'incidents/INC-2026-002.yaml': incidentYaml({ id: 'INC-2026-002', detected: '2026-01-01T04:59:59Z' }),
      'incidents/INC-2026-003.yaml': incidentYaml({ id: 'INC-2026-003', detected: '2026-01-01T05:00:00Z' }),
      'incidents/INC-2026-004.yaml': incidentYaml({ id: 'INC-2026-004', detected: '2026-07-01T03:59:59Z' }),
      'incidents/INC-2026-005.yaml': incidentYaml({ id: 'INC-2026-005', detected: '2026-07-01T04:00:00Z' }),
      'incidents/INC-2026-006.yaml': incidentYaml({ id: 'INC-2026-006', detected: '2025-11-01T10:00:00Z', closed: '2026-01-01T05:00:00Z' }),
      'events/EVT-2026-0001.yaml': eventYaml('EVT-2026-0001', '2025-12-31T20:00:00Z', '2026-01-01T04:59:00Z'),
      'events/EVT-2026-0002.yaml': eventYaml('EVT-2026-0002', '2025-12-31T20:00:00Z', '2026-01-01T06:00:00Z'),
      'events/EVT-2026-0003.yaml': eventYaml('EVT-2026-0003', '2026-06-30T12:00:00Z'),
      'tabletop/TTX-2026-01.yaml': tabletopYaml('TTX-2026-01', '2026-07-01T04:00:00Z'),
      'tabletop/TTX-2026-02.yaml': tabletopYaml('TTX-2026-02', '2026-07-01T03:59:59Z'),
    });
    const out = path.join(tempDir('period-out'), 'bundle.zip');
    const run = runCli(['export', '--workspace', workspace, '--out', out, '--period', '2026-01-01..2026-06-30', '--as-of', '2026-07-15T00:00:00Z'], { cwd: workspace });
    assert.equal(run.status, 0, run.stderr);
    bundle = await extractZip(out);
  });

  const register = (file: string) => csvRows(readFileSync(path.join(bundle, file), 'utf8'));

  it('incidents: detected in the period to the millisecond, or detected before and open at its start', () => {
    assert.deepEqual(register('registers/incidents.csv').map((row) => [row.id, row.detected_at, row.in_period]), [
      ['INC-2026-002', '2026-01-01T04:59:59Z', 'open-in-period'],
      ['INC-2026-003', '2026-01-01T05:00:00Z', 'detected-in-period'],
      ['INC-2026-004', '2026-07-01T03:59:59Z', 'detected-in-period'],
      ['INC-2026-006', '2025-11-01T10:00:00Z', 'open-in-period'],
    ]);
  });

  it('events: detected in the period, or before it and triaged after its start', () => {
    assert.deepEqual(register('registers/events.csv').map((row) => [row.id, row.in_period]), [
      ['EVT-2026-0002', 'open-in-period'],
      ['EVT-2026-0003', 'detected-in-period'],
    ]);
  });

  it('tabletop exercises and plan reviews: held in the period', () => {
    assert.deepEqual(register('registers/tabletop.csv').map((row) => [row.id, row.held_at]), [['TTX-2026-02', '2026-07-01T03:59:59Z']]);
    assert.deepEqual(register('registers/plan-reviews.csv').map((row) => row.reviewed_at), ['2026-01-01T05:00:00Z']);
  });

  it('the manifest states the period in instants, and every bundled record has its copy and page', () => {
    const manifest = JSON.parse(readFileSync(path.join(bundle, 'manifest.json'), 'utf8'));
    assert.deepEqual(manifest.period, { text: '2026-01-01..2026-06-30', start: '2026-01-01T05:00:00Z', end: '2026-07-01T03:59:59.999Z', zone: 'America/New_York' });
    const files: string[] = manifest.files.map((file: { path: string }) => file.path);
    assert.deepEqual(files.filter((file) => /^(incidents|events|tabletop|plan)\//.test(file)), [
      'events/EVT-2026-0002.html', 'events/EVT-2026-0002.yaml', 'events/EVT-2026-0003.html', 'events/EVT-2026-0003.yaml',
      'incidents/INC-2026-002.html', 'incidents/INC-2026-002.yaml', 'incidents/INC-2026-003.html', 'incidents/INC-2026-003.yaml',
      'incidents/INC-2026-004.html', 'incidents/INC-2026-004.yaml', 'incidents/INC-2026-006.html', 'incidents/INC-2026-006.yaml',
      'plan/plan.html', 'plan/plan.yaml', 'tabletop/TTX-2026-02.html', 'tabletop/TTX-2026-02.yaml',
    ]);
  });
});
