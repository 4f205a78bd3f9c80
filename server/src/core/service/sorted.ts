/**
 * Sorted arrays kept in order by binary insertion and removal, so a change costs a search and
 * one move of memory, never a sort of the whole workspace.
 */

/** The first index whose item is not before `item` under `compare`. */
export function lowerBound<T>(items: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(items[mid]!, item) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function insertSorted<T>(items: T[], item: T, compare: (a: T, b: T) => number): void {
  items.splice(lowerBound(items, item, compare), 0, item);
}

/** Removes one item equal to `item` under `compare`; false when there is none. */
export function removeSorted<T>(items: T[], item: T, compare: (a: T, b: T) => number): boolean {
  const at = lowerBound(items, item, compare);
  if (at >= items.length || compare(items[at]!, item) !== 0) return false;
  items.splice(at, 1);
  return true;
}

/** Code-unit order, the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
