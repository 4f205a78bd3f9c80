/**
 * Shared by the program-hygiene rules (plan-missing, plan-review-overdue, tabletop-overdue,
 * runbook-review-overdue, quiet-period): "how long ago" arithmetic and the governing plan.
 *
 * Time conventions, documented in each rule's page:
 * - an interval of N days is N × 24 h from the instant (no calendar arithmetic, so a DST
 *   change moves the due instant by an hour in local time, never by a day);
 * - something done on a date (`last_reviewed: 2026-02-01`) counts from the START of that day
 *   in the plan's zone: it was done that day, so by the end of day D + N it is more than N
 *   days old whatever the hour. (A due date is the opposite case: it ends at the end of its
 *   day, SPEC 2.)
 * - "older than N days" is strict: exactly N × 24 h old is still in time.
 */
import { DateTime } from 'luxon';
import { count } from '../../model/data';
import { DATE_PATTERN, DAY_MS, parseInstant, resolveZone } from '../../model/time';
import type { DocumentFacts, WorkspaceIndex } from '../../model/facts';

/** The interval when the plan or runbook sets none (the guide: "at least annually"). */
export const DEFAULT_INTERVAL_DAYS = 365;

/** When something was done, read from a date or a timestamp. */
export interface DoneAt {
  ms: number;
  /** True for `YYYY-MM-DD`: `ms` is the start of that day in the zone. */
  dateOnly: boolean;
  /** As written, for messages. */
  text: string;
}

/**
 * Reads the moment something was done: a timestamp (an offset-less one in `zone`), or a date
 * meaning the start of that day in `zone`. Anything else gives undefined.
 */
export function parseDoneAt(value: unknown, zone: string): DoneAt | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (DATE_PATTERN.test(trimmed)) {
    const day = DateTime.fromISO(trimmed, { zone: resolveZone(zone) });
    return day.isValid ? { ms: day.startOf('day').toMillis(), dateOnly: true, text: trimmed } : undefined;
  }
  const instant = parseInstant(trimmed, zone);
  return instant && { ms: instant.ms, dateOnly: false, text: trimmed };
}

/** An interval in days as written: a positive number, else undefined (the schema reports bad values). */
export function intervalDays(value: unknown): number | undefined {
  const days = count(value);
  return days !== undefined && days > 0 ? days : undefined;
}

/** The interval to apply and how to name it in a message. */
export interface Interval {
  days: number;
  ms: number;
  /** "365 d (review_interval_days)", "365 d (the default: review_interval_days is not set)". */
  describe: string;
}

/** `written`: whether the key is present at all (a present but unreadable value is named as such). */
export function interval(days: number | undefined, key: string, written = days !== undefined): Interval {
  const chosen = days ?? DEFAULT_INTERVAL_DAYS;
  const why = days !== undefined ? key : written ? `the default: ${key} is not a positive number` : `the default: ${key} is not set`;
  return { days: chosen, ms: chosen * DAY_MS, describe: `${chosen} d (${why})` };
}

/** A runbook's last review and when the next one is due: last_reviewed plus review_interval_days (default 365). */
export interface RunbookReview {
  reviewed: DoneAt;
  every: Interval;
  dueAt: number;
}

/** Undefined when last_reviewed cannot be read (the schema rule's finding). */
export function runbookReview(data: Record<string, unknown>, zone: string): RunbookReview | undefined {
  const reviewed = parseDoneAt(data.last_reviewed, zone);
  if (!reviewed) return undefined;
  const every = interval(intervalDays(data.review_interval_days), 'review_interval_days', data.review_interval_days !== undefined);
  return { reviewed, every, dueAt: reviewed.ms + every.ms };
}

/** Whole days, rounded down: "411 d". */
export function wholeDays(ms: number): string {
  return `${Math.floor(Math.max(0, ms) / DAY_MS)} d`;
}

/** True when this document is the governing plan (the first ResponsePlan in path order). */
export function isGoverningPlan(facts: DocumentFacts, index: WorkspaceIndex): boolean {
  return facts.kind === 'ResponsePlan' && index.plans()[0]?.path === facts.path;
}

/** Path-order comparison, the same as the index's (code units). */
export function byPath(a: DocumentFacts, b: DocumentFacts): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
