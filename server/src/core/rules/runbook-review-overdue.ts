import { zoneOf } from '../model/plan';
import { text } from '../model/data';
import { formatInstant } from '../model/time';
import { planPartsFor, type Rule } from './rule';
import { runbookReview, wholeDays } from './support/program-hygiene';

/**
 * A runbook's `last_reviewed` (a date: the start of that day in the plan's zone; or a
 * timestamp) must be no older than its review_interval_days (default 365).
 */
export const runbookReviewOverdue: Rule = {
  id: 'runbook-review-overdue',
  defaultSeverity: 'warning',
  description: "A runbook's last_reviewed is older than its review_interval_days (default 365).",
  criteria: 'CC7.4',
  reads: { plan: planPartsFor(['Runbook'], ['zone']) },
  checkDocument(doc, context) {
    if (doc.kind !== 'Runbook' || !doc.data) return [];
    const data = doc.data;
    // A missing or unreadable last_reviewed is the schema rule's finding.
    const review = runbookReview(data, zoneOf(context.plan));
    if (!review) return [];
    const { reviewed, every, dueAt } = review;
    const { now } = context;
    if (!now.isAfter(dueAt)) return [];
    const name = text(data.id) ?? 'This runbook';
    const when = reviewed.dateOnly ? reviewed.text : formatInstant(reviewed.ms);
    return [{
      path: ['last_reviewed'],
      message: `${name} was last reviewed ${when}, ${wholeDays(now.elapsedSince(reviewed.ms))} ago; runbooks must be reviewed every ${every.describe}, `
        + `so the next review was due ${formatInstant(dueAt)} (${now.formatDistance(dueAt)} overdue): `
        + 'review it with its owner against the current systems and set last_reviewed to the review date (CC7.4).',
    }];
  },
};
