import { evaluateNotificationClocks, notificationPlanFrom } from '../deadlines';
import type { Report, Rule } from './rule';
import { clockReport } from './support/notification';

/**
 * SPEC 2.4: one finding per applicable regime whose clock needs attention, with the regime
 * id as `subject` so that a waiver's `target: gdpr-art33` covers exactly that regime.
 * Without a plan no regime is in scope (plan-missing reports the missing plan).
 */
export const notificationDeadline: Rule = {
  id: 'notification-deadline',
  defaultSeverity: 'error',
  description: 'A notification regime that applies has no timely notice or recorded decision (SPEC 2.4).',
  criteria: 'CC7.4, CC2.3',
  reads: { plan: (facts) => (facts.kind === 'Incident' ? ['zone', 'calendar', 'regimes'] : []) },
  checkDocument(doc, context): Report[] {
    if (doc.kind !== 'Incident' || !doc.data) return [];
    const { now } = context;
    const results = evaluateNotificationClocks({ incident: doc.data, plan: notificationPlanFrom(context.plan), now: now.untracked, horizon: now });
    return results.flatMap((result) => clockReport(result, doc.data, now) ?? []);
  },
};
