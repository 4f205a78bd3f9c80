/** How the bundle writes times and durations: one convention for the CSVs, pages and manifest. */
import { formatInstant } from './core-api';

/** Zone offsets change at most every 15 minutes of UTC time (zones shift on :00, :30 or :45). */
const OFFSET_BUCKET_MS = 15 * 60_000;
const offsets = new Map<string, { offset: number; label: string }>();

const HOUR_MS = 3_600_000;

/** RFC 3339 in UTC, whole seconds when there are no milliseconds: `2026-03-02T09:14:00Z`. */
export function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * `2026-03-05 05:05 America/New_York` (the core's formatInstant), for readers in the plan's
 * zone. A page shows hundreds of times and zone rules are costly, so the zone's offset is
 * asked once per quarter hour and the rest is plain arithmetic.
 */
export function local(ms: number | undefined, zone: string): string | undefined {
  if (ms === undefined) return undefined;
  const bucket = Math.floor(ms / OFFSET_BUCKET_MS) * OFFSET_BUCKET_MS;
  const key = `${zone}|${bucket}`;
  let known = offsets.get(key);
  if (known === undefined) {
    if (offsets.size >= 100_000) offsets.clear();
    // `2026-03-05 05:05 America/New_York`: the wall time gives the offset, the rest the zone's label.
    const text = formatInstant(bucket, zone);
    known = { offset: Date.parse(`${text.slice(0, 16).replace(' ', 'T')}:00Z`) - bucket, label: text.slice(17) };
    offsets.set(key, known);
  }
  return `${new Date(ms + known.offset).toISOString().slice(0, 16).replace('T', ' ')} ${known.label}`;
}

/** Hours with two decimals, as a number: `30.5`. */
export function hours(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round((ms / HOUR_MS) * 100) / 100;
}

export { HOUR_MS };
