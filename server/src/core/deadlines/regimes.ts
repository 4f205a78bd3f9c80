// The notification regimes as data: the built-in catalog (every fact sourced in REGIMES.md and
// REGIMES-candidates.md, law or secondary only) and the plan's own regimes
// (`notification.regimes_custom`, and the older objects inside `notification.regimes`), in one shape.
import { isRecord } from '../model/data';

/** An incident field a regime's clock can start at (SPEC 2.4). */
export type ClockName = 'aware_at' | 'decided_at' | 'determined_at' | 'detected_at' | 'classified_at' | 'bank_determined_at';

/** The YAML path of each clock field inside an Incident. */
export const CLOCK_PATHS: Readonly<Record<ClockName, readonly string[]>> = {
  aware_at: ['notifications', 'aware_at'],
  decided_at: ['notifications', 'breach_determination', 'decided_at'],
  determined_at: ['notifications', 'materiality', 'determined_at'],
  detected_at: ['detected_at'],
  classified_at: ['notifications', 'dora', 'classified_at'],
  bank_determined_at: ['notifications', 'bank_incident', 'determined_at'],
};

/** The clock fields a plan may name for its own regimes (`bank_determined_at` is the bank rule's alone). */
export const PLAN_CLOCKS: readonly ClockName[] = ['aware_at', 'decided_at', 'determined_at', 'detected_at', 'classified_at'];

/**
 * A chained clock: it starts when a notice already recorded for another regime was sent
 * (`notifications.notices[regime].notified_at`): the earliest such notice (a first submission)
 * or the latest (DORA's final report runs from the latest updated intermediate report).
 */
export interface NoticeClock {
  notice: string;
  which: 'earliest' | 'latest';
}

export type ClockSpec = ClockName | NoticeClock;

/** What a trigger may look at, read defensively from the incident (absent = false). */
export interface IncidentFacts {
  /**
   * `investigation.personal_data.jurisdictions`, lower-cased, and every jurisdiction with a
   * count above zero in `records_by_jurisdiction` (residents counted there were affected).
   */
  jurisdictions: ReadonlySet<string>;
  personalData: boolean;
  customerData: boolean;
  phi: boolean;
  highRisk: boolean;
  recordsAffected: number | undefined;
  /** `investigation.personal_data.records_by_jurisdiction`, keys lower-cased. */
  recordsByJurisdiction: ReadonlyMap<string, number>;
  isBreach: boolean;
  material: boolean;
  nydfsCovered: boolean;
  nis2Significant: boolean;
  /** `notifications.dora.major`: a major ICT-related incident under DORA. */
  doraMajor: boolean;
  /** `notifications.bank_incident.notification_incident`: a notification incident under the US bank rule. */
  bankIncident: boolean;
  secRegSpCovered: boolean;
  ftcSafeguardsCovered: boolean;
}

export interface RegimeWindow {
  unit: 'hours' | 'calendar_days' | 'business_days' | 'months' | 'none';
  amount: number;
  /**
   * For business days: `us-federal` (Mon–Fri without US federal holidays, New York), or
   * `mon-fri-new-york` (Mon–Fri, no holidays: the earliest reading of a state's business days
   * when its holiday list is not verified); absent = the plan's calendar.
   */
  calendar?: 'us-federal' | 'mon-fri-new-york';
  /** For business days: the due is this local time of the last day instead of its end (EDGAR's 17:30). */
  cutoff?: { hour: number; minute: number };
}

/** A second bound ("and at most …"): the due is the earlier of the two. */
export interface RegimeCap {
  clock: ClockSpec;
  window: RegimeWindow;
}

