/**
 * `table[key]` for the table's own entries only. Tables of labels and rules are plain objects, and a user value
 * such as `constructor`, `toString` or `__proto__` would otherwise read Object.prototype: a function where a
 * label was expected (printed as "function Object() { [native code] }") or a crash.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The index of the last of `items` (in text order) that starts at or before `offset`, or -1: a binary search. */
export function lastStartingBy<T>(items: readonly T[], offset: number, startOf: (item: T) => number | undefined): number {
  let low = 0;
  let high = items.length - 1;
  let index = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((startOf(items[mid]) ?? Number.POSITIVE_INFINITY) <= offset) [index, low] = [mid, mid + 1];
    else high = mid - 1;
  }
  return index;
}
