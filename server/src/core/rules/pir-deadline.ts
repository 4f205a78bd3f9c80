import { getIn, isPresent } from '../model/data';
import { formatDuration, formatInstant, localDate, parseInstant } from '../model/time';
import { planPartsFor, type Rule } from './rule';
import { reviewDeadline } from './support/lifecycle';

const HELD_AT = ['post_incident_review', 'held_at'];

/**
 * The post-incident review of a severity that requires one (SPEC 2.5): due at the end of the
 * Nth business day after the local day of resolved_at (day 0), in the plan's zone over the
 * plan's business days. Overdue and not held: error on resolved_at; held late: warning on
 * held_at. Held exactly at the due instant is on time.
 */
export const pirDeadline: Rule = {
  id: 'pir-deadline',
  defaultSeverity: 'error',
  description: 'The severity requires a post-incident review and it is overdue, or was held late.',
  criteria: 'CC7.5',
  reads: { plan: planPartsFor(['Incident'], ['path', 'zone', 'calendar', 'severity']) },
  checkDocument(doc, context) {
    if (doc.kind !== 'Incident' || !doc.data) return [];
    const deadline = reviewDeadline(doc.data, context.plan);
    if (!deadline) return [];
    const { severity, days, zone, dueAt: due } = deadline;
    const dueText = `${localDate(due, zone)} (end of day, ${zone})`;
    const within = days === 0 ? 'by the end of the day' : `within ${days} business day${days === 1 ? '' : 's'}`;
    const window = `${severity.id} requires a post-incident review ${within} of resolution (resolved ${localDate(deadline.resolvedAt, zone)})`;
    const heldValue = getIn(doc.data, HELD_AT);
    if (isPresent(heldValue)) {
      const held = parseInstant(heldValue, zone);
      // An unreadable held_at is the schema's finding; the review was recorded as held.
      if (!held || held.ms <= due) return [];
      return [{
        path: HELD_AT,
        severity: 'warning',
        message: `Post-incident review held ${formatInstant(held.ms)}, late by ${formatDuration(held.ms - due)}: `
          + `it was due ${dueText}. ${window}. Explain the delay in post_incident_review.summary, `
          + 'or record an approved waiver with the reason.',
      }];
    }
    if (!context.now.isAfter(due)) return [];
    return [{
      path: ['resolved_at'],
      message: `Post-incident review was due ${dueText}, ${context.now.formatDistance(due)} ago: hold it and record `
        + `post_incident_review.held_at, participants, summary and lessons_learned. ${window}.`,
    }];
  },
};