export interface Regime {
  id: string;
  /** A short name for tight places (inlay hints, lenses): `GDPR Art. 33`; a plan regime's id. */
  name: string;
  title: string;
  recipient: string;
  trigger: (facts: IncidentFacts) => boolean;
  /** False only where the trigger needs no breach determination (customer-dpa, nydfs-500.17, DORA, the bank rule). */
  requiresBreach: boolean;
  clock: ClockSpec;
  /** Undefined when the plan does not define it: the clock cannot be computed (`window-missing`). */
  window: RegimeWindow | undefined;
  cap?: RegimeCap;
  /**
   * The regime's own warning lead in hours, used when shorter than the plan's
   * warn_before_hours: a 4 h clock cannot use a 24 h warning.
   */
  warnLeadHours?: number;
  /** Where the window comes from (REGIMES.md), or the plan key for the plan's own regimes. */
  source: string;
  /** REGIMES.md status of the source: law, secondary, policy; `plan` for plan regimes. */
  basis: 'law' | 'secondary' | 'policy' | 'plan';
  definedBy: 'built-in' | 'plan';
}

const hours = (amount: number): RegimeWindow => ({ unit: 'hours', amount });
const calendarDays = (amount: number): RegimeWindow => ({ unit: 'calendar_days', amount });
const months = (amount: number): RegimeWindow => ({ unit: 'months', amount });
const inJurisdiction = (...ids: string[]) => (f: IncidentFacts) => ids.some((id) => f.jurisdictions.has(id));
const firstNotice = (regime: string): NoticeClock => ({ notice: regime, which: 'earliest' });

/**
 * Residents of one jurisdiction affected: its `records_by_jurisdiction` count, or
 * `records_affected` when it is the only jurisdiction listed (then every record is theirs).
 */
export function residentsOf(f: IncidentFacts, jurisdiction: string): number | undefined {
  const counted = f.recordsByJurisdiction.get(jurisdiction);
  if (counted !== undefined) return counted;
  return f.jurisdictions.size === 1 && f.jurisdictions.has(jurisdiction) ? f.recordsAffected : undefined;
}

/** HIPAA media notice: more than 500 residents of one State or jurisdiction (the `us-*` codes). */
function moreThan500InOneState(f: IncidentFacts): boolean {
  return [...f.jurisdictions].some((j) => j.startsWith('us-') && (residentsOf(f, j) ?? 0) > 500);
}

type BuiltIn = Omit<Regime, 'definedBy'>;

/** A state breach law: residents of `code`, N calendar days from its own trigger field. */
function stateLaw(code: string, state: string, clock: 'aware_at' | 'decided_at', days: number, source: string, basis: 'law' | 'secondary'): BuiltIn {
  return {
    id: code, name: state, title: `${state} breach notice to residents`, recipient: `${state} residents`,
    trigger: inJurisdiction(code), requiresBreach: true, clock, window: calendarDays(days), source, basis,
  };
}

/**
 * The built-in catalog. customer-dpa's window is filled from `customer_dpa_hours` by
 * `resolveRegimes`. Left out (see docs/rules/notification-deadline.md): rows marked check
 * (CIRCIA), duties with no number (bank service providers, PIPEDA), and us-ok-ag.
 */
