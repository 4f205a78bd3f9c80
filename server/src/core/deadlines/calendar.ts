// Business-day calendars and business-day arithmetic. Days are counted on local calendar
// dates of the calendar's zone; a due instant is the end of a local day (REGIMES.md, Counting).
import { DATE_PATTERN } from '../model/time';
import { DateTime } from 'luxon';
import { endOfLocalDay, localDate, resolveZone } from '../model/time';

export { endOfLocalDay } from '../model/time';

export interface BusinessCalendar {
  /** IANA zone whose local days are counted. */
  zone: string;
  /** Business weekdays, luxon numbering: 1 = Monday … 7 = Sunday. */
  weekdays: Set<number>;
  /** Whether a local date (`YYYY-MM-DD`) is a holiday. */
  isHoliday(isoDate: string): boolean;
}

const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = {
  mon: 1, monday: 1,
  tue: 2, tuesday: 2,
  wed: 3, wednesday: 3,
  thu: 4, thursday: 4,
  fri: 5, friday: 5,
  sat: 6, saturday: 6,
  sun: 7, sunday: 7,
};
const MON_TO_FRI = [1, 2, 3, 4, 5];

/**
 * The plan's calendar (`business_days: { weekdays: [mon, …], holidays: [2026-12-25] }`).
 * Unknown weekday names and non-dates are ignored; with no usable weekday the calendar is
 * Mon–Fri, since a calendar without business days would never reach a due date.
 */
export function planCalendar(
  zone: string,
  weekdays?: readonly unknown[],
  holidays?: readonly unknown[],
): BusinessCalendar {
  const days = new Set<number>();
  for (const name of Array.isArray(weekdays) ? weekdays : []) {
    const n = typeof name === 'string' ? WEEKDAY_NUMBERS[name.trim().toLowerCase()] : undefined;
    if (n !== undefined) days.add(n);
  }
  if (days.size === 0) MON_TO_FRI.forEach((d) => days.add(d));
  const off = new Set<string>();
  for (const h of Array.isArray(holidays) ? holidays : []) {
    // A YAML 1.1 loader may hand over a Date (midnight UTC) instead of the text.
    const text = h instanceof Date && !Number.isNaN(h.getTime()) ? h.toISOString().slice(0, 10) : h;
    if (typeof text === 'string' && DATE_PATTERN.test(text.trim())) off.add(text.trim());
  }
  return { zone: resolveZone(zone), weekdays: days, isHoliday: (d) => off.has(d) };
}

export interface FederalHoliday {
  name: string;
  /** The legal date. */
  date: string;
  /** The day off (5 U.S.C. 6103(b)): Saturday → the Friday before, Sunday → the Monday after. */
  observed: string;
}

const utcDate = (year: number, month: number, day: number) => DateTime.utc(year, month, day);

/** The nth `weekday` (1 = Monday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): DateTime {
  const first = utcDate(year, month, 1);
  return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (n - 1) * 7 });
}

function lastWeekday(year: number, month: number, weekday: number): DateTime {
  const last = utcDate(year, month, 1).endOf('month').startOf('day');
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
}

function observedDay(d: DateTime): DateTime {
  if (d.weekday === 6) return d.minus({ days: 1 });
  if (d.weekday === 7) return d.plus({ days: 1 });
  return d;
}

/** US federal holidays of a year (5 U.S.C. 6103(a)), with their observed days. */
export function usFederalHolidays(year: number): FederalHoliday[] {
  const list: [string, DateTime][] = [
    ["New Year's Day", utcDate(year, 1, 1)],
    ['Birthday of Martin Luther King, Jr.', nthWeekday(year, 1, 1, 3)],
    ["Washington's Birthday", nthWeekday(year, 2, 1, 3)],
    ['Memorial Day', lastWeekday(year, 5, 1)],
    // A federal holiday since 2021 (Pub. L. 117-17).
    ...(year >= 2021 ? [['Juneteenth National Independence Day', utcDate(year, 6, 19)] as [string, DateTime]] : []),
    ['Independence Day', utcDate(year, 7, 4)],
    ['Labor Day', nthWeekday(year, 9, 1, 1)],
    ['Columbus Day', nthWeekday(year, 10, 1, 2)],
    ['Veterans Day', utcDate(year, 11, 11)],
    ['Thanksgiving Day', nthWeekday(year, 11, 4, 4)],
    ['Christmas Day', utcDate(year, 12, 25)],
  ];
  return list.map(([name, d]) => ({
    name,
    date: d.toISODate() ?? '',
    observed: observedDay(d).toISODate() ?? '',
  }));
}

/**
 * Mon–Fri in America/New_York without US federal holidays: the calendar of SEC Form 8-K
 * (General Instruction B.1). Holidays are computed for any year and cached per calendar.
 */
export function usFederalCalendar(): BusinessCalendar {
  const byYear = new Map<number, Set<string>>();
  const holidaysOf = (year: number): Set<string> => {
    let set = byYear.get(year);
    if (!set) {
      set = new Set();
      // Next year's New Year's Day on a Saturday is observed on 31 December of this year.
      for (const h of [...usFederalHolidays(year), ...usFederalHolidays(year + 1)]) {
        set.add(h.date);
        set.add(h.observed);
      }
      byYear.set(year, set);
    }
    return set;
  };
  return {
    zone: 'America/New_York',
    weekdays: new Set(MON_TO_FRI),
    isHoliday: (isoDate) => DATE_PATTERN.test(isoDate) && holidaysOf(Number(isoDate.slice(0, 4))).has(isoDate),
  };
}

