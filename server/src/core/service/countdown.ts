import { msUntilDurationChanges } from '../model/time';

/**
 * When the first of some countdowns shown to the user ("9 h left", "3 d ago") reads
 * differently: the instant a client should be asked to refresh them. Undefined when none moves.
 */
export function nextChange(now: number, instants: readonly number[]): number | undefined {
  let soonest: number | undefined;
  for (const instant of instants) {
    const at = now + msUntilDurationChanges(instant - now);
    if (soonest === undefined || at < soonest) soonest = at;
  }
  return soonest;
}

/** What a feature shows, with the instant it goes stale as time passes (see nextChange). */
export interface Timed<T> {
  value: T;
  changesAt?: number;
}
