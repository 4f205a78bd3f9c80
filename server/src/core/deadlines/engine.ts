// Notification clocks of one incident (SPEC 2.4): which regimes apply, when each clock
// started, when it is due, and whether a notice or a not_required entry closed it in time.
// Pure: the incident is plain JS from YAML, the plan is given, "now" is a parameter.
import { getIn, isRecord, list, text } from '../model/data';
import type { PlanFacts } from '../model/plan';
import { addBusinessDays, planCalendar, usFederalCalendar, type BusinessCalendar } from './calendar';
import { CLOCK_PATHS, resolveRegimes, type ClockName, type IncidentFacts, type Regime, type RegimeWindow } from './regimes';
import { DAY_MS, HOUR_MS, parseInstant, resolveZone } from '../model/time';

export interface NotificationPlan {
  /** The plan's IANA `timezone`: offset-less timestamps are read in it. */
  zone: string;
  /** `notification.regimes`: built-in ids or plan regime objects. */
  regimes: readonly unknown[];
  /** `notification.customer_dpa_hours`; without it customer-dpa is `window-missing`. */
  customerDpaHours?: number;
  /** `notification.warn_before_hours`, default 24. */
  warnBeforeHours?: number;
  /** The plan's `business_days`, for plan regimes counted in business days. */
  calendar: BusinessCalendar;
}

export interface NotificationInput {
  incident: unknown;
  plan: NotificationPlan;
  /** Epoch milliseconds. */
  now: number;
}

export type ClockStatus =
  | 'met' // notice at or before the due instant
  | 'late' // notice after the due instant (see hasDelayReason)
  | 'not-required' // closed by a not_required entry
  | 'breached' // no notice and now is after the due instant
  | 'approaching' // no notice, due within warnBeforeHours
  | 'open' // no notice, due further off
  | 'clock-missing' // the clock field (decided_at, determined_at, …) is absent or unreadable
  | 'no-decision' // gdpr-art34: neither a notice nor not_required, and no window to count
  | 'window-missing'; // the plan does not define the window (customer-dpa without customer_dpa_hours)

export interface ClockResult {
  regime: string;
  title: string;
  recipient: string;
  source: string;
  window: RegimeWindow | undefined;
  /** YAML path of the field the clock started at (`['detected_at']` when awareFallback). */
  clockField: string[];
  /** Epoch ms of the clock start. */
  startsAt?: number;
  /** Epoch ms of the due instant; a notice at exactly this instant is on time. */
  dueAt?: number;
  /** aware_at was absent, so the clock started at detected_at (the message must say so). */
  awareFallback: boolean;
  status: ClockStatus;
  /** Index in `notifications.notices` of the earliest notice for this regime. */
  noticeIndex?: number;
  notifiedAt?: number;
  /** Whether that notice gives a `delay_reason`. */
  hasDelayReason?: boolean;
  /** Index in `notifications.not_required` of the entry that closed the regime. */
  notRequiredIndex?: number;
  /** `late`: notifiedAt − dueAt; `breached`: now − dueAt. */
  lateByMs?: number;
  /** `approaching` and `open`: dueAt − now. */
  remainingMs?: number;
}

const DEFAULT_WARN_HOURS = 24;

/** A property of an object; anything else (wrong type, absent) reads as undefined. */
const field = (v: unknown, key: string): unknown => (isRecord(v) ? v[key] : undefined);

/** The facts triggers look at, from SPEC 2.4's field locations. Only `true` counts as true. */
export function incidentFacts(incident: unknown): IncidentFacts {
  const investigation = field(incident, 'investigation');
  const personal = field(investigation, 'personal_data');
  const notifications = field(incident, 'notifications');
  const records = field(personal, 'records_affected');
  return {
    jurisdictions: new Set(
      list(field(personal, 'jurisdictions'))
        .filter((j): j is string => typeof j === 'string')
        .map((j) => j.trim().toLowerCase()),
    ),
    personalData: field(personal, 'involved') === true,
    customerData: field(field(investigation, 'customer_data'), 'involved') === true,
    phi: field(personal, 'phi') === true,
    highRisk: field(personal, 'high_risk') === true,
    recordsAffected: typeof records === 'number' && Number.isFinite(records) ? records : undefined,
    isBreach: field(field(notifications, 'breach_determination'), 'is_breach') === true,
    material: field(field(notifications, 'materiality'), 'material') === true,
    nydfsCovered: field(notifications, 'nydfs_covered') === true,
    nis2Significant: field(notifications, 'nis2_significant') === true,
  };
}

/** An instant from YAML: RFC 3339 text, or a Date if a YAML 1.1 loader produced one. */
function instant(v: unknown, zone: string): number | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.getTime();
  return parseInstant(v, zone)?.ms;
}

interface ClockStart {
  ms: number;
  field: string[];
  fallback: boolean;
}

function clockStart(incident: unknown, clock: ClockName, zone: string): ClockStart | undefined {
  const ms = instant(getIn(incident, CLOCK_PATHS[clock]), zone);
  if (ms !== undefined) return { ms, field: [...CLOCK_PATHS[clock]], fallback: false };
  if (clock !== 'aware_at') return undefined;
  // SPEC 2.4: without aware_at the clock starts at detected_at, the earliest defensible moment.
  const detected = instant(field(incident, 'detected_at'), zone);
  return detected === undefined ? undefined : { ms: detected, field: ['detected_at'], fallback: true };
}

