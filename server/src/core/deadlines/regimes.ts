// The notification regimes as data: the built-in catalog of SPEC 2.4 (every fact sourced in
// REGIMES.md) and the plan's own regimes (`notification.regimes` objects), in one shape.
import { isRecord } from '../model/data';

/** The field a regime's clock starts at (SPEC 2.4); `detected_at` only for plan regimes. */
export type ClockName = 'aware_at' | 'decided_at' | 'determined_at' | 'detected_at';

/** The YAML path of each clock field inside an Incident. */
export const CLOCK_PATHS: Readonly<Record<ClockName, readonly string[]>> = {
  aware_at: ['notifications', 'aware_at'],
  decided_at: ['notifications', 'breach_determination', 'decided_at'],
  determined_at: ['notifications', 'materiality', 'determined_at'],
  detected_at: ['detected_at'],
};

/** What a trigger may look at, read defensively from the incident (absent = false). */
export interface IncidentFacts {
  /** `investigation.personal_data.jurisdictions`, lower-cased. */
  jurisdictions: ReadonlySet<string>;
  personalData: boolean;
  customerData: boolean;
  phi: boolean;
  highRisk: boolean;
  recordsAffected: number | undefined;
  isBreach: boolean;
  material: boolean;
  nydfsCovered: boolean;
  nis2Significant: boolean;
}

export interface RegimeWindow {
  unit: 'hours' | 'calendar_days' | 'business_days' | 'none';
  amount: number;
  /** For business days: the US federal calendar; absent = the plan's calendar. */
  calendar?: 'us-federal';
}

export interface Regime {
  id: string;
  title: string;
  recipient: string;
  trigger: (facts: IncidentFacts) => boolean;
  /** False only where the trigger needs no breach determination (customer-dpa, nydfs-500.17). */
  requiresBreach: boolean;
  clock: ClockName;
  /** Undefined when the plan does not define it: the clock cannot be computed (`window-missing`). */
  window: RegimeWindow | undefined;
  /** Where the window comes from (REGIMES.md), or `plan` for the plan's own regimes. */
  source: string;
  /** REGIMES.md status of the source: law, secondary, policy; `plan` for plan regimes. */
  basis: 'law' | 'secondary' | 'policy' | 'plan';
  definedBy: 'built-in' | 'plan';
}

const hours = (amount: number): RegimeWindow => ({ unit: 'hours', amount });
const calendarDays = (amount: number): RegimeWindow => ({ unit: 'calendar_days', amount });
const inJurisdiction = (...ids: string[]) => (f: IncidentFacts) => ids.some((id) => f.jurisdictions.has(id));

type BuiltIn = Omit<Regime, 'definedBy'>;

/**
 * SPEC 2.4's table. customer-dpa's window is filled from `customer_dpa_hours` by
 * `resolveRegimes`; hipaa-media is sourced in REGIMES.md but not in SPEC 2.4 (its trigger,
 * more than 500 residents of one state, has no incident field), so it is not built in.
 */
