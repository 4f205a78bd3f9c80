import { zoneOf } from '../model/plan';
import { text } from '../model/data';
import { formatDuration, formatInstant } from '../model/time';
import type { Rule } from './rule';
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
  reads: { plan: (facts) => (facts.kind === 'Runbook' ? ['zone'] : []) },
  checkDocument(doc, context) {
    if (doc.kind !== 'Runbook' || !doc.data) return [];
    const data = doc.data;
    const review = runbookReview(data, zoneOf(context.plan));
    if (!review) return [];
    const { reviewed, every } = review;
    const age = context.now - reviewed.ms;
    if (age <= every.ms) return [];
    const name = text(data.id) ?? 'This runbook';
    const when = reviewed.dateOnly ? reviewed.text : formatInstant(reviewed.ms);
    return [{
      path: ['last_reviewed'],
      message: `${name} was last reviewed ${when}, ${wholeDays(age)} ago; runbooks must be reviewed every ${every.describe}, `
        + `so the next review was due ${formatInstant(review.dueAt)} (${formatDuration(age - every.ms)} overdue): `
        + 'review it with its owner against the current systems and set last_reviewed to the review date (CC7.4).',
    }];
  },
};
