// Inlay hints (issue 6, 2.4): after every clock trigger, each regime's due instant and what is
// left of it; after every date with a deadline meaning (an item's due, the review after
// resolved_at, a waiver's expiry, a runbook's next review), the time left or past. Every
// deadline comes from core/deadlines or the rules' own support code, never recomputed here.
import type { InlayHint, Position, Range } from 'vscode-languageserver-types';
import { evaluateNotificationClocks, notificationPlanFrom, type ClockResult, type ClockStatus } from '../deadlines';
import { getIn, isPresent, list, record, text } from '../model/data';
import type { Cc7Document } from '../model/document';
import { zoneOf, type PlanFacts } from '../model/plan';
import { formatDuration, formatInstant, formatShortInstant, parseDue, parseInstant } from '../model/time';
import { formatPath } from '../model/schemas';
import type { YamlPath } from '../model/types';
import { reviewDeadline } from '../rules/support/lifecycle';
import { describeWindow } from '../rules/support/notification';
import { runbookReview } from '../rules/support/program-hygiene';
import { itemName, OPEN_STATUSES, trackedItems } from '../rules/support/tracking';
import { nextChange, type Timed } from './countdown';
import type { ServiceRequest } from './request';

/** One hint before it is placed: after the value at `path`. */
interface Hint {
  path: YamlPath;
  label: string;
  tooltip: string;
  /** The instant its countdown counts to or from, when its text moves with time. */
  moving?: number;
}

interface HintContext {
  doc: Cc7Document;
  data: Record<string, unknown>;
  plan: PlanFacts | undefined;
  zone: string;
  now: number;
}

/** The hints inside `range`, and when the first of them reads differently. */
export function inlayHints({ doc, model, now }: ServiceRequest, range: Range): Timed<InlayHint[]> {
  if (!doc.data || !doc.kind) return { value: [] };
  const plan = model.plan();
  const context: HintContext = { doc, data: doc.data, plan, zone: zoneOf(plan), now };
  const shown = [...clockHints(context), ...itemHints(context), ...reviewHints(context), ...waiverHints(context), ...runbookHints(context)]
    .map((hint) => ({ hint, position: doc.locate(hint.path).end }))
    .filter(({ position }) => within(position, range))
    .sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
  return {
    value: shown.map(({ hint, position }) => ({ position, label: `→ ${hint.label}`, tooltip: hint.tooltip, paddingLeft: true })),
    changesAt: nextChange(now, shown.flatMap(({ hint }) => (hint.moving === undefined ? [] : [hint.moving]))),
  };
}

function within(position: Position, range: Range): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

// ---- Notification clocks ---------------------------------------------------------------

/** One hint per regime, after the field its clock starts at (detected_at when aware_at is missing). */
function clockHints({ doc, data, plan, zone, now }: HintContext): Hint[] {
  if (doc.kind !== 'Incident') return [];
  const results = evaluateNotificationClocks({ incident: data, plan: notificationPlanFrom(plan), now });
  return results.flatMap((result) => {
    // A hint needs the trigger written; a clock that has not started is notification-deadline's finding.
    const trigger = getIn(data, result.clockField);
    if (!isPresent(trigger) || typeof trigger === 'object' || UNSTARTED.has(result.status)) return [];
    const label = clockLabel(result, now);
    return [{ path: result.clockField, label, tooltip: clockTooltip(result, zone), moving: movesWithTime(result) }];
  });
}

/** Clocks with nothing to show after a trigger: no readable start, or a chained clock still waiting. */
const UNSTARTED: ReadonlySet<ClockStatus> = new Set(['clock-missing', 'waiting', 'predecessor-missing']);

function clockLabel(result: ClockResult, now: number): string {
  const { name } = result;
  switch (result.status) {
    case 'not-required':
      return `${name}: not required`;
    case 'no-decision':
      return `${name}: no decision recorded`;
    case 'window-missing':
      return `${name}: no window in the plan`;
    default:
      break;
  }
  // gdpr-art34 has no window: a notice is its whole verdict.
  if (result.dueAt === undefined) return `${name}: notified`;
  const due = `${name} due ${formatShortInstant(result.dueAt, 'UTC', now)}`;
  switch (result.status) {
    case 'met':
      return `${due}, met`;
    case 'late':
      return `${due}, late by ${formatDuration(result.lateByMs!)}`;
    case 'breached':
      return `${due}, breached ${formatDuration(result.lateByMs!)} ago`;
    default:
      return `${due}, ${formatDuration(result.remainingMs!)} left`;
  }
}

function movesWithTime(result: ClockResult): number | undefined {
  const running = result.status === 'open' || result.status === 'approaching' || result.status === 'breached';
  return running ? result.dueAt : undefined;
}

