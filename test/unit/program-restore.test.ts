// Saved analyses (what a persistent cache keeps): Program.saved() exports them and restore()
// takes them back exactly as a fresh analysis would record them, but only while they are still
// exactly right: the same plan parts, and a "now" inside the span they hold for.
import assert from 'node:assert/strict';
import { Program, type SavedFile } from '../../server/src/core/service/program';
import { escalatedEvent, identificationIncident, responsePlan } from '../support/documents';

const HOUR = 3_600_000;
const T = Date.parse('2026-04-15T12:00:00Z');

const PLAN = responsePlan({ governed: true, roles: ['incident_lead'] });
/** The same plan with SEV2's remediation window changed: incidents of that severity read it (remediation-untracked). */
const PLAN_SEV2_CHANGED = PLAN.replace('remediation_due_days: 30', 'remediation_due_days: 20');

/** An incident with one open remediation item due at the end of 2026-04-20 in New York: overdue from 2026-04-21T04:00Z on. */
const INCIDENT = identificationIncident('INC-1').replace('status: identification', 'status: remediation')
  + `remediation:
  - { id: REM-1, action: Rotate the key, owner: dan@acme.io, ticket: SEC-1, due: 2026-04-20, status: open }
`;
const DUE_PASSED = Date.parse('2026-04-21T04:00:00.000Z');

const FILES: Record<string, string> = {
  'plan.yaml': PLAN,
  'events/EVT-1.yaml': escalatedEvent('EVT-1', 'INC-1'),
  'incidents/INC-1.yaml': INCIDENT,
  'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
};

/** A program over these texts at a clock the test moves; plans are given first. */
function program(texts: Record<string, string>, clock: { now: number }): Program {
  return new Program({ read: (path) => (path in texts ? { text: texts[path]! } : undefined), clock: () => clock.now });
}

const planFirst = (paths: string[]) => [...paths].sort((a, b) => Number(b === 'plan.yaml') - Number(a === 'plan.yaml'));

/** saved() as it comes back from disk (JSON), by path. */
function savedOf(from: Program): Map<string, SavedFile> {
  return new Map((JSON.parse(JSON.stringify(from.saved())) as SavedFile[]).map((file) => [file.path, file]));
}

describe('Program: saved analyses and restore', () => {
  it('restored analyses publish what a fresh analysis publishes, and nothing is analysed', () => {
    const clock = { now: T };
    const fresh = program(FILES, clock);
    fresh.addFiles(planFirst(Object.keys(FILES)));
    const saved = savedOf(fresh);
    assert.deepEqual([...saved.keys()].sort(), Object.keys(FILES).sort(), 'every file, the non-CC7 one too');
    assert.ok(!('facts' in saved.get('k8s/deployment.yaml')!), 'a file that is not a CC7 document is saved by its hash alone');

    const restored = program(FILES, clock);
    for (const path of planFirst([...saved.keys()])) assert.equal(restored.restore(saved.get(path)!), true, path);
    const changes = restored.settleDeferred();
    assert.deepEqual(restored.paths(), fresh.paths());
    for (const path of fresh.paths()) {
      assert.deepEqual(restored.findings(path), fresh.findings(path), path);
      assert.deepEqual(changes.get(path), fresh.findings(path), `${path} is published`);
      assert.deepEqual(restored.facts(path), JSON.parse(JSON.stringify(fresh.facts(path))), `${path}: the facts, as JSON keeps them`);
    }
    assert.deepEqual(restored.stats, { analysed: 0, restored: 4 });
    assert.deepEqual(savedOf(restored), saved, 'saved again unchanged');
  });

  it('an analysis is not restored once its span of time has passed (a due date passed meanwhile)', () => {
    const clock = { now: T };
    const fresh = program(FILES, clock);
    fresh.addFiles(planFirst(Object.keys(FILES)));
    const incident = savedOf(fresh).get('incidents/INC-1.yaml')!;
    assert.ok('facts' in incident && incident.validUntil === DUE_PASSED);

    clock.now = DUE_PASSED;
    const later = program(FILES, clock);
    later.restore(savedOf(fresh).get('plan.yaml')!);
    assert.equal(later.restore(incident), false);
    assert.equal(later.facts('incidents/INC-1.yaml'), undefined, 'nothing recorded from it');
    clock.now = DUE_PASSED - 1;
    assert.equal(later.restore(incident), true, 'still right at the last instant of its span');
  });

  it('an analysis is not restored against other plan parts than it read', () => {
    const clock = { now: T };
    const fresh = program(FILES, clock);
    fresh.addFiles(planFirst(Object.keys(FILES)));
    const saved = savedOf(fresh);

    // The plan's own text changed: the caller, comparing hashes, analyses it.
    const edited = program({ ...FILES, 'plan.yaml': PLAN_SEV2_CHANGED }, clock);
    edited.addFiles(['plan.yaml'], { defer: true });
    assert.equal(edited.restore(saved.get('incidents/INC-1.yaml')!), false, 'a SEV2 incident reads the SEV2 entry');
    assert.equal(edited.restore(saved.get('events/EVT-1.yaml')!), true, 'an event reads no part that changed');
  });

  it('a clock tick re-analyses only the analyses that expired', () => {
    const clock = { now: T };
    const live = program(FILES, clock);
    live.addFiles(planFirst(Object.keys(FILES)));
    const analysed = live.stats.analysed;
    clock.now = T + HOUR;
    live.recheckExpired();
    assert.equal(live.stats.analysed, analysed, 'nothing expired in the hour');
    clock.now = DUE_PASSED;
    const changes = live.recheckExpired();
    assert.equal(live.stats.analysed, analysed + 1, 'the incident alone');
    assert.ok(changes.get('incidents/INC-1.yaml')?.some((finding) => finding.rule === 'remediation-overdue'));
  });

  it("pir-deadline is checked from the facts at the current instant: past the review's due instant it is reported on a clock tick and on a restore, with nothing analysed", () => {
    // Resolved on Monday 2026-04-06, SEV2 allows 10 business days: due at the end of 2026-04-20 in New York.
    const files = { 'plan.yaml': PLAN, 'incidents/INC-2.yaml': `${identificationIncident('INC-2')}resolved_at: 2026-04-06T12:00:00Z\n` };
    const overdue = (from: Program) => from.findings('incidents/INC-2.yaml').some((finding) => finding.rule === 'pir-deadline');
    const clock = { now: T };
    const live = program(files, clock);
    live.addFiles(planFirst(Object.keys(files)));
    assert.equal(overdue(live), false);
    const saved = savedOf(live);
    const analysed = live.stats.analysed;

    clock.now = DUE_PASSED;
    const changes = live.recheckExpired();
    assert.equal(live.stats.analysed, analysed, 'nothing analysed');
    assert.ok(changes.get('incidents/INC-2.yaml')?.some((finding) => finding.rule === 'pir-deadline'));

    const restarted = program(files, clock);
    for (const file of saved.values()) assert.equal(restarted.restore(file), true);
    restarted.settleDeferred();
    assert.equal(restarted.stats.analysed, 0);
    assert.equal(overdue(restarted), true);
  });
});
