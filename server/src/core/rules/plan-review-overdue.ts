import { isRecord, list, text } from '../model/data';
import type { TrackedNow } from '../model/horizon';
import { formatInstant, resolveZone } from '../model/time';
import { planPartsFor, type Report, type Rule } from './rule';
import { interval, intervalDays, parseDoneAt, wholeDays, type DoneAt } from './support/program-hygiene';

/**
 * The plan must be approved and reviewed at least every review_interval_days (default 365):
 * the latest review (by instant, among those held by now) is checked; with no review at all
 * the finding sits on `reviews`, with no approval on `kind`.
 */
export const planReviewOverdue: Rule = {
  id: 'plan-review-overdue',
  defaultSeverity: 'warning',
  description: 'The latest plan review is older than review_interval_days (default 365), or the plan has no approval.',
  criteria: 'CC7.4',
  reads: { plan: planPartsFor(['ResponsePlan'], ['path']) },
  checkDocument(doc, context) {
    if (doc.kind !== 'ResponsePlan' || !doc.data) return [];
    // A second plan is reported by plan-missing and governs nothing: its reviews do not matter.
    if (context.plan && context.plan.path !== doc.path) return [];
    const data = doc.data;
    // The document's own zone: for the governing plan it is the plan's zone.
    const zone = resolveZone(data.timezone);
    return [...approval(data.approved), ...review(data, zone, context.now)];
  },
};

function approval(approved: unknown): Report[] {
  if (!isRecord(approved)) {
    return [{
      path: ['approved'],
      message: 'The plan has no approval: record who approved it and when, e.g. approved: { by: CTO, at: 2026-01-15T10:00:00Z }. '
        + 'Auditors ask for evidence that the plan was approved at the appropriate level (CC7.4).',
    }];
  }
  const missing = ['by', 'at'].filter((key) => !text(approved[key])).map((key) => `approved.${key}`);
  if (missing.length === 0) return [];
  return [{
    path: ['approved'],
    on: 'key',
    message: `The plan's approval lacks ${missing.join(' and ')}: record who approved the plan and when, e.g. approved: { by: CTO, at: 2026-01-15T10:00:00Z }.`,
  }];
}

function review(data: Record<string, unknown>, zone: string, now: TrackedNow): Report[] {
  const every = interval(intervalDays(data.review_interval_days), 'review_interval_days', data.review_interval_days !== undefined);
  const entries = list(data.reviews);
  const held: { index: number; at: DoneAt }[] = [];
  let future = 0;
  entries.forEach((entry, index) => {
    const at = isRecord(entry) ? parseDoneAt(entry.at, zone) : undefined;
    if (!at) return;
    if (now.isBefore(at.ms)) future++;
    else held.push({ index, at });
  });
  const fix = 'hold the review, then add it under reviews with at, reviewers and changes (CC7.4).';
  if (held.length === 0) {
    const why = entries.length === 0
      ? 'The plan records no review'
      : future > 0 && future === entries.length
        ? 'Every review of the plan is dated after now, so none has been held yet'
        : 'No review of the plan has a readable at (an RFC 3339 timestamp)';
    return [{ path: ['reviews'], on: 'key', message: `${why}: the plan must be reviewed every ${every.describe}; ${fix}` }];
  }
  // The latest by instant; on a tie, the first written.
  const latest = held.reduce((best, item) => (item.at.ms > best.at.ms ? item : best));
  const due = latest.at.ms + every.ms;
  if (!now.isAfter(due)) return [];
  const when = latest.at.dateOnly ? latest.at.text : formatInstant(latest.at.ms);
  return [{
    path: ['reviews', latest.index, 'at'],
    message: `The plan was last reviewed ${when}, ${wholeDays(now.elapsedSince(latest.at.ms))} ago; the plan requires a review every ${every.describe}, `
      + `so the next one was due ${formatInstant(due)} (${now.formatDistance(due)} overdue): ${fix}`,
  }];
}