export const BUILTIN_REGIMES: readonly BuiltIn[] = [
  {
    // 72 h from awareness; a late notice must give reasons (Art. 33(1)).
    id: 'gdpr-art33', title: 'GDPR Art. 33 notice to the supervisory authority', recipient: 'supervisory authority',
    trigger: inJurisdiction('eu'), requiresBreach: true, clock: 'aware_at', window: hours(72),
    source: 'GDPR Art. 33(1); WP250', basis: 'law',
  },
  {
    // As GDPR; weekends and bank holidays included.
    id: 'uk-gdpr-art33', title: 'UK GDPR Art. 33 notice to the ICO', recipient: 'ICO',
    trigger: inJurisdiction('uk'), requiresBreach: true, clock: 'aware_at', window: hours(72),
    source: 'UK GDPR Art. 33; ICO guidance', basis: 'secondary',
  },
  {
    // "Without undue delay", no number: only a decision (notice or not_required) is checked.
    id: 'gdpr-art34', title: 'GDPR Art. 34 notice to data subjects', recipient: 'data subjects',
    trigger: (f) => inJurisdiction('eu', 'uk')(f) && f.highRisk, requiresBreach: true, clock: 'aware_at',
    window: { unit: 'none', amount: 0 },
    source: 'GDPR Art. 34, Recital 86', basis: 'law',
  },
  {
    // Discovery: first day known, or knowable with reasonable diligence (164.404(a)(2)).
    id: 'hipaa-individuals', title: 'HIPAA notice to individuals', recipient: 'individuals',
    trigger: (f) => f.phi, requiresBreach: true, clock: 'aware_at', window: calendarDays(60),
    source: '45 CFR 164.404(b)', basis: 'law',
  },
  {
    // 500 or more individuals: with the individual notice, at most 60 days.
    id: 'hipaa-hhs', title: 'HIPAA notice to HHS OCR', recipient: 'HHS OCR',
    trigger: (f) => f.phi && (f.recordsAffected ?? 0) >= 500, requiresBreach: true, clock: 'aware_at',
    window: calendarDays(60),
    source: '45 CFR 164.408', basis: 'law',
  },
  {
    // 30 calendar days from 2026-01-01 (SB 446); AG copy if more than 500 residents.
    id: 'us-ca', title: 'California breach notice to residents', recipient: 'California residents',
    trigger: inJurisdiction('us-ca'), requiresBreach: true, clock: 'aware_at', window: calendarDays(30),
    source: 'Cal. Civ. Code 1798.82 (SB 446)', basis: 'secondary',
  },
  {
    // 30 calendar days (December 2024 amendment).
    id: 'us-ny', title: 'New York breach notice to residents', recipient: 'New York residents',
    trigger: inJurisdiction('us-ny'), requiresBreach: true, clock: 'aware_at', window: calendarDays(30),
    source: 'N.Y. GBL 899-aa', basis: 'secondary',
  },
  {
    id: 'us-wa', title: 'Washington breach notice to residents', recipient: 'Washington residents',
    trigger: inJurisdiction('us-wa'), requiresBreach: true, clock: 'aware_at', window: calendarDays(30),
    source: 'RCW 19.255.010', basis: 'law',
  },
  {
    // Clock: the determination that a breach occurred.
    id: 'us-co', title: 'Colorado breach notice to residents', recipient: 'Colorado residents',
    trigger: inJurisdiction('us-co'), requiresBreach: true, clock: 'decided_at', window: calendarDays(30),
    source: 'C.R.S. 6-1-716', basis: 'secondary',
  },
  {
    // 30 days (+15 for good cause, not applied here).
    id: 'us-fl', title: 'Florida breach notice to residents', recipient: 'Florida residents',
    trigger: inJurisdiction('us-fl'), requiresBreach: true, clock: 'decided_at', window: calendarDays(30),
    source: 'Fla. Stat. 501.171', basis: 'secondary',
  },
  {
    id: 'us-tx', title: 'Texas breach notice to residents', recipient: 'Texas residents',
    trigger: inJurisdiction('us-tx'), requiresBreach: true, clock: 'decided_at', window: calendarDays(60),
    source: 'Tex. Bus. & Com. Code 521.053', basis: 'law',
  },
  {
    // A cybersecurity incident at the entity or its service provider: no breach needed.
    id: 'nydfs-500.17', title: 'NYDFS 500.17 notice to the Superintendent', recipient: 'NYDFS Superintendent',
    trigger: (f) => f.nydfsCovered, requiresBreach: false, clock: 'decided_at', window: hours(72),
    source: '23 NYCRR 500.17', basis: 'law',
  },
  {
    // 4 business days; a weekend or holiday trigger starts the count on the next business day.
    id: 'sec-8k', title: 'SEC Form 8-K Item 1.05 filing', recipient: 'public (Form 8-K)',
    trigger: (f) => f.material, requiresBreach: true, clock: 'determined_at',
    window: { unit: 'business_days', amount: 4, calendar: 'us-federal' },
    source: 'SEC Release 33-11216; Form 8-K General Instruction B.1', basis: 'secondary',
  },
  {
    id: 'nis2-early-warning', title: 'NIS2 early warning to the CSIRT or competent authority',
    recipient: 'CSIRT or competent authority',
    trigger: (f) => f.nis2Significant, requiresBreach: true, clock: 'aware_at', window: hours(24),
    source: 'Directive (EU) 2022/2555 Art. 23(4)', basis: 'law',
  },
  {
    id: 'nis2-notification', title: 'NIS2 incident notification to the CSIRT or competent authority',
    recipient: 'CSIRT or competent authority',
    trigger: (f) => f.nis2Significant, requiresBreach: true, clock: 'aware_at', window: hours(72),
    source: 'Directive (EU) 2022/2555 Art. 23(4)', basis: 'law',
  },
  {
    // Contract terms: the window is the plan's customer_dpa_hours.
    id: 'customer-dpa', title: 'Customer notice under the data processing agreement', recipient: 'affected customers',
    trigger: (f) => f.customerData, requiresBreach: false, clock: 'aware_at', window: undefined,
    source: "the organization's DPAs (plan notification.customer_dpa_hours)", basis: 'policy',
  },
];

