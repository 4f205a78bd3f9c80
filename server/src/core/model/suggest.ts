import { closest, distance } from 'fastest-levenshtein';

/** The known word nearest to `value`, when it is close enough to be a likely typo. */
export function nearest(value: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(value, [...known]);
  const tolerance = Math.max(2, Math.floor(value.length / 3));
  return distance(value, best) <= tolerance ? best : undefined;
}