const regimeOf = (entry: unknown): string | undefined => {
  const r = field(entry, 'regime');
  return typeof r === 'string' ? r.trim() : undefined;
};

interface Notice {
  index: number;
  at: number;
  hasDelayReason: boolean;
}

/** The earliest readable notice for a regime: that is the one that counts. */
function earliestNotice(notices: unknown[], regime: string, zone: string): Notice | undefined {
  let best: Notice | undefined;
  notices.forEach((entry, index) => {
    if (regimeOf(entry) !== regime) return;
    const at = instant(field(entry, 'notified_at'), zone);
    if (at === undefined || (best && best.at <= at)) return;
    best = { index, at, hasDelayReason: text(field(entry, 'delay_reason')) !== undefined };
  });
  return best;
}

/** Hours run continuously; calendar days are N × 24 h (REGIMES.md, Counting). */
function dueInstant(startMs: number, window: RegimeWindow, calendar: () => BusinessCalendar): number | undefined {
  switch (window.unit) {
    case 'hours':
      return startMs + window.amount * HOUR_MS;
    case 'calendar_days':
      return startMs + window.amount * DAY_MS;
    case 'business_days':
      return addBusinessDays(startMs, window.amount, calendar());
    case 'none':
      return undefined;
  }
}

/** Every applicable regime's clock, in the plan's order. Never throws on malformed incidents. */
export function evaluateNotificationClocks(input: NotificationInput): ClockResult[] {
  const { incident, plan, now } = input;
  const zone = resolveZone(plan.zone);
  const warnMs =
    (typeof plan.warnBeforeHours === 'number' && plan.warnBeforeHours >= 0 ? plan.warnBeforeHours : DEFAULT_WARN_HOURS) * HOUR_MS;
  const facts = incidentFacts(incident);
  const notifications = field(incident, 'notifications');
  const notices = list(field(notifications, 'notices'));
  const notRequired = list(field(notifications, 'not_required'));
  let federal: BusinessCalendar | undefined;
  const calendarFor = (r: Regime) => () =>
    r.window?.calendar === 'us-federal' ? (federal ??= usFederalCalendar()) : (plan.calendar ?? planCalendar(zone));

  const { regimes } = resolveRegimes(plan.regimes, { customerDpaHours: plan.customerDpaHours });
  return regimes
    .filter((r) => r.trigger(facts) && (!r.requiresBreach || facts.isBreach))
    .map((r): ClockResult => {
      const result: ClockResult = {
        regime: r.id,
        title: r.title,
        recipient: r.recipient,
        source: r.source,
        window: r.window,
        clockField: [...CLOCK_PATHS[r.clock]],
        awareFallback: false,
        status: 'open',
      };
      const notRequiredIndex = notRequired.findIndex((e) => regimeOf(e) === r.id);
      // A recorded decision not to notify closes the regime, whatever else was sent.
      if (notRequiredIndex >= 0) return { ...result, status: 'not-required', notRequiredIndex };

      const start = clockStart(incident, r.clock, zone);
      if (start) Object.assign(result, { startsAt: start.ms, clockField: start.field, awareFallback: start.fallback });
      const notice = earliestNotice(notices, r.id, zone);
      if (notice) Object.assign(result, { noticeIndex: notice.index, notifiedAt: notice.at, hasDelayReason: notice.hasDelayReason });

      // gdpr-art34 has no number to count: only the decision is checked.
      if (r.window?.unit === 'none') return { ...result, status: notice ? 'met' : 'no-decision' };
      if (!start) return { ...result, status: 'clock-missing' };
      const due = r.window && dueInstant(start.ms, r.window, calendarFor(r));
      if (due === undefined) return { ...result, status: 'window-missing' };
      result.dueAt = due;

      if (notice) {
        return notice.at <= due ? { ...result, status: 'met' } : { ...result, status: 'late', lateByMs: notice.at - due };
      }
      if (now > due) return { ...result, status: 'breached', lateByMs: now - due };
      return { ...result, status: due - now <= warnMs ? 'approaching' : 'open', remainingMs: due - now };
    });
}

const OPEN: ReadonlySet<ClockStatus> = new Set(['breached', 'approaching', 'open']);

/** The clocks still running or overdue (no notice yet), soonest due first: for code lenses and the tree. */
export function openClocks(results: readonly ClockResult[]): ClockResult[] {
  return results
    .filter((r) => OPEN.has(r.status))
    .sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.regime.localeCompare(b.regime));
}

/** The engine's plan input from the governing plan's facts; without a plan: UTC, Mon–Fri, no regimes. */
export function notificationPlanFrom(plan: PlanFacts | undefined): NotificationPlan {
  const zone = resolveZone(plan?.timezone);
  return {
    zone,
    regimes: plan?.regimes ?? [],
    ...(plan?.customerDpaHours !== undefined ? { customerDpaHours: plan.customerDpaHours } : {}),
    ...(plan ? { warnBeforeHours: plan.warnBeforeHours } : {}),
    calendar: planCalendar(zone, plan?.businessDays.weekdays, plan?.businessDays.holidays),
  };
}