export const BUILTIN_REGIMES: readonly BuiltIn[] = [
  {
    // 72 h from awareness; a late notice must give reasons (Art. 33(1)).
    id: 'gdpr-art33', name: 'GDPR Art. 33', title: 'GDPR Art. 33 notice to the supervisory authority', recipient: 'supervisory authority',
    trigger: inJurisdiction('eu'), requiresBreach: true, clock: 'aware_at', window: hours(72),
    source: 'GDPR Art. 33(1); WP250', basis: 'law',
  },
  {
    // As GDPR; weekends and bank holidays included.
    id: 'uk-gdpr-art33', name: 'UK GDPR Art. 33', title: 'UK GDPR Art. 33 notice to the ICO', recipient: 'ICO',
    trigger: inJurisdiction('uk'), requiresBreach: true, clock: 'aware_at', window: hours(72),
    source: 'UK GDPR Art. 33; ICO guidance', basis: 'secondary',
  },
  {
    // "Without undue delay", no number: only a decision (notice or not_required) is checked.
    id: 'gdpr-art34', name: 'GDPR Art. 34', title: 'GDPR Art. 34 notice to data subjects', recipient: 'data subjects',
    trigger: (f) => inJurisdiction('eu', 'uk')(f) && f.highRisk, requiresBreach: true, clock: 'aware_at',
    window: { unit: 'none', amount: 0 },
    source: 'GDPR Art. 34, Recital 86', basis: 'law',
  },
  {
    // Discovery: first day known, or knowable with reasonable diligence (164.404(a)(2)).
    id: 'hipaa-individuals', name: 'HIPAA individuals', title: 'HIPAA notice to individuals', recipient: 'individuals',
    trigger: (f) => f.phi, requiresBreach: true, clock: 'aware_at', window: calendarDays(60),
    source: '45 CFR 164.404(b)', basis: 'law',
  },
  {
    // 500 or more individuals: with the individual notice, at most 60 days.
    id: 'hipaa-hhs', name: 'HIPAA HHS', title: 'HIPAA notice to HHS OCR', recipient: 'HHS OCR',
    trigger: (f) => f.phi && (f.recordsAffected ?? 0) >= 500, requiresBreach: true, clock: 'aware_at',
    window: calendarDays(60),
    source: '45 CFR 164.408', basis: 'law',
  },
  {
    // More than 500 residents of one State or jurisdiction (501+ per state, not the total).
    id: 'hipaa-media', name: 'HIPAA media', title: 'HIPAA notice to prominent media', recipient: 'prominent media outlets serving the State',
    trigger: (f) => f.phi && moreThan500InOneState(f), requiresBreach: true, clock: 'aware_at', window: calendarDays(60),
    source: '45 CFR 164.406', basis: 'law',
  },
  // 30 calendar days from 2026-01-01 (SB 446); AG copy if more than 500 residents.
  stateLaw('us-ca', 'California', 'aware_at', 30, 'Cal. Civ. Code 1798.82 (SB 446)', 'secondary'),
  // 30 calendar days (December 2024 amendment).
  stateLaw('us-ny', 'New York', 'aware_at', 30, 'N.Y. GBL 899-aa', 'secondary'),
  stateLaw('us-wa', 'Washington', 'aware_at', 30, 'RCW 19.255.010', 'law'),
  // Clock: the determination that a breach occurred.
  stateLaw('us-co', 'Colorado', 'decided_at', 30, 'C.R.S. 6-1-716', 'secondary'),
  // 30 days (+15 for good cause, not applied here).
  stateLaw('us-fl', 'Florida', 'decided_at', 30, 'Fla. Stat. 501.171', 'secondary'),
  stateLaw('us-tx', 'Texas', 'decided_at', 60, 'Tex. Bus. & Com. Code 521.053', 'law'),
  // The 45-day states, each from its own trigger: determination (AL, AZ), confirmation (RI:
  // the breach confirmed and the notice content ascertainable, recorded as decided_at),
  // discovery or notification of the breach (the others).
  stateLaw('us-al', 'Alabama', 'decided_at', 45, 'Ala. Code 8-38-5(b)', 'law'),
  stateLaw('us-az', 'Arizona', 'decided_at', 45, 'A.R.S. 18-552', 'secondary'),
  stateLaw('us-in', 'Indiana', 'aware_at', 45, 'IC 24-4.9-3-3', 'law'),
  // From discovery or notice of the breach (the pre-2022 text counted from the investigation's end).
  stateLaw('us-md', 'Maryland', 'aware_at', 45, 'Md. Code, Com. Law 14-3504(b)(3)', 'law'),
  stateLaw('us-nm', 'New Mexico', 'aware_at', 45, 'N.M. Stat. 57-12C-6', 'law'),
  stateLaw('us-oh', 'Ohio', 'aware_at', 45, 'Ohio Rev. Code 1349.19', 'secondary'),
  stateLaw('us-tn', 'Tennessee', 'aware_at', 45, 'Tenn. Code 47-18-2107(b)', 'secondary'),
  stateLaw('us-wi', 'Wisconsin', 'aware_at', 45, 'Wis. Stat. 134.98', 'secondary'),
  stateLaw('us-ri', 'Rhode Island', 'decided_at', 45, 'R.I. Gen. Laws 11-49.3-4(a)(2)', 'law'),
  stateLaw('us-vt', 'Vermont', 'aware_at', 45, '9 V.S.A. 2435(b)(1)', 'law'),
  stateLaw('us-or', 'Oregon', 'aware_at', 45, 'ORS 646A.604(3)(a)', 'law'),
  // The 60-day states.
  stateLaw('us-ct', 'Connecticut', 'aware_at', 60, 'Conn. Gen. Stat. 36a-701b(b)', 'secondary'),
  stateLaw('us-de', 'Delaware', 'decided_at', 60, '6 Del. C. 12B-102(c)', 'law'),
  stateLaw('us-la', 'Louisiana', 'aware_at', 60, 'La. R.S. 51:3074', 'secondary'),
  stateLaw('us-sd', 'South Dakota', 'aware_at', 60, 'SDCL 22-40-20', 'law'),
  {
    // Preliminary notice within 14 business days of discovery, or by the resident notice if
    // that is sooner. Vermont's holiday list is not verified: Mon–Fri with no holidays is the
    // earliest reading.
    id: 'us-vt-ag', name: 'Vermont AG', title: 'Vermont preliminary notice to the Attorney General',
    recipient: 'Vermont Attorney General (Department of Financial Regulation for its licensees)',
    trigger: inJurisdiction('us-vt'), requiresBreach: true, clock: 'aware_at',
    window: { unit: 'business_days', amount: 14, calendar: 'mon-fri-new-york' },
    cap: { clock: firstNotice('us-vt'), window: hours(0) },
    source: '9 V.S.A. 2435(b)(3)', basis: 'secondary',
  },
  {
    // Received within 10 days of distributing the resident notice, with the residents' names.
    id: 'us-la-ag', name: 'Louisiana AG', title: 'Louisiana notice to the Attorney General', recipient: 'Louisiana Attorney General, Consumer Protection Section',
    trigger: inJurisdiction('us-la'), requiresBreach: true, clock: firstNotice('us-la'), window: calendarDays(10),
    source: 'La. Admin. Code 16:III.701', basis: 'law',
  },
  {
    // A cybersecurity incident at the entity or its service provider: no breach needed.
    id: 'nydfs-500.17', name: 'NYDFS 500.17', title: 'NYDFS 500.17 notice to the Superintendent', recipient: 'NYDFS Superintendent',
    trigger: (f) => f.nydfsCovered, requiresBreach: false, clock: 'decided_at', window: hours(72),
    source: '23 NYCRR 500.17', basis: 'law',
  },
  {
    // 4 business days; the event day is not counted, a weekend or holiday event starts the count
    // on and including the next business day (B.1); a filing commencing after 17:30 Eastern is
    // dated the next business day (Regulation S-T Rule 13(a)(2)). Item 1.05's trigger: secondary.
    id: 'sec-8k', name: 'SEC 8-K', title: 'SEC Form 8-K Item 1.05 filing', recipient: 'public (Form 8-K)',
    trigger: (f) => f.material, requiresBreach: true, clock: 'determined_at',
    window: { unit: 'business_days', amount: 4, calendar: 'us-federal', cutoff: { hour: 17, minute: 30 } },
    source: 'Form 8-K General Instruction B.1; 17 CFR 232.13(a)(2); SEC Release 33-11216', basis: 'secondary',
  },
  {
    // As soon as possible and no later than 36 h after the determination.
    id: 'us-bank-36h', name: 'Bank regulator', title: 'Bank notification-incident notice to the primary federal regulator',
    recipient: 'primary federal regulator (OCC, Federal Reserve or FDIC)',
    trigger: (f) => f.bankIncident, requiresBreach: false, clock: 'bank_determined_at', window: hours(36), warnLeadHours: 12,
    source: '12 CFR 53.3, 225.302, 304.23', basis: 'law',
  },
  {
    // As soon as practicable, at most 30 days; a finding of no substantial harm is a not_required entry.
    id: 'sec-regsp-individuals', name: 'SEC Reg S-P', title: 'SEC Regulation S-P notice to affected individuals', recipient: 'affected individuals',
    trigger: (f) => f.secRegSpCovered, requiresBreach: true, clock: 'aware_at', window: calendarDays(30),
    source: '17 CFR 248.30 (Regulation S-P, 2024 amendments)', basis: 'secondary',
  },
  {
    // A notification event involving 500 or more consumers: as soon as possible, at most 30 days from discovery.
    id: 'ftc-safeguards', name: 'FTC Safeguards', title: 'FTC Safeguards Rule notice to the FTC', recipient: 'FTC',
    trigger: (f) => f.ftcSafeguardsCovered && (f.recordsAffected ?? 0) >= 500, requiresBreach: true, clock: 'aware_at',
    window: calendarDays(30),
    source: '16 CFR 314.4(j)', basis: 'secondary',
  },
  {
    id: 'nis2-early-warning', name: 'NIS2 early warning', title: 'NIS2 early warning to the CSIRT or competent authority',
    recipient: 'CSIRT or competent authority',
    trigger: (f) => f.nis2Significant, requiresBreach: true, clock: 'aware_at', window: hours(24), warnLeadHours: 6,
    source: 'Directive (EU) 2022/2555 Art. 23(4)(a)', basis: 'law',
  },
  {
    id: 'nis2-notification', name: 'NIS2 notification', title: 'NIS2 incident notification to the CSIRT or competent authority',
    recipient: 'CSIRT or competent authority',
    trigger: (f) => f.nis2Significant, requiresBreach: true, clock: 'aware_at', window: hours(72),
    source: 'Directive (EU) 2022/2555 Art. 23(4)(b)', basis: 'law',
  },
  {
    // One month after the incident notification was submitted. An incident still being handled
    // then gets a progress report at that time (23(4)(e)): that report is the notice this clock
    // asks for; the final report a month after handling ends has no clock here.
    id: 'nis2-final', name: 'NIS2 final report', title: 'NIS2 final report to the CSIRT or competent authority',
    recipient: 'CSIRT or competent authority',
    trigger: (f) => f.nis2Significant, requiresBreach: true, clock: firstNotice('nis2-notification'), window: months(1),
    source: 'Directive (EU) 2022/2555 Art. 23(4)(d),(e)', basis: 'law',
  },
  {
    // 4 h from the classification as major, and at most 24 h from awareness of the incident.
    id: 'dora-initial', name: 'DORA initial', title: 'DORA initial notification to the competent authority', recipient: 'competent authority (DORA Art. 46)',
    trigger: (f) => f.doraMajor, requiresBreach: false, clock: 'classified_at', window: hours(4),
    cap: { clock: 'aware_at', window: hours(24) }, warnLeadHours: 1,
    source: 'Regulation (EU) 2022/2554 Art. 19(4)(a); Delegated Regulation (EU) 2025/301 Art. 5(1)(a)', basis: 'law',
  },
  {
    // 72 h from the submission of the initial notification, not from awareness.
    id: 'dora-intermediate', name: 'DORA intermediate', title: 'DORA intermediate report to the competent authority', recipient: 'competent authority (DORA Art. 46)',
    trigger: (f) => f.doraMajor, requiresBreach: false, clock: firstNotice('dora-initial'), window: hours(72),
    source: 'Delegated Regulation (EU) 2025/301 Art. 5(1)(b)', basis: 'law',
  },
  {
    // One month from the intermediate report, or from the latest updated intermediate report.
    id: 'dora-final', name: 'DORA final', title: 'DORA final report to the competent authority', recipient: 'competent authority (DORA Art. 46)',
    trigger: (f) => f.doraMajor, requiresBreach: false, clock: { notice: 'dora-intermediate', which: 'latest' }, window: months(1),
    source: 'Delegated Regulation (EU) 2025/301 Art. 5(1)(c)', basis: 'law',
  },
  {
    // Contract terms: the window is the plan's customer_dpa_hours.
    id: 'customer-dpa', name: 'Customer DPA', title: 'Customer notice under the data processing agreement', recipient: 'affected customers',
    trigger: (f) => f.customerData, requiresBreach: false, clock: 'aware_at', window: undefined,
    source: "the organization's DPAs (plan notification.customer_dpa_hours)", basis: 'policy',
  },
];