export interface RegimeProblem {
  /** Path inside the plan, e.g. `['notification', 'regimes', 2, 'window']`. */
  path: (string | number)[];
  kind: 'unknown-regime' | 'invalid-regime' | 'duplicate-regime';
  message: string;
}

export interface RegimeOptions {
  /** plan.notification.customer_dpa_hours */
  customerDpaHours?: unknown;
}

const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const CLOCKS = Object.keys(CLOCK_PATHS) as ClockName[];

/**
 * The regimes a plan lists (`notification.regimes`), in its order: strings name built-ins,
 * objects define the plan's own (an object reusing a built-in id replaces it). Never throws;
 * what cannot be used is skipped and reported in `problems`.
 */
export function resolveRegimes(list: unknown, options: RegimeOptions = {}): { regimes: Regime[]; problems: RegimeProblem[] } {
  const regimes: Regime[] = [];
  const problems: RegimeProblem[] = [];
  const seen = new Set<string>();
  (Array.isArray(list) ? list : []).forEach((entry, index) => {
    const base: (string | number)[] = ['notification', 'regimes', index];
    const id = typeof entry === 'string' ? entry.trim() : isRecord(entry) && typeof entry.id === 'string' ? entry.id.trim() : '';
    if (id === '') {
      problems.push({ path: base, kind: 'invalid-regime', message: 'A regime is a built-in id or an object with an id.' });
      return;
    }
    if (seen.has(id)) {
      problems.push({ path: base, kind: 'duplicate-regime', message: `Regime ${id} is listed more than once.` });
      return;
    }
    const regime = typeof entry === 'string' ? builtIn(id, options) : planRegime(id, entry as Record<string, unknown>, base, problems);
    if (!regime) {
      if (typeof entry === 'string') {
        problems.push({ path: base, kind: 'unknown-regime', message: `Unknown regime ${id}: use a built-in id or define it with { id, trigger, clock, window }.` });
      }
      return;
    }
    seen.add(id);
    regimes.push(regime);
  });
  return { regimes, problems };
}

function builtIn(id: string, options: RegimeOptions): Regime | undefined {
  const entry = BUILTIN_REGIMES.find((r) => r.id === id);
  if (!entry) return undefined;
  const window = id === 'customer-dpa' ? (isPositive(options.customerDpaHours) ? hours(options.customerDpaHours) : undefined) : entry.window;
  return { ...entry, window, definedBy: 'built-in' };
}

/** A plan regime `{ id, title?, trigger, clock, window }`; undefined when it has no usable clock. */
function planRegime(id: string, entry: Record<string, unknown>, base: (string | number)[], problems: RegimeProblem[]): Regime | undefined {
  const clock = entry.clock;
  if (typeof clock !== 'string' || !CLOCKS.includes(clock as ClockName)) {
    problems.push({ path: [...base, 'clock'], kind: 'invalid-regime', message: `Regime ${id} needs a clock: one of ${CLOCKS.join(', ')}.` });
    return undefined;
  }
  const window = planWindow(entry.window);
  if (!window) {
    problems.push({ path: [...base, 'window'], kind: 'invalid-regime', message: `Regime ${id} needs a window: { hours }, { calendar_days } or { business_days } with a positive number (whole days).` });
  }
  const trigger = isRecord(entry.trigger) ? entry.trigger : {};
  return {
    id,
    title: typeof entry.title === 'string' && entry.title.trim() !== '' ? entry.title : id,
    recipient: typeof entry.recipient === 'string' ? entry.recipient : '',
    trigger: planTrigger(trigger),
    requiresBreach: trigger.requires_breach !== false,
    clock: clock as ClockName,
    window,
    source: 'plan notification.regimes',
    basis: 'plan',
    definedBy: 'plan',
  };
}

function planWindow(w: unknown): RegimeWindow | undefined {
  if (!isRecord(w)) return undefined;
  const units = (['hours', 'calendar_days', 'business_days'] as const).filter((u) => w[u] !== undefined);
  if (units.length !== 1) return undefined;
  const unit = units[0]!;
  const amount = w[unit];
  if (!isPositive(amount) || (unit !== 'hours' && !Number.isInteger(amount))) return undefined;
  return { unit, amount };
}

/** Every condition present must hold; a trigger without conditions matches every incident. */
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
