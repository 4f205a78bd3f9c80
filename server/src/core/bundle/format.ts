/** How the bundle writes times and durations: one convention for the CSVs, pages and manifest. */
import { formatInstant } from './core-api';

const HOUR_MS = 3_600_000;

/** RFC 3339 in UTC, whole seconds when there are no milliseconds: `2026-03-02T09:14:00Z`. */
export function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** `2026-03-05 05:05 America/New_York`: for readers in the plan's zone. */
export function local(ms: number | undefined, zone: string): string | undefined {
  return ms === undefined ? undefined : formatInstant(ms, zone);
}

/** Hours with two decimals, as a number: `30.5`. */
export function hours(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round((ms / HOUR_MS) * 100) / 100;
}

export { HOUR_MS };
