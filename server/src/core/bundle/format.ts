/** How the bundle writes times and durations: one convention for the CSVs, pages and manifest. */
import { formatInstant } from './core-api';

/** Zone offsets change at most every 15 minutes of UTC time (zones shift on :00, :30 or :45). */
const OFFSET_BUCKET_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
/** A cache is emptied past this many entries, so a long-running process never grows without bound. */
const CACHE_LIMIT = 100_000;
/** Per zone and UTC day: the zone's offset all that day, or null when it changes during the day. */
const dayOffsets = new Map<string, number | null>();
/** Per zone and quarter hour, on the days the offset changes. */
const quarterOffsets = new Map<string, number>();
const labels = new Map<string, string>();

const HOUR_MS = 3_600_000;

/**
 * RFC 3339 in UTC, whole seconds when there are no milliseconds: `2026-03-02T09:14:00Z`, as
 * `toISOString` writes it. Bundles write hundreds of thousands: years 0–9999 are written from
 * calendar arithmetic (about 3 times cheaper than a Date and its text), others by the Date.
 */
export function iso(ms: number | undefined): string | undefined {
  if (ms === undefined) return undefined;
  const f = utcFields(ms);
  if (f === undefined) return new Date(ms).toISOString().replace('.000Z', 'Z');
  return `${f.date}T${two(f.hour)}:${two(f.minute)}:${two(f.second)}${f.millisecond === 0 ? '' : `.${String(f.millisecond).padStart(3, '0')}`}Z`;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** What toISOString writes of an instant, as numbers and `YYYY-MM-DD`; undefined outside years 0–9999. */
function utcFields(ms: number): { date: string; hour: number; minute: number; second: number; millisecond: number } | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted): 400-year eras from 0000-03-01.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return undefined;
  const hour = Math.floor(rest / HOUR_MS);
  rest -= hour * HOUR_MS;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  return { date: `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`, hour, minute, second, millisecond: rest - second * 1000 };
}

/**
 * `2026-03-05 05:05 America/New_York` (the core's formatInstant), for readers in the plan's
 * zone. A page shows hundreds of times and zone rules are costly, so the zone's offset is asked
 * at the start and the end of each UTC day, and per quarter hour only on a day it changes; the
 * rest is plain arithmetic.
 */
export function local(ms: number | undefined, zone: string): string | undefined {
  if (ms === undefined) return undefined;
  const wall = ms + offsetAt(ms, zone);
  const f = utcFields(wall);
  if (f === undefined) return `${new Date(wall).toISOString().slice(0, 16).replace('T', ' ')} ${labelOf(zone)}`;
  return `${f.date} ${two(f.hour)}:${two(f.minute)} ${labelOf(zone)}`;
}

function offsetAt(ms: number, zone: string): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const dayKey = `${zone}|${day}`;
  let whole = dayOffsets.get(dayKey);
  if (whole === undefined) {
    if (dayOffsets.size >= CACHE_LIMIT) dayOffsets.clear();
    // The same offset at both ends: no change that day (no zone changes twice within a day).
    const first = offsetOf(day, zone);
    whole = first === offsetOf(day + DAY_MS - OFFSET_BUCKET_MS, zone) ? first : null;
    dayOffsets.set(dayKey, whole);
  }
  if (whole !== null) return whole;
  const bucket = Math.floor(ms / OFFSET_BUCKET_MS) * OFFSET_BUCKET_MS;
  const key = `${zone}|${bucket}`;
  let offset = quarterOffsets.get(key);
  if (offset === undefined) {
    if (quarterOffsets.size >= CACHE_LIMIT) quarterOffsets.clear();
    offset = offsetOf(bucket, zone);
    quarterOffsets.set(key, offset);
  }
  return offset;
}

/** The offset at an instant, from the wall time formatInstant gives (`2026-03-05 05:05 ...`). */
function offsetOf(ms: number, zone: string): number {
  return Date.parse(`${formatInstant(ms, zone).slice(0, 16).replace(' ', 'T')}:00Z`) - ms;
}

/** The zone as formatInstant names it (`UTC`, `America/New_York`). */
function labelOf(zone: string): string {
  let label = labels.get(zone);
  if (label === undefined) {
    if (labels.size >= CACHE_LIMIT) labels.clear();
    label = formatInstant(0, zone).slice(17);
    labels.set(zone, label);
  }
  return label;
}

/** Hours with two decimals, as a number: `30.5`. */
export function hours(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round((ms / HOUR_MS) * 100) / 100;
}

export { HOUR_MS };
