/**
 * What the previous lints of one document found, per entry, for a rule to reuse while the entry's text is the
 * same: while someone types in a 20,000-entry timeline, only the entry being edited is analysed again.
 *
 * Two generations instead of a bounded cache: a lint keeps what it reads and the entries of the lint before it,
 * and forgets the rest when it ends. Memory follows the document (never more than two lints' entries), and there
 * is no size past which every entry misses, as a least-recently-used cache smaller than the document has
 * (issue 11: past 4,000 sentences the blame detector's cache thrashed and an edit cost 4.3x the parse).
 */
export class LintMemo {
  private current = new Map<string, Map<string, unknown>>();
  private previous = new Map<string, Map<string, unknown>>();
  private finished = true;

  /** A lint begins. A lint that never finished (cancelled) keeps its entries with those of the lint before. */
  startLint(): void {
    if (this.finished) {
      this.previous = this.current;
    } else {
      for (const [name, entries] of this.current) {
        const older = this.previous.get(name);
        if (!older) this.previous.set(name, entries);
        else for (const [key, value] of entries) older.set(key, value);
      }
    }
    this.current = new Map();
    this.finished = false;
  }

  /** The lint ended: what it did not read is forgotten. */
  endLint(): void {
    this.finished = true;
    this.previous = new Map();
  }

  /** Whether lookup would find `key` in `table` without computing it. */
  has(table: string, key: string): boolean {
    return this.current.get(table)?.has(key) === true || this.previous.get(table)?.has(key) === true;
  }

  /**
   * The value for `key` in `table` (a rule and whatever else its result depends on, such as the roster of people),
   * computed when neither this lint nor the one before had it. The value must depend on `table` and `key` alone.
   */
  lookup<V>(table: string, key: string, compute: () => V): V {
    let entries = this.current.get(table);
    if (!entries) this.current.set(table, (entries = new Map()));
    if (entries.has(key)) return entries.get(key) as V;
    const older = this.previous.get(table);
    const value = older?.has(key) ? (older.get(key) as V) : compute();
    entries.set(key, value);
    return value;
  }
}
