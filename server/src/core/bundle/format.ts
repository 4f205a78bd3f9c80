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

/** RFC 3339 in UTC, whole seconds when there are no milliseconds: `2026-03-02T09:14:00Z`. */
export function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * `2026-03-05 05:05 America/New_York` (the core's formatInstant), for readers in the plan's
 * zone. A page shows hundreds of times and zone rules are costly, so the zone's offset is asked
 * at the start and the end of each UTC day, and per quarter hour only on a day it changes; the
 * rest is plain arithmetic.
 */
export function local(ms: number | undefined, zone: string): string | undefined {
  if (ms === undefined) return undefined;
  return `${new Date(ms + offsetAt(ms, zone)).toISOString().slice(0, 16).replace('T', ' ')} ${labelOf(zone)}`;
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
