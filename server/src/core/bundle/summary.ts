// What the registers, the coverage matrix, the gaps and the index need of one record, read
// from its data (the redacted data under --redact), small enough to keep for 10,000 records.
// Deadlines come from the core (the notification engine, the business-day calendar); nothing
// here computes a deadline of its own.
import {
  endOfDayAfterBusinessDays,
  evaluateNotificationClocks,
  getIn,
  isRecord,
  list,
  missingEvidence,
  describeMissing,
  notificationPlanFrom,
  parseDoneAt,
  parseDue,
  parseInstant,
  planCalendar,
  record,
  records,
  resolveZone,
  severityOf,
  strings,
  text,
  type ClockResult,
  type Kind,
  type PlanFacts,
} from './core-api';
import { inPeriod, type Period } from './period';

/** Why a record is in the bundle; undefined: it is not. */
export type Selection = 'detected-in-period' | 'open-in-period' | 'held-in-period' | 'undated' | 'program-document';

/** A remediation item (Incident) or an improvement (TabletopExercise). */
export interface TrackedRow {
  section: 'remediation' | 'improvements';
  id?: string;
  action?: string;
  owner?: string;
  ticket?: string;
  /** As written: a date or a timestamp. */
  due?: string;
  status?: string;
  completedAt?: number;
  evidence?: string;
  /** Open or in progress past its due instant at the as-of. */
  overdue: boolean;
}

export interface ClockRow {
  regime: string;
  title: string;
  recipient: string;
  /** The field the clock started at, `notifications.aware_at`. */
  clockField: string;
  startsAt?: number;
  dueAt?: number;
  status: ClockResult['status'];
  notifiedAt?: number;
  hasDelayReason?: boolean;
  /** How late a late notice was, or how overdue a breached clock is at the as-of. */
  lateByMs?: number;
}

export interface WaiverRow {
  rule?: string;
  target?: string;
  reason?: string;
  approvedBy?: string;
  approvedAt?: string;
  expires?: string;
  /** Not yet expired at the as-of (the same test as the core's waiver policy). */
  live: boolean;
}

export interface PlanReviewRow {
  at?: number;
  reviewers: string[];
  changes?: string;
}

export interface PlanSummary {
  organization?: string;
  zone: string;
  approvedBy?: string;
  approvedAt?: number;
  reviews: PlanReviewRow[];
  monitoring: { system?: string; sources: string[] }[];
  /** `record_opened_within_hours` when set. */
  openedWithinHours?: number;
}

export interface RecordSummary {
  /** Workspace-relative, `/` separators. */
  path: string;
  kind: Kind;
  id?: string;
  title?: string;
  selection?: Selection;
  severity?: string;
  status?: string;
  category?: string;
  detectedAt?: number;
  detectionSource?: string;
  triagedAt?: number;
  outcome?: string;
  /** A SecurityEvent's escalation target. */
  incident?: string;
  firstContainmentAt?: number;
  resolvedAt?: number;
  closedAt?: number;
  review?: { required: boolean; dueAt?: number; heldAt?: number };
  /** Evidence the incident's phase lacks (SPEC 2.3), as messages name it. */
  missingEvidence: string[];
  heldAt?: number;
  facilitator?: string;
  participants?: number;
  runbooks: string[];
  findingsRecorded?: number;
  owner?: string;
  lastReviewed?: string;
  items: TrackedRow[];
  clocks: ClockRow[];
  waivers: WaiverRow[];
  plan?: PlanSummary;
}

export interface SummaryContext {
  plan: PlanFacts | undefined;
  now: number;
  period: Period;
}

const OPEN_ITEM = new Set(['open', 'in-progress']);

export function summarize(path: string, kind: Kind, data: Record<string, unknown>, context: SummaryContext): RecordSummary {
  const zone = context.plan?.timezone ?? 'UTC';
  const at = (value: unknown) => parseInstant(value, zone)?.ms;
  const triage = record(data.triage);
  const summary: RecordSummary = {
    path,
    kind,
    id: text(data.id),
    title: text(data.title),
    severity: text(data.severity),
    status: kind === 'Incident' ? text(data.status) : undefined,
    category: text(data.category),
    detectedAt: at(data.detected_at),
    detectionSource: text(data.detection_source),
    triagedAt: at(triage.assessed_at),
    outcome: text(triage.outcome),
    incident: kind === 'SecurityEvent' ? text(data.incident) : undefined,
    missingEvidence: kind === 'Incident' ? missingEvidence(data, context.plan).map(describeMissing) : [],
    runbooks: kind === 'TabletopExercise' ? strings(data.runbooks_exercised) ?? [] : [],
    items: trackedRows(kind, data, zone, context.now),
    clocks: kind === 'Incident' ? clockRows(data, context) : [],
    waivers: records(data.waivers).map((waiver) => waiverRow(waiver, zone, context.now)),
  };
  if (kind === 'Incident') Object.assign(summary, incidentDates(data, context));
  if (kind === 'TabletopExercise') {
    Object.assign(summary, {
      heldAt: at(data.held_at),
      facilitator: text(data.facilitator),
      participants: list(data.participants).length,
      findingsRecorded: list(data.findings).length,
    });
  }
  if (kind === 'Runbook') Object.assign(summary, { owner: text(data.owner), lastReviewed: text(data.last_reviewed) });
  if (kind === 'ResponsePlan') summary.plan = planSummary(data);
  summary.selection = select(summary, context.period);
  return summary;
}

