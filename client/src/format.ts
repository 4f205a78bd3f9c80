// How the tree, the status bar and the alerts write times: the server's own words for lengths
// of time (core/model/duration), with the summary's instants.
import { DAY_MS, formatDuration } from '../../server/src/core/model/duration';
import type { ClockSummary } from '../../server/src/protocol';

export { formatDuration };

/** An incident's age: whole days from a day on ("3 d"), else hours or minutes. */
export function formatAge(ms: number): string {
  return ms >= DAY_MS ? `${Math.floor(ms / DAY_MS)} d` : formatDuration(ms);
}

/** "9 h left", "2 h overdue". */
export function clockCountdown(clock: ClockSummary): string {
  return clock.verdict === 'breached' ? `${formatDuration(clock.msLate ?? 0)} overdue` : `${formatDuration(clock.msLeft ?? 0)} left`;
}

/** `2026-11-26 09:30 UTC` from an RFC 3339 instant. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
