import { formatDuration, formatInstant } from '../model/time';
import type { Rule } from './rule';
import { reviewDue } from './support/lifecycle';

/**
 * The post-incident review of a severity that requires one (SPEC 2.5): due at the end of the
 * Nth business day after the local day of resolved_at (day 0), in the plan's zone over the
 * plan's business days. Overdue and not held: error on resolved_at; held late: warning on
 * held_at. Held exactly at the due instant is on time. Checked from the incident's facts
 * (DocumentFacts.review), so that a change of a severity's review window re-checks its
 * incidents without parsing them again.
 */
export const pirDeadline: Rule = {
  id: 'pir-deadline',
  defaultSeverity: 'error',
  description: 'The severity requires a post-incident review and it is overdue, or was held late.',
  criteria: 'CC7.5',
  reads: { plan: (facts) => (facts.review ? ['path', 'zone', 'calendar', 'reviewRequired', 'reviewDays'] : []) },
  checkWorkspace(facts, _index, context) {
    const review = facts.review;
    if (!review) return [];
    const deadline = reviewDue(facts.severity, review.resolvedDay, context.plan);
    if (!deadline) return [];
    const { severity, days, zone, dueAt: due } = deadline;
    const dueText = `${deadline.dueDay} (end of day, ${zone})`;
    const within = days === 0 ? 'by the end of the day' : `within ${days} business day${days === 1 ? '' : 's'}`;
    const window = `${severity.id} requires a post-incident review ${within} of resolution (resolved ${review.resolvedDay})`;
    if (review.held) {
      const held = review.held.at;
      // An unreadable held_at is the schema's finding; the review was recorded as held.
      if (held === undefined || held <= due) return [];
      return [{
        range: review.held.range,
        severity: 'warning',
        message: `Post-incident review held ${formatInstant(held)}, late by ${formatDuration(held - due)}: `
          + `it was due ${dueText}. ${window}. Explain the delay in post_incident_review.summary, `
          + 'or record an approved waiver with the reason.',
      }];
    }
    if (context.now <= due) return [];
    return [{
      range: review.resolvedRange,
      message: `Post-incident review was due ${dueText}, ${formatDuration(context.now - due)} ago: hold it and record `
        + `post_incident_review.held_at, participants, summary and lessons_learned. ${window}.`,
    }];
  },
};
