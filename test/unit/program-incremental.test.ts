// The Program re-checks only what a change can affect (SPEC 3). These tests drive it in memory
// (a map of path -> text as its `read`) through adds, edits and removals, and check after each
// step both what it published (the Changes) and that every document's findings equal those of
// a fresh Program over the same files: an incremental run must never differ from a full one.
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/model/types';
import { escalatedEvent, responsePlan } from '../support/documents';
import { MemoryWorkspace } from '../support/memory-workspace';

const NOW = Date.parse('2026-04-15T12:00:00Z');

const PLAN = responsePlan({ governed: true, roles: ['incident_lead', 'security_operations', 'engineering_on_call'] });

function incident(id: string, extra = ''): string {
  return `apiVersion: cc7/v1
kind: Incident
id: ${id}
title: Leaked API key used against the billing API
severity: SEV2
status: investigation
category: unauthorized-access
detected_at: 2026-03-02T09:14:00Z
detection_source: siem-alert
${extra}triage: { assessed_at: 2026-03-02T09:40:00Z, assessed_by: carol@acme.io, rationale: Key valid and used from an unknown ASN }
roles: { incident_lead: alice@acme.io }
timeline:
  - { at: 2026-03-02T09:14:00Z, event: GuardDuty alert on the billing-api key }
containment:
  - { action: Revoked the leaked key, at: 2026-03-02T09:52:00Z, by: dan@acme.io }
`;
}

/** A bystander that sorts first: the Program always re-checks the first document (plan-missing sits on it). */
const FIRST = {
  'aaa/first.yaml': `apiVersion: cc7/v1
kind: SecurityEvent
id: EVT-2026-0000
title: Port scan
detected_at: 2026-03-01T09:00:00Z
detection_source: ids
triage: { assessed_at: 2026-03-01T09:10:00Z, assessed_by: carol@acme.io, outcome: false-positive, rationale: Our own scanner }
`,
};

function runbook(id: string): string {
  return `apiVersion: cc7/v1
kind: Runbook
id: ${id}
title: Leaked or compromised credential
owner: security_operations
last_reviewed: 2026-02-01
phases:
  identification: [ { step: Confirm the credential is valid, role: security_operations } ]
  containment: [ { step: Revoke the credential, role: engineering_on_call } ]
  investigation: [ { step: Pull the access logs, role: security_operations } ]
  remediation: [ { step: Open tickets for the gaps, role: incident_lead } ]
  recovery: [ { step: Issue a new credential, role: engineering_on_call } ]
  post_incident_review: [ { step: Hold the review, role: incident_lead } ]
`;
}

/** The workspace of these tests: it starts with the bystander, and compares itself with a fresh run. */
class Workspace extends MemoryWorkspace {
  constructor() {
    super(NOW);
    // Without the bystander, the documents under test would be re-checked as the first document
    // after every change, hiding a missed dependency.
    this.add(FIRST);
  }

  /** The rule ids found on a path, in order. */
  rules(path: string, only?: readonly string[]): string[] {
    return this.program.findings(path).map((finding) => finding.rule).filter((rule) => !only || only.includes(rule));
  }

  /** Asserts the incremental findings of every document equal a from-scratch analysis. */
  assertMatchesFreshRun(): void {
    const fresh = this.fresh([...this.files.keys()].sort((a, b) => Number(b.startsWith('plan')) - Number(a.startsWith('plan'))));
    assert.deepEqual(this.program.paths(), fresh.paths());
    for (const path of fresh.paths()) {
      assert.deepEqual(sorted(this.program.findings(path)), sorted(fresh.findings(path)), `findings of ${path} differ from a fresh run`);
    }
  }
}

function sorted(findings: Finding[]): string[] {
  return findings.map((finding) => JSON.stringify(finding)).sort();
}

const CROSS_FILE = ['duplicate-id', 'escalation-link', 'unknown-reference'];

