/**
 * The one notion of "now". Adapters resolve it from, in order: an explicit override
 * (the `cc7.asOf` setting or the CLI's `--as-of`), the `CC7_NOW` environment variable
 * (tests), the wall clock. The core only ever receives the resulting function.
 */
export type Clock = () => number;

export class ClockError extends Error {}

/** Parses an as-of value: an RFC 3339 instant with offset, or a date (midnight UTC). */
export function parseAsOf(text: string): number {
  const trimmed = text.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(trimmed);
  const ms = dateOnly || instant ? Date.parse(dateOnly ? `${trimmed}T00:00:00Z` : trimmed) : NaN;
  if (Number.isNaN(ms)) {
    throw new ClockError(`invalid time "${text}": use RFC 3339 with an offset, e.g. 2026-06-30T00:00:00Z`);
  }
  return ms;
}

/** Builds the clock from the first override that is set, else the wall clock. */
export function resolveClock(overrides: readonly (string | undefined)[], wallClock: Clock = Date.now): Clock {
  const chosen = overrides.find((value) => value !== undefined && value.trim() !== '');
  if (chosen === undefined) return wallClock;
  const fixed = parseAsOf(chosen);
  return () => fixed;
}
