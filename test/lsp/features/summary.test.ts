/**
 * `cc7/workspaceSummary` and `cc7/summaryChanged` over real JSON-RPC, on examples/acme at
 * EXPECTED.md's as-of time: the groups, clocks, items and closed incidents the tree shows,
 * with their places marked by text in the files.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ACME, ACME_FILES, ACME_NOW, copyAcme, placeOf as at } from '../../support/acme';
import { copyWorkspace, FileChangeType, fileUri, LspClient } from '../../support/lsp-client';
import { Notifications } from '../../../server/src/protocol';

describe('LSP cc7/workspaceSummary', () => {
  let client: LspClient | undefined;
  let scratch: { remove: () => void }[] = [];

  afterEach(async () => {
    await client?.end();
    client = undefined;
    for (const dir of scratch) dir.remove();
    scratch = [];
  });

  async function start(folders: string[], now = ACME_NOW): Promise<LspClient> {
    client = await LspClient.start({ folders, env: { CC7_NOW: now } });
    return client;
  }

  it('groups the open incidents of examples/acme by phase, in lifecycle order, with every field of one', async () => {
    const server = await start([ACME]);
    await server.waitForPublishedUris(ACME_FILES);
    const summary = await server.workspaceSummary();
    assert.deepEqual(summary.phases.map((group) => [group.phase, group.incidents.map((incident) => incident.id)]), [
      ['identification', ['INC-2026-012']],
      ['containment', ['INC-2026-008']],
      ['investigation', ['INC-2026-011']],
      ['remediation', ['INC-2026-009']],
      ['recovery', ['INC-2026-007']],
      ['post-incident-review', ['INC-2026-010']],
    ]);
    const file = 'incidents/INC-2026-011.yaml';
    const clock = {
      regime: 'gdpr-art33',
      label: 'GDPR Art. 33',
      title: 'GDPR Art. 33 notice to the supervisory authority',
      incident: 'INC-2026-011',
      dueAt: '2026-11-26T09:30:00.000Z',
      verdict: 'breached',
      msLate: 2.5 * 3600_000,
      ...at(ACME, file, '  aware_at: [[2026-11-23T09:30:00Z]]'),
    };
    assert.deepEqual(summary.phases[2]!.incidents[0], {
      id: 'INC-2026-011',
      title: 'Hijacked support agent session used to export EU support tickets',
      severity: 'SEV1',
      phase: 'investigation',
      detectedAt: '2026-11-23T08:12:00.000Z',
      ageMs: Date.parse(ACME_NOW) - Date.parse('2026-11-23T08:12:00Z'),
      runbook: { id: 'RB-CREDENTIAL-LEAK', ...at(ACME, 'runbooks/RB-CREDENTIAL-LEAK.yaml', 'id: [[RB-CREDENTIAL-LEAK]]') },
      clocks: [clock],
      worst: 'breached',
      ...at(ACME, file, 'id: [[INC-2026-011]]'),
    });
    assert.deepEqual(summary.clocks, [clock], 'the one open clock: every other regime has its notice or not_required');
    assert.deepEqual(summary.counts, { open: 6, breached: 1, approaching: 0, overdue: 1 });
    assert.equal(summary.hasPlan, true);
    assert.equal(summary.asOf, '2026-11-26T12:00:00.000Z');
  });

  it('lists the items still to do, overdue first (a waived one marked), then the soonest due', async () => {
    const server = await start([ACME]);
    await server.waitForPublishedUris(ACME_FILES);
    const { items } = await server.workspaceSummary();
    assert.deepEqual(items.map((item) => `${item.record} ${item.id} ${item.status} due ${item.due}${item.overdue ? ' overdue' : ''}${item.waivedUntil ? ` waived until ${item.waivedUntil}` : ''}`), [
      'INC-2026-006 REM-2 open due 2026-09-30 overdue waived until 2027-01-31',
      'INC-2026-009 REM-1 in-progress due 2026-11-10 overdue',
      'INC-2026-007 REM-3 in-progress due 2026-12-04',
      'INC-2026-010 REM-3 in-progress due 2026-12-11',
      'INC-2026-009 REM-2 open due 2026-12-15',
      'INC-2026-009 REM-4 open due 2026-12-18',
      'TTX-2026-02 IMP-1 in-progress due 2026-12-18',
      'INC-2026-007 REM-2 in-progress due 2026-12-31',
      'TTX-2026-02 IMP-3 open due 2027-01-15',
    ]);
    assert.deepEqual(items[1], {
      id: 'REM-1',
      action: 'Check passwords against known-breached password lists at login and at password change',
      owner: 'li.wei@acme.io',
      status: 'in-progress',
      due: '2026-11-10',
      // The end of 2026-11-10 in America/New_York.
      dueAt: '2026-11-11T04:59:59.999Z',
      overdue: true,
      record: 'INC-2026-009',
      recordKind: 'Incident',
      ...at(ACME, 'incidents/INC-2026-009.yaml', '  - id: [[REM-1]]'),
    });
    assert.equal(items[6]!.recordKind, 'TabletopExercise');
  });

  it('lists the incidents closed in the audit period, the calendar year of now in the plan zone by default, the most recent first', async () => {
    const server = await start([ACME]);
    await server.waitForPublishedUris(ACME_FILES);
    const summary = await server.workspaceSummary();
    assert.deepEqual(summary.auditPeriod, { start: '2026-01-01', end: '2026-12-31', fromPlan: false });
    assert.deepEqual(summary.closed.map((incident) => `${incident.id} ${incident.closedAt}`), [
      'INC-2026-006 2026-07-30T14:00:00.000Z',
      'INC-2026-005 2026-06-30T15:00:00.000Z',
      'INC-2026-004 2026-06-11T19:00:00.000Z',
      'INC-2026-003 2026-04-15T14:00:00.000Z',
      'INC-2026-002 2026-03-27T14:00:00.000Z',
      'INC-2026-001 2026-02-12T15:00:00.000Z',
    ]);
    assert.deepEqual(summary.closed[0], {
      id: 'INC-2026-006',
      title: 'Email delivery vendor MailRelay reports a breach of its admin console',
      severity: 'SEV2',
      closedAt: '2026-07-30T14:00:00.000Z',
      ...at(ACME, 'incidents/INC-2026-006.yaml', 'id: [[INC-2026-006]]'),
    });
  });

  it("takes the plan's audit_period, and tells the client when a change on disk moves the summary", async () => {
    const acme = copyAcme();
    scratch.push(acme);
    const server = await start([acme.root]);
    await server.waitForPublishedUris(ACME_FILES);
    const seen = server.notificationCount(Notifications.summaryChanged);
    const plan = path.join(acme.root, 'plan', 'response-plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('tabletop_interval_days: 365\n', 'tabletop_interval_days: 365\naudit_period: { start: 2026-04-01, end: 2026-06-30 }\n'));
    await server.filesChanged({ file: plan, type: FileChangeType.Changed });
    await server.waitForNotification(Notifications.summaryChanged, seen);
    const summary = await server.waitForSummary((candidate) => candidate.auditPeriod.fromPlan);
    assert.deepEqual(summary.auditPeriod, { start: '2026-04-01', end: '2026-06-30', fromPlan: true });
    // INC-2026-005 closed 2026-06-30T15:00Z, 11:00 in New York: the last day counts whole.
    assert.deepEqual(summary.closed.map((incident) => incident.id), ['INC-2026-005', 'INC-2026-004', 'INC-2026-003']);
    assert.deepEqual(await server.waitForDiagnostics(fileUri(plan), () => true), [], 'audit_period is a key the schema knows');
  });

  it('moves an incident between groups when its file changes on disk, and counts a clock as approaching before it breaches', async () => {
    const acme = copyAcme();
    scratch.push(acme);
    // 21.5 h before INC-2026-011's GDPR Art. 33 deadline: within the plan's 24 h warning.
    const server = await start([acme.root], '2026-11-25T12:00:00Z');
    await server.waitForPublishedUris(ACME_FILES);
    const before = await server.workspaceSummary();
    assert.deepEqual(before.clocks.map((clock) => `${clock.incident} ${clock.label} ${clock.verdict} ${clock.msLeft}`), [
      `INC-2026-011 GDPR Art. 33 approaching ${21.5 * 3600_000}`,
    ]);
    assert.deepEqual(before.counts, { open: 6, breached: 0, approaching: 1, overdue: 1 });
    assert.equal(before.phases.find((group) => group.phase === 'investigation')!.incidents[0]!.worst, 'approaching');

    const file = path.join(acme.root, 'incidents', 'INC-2026-012.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: identification', 'status: closed\nclosed_at: 2026-11-25T11:00:00Z'));
    await server.filesChanged({ file, type: FileChangeType.Changed });
    const after = await server.waitForSummary((summary) => summary.counts.open === 5);
    assert.deepEqual(after.phases.map((group) => group.phase), ['containment', 'investigation', 'remediation', 'recovery', 'post-incident-review']);
    assert.equal(after.closed[0]!.id, 'INC-2026-012');
    assert.equal(after.counts.open, 5);
  });

  it('drops a record deleted on disk even while an editor holds its text', async () => {
    const acme = copyAcme();
    scratch.push(acme);
    const server = await start([acme.root]);
    await server.waitForPublishedUris(ACME_FILES);
    const file = path.join(acme.root, 'incidents', 'INC-2026-012.yaml');
    await server.open(file, readFileSync(file, 'utf8'));
    rmSync(file);
    await server.filesChanged({ file, type: FileChangeType.Deleted });
    await server.waitForSummary((summary) => summary.counts.open === 5);
    assert.deepEqual(server.latest(fileUri(file)), []);
  });

  it('sums up every workspace folder, and shows a record it cannot fully read under its file name', async () => {
    const acme = copyAcme();
    const other = copyWorkspace('clean');
    scratch.push(acme, other);
    writeFileSync(path.join(other.root, 'broken.yaml'), 'apiVersion: cc7/v1\nkind: Incident\nstatus: 42\ntitle: [unclosed\n');
    const server = await start([acme.root, other.root]);
    await server.waitForPublishedUris(ACME_FILES + 4);
    const summary = await server.workspaceSummary();
    assert.deepEqual(summary.phases.map((group) => [group.phase, group.incidents.map((incident) => incident.id)]).at(-1), ['unknown', ['broken.yaml']]);
    assert.equal(summary.counts.open, 7);
  });
});