/** The regime in full, the due instant in UTC and in the plan's zone, and where the clock started. */
function clockTooltip(result: ClockResult, zone: string): string {
  const window = describeWindow(result.window);
  const counted = window ? `${window} from ${formatPath(result.clockField)}` : `from ${formatPath(result.clockField)}`;
  const fallback = result.awareFallback ? ' (notifications.aware_at is missing or unreadable, so the clock starts at detected_at)' : '';
  const due = result.dueAt === undefined ? '' : `: due ${formatInstant(result.dueAt)} (${formatInstant(result.dueAt, zone)})`;
  const closed = result.status === 'not-required' ? ' Closed by its entry under notifications.not_required.' : '';
  return `${result.title}${due}, ${counted}${fallback}.${closed} Source: ${result.source}.`;
}

// ---- Dates with a deadline meaning -----------------------------------------------------

/** A remediation or improvement item's `due`: the time left while it is open; met or late once done. */
function itemHints({ doc, zone, now }: HintContext): Hint[] {
  return trackedItems(doc).flatMap((item): Hint[] => {
    const due = parseDue(item.item.due, zone);
    if (!due) return [];
    const path = [...item.path, 'due'];
    const tooltip = `${itemName(item)} is due ${dueText(String(item.item.due).trim(), due.ms, due.dateOnly, zone)}`;
    if (item.status && OPEN_STATUSES.includes(item.status)) {
      return [{ path, label: countdown(due.ms, now, 'left', 'overdue by'), tooltip, moving: due.ms }];
    }
    const completed = item.status === 'done' ? parseInstant(item.item.completed_at, zone) : undefined;
    if (!completed) return [];
    const late = completed.ms - due.ms;
    return [{ path, label: late > 0 ? `done ${formatDuration(late)} late` : 'done in time', tooltip: `${tooltip}; completed ${formatInstant(completed.ms)}` }];
  });
}

/** The post-incident review the severity requires, after resolved_at. */
function reviewHints({ doc, data, plan, now }: HintContext): Hint[] {
  if (doc.kind !== 'Incident') return [];
  const deadline = reviewDeadline(data, plan);
  if (!deadline) return [];
  const { dueAt, zone, days, severity } = deadline;
  const label = `review due ${formatShortInstant(dueAt, 'UTC', now)}`;
  const tooltip = `${severity.id} requires a post-incident review within ${days} business day${days === 1 ? '' : 's'} of resolution: `
    + `due ${formatInstant(dueAt)} (${formatInstant(dueAt, zone)})`;
  const held = getIn(data, ['post_incident_review', 'held_at']);
  if (isPresent(held)) {
    const heldAt = parseInstant(held, zone)?.ms;
    if (heldAt === undefined) return [];
    return [{ path: ['resolved_at'], label: heldAt > dueAt ? `${label}, held ${formatDuration(heldAt - dueAt)} late` : `${label}, held`, tooltip }];
  }
  return [{ path: ['resolved_at'], label: `${label}, ${countdown(dueAt, now, 'left', 'overdue by')}`, tooltip, moving: dueAt }];
}

/** A waiver's `expires`: how long it still covers its finding, or since when it has not. */
function waiverHints({ data, zone, now }: HintContext): Hint[] {
  return list(data.waivers).flatMap((waiver, index): Hint[] => {
    const written = text(record(waiver).expires);
    const expires = parseDue(written, zone);
    if (!written || !expires) return [];
    const left = expires.ms - now;
    return [{
      path: ['waivers', index, 'expires'],
      label: left >= 0 ? `expires in ${formatDuration(left)}` : `expired ${formatDuration(left)} ago`,
      tooltip: `The waiver covers its finding until ${dueText(written.trim(), expires.ms, expires.dateOnly, zone)}`,
      moving: expires.ms,
    }];
  });
}

/** A runbook's `last_reviewed`: when the next review is due. */
function runbookHints({ doc, data, zone, now }: HintContext): Hint[] {
  if (doc.kind !== 'Runbook') return [];
  const review = runbookReview(data, zone);
  if (!review) return [];
  return [{
    path: ['last_reviewed'],
    label: `next review due ${formatShortInstant(review.dueAt, 'UTC', now)}, ${countdown(review.dueAt, now, 'left', 'overdue by')}`,
    tooltip: `Runbooks are reviewed every ${review.every.describe}: the next review is due ${formatInstant(review.dueAt)} (${formatInstant(review.dueAt, zone)})`,
    moving: review.dueAt,
  }];
}

/** `9 h left` before the instant, `overdue by 3 h` after it. */
function countdown(at: number, now: number, before: string, after: string): string {
  return at >= now ? `${formatDuration(at - now)} ${before}` : `${after} ${formatDuration(now - at)}`;
}

/** A date-only due is the end of that day in the plan's zone (SPEC 2). */
function dueText(written: string, ms: number, dateOnly: boolean, zone: string): string {
  return dateOnly ? `the end of ${written} in ${zone} (${formatInstant(ms)})` : formatInstant(ms);
}
