import assert from 'node:assert/strict';
import { createDocument } from '../../server/src/core/model/document';
import { parseCc7 } from '../../server/src/core/model/parse';
import { extractPlanFacts } from '../../server/src/core/model/plan';
import type { RuleContext } from '../../server/src/core/rules/rule';
import { notificationDeadline } from '../../server/src/core/rules/notification-deadline';
import { fixtureCases } from '../support/fixtures';

describe('notification-deadline', () => {
  fixtureCases('notification-deadline');

  const doc = (text: string) => createDocument('doc.yaml', text.length, parseCc7(text));
  const plan = extractPlanFacts(doc(`apiVersion: cc7/v1
kind: ResponsePlan
organization: Acme
timezone: America/New_York
roles: { incident_lead: { title: Lead } }
severity_levels: [{ id: SEV2 }]
notification: { regimes: [gdpr-art33, customer-dpa, us-co, sec-8k], customer_dpa_hours: 48 }
`));
  const context: RuleContext = { now: Date.parse('2026-03-06T00:05:00Z'), plan, maxFileBytes: 2 * 1024 * 1024 };
  const check = (text: string, ctx: RuleContext = context) => notificationDeadline.checkDocument!(doc(text), ctx);

  it('never throws on wrong types anywhere', () => {
    const bodies = [
      'notifications: none',
      'notifications: [1, 2]',
      'notifications: { notices: 5, not_required: no, aware_at: [] }',
      'investigation: 7\nnotifications: { breach_determination: [] }',
      'investigation: { personal_data: { jurisdictions: eu } }\nnotifications: { breach_determination: { is_breach: "true" } }',
      'investigation: { personal_data: { jurisdictions: [eu, 3, null] } }\nnotifications: { breach_determination: { is_breach: true }, aware_at: 42, notices: [5, null, { regime: 7 }, { regime: gdpr-art33, notified_at: {} }] }',
      'detected_at: [x]\ninvestigation: { personal_data: { jurisdictions: [us-co] } }\nnotifications: { breach_determination: { is_breach: true, decided_at: { x: 1 } } }',
    ];
    for (const body of bodies) {
      const reports = check(`apiVersion: cc7/v1\nkind: Incident\n${body}\n`);
      for (const report of reports) assert.equal(typeof report.message, 'string');
    }
  });

  it('checks only incidents, and nothing without a plan', () => {
    const breach = 'detected_at: 2026-03-02T09:14:00Z\ninvestigation: { personal_data: { involved: true, jurisdictions: [eu] } }\n'
      + 'notifications: { aware_at: 2026-03-02T10:05:00Z, breach_determination: { is_breach: true } }\n';
    assert.equal(check(`apiVersion: cc7/v1\nkind: Incident\n${breach}`).length, 1);
    assert.deepEqual(check(`apiVersion: cc7/v1\nkind: SecurityEvent\n${breach}`), []);
    assert.deepEqual(check(`apiVersion: cc7/v1\nkind: Incident\n${breach}`, { ...context, plan: undefined }), []);
  });

  it('names the regime as the subject, so a waiver target can cover it', () => {
    const text = 'apiVersion: cc7/v1\nkind: Incident\ndetected_at: 2026-03-02T09:14:00Z\n'
      + 'investigation: { customer_data: { involved: true }, personal_data: { involved: true, jurisdictions: [eu, us-co] } }\n'
      + 'notifications: { aware_at: 2026-03-02T10:05:00Z, breach_determination: { is_breach: true } }\n';
    // In the plan's order; us-co has no decided_at, so its clock cannot be checked.
    assert.deepEqual(check(text).map((report) => [report.subject, report.path]), [
      ['gdpr-art33', ['notifications', 'aware_at']],
      ['customer-dpa', ['notifications', 'aware_at']],
      ['us-co', ['notifications', 'breach_determination', 'decided_at']],
    ]);
  });

  it('says the clock and its fallback both cannot be read when aware_at and detected_at are unusable', () => {
    const [report] = check('apiVersion: cc7/v1\nkind: Incident\ninvestigation: { personal_data: { jurisdictions: [eu] } }\n'
      + 'notifications: { breach_determination: { is_breach: true } }\n');
    assert.match(report!.message, /^gdpr-art33's clock starts at notifications\.aware_at, which is missing, and detected_at, its fallback, cannot be read either/);
    assert.deepEqual(report!.path, ['notifications', 'aware_at']);
  });
});
