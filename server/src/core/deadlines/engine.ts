// Notification clocks of one incident (SPEC 2.4): which regimes apply, when each clock
// started, when it is due, and whether a notice or a not_required entry closed it in time.
// Pure: the incident is plain JS from YAML, the plan is given, "now" is a parameter.
import { getIn, isRecord, list, text } from '../model/data';
import type { PlanFacts } from '../model/plan';
import type { Horizon } from '../model/horizon';
import { businessDayDue, localTimeOn, monthsLater, planCalendar, usFederalCalendar, type BusinessCalendar } from './calendar';
import {
  CLOCK_PATHS,
  resolveRegimes,
  type ClockSpec,
  type IncidentFacts,
  type NoticeClock,
  type Regime,
  type RegimeWindow,
} from './regimes';
import { DAY_MS, HOUR_MS, endOfLocalDay, parseInstant, resolveZone } from '../model/time';
import type { YamlPath } from '../model/types';

export interface NotificationPlan {
  /** The plan's IANA `timezone`: offset-less timestamps are read in it; months end at 24:00 in it. */
  zone: string;
  /** `notification.regimes`: built-in ids or (the older form) plan regime objects. */
  regimes: readonly unknown[];
  /** `notification.regimes_custom`: the plan's own regimes, each in scope. */
  customRegimes?: readonly unknown[];
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
  /** Told the instants at which a result's status changes with time (model/horizon.ts). */
  horizon?: Horizon;
}

export type ClockStatus =
  | 'met' // notice at or before the due instant
  | 'late' // notice after the due instant (see hasDelayReason)
  | 'not-required' // closed by a not_required entry
  | 'breached' // no notice and now is after the due instant
  | 'approaching' // no notice, due within the warning lead
  | 'open' // no notice, due further off
  | 'clock-missing' // the clock field (decided_at, determined_at, …) is absent or unreadable
  | 'waiting' // a chained clock whose predecessor regime applies and has no notice yet: that regime speaks
  | 'predecessor-missing' // a chained clock with no predecessor notice and no predecessor regime running
  | 'no-decision' // gdpr-art34: neither a notice nor not_required, and no window to count
  | 'window-missing'; // the plan does not define the window (customer-dpa without customer_dpa_hours)

/** How a due instant reads as a local day: the end of `date`, or `cutoff` on it (EDGAR's 17:30). */
export interface DueDay {
  date: string;
  zone: string;
  cutoff?: string;
}

/** The second bound of a capped regime, when it is the one that set the due instant. */
export interface DueBound {
  /** YAML path of the field the bound counts from. */
  field: YamlPath;
  window: RegimeWindow;
  /** Set when the bound is a notice already sent for this regime (us-vt-ag: the resident notice). */
  notice?: string;
}

