// Plan edits re-check by what changed (issue 9): each rule declares the parts of the plan it
// reads (RuleReads.plan), and a plan edit re-analyses only the documents whose document checks
// read a part the edit changed; those whose workspace checks read it (pir-deadline) are
// re-checked from their facts. Counted through the reads of the Program's `read` (an edit hands
// the plan's own text in, so the plan is read only when it is itself re-analysed).
import assert from 'node:assert/strict';
import { identificationIncident, responsePlan } from '../support/documents';
import { MemoryWorkspace } from '../support/memory-workspace';

const NOW = Date.parse('2026-04-15T12:00:00Z');

const SEV1 = '  - { id: SEV1, name: Critical, post_incident_review: { required: true, due_business_days: 5 }, remediation_due_days: 14 }\n';
interface Sev2 { name?: string; reviewRequired?: boolean; reviewDays?: number; remediationDays?: number }

const sev2 = ({ name = 'High', reviewRequired = true, reviewDays = 10, remediationDays = 30 }: Sev2) =>
  `  - { id: SEV2, name: ${name}, post_incident_review: { required: ${reviewRequired}, due_business_days: ${reviewDays} }, remediation_due_days: ${remediationDays} }\n`;

interface PlanChange extends Sev2 { organization?: string; comment?: string; timezone?: string; regimes?: string; custom?: string; rules?: string }

const plan = ({ organization = 'Acme Cloud, Inc.', comment = '', timezone, regimes = '[gdpr-art33]', custom, rules = '', ...severity }: PlanChange = {}) =>
  responsePlan({
    organization: `${organization}${comment}`,
    timezone,
    roles: ['incident_lead', 'legal'],
    extra: `notification: { regimes: ${regimes}${custom ? `, regimes_custom: ${custom}` : ''}, customer_dpa_hours: 48 }\n${rules}`,
    severities: SEV1 + sev2(severity),
  });

/**
 * A SEV2 incident resolved on Monday 2026-04-06 without its review held: with 10 business days
 * the review is due on 2026-04-20, with 5 on 2026-04-13, before now.
 */
const resolvedIncident = identificationIncident('INC-4') + 'resolved_at: 2026-04-06T12:00:00Z\n';
/** Resolved on Monday 2026-03-30: its review, due at the end of 2026-04-13 in the plan's zone, is overdue whatever the window. */
const overdueIncident = identificationIncident('INC-6') + 'resolved_at: 2026-03-30T12:00:00Z\n';

const runbook = `apiVersion: cc7/v1
kind: Runbook
id: RB-1
title: Leaked credential
owner: incident_lead
last_reviewed: 2026-02-01
phases:
  identification: [ { step: Confirm, role: incident_lead } ]
  containment: [ { step: Revoke, role: incident_lead } ]
  investigation: [ { step: Pull logs, role: incident_lead } ]
  remediation: [ { step: Open tickets, role: incident_lead } ]
  recovery: [ { step: Issue a new one, role: incident_lead } ]
  post_incident_review: [ { step: Hold the review, role: incident_lead } ]
`;

/** A tabletop whose waiver names a regime: it reads the plan's regimes, and nothing else of the plan's notification. */
const tabletop = `apiVersion: cc7/v1
kind: TabletopExercise
id: TTX-1
title: Ransomware at night
held_at: 2026-03-01T14:00:00Z
participants: [ { person: alice@acme.io, role: incident_lead } ]
scenario: Ransomware encrypts the file servers at 02:00.
waivers:
  - { rule: notification-deadline, target: gdpr-art33, reason: Exercise only, approved_by: legal, approved_at: 2026-03-01T15:00:00Z, expires: 2026-12-31 }
`;

function workspace(): MemoryWorkspace {
  const ws = new MemoryWorkspace(NOW);
  ws.add({
    'plan.yaml': plan(),
    'incidents/INC-1.yaml': identificationIncident('INC-1').replace('severity: SEV2', 'severity: SEV1'),
    'incidents/INC-2.yaml': identificationIncident('INC-2'),
    'incidents/INC-3.yaml': identificationIncident('INC-3'),
    'runbooks/RB-1.yaml': runbook,
    'tabletop/TTX-1.yaml': tabletop,
  });
  ws.takeReads();
  return ws;
}

