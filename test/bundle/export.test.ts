/**
 * `cc7 export` on the example program (a copy outside any repository, so provenance is
 * unavailable and the output depends on the files alone), run as a real process.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { assertUsageError, REPO_ROOT, runCli } from '../support/cli';
import { csvRows, extractZip, incidentYaml, planYaml, readZip, tempDir, writeFiles } from '../support/bundle';

const AS_OF = '2026-11-26T12:00:00Z';

function exportAcme(out: string, workspace: string, extra: string[] = []) {
  return runCli(['export', '--workspace', workspace, '--out', out, '--period', '2026-01-01..2026-12-31', '--as-of', AS_OF, ...extra], { cwd: workspace });
}

describe('bundle: cc7 export', () => {
  let workspace: string;
  let zip: string;
  let bundle: string;

  before(async () => {
    workspace = tempDir('acme');
    cpSync(path.join(REPO_ROOT, 'examples', 'acme'), workspace, { recursive: true });
    zip = path.join(tempDir('out'), 'acme-cc7-2026.zip');
    const run = exportAcme(zip, workspace);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^wrote .*acme-cc7-2026\.zip \(65 files, \d+ bytes, sha256 [0-9a-f]{64}\)\nperiod 2026-01-01\.\.2026-12-31, as of 2026-11-26T12:00:00Z\n12 incidents, 8 security events, 2 tabletop exercises, 3 runbooks, 1 plan\nfindings: 3 errors, 2 warnings, 1 info; gaps: 1\nprovenance: unavailable\n$/);
    bundle = await extractZip(zip);
  });

  it('the same workspace and arguments give a byte-identical zip', () => {
    const again = path.join(tempDir('again'), 'second.zip');
    assert.equal(exportAcme(again, workspace).status, 0);
    assert.ok(readFileSync(again).equals(readFileSync(zip)), 'the two zips differ');
  });

  it('entries are sorted, with one fixed time and mode', () => {
    const listing = spawnSync('unzip', ['-Z', '-T', zip], { encoding: 'utf8' });
    if (listing.error) return; // unzip absent: the byte comparison above still holds
    const lines = listing.stdout.split('\n').filter((line) => /^-/.test(line));
    const names = lines.map((line) => line.split(/\s+/).at(-1)!);
    assert.deepEqual(names, [...names].sort());
    assert.ok(lines.every((line) => line.startsWith('-rw-r--r--') && line.includes('19800101.000000')), lines.join('\n'));
  });

  it('sha256sum -c SHA256SUMS passes on the extracted bundle, and lists every file but itself', () => {
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: bundle, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const listed = readFileSync(path.join(bundle, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.slice(66));
    assert.equal(listed.length, 64);
    assert.ok(listed.includes('manifest.json') && listed.includes('index.html') && !listed.includes('SHA256SUMS'));
  });

  it('findings.csv holds every finding at the as-of, with its file in the bundle', () => {
    const rows = csvRows(readFileSync(path.join(bundle, 'findings.csv'), 'utf8'));
    assert.deepEqual(rows.map((row) => [row.file, row.line, row.rule, row.severity, row.bundle_file]), [
      ['events/EVT-2026-0007.yaml', '7', 'timestamp-timezone', 'warning', 'events/EVT-2026-0007.yaml'],
      ['incidents/INC-2026-006.yaml', '71', 'remediation-overdue', 'info', 'incidents/INC-2026-006.yaml'],
      ['incidents/INC-2026-009.yaml', '88', 'remediation-overdue', 'error', 'incidents/INC-2026-009.yaml'],
      ['incidents/INC-2026-009.yaml', '90', 'remediation-untracked', 'warning', 'incidents/INC-2026-009.yaml'],
      ['incidents/INC-2026-010.yaml', '85', 'pir-deadline', 'error', 'incidents/INC-2026-010.yaml'],
      ['incidents/INC-2026-011.yaml', '69', 'notification-deadline', 'error', 'incidents/INC-2026-011.yaml'],
    ]);
  });

  it('the notification register has every clock, with the due instant from the deadline engine', () => {
    const rows = csvRows(readFileSync(path.join(bundle, 'registers', 'notifications.csv'), 'utf8'));
    assert.equal(rows.length, 8);
    assert.deepEqual(rows.find((row) => row.incident === 'INC-2026-011' && row.regime === 'gdpr-art33'), {
      incident: 'INC-2026-011', regime: 'gdpr-art33', title: 'GDPR Art. 33 notice to the supervisory authority', recipient: 'supervisory authority',
      clock_field: 'notifications.aware_at', clock_started_at: '2026-11-23T09:30:00Z', due_at: '2026-11-26T09:30:00Z',
      due_local: '2026-11-26 04:30 America/New_York', status: 'breached', notified_at: '', late_by_hours: '2.5', delay_reason_given: '',
      file: 'incidents/INC-2026-011.yaml',
    });
  });

  it('remediation, waivers and tabletop registers, exactly', () => {
    const remediation = csvRows(readFileSync(path.join(bundle, 'registers', 'remediation.csv'), 'utf8'));
    assert.equal(remediation.length, 36);
    assert.deepEqual(remediation.filter((row) => row.overdue_at_as_of === 'yes').map((row) => `${row.record} ${row.item} ${row.due} ${row.status}`),
      ['INC-2026-006 REM-2 2026-09-30 open', 'INC-2026-009 REM-1 2026-11-10 in-progress']);
    const waivers = csvRows(readFileSync(path.join(bundle, 'registers', 'waivers.csv'), 'utf8'));
    assert.deepEqual(waivers.map((row) => [row.record, row.rule, row.target, row.approved_by, row.expires, row.live_at_as_of]),
      [['INC-2026-006', 'remediation-overdue', 'REM-2', 'executive_sponsor', '2027-01-31', 'yes']]);
    const tabletop = csvRows(readFileSync(path.join(bundle, 'registers', 'tabletop.csv'), 'utf8'));
    assert.deepEqual(tabletop.map((row) => [row.id, row.page]), [['TTX-2026-01', 'tabletop/TTX-2026-01.html'], ['TTX-2026-02', 'tabletop/TTX-2026-02.html']]);
  });

  it('coverage.csv and the index: evidence for each criterion, the matrix, the gaps', () => {
    const coverage = csvRows(readFileSync(path.join(bundle, 'coverage.csv'), 'utf8'));
    const count = (criterion: string) => coverage.filter((row) => row.criterion === criterion).length;
    assert.deepEqual(['CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5'].map(count), [6, 20, 19, 51, 21]);
    assert.ok(coverage.some((row) => row.criterion === 'CC7.5' && row.evidence === 'TTX-2026-02: tabletop exercise held 2026-10-20T18:00:00Z' && row.file === 'tabletop/TTX-2026-02.yaml'),
      coverage.filter((row) => row.criterion === 'CC7.5').map((row) => row.evidence).join('\n'));
    const index = readFileSync(path.join(bundle, 'index.html'), 'utf8');
    assert.match(index, /<tr><td>CC7\.5<\/td><td>Recovery[^<]*<\/td><td>21<\/td><td>2<\/td><td>2<\/td><td>1<\/td><td><span class="gaps">gaps<\/span><\/td><\/tr>/);
    assert.match(index, /<h2>Gaps \(1\)<\/h2>/);
    assert.ok(index.includes('INC-2026-010 (SEV2) has no post-incident review, which its severity requires; it was due 2026-11-17T04:59:59.999Z.'));
    assert.ok(!/https?:\/\//.test(index) && !/<script/i.test(index), 'the index is self-contained and has no script');
    assert.match(index, /@media print/);
  });

  it('an incident page shows its phases, timeline, clocks with due instants, remediation and waivers', () => {
    const page = readFileSync(path.join(bundle, 'incidents', 'INC-2026-006.html'), 'utf8');
    for (const heading of ['Lifecycle and evidence', 'Timeline', 'Notifications', 'Remediation', 'Post-incident review', 'Waivers', 'Findings at the as-of']) {
      assert.ok(page.includes(`<h2>${heading}`), heading);
    }
    assert.ok(page.includes('<a href="../runbooks/RB-VENDOR-COMPROMISE.html">RB-VENDOR-COMPROMISE</a>'));
    const clocks = readFileSync(path.join(bundle, 'incidents', 'INC-2026-011.html'), 'utf8');
    assert.ok(clocks.includes('<time datetime="2026-11-26T09:30:00Z">2026-11-26T09:30:00Z</time> <span class="muted">(2026-11-26 04:30 America/New_York)</span></td><td><span class="breached">breached by 2.5 h</span>'));
  });

  it('a <script> in a title is text on every page that shows it', async () => {
    const dir = tempDir('script');
    writeFiles(dir, {
      'plan.yaml': planYaml(),
      'incidents/INC-2026-001.yaml': incidentYaml({ id: 'INC-2026-001', detected: '2026-03-01T10:00:00Z', title: '"<script>alert(1)</script> & <img src=x onerror=alert(2)>"' }),
    });
    const out = path.join(tempDir('script-out'), 'b.zip');
    assert.equal(runCli(['export', '--out', out, '--as-of', AS_OF], { cwd: dir }).status, 0);
    const entries = await readZip(out);
    for (const name of ['index.html', 'incidents/INC-2026-001.html']) {
      const html = entries.get(name)!.toString('utf8');
      assert.ok(!html.includes('<script') && !html.includes('<img'), `${name} holds live markup`);
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;'), name);
    }
  });

  it('an existing output file is kept without --force and replaced with it', () => {
    const out = path.join(tempDir('exists'), 'bundle.zip');
    writeFileSync(out, 'keep me');
    const refused = exportAcme(out, workspace);
    assertUsageError(refused);
    assert.match(refused.stderr, /bundle\.zip exists: pass --force to replace it/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    assert.equal(exportAcme(out, workspace, ['--force']).status, 0);
    assert.ok(readFileSync(out).equals(readFileSync(zip)));
    assert.ok(statSync(out).size > 1000);
  });

  it('usage errors are one line, exit 2', () => {
    const out = path.join(tempDir('usage'), 'b.zip');
    for (const [args, message] of [
      [['export', '--workspace', workspace], /missing --out FILE\.zip/],
      [['export', '--workspace', workspace, '--out', out, '--period', '2026-01-01'], /invalid period "2026-01-01": use START\.\.END/],
      [['export', '--workspace', workspace, '--out', out, '--period', '2026-12-31..2026-01-01'], /it ends before it starts/],
      [['export', '--workspace', workspace, '--out', out, '--as-of', 'yesterday'], /invalid time "yesterday"/],
      [['export', '--workspace', path.join(workspace, 'nope'), '--out', out], /no such workspace folder/],
      [['export', '--workspace', workspace, '--out', out, '--sign', path.join(workspace, 'no-key')], /no such signing key/],
      [['export', '--bogus'], /unknown option "--bogus"; usage: cc7 export/],
    ] as const) {
      const run = runCli([...args], { cwd: workspace });
      assertUsageError(run);
      assert.match(run.stderr, message);
    }
  });
});
