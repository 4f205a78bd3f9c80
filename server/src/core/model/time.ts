// Instants, dates and their display. Pure: every function takes the zone it needs, and none
// reads the clock or the process's own time zone.
import { DateTime } from 'luxon';

export interface ParsedInstant {
  /** Epoch milliseconds. */
  ms: number;
  /** False when the text had no offset and was read in the given zone (`timestamp-timezone`). */
  hasOffset: boolean;
}

export interface ParsedDue extends ParsedInstant {
  /** True for `YYYY-MM-DD`: the due instant is the end of that day in the zone. */
  dateOnly: boolean;
}

/** `YYYY-MM-DD`, with the year, month and day captured. */
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time with no `Z` and no `±HH:MM` (SPEC 2: accepted by the schema, but ambiguous). */
export const LOCAL_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
/** The schema's date_or_timestamp shape: a date, or a date-time with or without an offset. */
export const DATE_OR_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
/** An RFC 3339 date-time with an offset, the only shape an as-of instant may take. */
export const OFFSET_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

// Lengths of time live apart from luxon, so that the VS Code client can format them too.
import { HOUR_MS, MINUTE_MS } from './duration';
export { MINUTE_MS, HOUR_MS, DAY_MS, formatDuration } from './duration';
// RFC 3339 date-time. The separator may be `T`, `t` or a space (RFC 3339 5.6 note); seconds are
// tolerated when missing so that a deadline can still be computed (the schema flags the text).
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$/;

/**
 * True when luxon knows the IANA zone (or `UTC`). Asking luxon costs about 20 µs (it formats an
 * instant in the zone), and every deadline, plan calendar and local timestamp asks, several times
 * per record: the answers are kept, for up to ZONE_CACHE_SIZE names (then it starts over).
 */
export function isValidZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  let valid = validZones.get(zone);
  if (valid === undefined) {
    if (validZones.size >= ZONE_CACHE_SIZE) validZones.clear();
    valid = DateTime.fromMillis(0, { zone }).isValid;
    validZones.set(zone, valid);
  }
  return valid;
}

const validZones = new Map<string, boolean>();

/**
 * The zone to compute in. An unknown zone falls back to UTC so that deadlines are never lost;
 * the plan's schema check reports the bad `timezone` itself.
 */
export function resolveZone(zone: unknown): string {
  return isValidZone(zone) ? zone : 'UTC';
}

/**
 * Reads an RFC 3339 timestamp (`2026-03-02T09:14:00Z`, `…+05:30`, fractional seconds).
 * A timestamp without an offset is read in `zone` and reported with `hasOffset: false`.
 * A date-only `YYYY-MM-DD` (or anything else) gives undefined: use `parseDue` for dues.
 */
export function parseInstant(text: unknown, zone: string): ParsedInstant | undefined {
  if (typeof text !== 'string') return undefined;
  // Rules and pages read every string of a record as a possible instant: prose fails here, the
  // usual `2026-03-02T09:14:00.250Z` / `…+05:30` is read by hand, the rest by the pattern.
  const first = text.charCodeAt(0);
  if (!(first >= DIGIT_0 && first <= DIGIT_9) && first > SPACE && first < NON_ASCII) return undefined;
  const canonical = readCanonical(text);
  if (canonical !== NOT_CANONICAL) return canonical;
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const fields = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
    // Sub-millisecond digits are truncated: instants are compared in milliseconds.
    millisecond: m[7] === undefined ? 0 : Number(m[7].slice(1, 4).padEnd(3, '0')),
  };
  const hasOffset = m[8] !== undefined || m[9] !== undefined;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const h = Number(m[10]);
    const min = Number(m[11]);
    if (h > 23 || min > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (h * 60 + min);
  }
  if (hasOffset) {
    // The common case needs no zone rules: plain UTC arithmetic, much cheaper than luxon.
    if (!validWallTime(fields)) return undefined;
    const utc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, fields.millisecond);
    return { ms: utc - offsetMinutes * 60_000, hasOffset };
  }
  // Without an offset, the wall time is read in the plan's zone.
  const dt = DateTime.fromObject(fields, { zone: resolveZone(zone) });
  // luxon rejects out-of-range fields (2026-02-30, 25:00, second 60) as invalid.
  if (!dt.isValid) return undefined;
  return { ms: dt.toMillis(), hasOffset };
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** At or below: control characters and the space, which trim() may remove. */
const SPACE = 0x20;
/** From here: characters of which some are white space to trim(). */
const NON_ASCII = 0x80;
const NOT_CANONICAL = null;