export interface ClockResult {
  regime: string;
  /** The regime's short name (`GDPR Art. 33`). */
  name: string;
  title: string;
  recipient: string;
  source: string;
  basis: Regime['basis'];
  window: RegimeWindow | undefined;
  /**
   * YAML path of the field the clock started at (`['detected_at']` when awareFallback; the
   * predecessor notice's `notified_at` for a chained clock; `notifications.notices` when
   * that notice is missing).
   */
  clockField: YamlPath;
  /** The regime a chained clock waits on (`dora-initial` for dora-intermediate). */
  predecessor?: string;
  /** Epoch ms of the clock start. */
  startsAt?: number;
  /** Epoch ms of the due instant; a notice at exactly this instant is on time. */
  dueAt?: number;
  /** The local day the due instant ends, when it is counted in days or months. */
  dueDay?: DueDay;
  /** Set when the regime's second bound (`at most 24 h from awareness`) came first. */
  boundBy?: DueBound;
  /** aware_at was absent, so the clock started at detected_at (the message must say so). */
  awareFallback: boolean;
  /** The warning lead used: the plan's warn_before_hours, or the regime's own when shorter. */
  warnBeforeMs: number;
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
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const lower = (j: string) => j.trim().toLowerCase();

/** The facts triggers look at, from SPEC 2.4's field locations. Only `true` counts as true. */
export function incidentFacts(incident: unknown): IncidentFacts {
  const investigation = field(incident, 'investigation');
  const personal = field(investigation, 'personal_data');
  const notifications = field(incident, 'notifications');
  const records = field(personal, 'records_affected');
  const byJurisdiction = field(personal, 'records_by_jurisdiction');
  const recordsByJurisdiction = new Map(
    (isRecord(byJurisdiction) ? Object.entries(byJurisdiction) : [])
      .filter((entry): entry is [string, number] => isCount(entry[1]))
      .map(([j, n]) => [lower(j), n]),
  );
  const listed = list(field(personal, 'jurisdictions')).filter((j): j is string => typeof j === 'string').map(lower);
  return {
    jurisdictions: new Set([...listed, ...[...recordsByJurisdiction].filter(([, n]) => n > 0).map(([j]) => j)]),
    personalData: field(personal, 'involved') === true,
    customerData: field(field(investigation, 'customer_data'), 'involved') === true,
    phi: field(personal, 'phi') === true,
    highRisk: field(personal, 'high_risk') === true,
    recordsAffected: isCount(records) ? records : undefined,
    recordsByJurisdiction,
    isBreach: field(field(notifications, 'breach_determination'), 'is_breach') === true,
    material: field(field(notifications, 'materiality'), 'material') === true,
    nydfsCovered: field(notifications, 'nydfs_covered') === true,
    nis2Significant: field(notifications, 'nis2_significant') === true,
    doraMajor: field(field(notifications, 'dora'), 'major') === true,
    bankIncident: field(field(notifications, 'bank_incident'), 'notification_incident') === true,
    secRegSpCovered: field(notifications, 'sec_regsp_covered') === true,
    ftcSafeguardsCovered: field(notifications, 'ftc_safeguards_covered') === true,
  };
}

/** An instant from YAML: RFC 3339 text, or a Date if a YAML 1.1 loader produced one. */
function instant(v: unknown, zone: string): number | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.getTime();
  return parseInstant(v, zone)?.ms;
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

/** The earliest (or latest) readable notice for a regime; ties go to the first listed. */
function findNotice(notices: unknown[], regime: string, zone: string, which: NoticeClock['which'] = 'earliest'): Notice | undefined {
  let best: Notice | undefined;
  notices.forEach((entry, index) => {
    if (regimeOf(entry) !== regime) return;
    const at = instant(field(entry, 'notified_at'), zone);
    if (at === undefined || (best && (which === 'earliest' ? best.at <= at : best.at >= at))) return;
    best = { index, at, hasDelayReason: text(field(entry, 'delay_reason')) !== undefined };
  });
  return best;
}

const noticePath = (index: number): YamlPath => ['notifications', 'notices', index, 'notified_at'];

interface ClockStart {
  ms: number;
  field: YamlPath;
  fallback: boolean;
}

/** What one incident's clocks read, shared by every regime. */
interface Reading {
  incident: unknown;
  zone: string;
  notices: unknown[];
  calendar: (window: RegimeWindow) => BusinessCalendar;
}

/** Where a clock starts: an incident field, or a notice already sent for another regime. */
function clockStart(spec: ClockSpec, reading: Reading): ClockStart | undefined {
  const { incident, zone } = reading;
  if (typeof spec !== 'string') {
    const notice = findNotice(reading.notices, spec.notice, zone, spec.which);
    return notice && { ms: notice.at, field: noticePath(notice.index), fallback: false };
  }
  const ms = instant(getIn(incident, CLOCK_PATHS[spec]), zone);
  if (ms !== undefined) return { ms, field: [...CLOCK_PATHS[spec]], fallback: false };
  if (spec !== 'aware_at') return undefined;
  // SPEC 2.4: without aware_at the clock starts at detected_at, the earliest defensible moment.
  const detected = instant(field(incident, 'detected_at'), zone);
  return detected === undefined ? undefined : { ms: detected, field: ['detected_at'], fallback: true };
}

interface Due {
  ms: number;
  day?: DueDay;
}

const hhmm = (c: { hour: number; minute: number }) => `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;

/**
 * Hours run continuously; calendar days are N × 24 h from the instant (the earliest reading);
 * business days end at the end of the last day, or at its cut-off time; months end at the end
 * of the day with the same date N months on (REGIMES.md, Counting; Reg. 1182/71 Art. 3).
 */
function dueOf(startMs: number, window: RegimeWindow, reading: Reading): Due | undefined {
  switch (window.unit) {
    case 'hours':
      return { ms: startMs + window.amount * HOUR_MS };
    case 'calendar_days':
      return { ms: startMs + window.amount * DAY_MS };
    case 'business_days': {
      const cal = reading.calendar(window);
      const zone = resolveZone(cal.zone);
      const date = businessDayDue(startMs, window.amount, cal);
      if (date === undefined) return undefined;
      const cutoff = window.cutoff;
      const ms = cutoff ? localTimeOn(date, cutoff.hour, cutoff.minute, zone) : endOfLocalDay(date, zone);
      return ms === undefined ? undefined : { ms, day: { date, zone, ...(cutoff ? { cutoff: hhmm(cutoff) } : {}) } };
    }
    case 'months': {
      const date = monthsLater(startMs, window.amount, reading.zone);
      const ms = date === undefined ? undefined : endOfLocalDay(date, reading.zone);
      return ms === undefined ? undefined : { ms, day: { date: date!, zone: reading.zone } };
    }
    case 'none':
      return undefined;
  }
}

/** The due of a capped regime: the earlier of its own and its cap's (a cap that cannot start bounds nothing). */
function cappedDue(regime: Regime, own: Due, reading: Reading): { due: Due; boundBy?: DueBound } {
  const cap = regime.cap;
  const start = cap && clockStart(cap.clock, reading);
  const capDue = start && dueOf(start.ms, cap.window, reading);
  if (!cap || !start || !capDue || capDue.ms >= own.ms) return { due: own };
  const notice = typeof cap.clock === 'string' ? {} : { notice: cap.clock.notice };
  return { due: capDue, boundBy: { field: start.field, window: cap.window, ...notice } };
}

/** Every applicable regime's clock, in the plan's order. Never throws on malformed incidents. */
export function evaluateNotificationClocks(input: NotificationInput): ClockResult[] {
  const { incident, plan, now } = input;
  const zone = resolveZone(plan.zone);
  const planWarnHours = typeof plan.warnBeforeHours === 'number' && plan.warnBeforeHours >= 0 ? plan.warnBeforeHours : DEFAULT_WARN_HOURS;
  const facts = incidentFacts(incident);
  const notifications = field(incident, 'notifications');
  const notRequired = list(field(notifications, 'not_required'));
  let federal: BusinessCalendar | undefined;
  let newYorkWeekdays: BusinessCalendar | undefined;
  const reading: Reading = {
    incident,
    zone,
    notices: list(field(notifications, 'notices')),
    calendar: (w) => w.calendar === 'us-federal' ? (federal ??= usFederalCalendar())
      : w.calendar === 'mon-fri-new-york' ? (newYorkWeekdays ??= planCalendar('America/New_York'))
        : plan.calendar ?? planCalendar(zone),
  };

  const { regimes } = resolveRegimes(plan.regimes, { customerDpaHours: plan.customerDpaHours, custom: plan.customRegimes });
  const applicable = regimes.filter((r) => r.trigger(facts) && (!r.requiresBreach || facts.isBreach));
  const applies = new Set(applicable.map((r) => r.id));
  return applicable.map((r): ClockResult => {
    const lead = r.warnLeadHours !== undefined ? Math.min(planWarnHours, r.warnLeadHours) : planWarnHours;
    const result: ClockResult = {
      regime: r.id,
      name: r.name,
      title: r.title,
      recipient: r.recipient,
      source: r.source,
      basis: r.basis,
      window: r.window,
      clockField: typeof r.clock === 'string' ? [...CLOCK_PATHS[r.clock]] : ['notifications', 'notices'],
      ...(typeof r.clock === 'string' ? {} : { predecessor: r.clock.notice }),
      awareFallback: false,
      warnBeforeMs: lead * HOUR_MS,
      status: 'open',
    };
    const notRequiredIndex = notRequired.findIndex((e) => regimeOf(e) === r.id);
    // A recorded decision not to notify closes the regime, whatever else was sent.
    if (notRequiredIndex >= 0) return { ...result, status: 'not-required', notRequiredIndex };

    const start = clockStart(r.clock, reading);
    if (start) Object.assign(result, { startsAt: start.ms, clockField: start.field, awareFallback: start.fallback });
    const notice = findNotice(reading.notices, r.id, zone);
    if (notice) Object.assign(result, { noticeIndex: notice.index, notifiedAt: notice.at, hasDelayReason: notice.hasDelayReason });

    // gdpr-art34 has no number to count: only the decision is checked.
    if (r.window?.unit === 'none') return { ...result, status: notice ? 'met' : 'no-decision' };
    if (!start) {
      if (typeof r.clock === 'string') return { ...result, status: 'clock-missing' };
      // A chained clock: while its predecessor regime applies and has no notice, that regime's
      // own finding or countdown speaks; otherwise nothing else asks for the missing notice.
      return { ...result, status: applies.has(r.clock.notice) ? 'waiting' : 'predecessor-missing' };
    }
    const own = r.window && dueOf(start.ms, r.window, reading);
    if (own === undefined) return { ...result, status: 'window-missing' };
    const { due, boundBy } = cappedDue(r, own, reading);
    Object.assign(result, { dueAt: due.ms }, due.day ? { dueDay: due.day } : {}, boundBy ? { boundBy } : {});

    if (notice) {
      return notice.at <= due.ms ? { ...result, status: 'met' } : { ...result, status: 'late', lateByMs: notice.at - due.ms };
    }
    input.horizon?.changesAt(due.ms - result.warnBeforeMs, due.ms + 1);
    const status = clockVerdict(due.ms, now, result.warnBeforeMs);
    return status === 'breached' ? { ...result, status, lateByMs: now - due.ms } : { ...result, status, remainingMs: due.ms - now };
  });
}

/** A running clock's state at `now` (no notice has closed it): past due, due within its warning lead, or further off. */
export type RunningClockStatus = Extract<ClockStatus, 'breached' | 'approaching' | 'open'>;

/** The state of a clock no notice has closed, at `now`, with its warning lead (ClockResult.warnBeforeMs). */
export function clockVerdict(dueAt: number, now: number, warnBeforeMs: number): RunningClockStatus {
  if (now > dueAt) return 'breached';
  return dueAt - now <= warnBeforeMs ? 'approaching' : 'open';
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
    customRegimes: plan?.regimesCustom ?? [],
    ...(plan?.customerDpaHours !== undefined ? { customerDpaHours: plan.customerDpaHours } : {}),
    ...(plan ? { warnBeforeHours: plan.warnBeforeHours } : {}),
    calendar: planCalendar(zone, plan?.businessDays.weekdays, plan?.businessDays.holidays),
  };
}
