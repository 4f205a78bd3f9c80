import { getIn, records, text } from '../model/data';
import { evaluateNotificationClocks, notificationPlanFrom } from '../deadlines';
import { planPartsFor, type Report, type Rule } from './rule';
import { todo } from './support/placeholders';
import { clockReport } from './support/notification';

/**
 * SPEC 2.4: one finding per applicable regime whose clock needs attention, with the regime
 * id as `subject` so that a waiver's `target: gdpr-art33` covers exactly that regime.
 * Without a plan no regime is in scope (plan-missing reports the missing plan). Where no
 * notice was sent, the fix records a decision that none is required, with a rationale to write.
 */
export const notificationDeadline: Rule = {
  id: 'notification-deadline',
  defaultSeverity: 'error',
  description: 'A notification regime that applies has no timely notice or recorded decision (SPEC 2.4).',
  criteria: 'CC7.4, CC2.3',
  reads: { plan: planPartsFor(['Incident'], ['zone', 'calendar', 'regimes']) },
  checkDocument(doc, context): Report[] {
    if (doc.kind !== 'Incident' || !doc.data) return [];
    const { now } = context;
    const results = evaluateNotificationClocks({ incident: doc.data, plan: notificationPlanFrom(context.plan), now: now.untracked, horizon: now });
    return results.flatMap((result) => {
      const report = clockReport(result, doc.data, now);
      if (!report) return [];
      // A late notice was sent: a decision that none was required would not be true.
      return result.status === 'late' ? [report] : [{ ...report, fix: { regime: result.regime } }];
    });
  },
  fix(doc, finding) {
    const regime = text(finding.fix?.regime);
    const decided = records(getIn(doc.data, ['notifications', 'not_required'])).some((entry) => entry.regime === regime);
    if (!regime || decided) return [];
    return [{
      title: `Record that no ${regime} notice is required (notifications.not_required, with the rationale to write)`,
      placeholders: true,
      apply: (editor) => editor.append(['notifications', 'not_required'], { regime, rationale: todo('why notice is not required') }),
    }];
  },
};