/** The two digits at `at` as a number; -1 when either is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - DIGIT_0;
  const ones = text.charCodeAt(at + 1) - DIGIT_0;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * parseInstant of `YYYY-MM-DD[Tt ]HH:MM:SS[.fraction](Z|z|±HH:MM)` exactly as the TIMESTAMP
 * pattern reads it (the same field checks, the same Date.UTC); NOT_CANONICAL for any other text,
 * which the pattern then reads. No white space can surround such a text: trim() changes nothing.
 */
function readCanonical(text: string): ParsedInstant | undefined | typeof NOT_CANONICAL {
  const length = text.length;
  if (length < 20 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return NOT_CANONICAL;
  const separator = text.charCodeAt(10);
  if (separator !== 0x54 && separator !== 0x74 && separator !== SPACE) return NOT_CANONICAL;
  const century = twoDigits(text, 0);
  const yearInCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 0 || yearInCentury < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return NOT_CANONICAL;
  let at = 19;
  let millisecond = 0;
  if (text.charCodeAt(at) === 0x2e) {
    const from = ++at;
    for (let code = text.charCodeAt(at); code >= DIGIT_0 && code <= DIGIT_9; code = text.charCodeAt(++at)) {
      // Sub-millisecond digits are truncated, as the pattern's reading does.
      if (at - from < 3) millisecond += (code - DIGIT_0) * (at - from === 0 ? 100 : at - from === 1 ? 10 : 1);
    }
    if (at === from) return NOT_CANONICAL;
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(at);
  if (zone === 0x5a || zone === 0x7a) {
    if (at + 1 !== length) return NOT_CANONICAL;
  } else if (zone === 0x2b || zone === 0x2d) {
    if (at + 6 !== length || text.charCodeAt(at + 3) !== 0x3a) return NOT_CANONICAL;
    const h = twoDigits(text, at + 1);
    const min = twoDigits(text, at + 4);
    if (h < 0 || min < 0) return NOT_CANONICAL;
    if (h > 23 || min > 59) return undefined;
    offsetMinutes = (zone === 0x2d ? -1 : 1) * (h * 60 + min);
  } else {
    return NOT_CANONICAL;
  }
  const year = century * 100 + yearInCentury;
  if (!validWallTime({ year, month, day, hour, minute, second })) return undefined;
  return { ms: Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000, hasOffset: true };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with a value of a date or timestamp's shape that names no real instant
 * (`2026-02-30`, `25:61`, an offset beyond ±23:59), in words for the `schema` finding;
 * undefined when it is real, or not of that shape at all (the schema's pattern says so).
 * parseInstant and parseDue read exactly the values this accepts, so no rule skips silently
 * what the schema rule did not report.
 */
export function instantProblem(text: string): string | undefined {
  const trimmed = text.trim();
  const m = TIMESTAMP.exec(trimmed) ?? DATE_PATTERN.exec(trimmed);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `month ${m[2]} does not exist (01–12)`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${m[1]}-${m[2]}-${m[3]} is not a day: ${MONTHS[month - 1]} ${year} has ${days} days`;
  if (m[4] === undefined) return undefined;
  if (Number(m[4]) > 23) return `hour ${m[4]} does not exist (00–23)`;
  if (Number(m[5]) > 59) return `minute ${m[5]} does not exist (00–59)`;
  if (m[6] !== undefined && Number(m[6]) > 59) return `second ${m[6]} does not exist (00–59; leap seconds are not supported)`;
  if (m[9] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return `the offset ${m[9]}${m[10]}:${m[11]} is beyond ±23:59`;
  return undefined;
}

/** Field ranges as luxon checks them: no 2026-02-30, no 25:00, no second 60. */
function validWallTime(f: { year: number; month: number; day: number; hour: number; minute: number; second: number }): boolean {
  if (!(f.month >= 1 && f.month <= 12 && f.day >= 1 && f.hour <= 23 && f.minute <= 59 && f.second <= 59)) return false;
  // Every month has 28 days: only a later day needs the calendar.
  return f.day <= 28 || f.day <= new Date(Date.UTC(f.year, f.month, 0)).getUTCDate();
}

/**
 * The end of a local calendar day: the first instant of the next day minus 1 ms, so a day
 * shortened or lengthened by a DST change still ends at its real midnight.
 */
export function endOfLocalDay(isoDate: unknown, zone: string): number | undefined {
  // The same due dates recur across a workspace.
  return typeof isoDate === 'string' ? cachedEndOfLocalDay(isoDate, zone) : undefined;
}

/**
 * Remembers what `compute` gives for a text in a zone, for the last up to 10,000 pairs (then it
 * starts over): zone arithmetic is costly, and the same dates and timestamps recur.
 */
function memoInZone<T>(compute: (text: string, zone: string) => T): (text: string, zone: string) => T {
  const cache = new Map<string, T>();
  return (text, zone) => {
    const key = `${text}|${zone}`;
    if (!cache.has(key)) {
      if (cache.size >= ZONE_CACHE_SIZE) cache.clear();
      cache.set(key, compute(text, zone));
    }
    return cache.get(key) as T;
  };
}

const ZONE_CACHE_SIZE = 10_000;
const cachedEndOfLocalDay = memoInZone(computeEndOfLocalDay);

function computeEndOfLocalDay(isoDate: string, zone: string): number | undefined {
  const day = localDay(isoDate, zone);
  return day && day.plus({ days: 1 }).startOf('day').toMillis() - 1;
}

/** The start of a `YYYY-MM-DD` day in `zone`; undefined for anything else or an impossible date. */
function localDay(isoDate: string, zone: string): DateTime | undefined {
  const m = DATE_PATTERN.exec(isoDate.trim());
  if (!m) return undefined;
  const day = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: resolveZone(zone) });
  return day.isValid ? day : undefined;
}

/** The first instant of a local calendar day (`YYYY-MM-DD`) in `zone`. */
export function startOfLocalDay(isoDate: unknown, zone: string): number | undefined {
  return typeof isoDate === 'string' ? localDay(isoDate, zone)?.toMillis() : undefined;
}

/**
 * A due value: a date (`2026-03-30`, due at the end of that day in `zone`, SPEC 2) or a
 * timestamp (due at that instant).
 */
export function parseDue(text: unknown, zone: string): ParsedDue | undefined {
  if (typeof text !== 'string') return undefined;
  const end = endOfLocalDay(text, zone);
  if (end !== undefined) return { ms: end, hasOffset: false, dateOnly: true };
  const instant = parseInstant(text, zone);
  return instant && { ...instant, dateOnly: false };
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in `zone`. */
export function localDate(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone: resolveZone(zone) }).toFormat('yyyy-MM-dd');
}

/**
 * `2026-03-05 10:05 UTC`, the message style of SPEC 2.4. In another zone the IANA name
 * replaces `UTC` (`2026-03-05 05:05 America/New_York`): abbreviations depend on the locale.
 */
export function formatInstant(ms: number, zone = 'UTC'): string {
  const z = resolveZone(zone);
  const label = z.toUpperCase() === 'UTC' ? 'UTC' : z;
  return `${DateTime.fromMillis(ms, { zone: z }).toFormat('yyyy-MM-dd HH:mm')} ${label}`;
}

/**
 * `Thu 12 Mar 09:14 UTC`, for tight places (inlay hints, lenses); the year is added when it is
 * not the year of `now` (`Mon 1 Feb 2027 00:00 America/New_York`).
 */
export function formatShortInstant(ms: number, zone: string, now: number): string {
  const z = resolveZone(zone);
  const at = DateTime.fromMillis(ms, { zone: z }).setLocale('en');
  const year = at.year === DateTime.fromMillis(now, { zone: z }).year ? '' : ' yyyy';
  return `${at.toFormat(`ccc d LLL${year} HH:mm`)} ${z.toUpperCase() === 'UTC' ? 'UTC' : z}`;
}

/**
 * An instant as an RFC 3339 timestamp with the zone's offset at that instant, to the minute,
 * as records are written: `2026-03-02T10:14:00-05:00` (`Z` in UTC).
 */
export function timestampInZone(ms: number, zone: string): string {
  return formatTimestamp(Math.floor(ms / MINUTE_MS) * MINUTE_MS, zone);
}

/**
 * An instant as an RFC 3339 timestamp in `zone`, with the zone's offset at that instant (`Z`
 * in UTC): `2026-03-02T10:14:00+01:00`. Milliseconds are written only when there are some.
 */
export function formatTimestamp(ms: number, zone: string): string {
  const z = resolveZone(zone);
  const local = DateTime.fromMillis(ms, { zone: z });
  const wall = local.toFormat(ms % 1000 === 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.SSS");
  return `${wall}${z.toUpperCase() === 'UTC' ? 'Z' : local.toFormat('ZZ')}`;
}

/**
 * A timestamp written without an offset, with the offset `zone` has at the instant it is
 * read as there (`2026-03-02T09:14:00` → `2026-03-02T09:14:00-05:00`; `Z` in UTC). A wall
 * time that does not exist in the zone (skipped by a DST change) is rewritten as the instant
 * it is read as. Undefined for anything else.
 */
export function withZoneOffset(text: string, zone: string): string | undefined {
  // A file's quick fixes are asked for again at every cursor move.
  return cachedWithZoneOffset(text, zone);
}

const cachedWithZoneOffset = memoInZone(computeWithZoneOffset);

function computeWithZoneOffset(text: string, zone: string): string | undefined {
  const read = parseInstant(text, zone);
  if (!read || read.hasOffset) return undefined;
  const z = resolveZone(zone);
  const offset = z.toUpperCase() === 'UTC' ? 'Z' : DateTime.fromMillis(read.ms, { zone: z }).toFormat('ZZ');
  const written = `${text.trim()}${offset}`;
  return parseInstant(written, z)?.ms === read.ms ? written : formatTimestamp(read.ms, z);
}

/** The local calendar date `days` days after the local date of an instant in `zone`. */
export function localDateAfter(ms: number, days: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone: resolveZone(zone) }).plus({ days }).toFormat('yyyy-MM-dd');
}

/**
 * How long until `formatDuration` of the time to an instant `remainingMs` away (negative: in
 * the past) reads differently as time passes: what a countdown's refresh waits for. The units
 * are formatDuration's: minutes under an hour, hours above; the instant itself is a change too.
 */
export function msUntilDurationChanges(remainingMs: number): number {
  if (remainingMs >= 0) {
    // Counting down (the instant itself still counts as left): `5 min` stays until less than 5 min remain.
    if (remainingMs < MINUTE_MS) return remainingMs + 1;
    return (remainingMs % (remainingMs < HOUR_MS ? MINUTE_MS : HOUR_MS)) + 1;
  }
  // Counting up since the instant: `5 min ago` turns into `6 min ago` at 6 min.
  const elapsed = -remainingMs;
  const unit = elapsed < HOUR_MS ? MINUTE_MS : HOUR_MS;
  return unit - (elapsed % unit);
}

/**
 * The lengths formatDuration writes as it writes `abs` (a length ≥ 0): [from, to), whole
 * minutes under an hour, whole hours from then on (days and hours change by the hour).
 */
export function durationBucket(abs: number): { from: number; to: number } {
  const unit = abs < HOUR_MS ? MINUTE_MS : HOUR_MS;
  const from = Math.floor(abs / unit) * unit;
  return { from, to: from + unit };
}