describe('Program: incremental cross-file findings', () => {
  it('duplicate-id appears on both documents, clears on both when one id changes, and returns', () => {
    const ws = new Workspace();
    ws.add({ 'plan.yaml': PLAN, 'incidents/a.yaml': incident('INC-2026-001'), 'incidents/b.yaml': incident('INC-2026-001') });
    assert.deepEqual(ws.rules('incidents/a.yaml', CROSS_FILE), ['duplicate-id']);
    assert.deepEqual(ws.rules('incidents/b.yaml', CROSS_FILE), ['duplicate-id']);
    assert.deepEqual(ws.program.findings('incidents/a.yaml')[0].related?.map((related) => related.path), ['incidents/b.yaml']);
    ws.assertMatchesFreshRun();

    const renamed = ws.write('incidents/b.yaml', incident('INC-2026-002'));
    assert.ok(renamed.has('incidents/a.yaml'), 'the other document of the old id is republished');
    assert.ok(renamed.has('incidents/b.yaml'));
    assert.deepEqual(ws.rules('incidents/a.yaml', CROSS_FILE), []);
    assert.deepEqual(ws.rules('incidents/b.yaml', CROSS_FILE), []);
    ws.assertMatchesFreshRun();

    const back = ws.write('incidents/b.yaml', incident('INC-2026-001'));
    assert.ok(back.has('incidents/a.yaml'), 'the document already holding the new id is republished');
    assert.deepEqual(ws.rules('incidents/a.yaml', CROSS_FILE), ['duplicate-id']);
    assert.deepEqual(ws.rules('incidents/b.yaml', CROSS_FILE), ['duplicate-id']);
    ws.assertMatchesFreshRun();

    const removed = ws.remove('incidents/b.yaml');
    assert.deepEqual(removed.get('incidents/b.yaml'), [], 'a removed document is cleared');
    assert.ok(removed.has('incidents/a.yaml'));
    assert.deepEqual(ws.rules('incidents/a.yaml', CROSS_FILE), []);
    ws.assertMatchesFreshRun();
  });

  it('escalation-link follows the incident an event names as it appears, changes kind and disappears', () => {
    const ws = new Workspace();
    ws.add({ 'plan.yaml': PLAN, 'events/e.yaml': escalatedEvent('EVT-2026-0001', 'INC-2026-009') });
    assert.deepEqual(ws.rules('events/e.yaml', CROSS_FILE), ['escalation-link']);
    ws.assertMatchesFreshRun();

    const added = ws.write('incidents/x.yaml', incident('INC-2026-009'));
    assert.ok(added.has('events/e.yaml'), 'the event is republished when its incident appears');
    assert.deepEqual(ws.rules('events/e.yaml', CROSS_FILE), []);
    ws.assertMatchesFreshRun();

    const otherKind = ws.write('incidents/x.yaml', runbook('INC-2026-009'));
    assert.ok(otherKind.has('events/e.yaml'), 'the event is republished when the id becomes another kind');
    assert.deepEqual(ws.rules('events/e.yaml', CROSS_FILE), ['escalation-link']);
    assert.deepEqual(ws.program.findings('events/e.yaml')[0].related?.map((related) => related.path), ['incidents/x.yaml']);
    ws.assertMatchesFreshRun();

    ws.write('incidents/x.yaml', incident('INC-2026-009'));
    assert.deepEqual(ws.rules('events/e.yaml', CROSS_FILE), []);
    const removed = ws.remove('incidents/x.yaml');
    assert.ok(removed.has('events/e.yaml'), 'the event is republished when its incident is removed');
    assert.deepEqual(ws.rules('events/e.yaml', CROSS_FILE), ['escalation-link']);
    ws.assertMatchesFreshRun();
  });

  it('unknown-reference on an incident\'s runbook clears when the runbook appears and returns when it goes', () => {
    const ws = new Workspace();
    ws.add({ 'plan.yaml': PLAN, 'incidents/a.yaml': incident('INC-2026-001', 'runbook: RB-CREDENTIAL-LEAK\n') });
    assert.deepEqual(ws.rules('incidents/a.yaml', CROSS_FILE), ['unknown-reference']);

    const added = ws.write('runbooks/rb.yaml', runbook('RB-CREDENTIAL-LEAK'));
    assert.ok(added.has('incidents/a.yaml'));
    assert.deepEqual(ws.rules('incidents/a.yaml', CROSS_FILE), []);
    ws.assertMatchesFreshRun();

    const renamed = ws.write('runbooks/rb.yaml', runbook('RB-CREDENTIAL-LEAKS'));
    assert.ok(renamed.has('incidents/a.yaml'), 'the referrer of the old id is republished');
    assert.deepEqual(ws.rules('incidents/a.yaml', CROSS_FILE), ['unknown-reference']);
    assert.match(ws.program.findings('incidents/a.yaml')[0].message, /did you mean "RB-CREDENTIAL-LEAKS"\?/);
    ws.assertMatchesFreshRun();
  });

  // The message of an unresolved reference lists the ids of its kind that exist. A new runbook
  // with an unrelated id does not touch the incident, so the list goes stale until the core
  // also re-checks documents whose references expect the changed document's kind.
  it('an unresolved reference lists a runbook added under an unrelated id (needs the core to re-check referrers by kind)', () => {
    const ws = new Workspace();
    ws.add({ 'plan.yaml': PLAN, 'incidents/a.yaml': incident('INC-2026-001', 'runbook: RB-MISSING\n') });
    ws.write('runbooks/rb.yaml', runbook('RB-RANSOMWARE'));
    assert.match(ws.program.findings('incidents/a.yaml')[0].message, /RB-RANSOMWARE/);
    ws.assertMatchesFreshRun();
  });
});
