import { ClockError, parseAsOf, type Clock } from '../core/model/clock';

/** "Now" as the server and the CLI resolve it, in one place. */
export interface ResolvedNow {
  clock: Clock;
  /** True when an override fixes "now" (deadlines then never move by themselves). */
  pinned: boolean;
  /** Why an override was ignored (`cc7.asOf: invalid time "…"`); the wall clock is used instead. */
  problem?: string;
}

/**
 * The clock from, in order: the `cc7.asOf` setting or the CLI's `--as-of` (`override`, named in problems), the
 * `CC7_NOW` environment variable (tests), the wall clock. An invalid value is skipped and
 * named in `problem`, so the server keeps running; the CLI turns it into an error.
 */
export function resolveNow(
  override: { name: '--as-of' | 'cc7.asOf'; value: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
  wallClock: Clock = Date.now,
): ResolvedNow {
  const candidates: [string, string | undefined][] = [[override.name, override.value], ['CC7_NOW', env.CC7_NOW]];
  const problems: string[] = [];
  for (const [name, value] of candidates) {
    if (value === undefined || value.trim() === '') continue;
    try {
      const fixed = parseAsOf(value);
      return { clock: () => fixed, pinned: true, ...(problems.length ? { problem: problems.join('; ') } : {}) };
    } catch (error) {
      if (!(error instanceof ClockError)) throw error;
      problems.push(`${name}: ${error.message}`);
    }
  }
  return { clock: wallClock, pinned: false, ...(problems.length ? { problem: problems.join('; ') } : {}) };
}