/** The ids of the built-in catalog, in its order. */
export const BUILTIN_REGIME_IDS: readonly string[] = BUILTIN_REGIMES.map((r) => r.id);

export interface RegimeProblem {
  /** Path inside the plan, e.g. `['notification', 'regimes', 2, 'window']`. */
  path: (string | number)[];
  kind: 'unknown-regime' | 'invalid-regime' | 'duplicate-regime';
  message: string;
}

export interface RegimeOptions {
  /** plan.notification.customer_dpa_hours */
  customerDpaHours?: unknown;
  /** plan.notification.regimes_custom */
  custom?: unknown;
}

const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isLead = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const idOf = (entry: unknown): string =>
  typeof entry === 'string' ? entry.trim() : isRecord(entry) && typeof entry.id === 'string' ? entry.id.trim() : '';

/**
 * The regimes in scope, in the plan's order: `notification.regimes` (strings name built-ins;
 * objects, the older form, define the plan's own and may replace a built-in), then
 * `notification.regimes_custom` (each entry defined is in scope; a built-in id there is
 * refused). Never throws; what cannot be used is skipped and reported in `problems`.
 */
export function resolveRegimes(list: unknown, options: RegimeOptions = {}): { regimes: Regime[]; problems: RegimeProblem[] } {
  const regimes: Regime[] = [];
  const problems: RegimeProblem[] = [];
  const seen = new Set<string>();
  const add = (entry: unknown, base: (string | number)[], custom: boolean) => {
    const id = idOf(entry);
    if (id === '') {
      problems.push({ path: base, kind: 'invalid-regime', message: custom ? 'A custom regime needs an id.' : 'A regime is a built-in id or an object with an id.' });
      return;
    }
    if (custom && BUILTIN_REGIME_IDS.includes(id)) {
      problems.push({ path: [...base, 'id'], kind: 'invalid-regime', message: `${id} is a built-in regime: list it under notification.regimes, or give the custom regime another id.` });
      return;
    }
    if (seen.has(id)) {
      problems.push({ path: base, kind: 'duplicate-regime', message: `Regime ${id} is listed more than once.` });
      return;
    }
    const regime = typeof entry === 'string'
      ? builtIn(id, options)
      : planRegime(id, entry as Record<string, unknown>, base, problems, custom ? CUSTOM_FORM : OLDER_FORM);
    if (!regime) {
      if (typeof entry === 'string') {
        problems.push({ path: base, kind: 'unknown-regime', message: `Unknown regime ${id}: use a built-in id or define it under notification.regimes_custom.` });
      }
      return;
    }
    seen.add(id);
    regimes.push(regime);
  };
  (Array.isArray(list) ? list : []).forEach((entry, index) => add(entry, ['notification', 'regimes', index], false));
  (Array.isArray(options.custom) ? options.custom : []).forEach((entry, index) => add(entry, ['notification', 'regimes_custom', index], true));
  return { regimes, problems };
}