describe('Program: a plan edit re-checks only the documents that read what it changed', () => {
  it('a comment re-analyses nothing', () => {
    const ws = workspace();
    ws.edit('plan.yaml', plan({ comment: '  # reviewed by legal' }));
    assert.deepEqual(ws.takeReads(), []);
  });

  it('organization, which no document reads, re-analyses nothing', () => {
    const ws = workspace();
    ws.edit('plan.yaml', plan({ organization: 'Acme Cloud, LLC' }));
    assert.deepEqual(ws.takeReads(), []);
  });

  it("one severity's review window re-analyses nothing: that severity's resolved incidents are re-checked from their facts", () => {
    const ws = workspace();
    ws.add({ 'incidents/INC-4.yaml': resolvedIncident, 'incidents/INC-5.yaml': resolvedIncident.replace(/INC-4/g, 'INC-5').replace('severity: SEV2', 'severity: SEV1') });
    ws.takeReads();
    assert.equal(ws.program.findings('incidents/INC-4.yaml').some((finding) => finding.rule === 'pir-deadline'), false);
    const changes = ws.edit('plan.yaml', plan({ reviewDays: 5 }));
    assert.deepEqual(ws.takeReads(), []);
    assert.deepEqual([...changes.keys()].filter((path) => path !== 'plan.yaml'), ['incidents/INC-4.yaml']);
    assert.match(changes.get('incidents/INC-4.yaml')!.find((finding) => finding.rule === 'pir-deadline')!.message, /was due 2026-04-13 .*within 5 business days/);
  });

  it('whether a severity requires a review re-analyses its incidents (phase-evidence reads it)', () => {
    const ws = workspace();
    ws.edit('plan.yaml', plan({ reviewRequired: false }));
    assert.deepEqual(ws.takeReads(), ['incidents/INC-2.yaml', 'incidents/INC-3.yaml']);
  });

  it("a severity's remediation window re-analyses its incidents (remediation-untracked names it)", () => {
    const ws = workspace();
    ws.edit('plan.yaml', plan({ remediationDays: 20 }));
    assert.deepEqual(ws.takeReads(), ['incidents/INC-2.yaml', 'incidents/INC-3.yaml']);
  });

  it("a severity's name, which no finding reads, re-analyses nothing", () => {
    const ws = workspace();
    ws.edit('plan.yaml', plan({ name: 'Major' }));
    assert.deepEqual(ws.takeReads(), []);
  });

  it('a regime added re-analyses the incidents and the documents whose waivers name a regime', () => {
    const ws = workspace();
    const facts = ws.program.facts('incidents/INC-1.yaml');
    ws.edit('plan.yaml', plan({ regimes: '[gdpr-art33, us-ca]' }));
    assert.deepEqual(ws.takeReads(), ['incidents/INC-1.yaml', 'incidents/INC-2.yaml', 'incidents/INC-3.yaml', 'tabletop/TTX-1.yaml']);
    assert.equal(ws.program.facts('incidents/INC-1.yaml'), facts, 'facts the new analysis found equal stay the ones kept');
  });

  it('a custom regime added (regimes_custom) re-analyses the same documents', () => {
    const ws = workspace();
    ws.edit('plan.yaml', plan({ custom: '[{ id: acme-msa, name: Notice to Acme, clock: aware_at, window: { hours: 24 } }]' }));
    assert.deepEqual(ws.takeReads(), ['incidents/INC-1.yaml', 'incidents/INC-2.yaml', 'incidents/INC-3.yaml', 'tabletop/TTX-1.yaml']);
  });

  it("the plan's rules: severities are re-published everywhere, with no document re-analysed", () => {
    const ws = workspace();
    // An incident with a severity the plan does not define: one finding whose severity the plan's rules set.
    ws.edit('incidents/INC-3.yaml', identificationIncident('INC-3').replace('severity: SEV2', 'severity: SEV9'));
    assert.deepEqual(ws.program.findings('incidents/INC-3.yaml').map((finding) => finding.rule), ['unknown-reference']);
    ws.takeReads();
    const changes = ws.edit('plan.yaml', plan({ rules: 'rules: { unknown-reference: warning }\n' }));
    assert.deepEqual(ws.takeReads(), []);
    assert.deepEqual(changes.get('incidents/INC-3.yaml')?.map((finding) => `${finding.rule} ${finding.severity}`), ['unknown-reference warning']);
  });

  it('each of these edits leaves every document with the findings a fresh analysis gives', () => {
    for (const change of [{ comment: ' # x' }, { organization: 'Other' }, { reviewDays: 3 }, { reviewDays: 5 }, { reviewRequired: false }, { remediationDays: 7 }, { name: 'Major' }, { timezone: 'UTC' }, { regimes: '[us-ca]' }, { custom: '[{ id: acme-msa, name: Acme, clock: detected_at, window: { months: 1 } }]' }, { rules: 'rules: { quiet-period: off }\n' }]) {
      const ws = workspace();
      ws.add({ 'incidents/INC-4.yaml': resolvedIncident, 'incidents/INC-6.yaml': overdueIncident });
      ws.edit('plan.yaml', plan(change));
      const fresh = ws.fresh(ws.files.keys());
      for (const path of ws.files.keys()) {
        assert.deepEqual(ws.program.findings(path), fresh.findings(path), `${JSON.stringify(change)}: ${path}`);
      }
    }
  });
});
