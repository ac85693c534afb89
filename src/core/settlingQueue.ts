/**
 * Keys collected over a burst (a branch switch touching hundreds of files) and handed over once, when
 * no new key has started a batch for `settleMs`: the first key of a batch starts its timer.
 */
export class SettlingQueue {
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly settleMs: number,
    private readonly onSettled: (keys: string[]) => void,
  ) {}

  add(key: string): void {
    this.pending.add(key);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const keys = [...this.pending];
      this.pending = new Set();
      this.onSettled(keys);
    }, this.settleMs);
  }

  delete(key: string): void {
    this.pending.delete(key);
  }

  clear(): void {
    this.pending.clear();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