function builtIn(id: string, options: RegimeOptions): Regime | undefined {
  const entry = BUILTIN_REGIMES.find((r) => r.id === id);
  if (!entry) return undefined;
  const window = id === 'customer-dpa' ? (isPositive(options.customerDpaHours) ? hours(options.customerDpaHours) : undefined) : entry.window;
  return { ...entry, window, definedBy: 'built-in' };
}

/** Where a plan regime's parts live: `regimes_custom` entries, or the older objects inside `regimes`. */
interface PlanForm {
  titleKey: 'name' | 'title';
  conditionsKey: 'conditions' | 'trigger';
  source: string;
}
const CUSTOM_FORM: PlanForm = { titleKey: 'name', conditionsKey: 'conditions', source: 'plan notification.regimes_custom' };
const OLDER_FORM: PlanForm = { titleKey: 'title', conditionsKey: 'trigger', source: 'plan notification.regimes' };

/** A plan regime; undefined when it has no usable clock. */
function planRegime(id: string, entry: Record<string, unknown>, base: (string | number)[], problems: RegimeProblem[], form: PlanForm): Regime | undefined {
  const clock = entry.clock;
  if (typeof clock !== 'string' || !PLAN_CLOCKS.includes(clock as ClockName)) {
    problems.push({ path: [...base, 'clock'], kind: 'invalid-regime', message: `Regime ${id} needs a clock: one of ${PLAN_CLOCKS.join(', ')}.` });
    return undefined;
  }
  const window = planWindow(entry.window);
  if (!window) {
    problems.push({
      path: [...base, 'window'], kind: 'invalid-regime',
      message: `Regime ${id} needs a window: { hours }, { calendar_days }, { business_days } or { months } with a positive number (whole days and months).`,
    });
  }
  const conditions = isRecord(entry[form.conditionsKey]) ? entry[form.conditionsKey] as Record<string, unknown> : {};
  const written = entry[form.titleKey];
  const title = typeof written === 'string' && written.trim() !== '' ? written : id;
  return {
    id,
    name: id,
    title,
    recipient: typeof entry.recipient === 'string' ? entry.recipient : '',
    trigger: planTrigger(conditions),
    requiresBreach: conditions.requires_breach !== false,
    clock: clock as ClockName,
    window,
    ...(isLead(entry.warn_before_hours) ? { warnLeadHours: entry.warn_before_hours } : {}),
    source: form.source,
    basis: 'plan',
    definedBy: 'plan',
  };
}

