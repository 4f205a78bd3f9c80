import { DATE_PATTERN, OFFSET_TIMESTAMP_PATTERN } from './time';

/**
 * The one notion of "now". The node layer resolves it (node/now.ts) from, in order: an
 * explicit override (the `cc7.asOf` setting or the CLI's `--as-of`), the `CC7_NOW`
 * environment variable (tests), the wall clock. The core only ever receives the function.
 */
export type Clock = () => number;

export class ClockError extends Error {}

/** Parses an as-of value: an RFC 3339 instant with offset, or a date (midnight UTC). */
export function parseAsOf(text: string): number {
  const trimmed = text.trim();
  const dateOnly = DATE_PATTERN.test(trimmed);
  const instant = OFFSET_TIMESTAMP_PATTERN.test(trimmed);
  const ms = dateOnly || instant ? Date.parse(dateOnly ? `${trimmed}T00:00:00Z` : trimmed) : NaN;
  if (Number.isNaN(ms)) {
    throw new ClockError(`invalid time "${text}": use RFC 3339 with an offset, e.g. 2026-06-30T00:00:00Z`);
  }
  return ms;
}
