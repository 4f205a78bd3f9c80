// "Now" as a document check reads it. Findings that depend on the instant (a deadline passed,
// "due in 9 h", "3 d 2 h ago") stay exactly right only until some instant: every read of now
// goes through TrackedNow, which records the instants at which its answers change, so an
// analysis knows the span of time it holds for (a persistent cache serves it only then).
import { DateTime } from 'luxon';
import { DAY_MS, durationBucket, formatDuration, formatInstant, MINUTE_MS, resolveZone } from './time';

/** What is told the instants at which a result computed from "now" changes. */
export interface Horizon {
  /** The result may differ from this instant on (it stays the same before it, and from it on, until the next). */
  changesAt(...instants: number[]): void;
}

/** The span of instants an analysis holds for: from `validFrom` (inclusive) to `validUntil` (exclusive); absent: unbounded. */
export interface Validity {
  validFrom?: number;
  validUntil?: number;
}

/** Whether an analysis with this validity holds at `now`. */
export function holdsAt(validity: Validity, now: number): boolean {
  return (validity.validFrom === undefined || validity.validFrom <= now) && (validity.validUntil === undefined || now < validity.validUntil);
}

/** How far `offsetSpan` looks for a change of a zone's UTC offset (a zone without DST has none). */
const OFFSET_SEARCH_DAYS = 400;

/**
 * "Now" for one document's analysis. Rules never see the instant as a number: each question
 * (is it after this instant? how long since?) registers where its answer changes, and
 * `validity()` is the span around now in which no answer does.
 */
export class TrackedNow implements Horizon {
  private from = -Infinity;
  private until = Infinity;

  constructor(private readonly ms: number) {}

  changesAt(...instants: number[]): void {
    for (const at of instants) {
      if (Number.isNaN(at)) continue;
      if (at > this.ms) this.until = Math.min(this.until, at);
      else this.from = Math.max(this.from, at);
    }
  }

  /** now > t */
  isAfter(t: number): boolean {
    this.changesAt(t + 1);
    return this.ms > t;
  }

  /** now < t */
  isBefore(t: number): boolean {
    this.changesAt(t);
    return this.ms < t;
  }

  /** The time between now and `t`, either way, as formatDuration writes it ("9 h", "3 d 2 h"). */
  formatDistance(t: number): string {
    const signed = this.ms - t;
    if (!Number.isFinite(signed)) return formatDuration(signed);
    const { from, to } = durationBucket(Math.abs(signed));
    // The same text for |now − t| in [from, to): on the side of t that now is on, and on both around t.
    if (from === 0) this.changesAt(t - to + 1, t + to);
    else if (signed > 0) this.changesAt(t + from, t + to);
    else this.changesAt(t - to + 1, t - from + 1);
    return formatDuration(signed);
  }

  /** now − t, rounded down to a whole number of `unit`s (whole days: `DAY_MS`). */
  elapsedSince(t: number, unit = DAY_MS): number {
    const whole = Math.floor((this.ms - t) / unit);
    this.changesAt(t + whole * unit, t + (whole + 1) * unit);
    return whole * unit;
  }

  /** Now in UTC to the minute, as formatInstant writes it. */
  format(): string {
    const minute = Math.floor(this.ms / MINUTE_MS) * MINUTE_MS;
    this.changesAt(minute, minute + MINUTE_MS);
    return formatInstant(this.ms);
  }

  /** The UTC offset of `zone` now, `+05:30` style. */
  offsetIn(zone: string): string {
    const { from, to } = offsetSpan(this.ms, resolveZone(zone));
    this.changesAt(from, to);
    return DateTime.fromMillis(this.ms, { zone: resolveZone(zone) }).toFormat('ZZ');
  }

  /**
   * The instant itself, for a reader that registers its own changes through `changesAt` (the
   * deadline engine, given this as its `horizon`). Anything else asks one of the questions above.
   */
  get untracked(): number {
    return this.ms;
  }

  /** The span around now in which every answer given so far stays the same. */
  validity(): Validity {
    return {
      ...(this.from > -Infinity ? { validFrom: this.from } : {}),
      ...(this.until < Infinity ? { validUntil: this.until } : {}),
    };
  }
}

/**
 * The span around `ms` in which `zone` keeps the UTC offset it has at `ms`: found day by day
 * over OFFSET_SEARCH_DAYS each way, then to the millisecond (at most one change in a day).
 * Without a change that near, the search's ends bound the span.
 */
function offsetSpan(ms: number, zone: string): { from: number; to: number } {
  const offset = (at: number) => DateTime.fromMillis(at, { zone }).offset;
  const here = offset(ms);
  const edge = (direction: 1 | -1): number => {
    let inside = ms;
    for (let day = 1; day <= OFFSET_SEARCH_DAYS; day++) {
      const probe = ms + direction * day * DAY_MS;
      if (offset(probe) !== here) {
        // Narrow between the last instant with the offset and the first without.
        let outside = probe;
        while (Math.abs(outside - inside) > 1) {
          const middle = inside + Math.trunc((outside - inside) / 2);
          if (offset(middle) === here) inside = middle;
          else outside = middle;
        }
        return direction === 1 ? outside : inside;
      }
      inside = probe;
    }
    return inside;
  };
  return { from: edge(-1), to: edge(1) };
}