/** Whether a local date is a business day of the calendar. */
export function isBusinessDay(isoDate: string, cal: BusinessCalendar): boolean {
  const day = calendarDay(isoDate);
  return day !== undefined && cal.weekdays.has(weekdayOf(day)) && !cal.isHoliday(isoDate);
}

// Ten years of days: a calendar whose holidays cover every day gives up instead of looping.
const MAX_SCAN_DAYS = 3660;
const DAY_MS = 86_400_000;

/** The local date of the nth business day strictly after `day0` (n ≥ 1). */
function nthBusinessDayAfter(day0: string, n: number, cal: BusinessCalendar): string | undefined {
  // Calendar dates, as UTC midnights: plain day arithmetic, no zone (the workspace step counts thousands).
  const start = calendarDay(day0);
  if (start === undefined) return undefined;
  let count = 0;
  for (let i = 1; i <= MAX_SCAN_DAYS; i++) {
    const day = new Date(start.getTime() + i * DAY_MS);
    const iso = day.toISOString().slice(0, 10);
    if (cal.weekdays.has(weekdayOf(day)) && !cal.isHoliday(iso) && ++count === n) return iso;
  }
  return undefined;
}

/** A calendar date (`YYYY-MM-DD`) at midnight UTC; undefined when it names no day (2026-02-30). */
function calendarDay(isoDate: string): Date | undefined {
  const m = DATE_PATTERN.exec(isoDate);
  if (!m) return undefined;
  const day = new Date(0);
  day.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return day.getUTCFullYear() === Number(m[1]) && day.getUTCMonth() === Number(m[2]) - 1 && day.getUTCDate() === Number(m[3]) ? day : undefined;
}

/** luxon's numbering: 1 = Monday … 7 = Sunday. */
function weekdayOf(day: Date): number {
  return ((day.getUTCDay() + 6) % 7) + 1;
}

function validCount(startMs: number, n: number, cal: BusinessCalendar): boolean {
  return Number.isFinite(startMs) && Number.isInteger(n) && n >= 0 && cal.weekdays.size > 0;
}

/**
 * The local date (`YYYY-MM-DD`) of the last day of "N business days" from a trigger (SEC Form
 * 8-K General Instruction B.1), counted in the calendar's zone. A trigger on a business day is
 * day 0; a trigger on a weekend or holiday "begins to run on, and includes, the first business
 * day thereafter". Both come to counting business days strictly after the trigger's local
 * date. With n = 0 it is the first business day on or after the trigger. Undefined for
 * invalid input or when no business day is found within ten years.
 */
export function businessDayDue(startMs: number, n: number, cal: BusinessCalendar): string | undefined {
  if (!validCount(startMs, n, cal)) return undefined;
  const day0 = localDate(startMs, resolveZone(cal.zone));
  if (n === 0 && isBusinessDay(day0, cal)) return day0;
  return nthBusinessDayAfter(day0, Math.max(n, 1), cal);
}

/** Due instant of "N business days" from a trigger: the end of `businessDayDue`'s day. */
export function addBusinessDays(startMs: number, n: number, cal: BusinessCalendar): number | undefined {
  const due = businessDayDue(startMs, n, cal);
  return due === undefined ? undefined : endOfLocalDay(due, resolveZone(cal.zone));
}

/**
 * A wall-clock time on a local date (`17:30` on `2026-03-09` in America/New_York), as an
 * instant; the offset is the one in force that day, so the instant follows DST changes.
 */
export function localTimeOn(isoDate: string, hour: number, minute: number, zone: string): number | undefined {
  const m = DATE_PATTERN.exec(isoDate);
  if (!m) return undefined;
  const dt = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour, minute }, { zone: resolveZone(zone) });
  return dt.isValid ? dt.toMillis() : undefined;
}

/**
 * The local date on which a period of N months from a trigger ends (Regulation 1182/71 Art. 3):
 * the trigger's day is not counted (3(1)), and the period ends with the day of the last month
 * that has the same date as the trigger's day, or, when that month has no such date, with its
 * last day (3(2)(c)): 31 January + 1 month → 28 (or 29) February. The weekend and holiday
 * extension of Art. 3(4) is not applied: the earlier reading. Days are local to `zone`.
 */
export function monthsLater(startMs: number, n: number, zone: string): string | undefined {
  if (!Number.isFinite(startMs) || !Number.isInteger(n) || n < 0) return undefined;
  const start = DateTime.fromISO(localDate(startMs, resolveZone(zone)), { zone: 'UTC' });
  // luxon clamps a missing day to the month's last day, as Art. 3(2)(c) does.
  return start.isValid ? start.plus({ months: n }).toISODate() ?? undefined : undefined;
}

/**
 * Due instant of the post-incident review (SPEC 2.5 `pir-deadline`): "the end of the Nth
 * business day after the day of resolved_at (that day is day 0)", in the calendar's zone.
 * With n = 0 it is the end of day 0 itself, business day or not.
 */
export function endOfDayAfterBusinessDays(dayOfMs: number, n: number, cal: BusinessCalendar): number | undefined {
  if (!validCount(dayOfMs, n, cal)) return undefined;
  const zone = resolveZone(cal.zone);
  const due = businessDaysAfter(localDate(dayOfMs, zone), n, cal);
  return due === undefined ? undefined : endOfLocalDay(due, zone);
}

/** The local date N business days after `day0` (`YYYY-MM-DD`, day 0 itself for N = 0): the day endOfDayAfterBusinessDays ends. */
export function businessDaysAfter(day0: string, n: number, cal: BusinessCalendar): string | undefined {
  return n === 0 ? day0 : nthBusinessDayAfter(day0, n, cal);
}
