// The audit period of a bundle: `START..END`, each a date (`2026-01-01`) or an RFC 3339
// instant. A start date means the start of that day in the plan's zone, an end date the end
// of that day, so `2026-01-01..2026-12-31` is the whole year 2026 where the plan lives.
import { DateTime } from 'luxon';
import { endOfLocalDay, localDate, parseDoneAt, parseInstant } from './core-api';

export class PeriodError extends Error {}

/** The period as written, before the plan's zone is known. */
export interface PeriodText {
  start: string;
  end: string;
}

/** The period as instants, both bounds included. */
export interface Period {
  /** Epoch ms of the first instant in the period. */
  start: number;
  /** Epoch ms of the last instant in the period. */
  end: number;
  /** `START..END` as written (or as defaulted). */
  text: string;
  /** The zone dates were read in: the plan's. */
  zone: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parsePeriodText(text: string): PeriodText {
  const parts = text.split('..');
  if (parts.length !== 2 || !parts[0]!.trim() || !parts[1]!.trim()) {
    throw new PeriodError(`invalid period "${text}": use START..END, e.g. 2026-01-01..2026-12-31`);
  }
  return { start: parts[0]!.trim(), end: parts[1]!.trim() };
}

/** Without --period: the calendar year of the as-of instant in the plan's zone. */
export function defaultPeriodText(asOf: number, zone: string): PeriodText {
  const year = localDate(asOf, zone).slice(0, 4);
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The periods an editor offers, as dates in the plan's zone. */
export interface PeriodChoices {
  /** The calendar year of the as-of: the export's default. */
  thisYear: PeriodText;
  lastYear: PeriodText;
  /** The twelve months up to the as-of day: from the day after the same date a year before. */
  last12Months: PeriodText;
}

export function periodChoices(asOf: number, zone: string): PeriodChoices {
  const today = localDate(asOf, zone);
  const lastYear = Number(today.slice(0, 4)) - 1;
  // Calendar arithmetic on the local date (UTC is only its calendar): 2024-02-29 goes back to 2023-02-28.
  const yearAgo = DateTime.fromISO(today, { zone: 'UTC' }).minus({ years: 1 }).plus({ days: 1 }).toISODate()!;
  return {
    thisYear: defaultPeriodText(asOf, zone),
    lastYear: { start: `${lastYear}-01-01`, end: `${lastYear}-12-31` },
    last12Months: { start: yearAgo, end: today },
  };
}

/** `START..END`, as `parsePeriodText` reads it. */
export function formatPeriodText(period: PeriodText): string {
  return `${period.start}..${period.end}`;
}

export function resolvePeriod(period: PeriodText, zone: string): Period {
  const start = parseDoneAt(period.start, zone)?.ms;
  const end = DATE.test(period.end) ? endOfLocalDay(period.end, zone) : parseInstant(period.end, zone)?.ms;
  const text = formatPeriodText(period);
  for (const [bound, ms] of [[period.start, start], [period.end, end]] as const) {
    if (ms === undefined) throw new PeriodError(`invalid period bound "${bound}": use a date (2026-01-01) or an RFC 3339 time with an offset`);
  }
  if (end! < start!) throw new PeriodError(`invalid period "${text}": it ends before it starts`);
  return { start: start!, end: end!, text, zone };
}

export function inPeriod(ms: number, period: Period): boolean {
  return ms >= period.start && ms <= period.end;
}
