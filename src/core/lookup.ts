/**
 * `table[key]` for the table's own entries only. Tables of labels and rules are plain objects, and a user value
 * such as `constructor`, `toString` or `__proto__` would otherwise read Object.prototype: a function where a
 * label was expected (printed as "function Object() { [native code] }") or a crash.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