const PLAN_UNITS = ['hours', 'calendar_days', 'business_days', 'months'] as const;

function planWindow(w: unknown): RegimeWindow | undefined {
  if (!isRecord(w)) return undefined;
  const units = PLAN_UNITS.filter((u) => w[u] !== undefined);
  if (units.length !== 1) return undefined;
  const unit = units[0]!;
  const amount = w[unit];
  if (!isPositive(amount) || (unit !== 'hours' && !Number.isInteger(amount))) return undefined;
  return { unit, amount };
}

/** Every condition present must hold; no conditions match every incident. */
function planTrigger(t: Record<string, unknown>): (f: IncidentFacts) => boolean {
  const flag = (key: string, fact: (f: IncidentFacts) => boolean) =>
    typeof t[key] === 'boolean' ? (f: IncidentFacts) => fact(f) === t[key] : undefined;
  const jurisdictions = Array.isArray(t.jurisdictions)
    ? t.jurisdictions.filter((j): j is string => typeof j === 'string').map((j) => j.trim().toLowerCase())
    : undefined;
  const min = typeof t.min_records === 'number' && Number.isFinite(t.min_records) ? t.min_records : undefined;
  const checks = [
    flag('customer_data', (f) => f.customerData),
    flag('personal_data', (f) => f.personalData),
    flag('phi', (f) => f.phi),
    flag('high_risk', (f) => f.highRisk),
    jurisdictions && ((f: IncidentFacts) => jurisdictions.some((j) => f.jurisdictions.has(j))),
    min !== undefined ? (f: IncidentFacts) => (f.recordsAffected ?? -Infinity) >= min : undefined,
  ].filter((c): c is (f: IncidentFacts) => boolean => c !== undefined);
  return (f) => checks.every((c) => c(f));
}