function incidentDates(data: Record<string, unknown>, context: SummaryContext): Partial<RecordSummary> {
  const plan = context.plan;
  const zone = plan?.timezone ?? 'UTC';
  const at = (path: (string | number)[]) => parseInstant(getIn(data, path), zone)?.ms;
  const containment = records(data.containment).map((action) => parseInstant(action.at, zone)?.ms)
    .filter((ms): ms is number => ms !== undefined);
  const resolvedAt = at(['resolved_at']);
  const severity = severityOf(data, plan);
  const days = severity?.reviewDueBusinessDays;
  const dueAt = severity?.reviewRequired && resolvedAt !== undefined && days !== undefined && plan
    ? endOfDayAfterBusinessDays(resolvedAt, days, planCalendar(zone, plan.businessDays.weekdays, plan.businessDays.holidays))
    : undefined;
  return {
    firstContainmentAt: containment.length ? Math.min(...containment) : undefined,
    resolvedAt,
    closedAt: at(['closed_at']),
    review: { required: severity?.reviewRequired ?? false, dueAt, heldAt: at(['post_incident_review', 'held_at']) },
  };
}

/**
 * SPEC 6: incidents and events detected, or still open, within the period (an incident is
 * open until closed_at, an event until its triage); tabletop exercises held within it; the
 * plan and the runbooks always. A record whose date cannot be read is kept ("undated"):
 * leaving it out would hide it from the auditor.
 */
function select(summary: RecordSummary, period: Period): Selection | undefined {
  if (summary.kind === 'ResponsePlan' || summary.kind === 'Runbook') return 'program-document';
  if (summary.kind === 'TabletopExercise') {
    if (summary.heldAt === undefined) return 'undated';
    return inPeriod(summary.heldAt, period) ? 'held-in-period' : undefined;
  }
  if (summary.detectedAt === undefined) return 'undated';
  if (inPeriod(summary.detectedAt, period)) return 'detected-in-period';
  const endsAt = summary.kind === 'Incident' ? summary.closedAt : summary.triagedAt;
  return summary.detectedAt < period.start && (endsAt === undefined || endsAt >= period.start) ? 'open-in-period' : undefined;
}

function trackedRows(kind: Kind, data: Record<string, unknown>, zone: string, now: number): TrackedRow[] {
  const section = kind === 'Incident' ? 'remediation' : kind === 'TabletopExercise' ? 'improvements' : undefined;
  if (!section) return [];
  return records(data[section]).map((item) => {
    const status = text(item.status);
    const due = typeof item.due === 'string' ? item.due.trim() : undefined;
    const dueAt = parseDue(due, zone)?.ms;
    return {
      section,
      id: text(item.id),
      action: text(item.action),
      owner: text(item.owner),
      ticket: text(item.ticket),
      due,
      status,
      completedAt: parseInstant(item.completed_at, zone)?.ms,
      evidence: text(item.evidence),
      overdue: status !== undefined && OPEN_ITEM.has(status) && dueAt !== undefined && now > dueAt,
    };
  });
}

function clockRows(data: Record<string, unknown>, context: SummaryContext): ClockRow[] {
  return evaluateNotificationClocks({ incident: data, plan: notificationPlanFrom(context.plan), now: context.now }).map((clock) => ({
    regime: clock.regime,
    title: clock.title,
    recipient: clock.recipient,
    clockField: clock.clockField.join('.'),
    startsAt: clock.startsAt,
    dueAt: clock.dueAt,
    status: clock.status,
    notifiedAt: clock.notifiedAt,
    hasDelayReason: clock.hasDelayReason,
    lateByMs: clock.lateByMs,
  }));
}

function waiverRow(waiver: Record<string, unknown>, zone: string, now: number): WaiverRow {
  const expires = typeof waiver.expires === 'string' ? waiver.expires : undefined;
  const expiresAt = parseDue(expires, zone)?.ms;
  return {
    rule: text(waiver.rule),
    target: text(waiver.target),
    reason: text(waiver.reason),
    approvedBy: text(waiver.approved_by),
    approvedAt: text(waiver.approved_at),
    expires,
    live: expiresAt !== undefined && now <= expiresAt,
  };
}

function planSummary(data: Record<string, unknown>): PlanSummary {
  const zone = resolveZone(data.timezone);
  const approved = record(data.approved);
  const hours = data.record_opened_within_hours;
  return {
    organization: text(data.organization),
    zone,
    approvedBy: text(approved.by),
    approvedAt: parseInstant(approved.at, zone)?.ms,
    reviews: records(data.reviews).map((review) => ({
      at: parseDoneAt(review.at, zone)?.ms,
      reviewers: strings(review.reviewers) ?? [],
      changes: text(review.changes),
    })),
    monitoring: list(data.monitoring).filter(isRecord).map((entry) => ({ system: text(entry.system), sources: strings(entry.sources) ?? [] })),
    openedWithinHours: typeof hours === 'number' && Number.isFinite(hours) && hours >= 0 ? hours : undefined,
  };
}
