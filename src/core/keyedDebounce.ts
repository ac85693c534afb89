/**
 * One pending run per key (a document): scheduling again replaces the waiting run, so typing only
 * resets a timer and the work runs when the keys pause. Also caches of promises that forget failures.
 */
export class KeyedDebounce {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  schedule(key: string, delayMs: number, run: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run();
      }, delayMs),
    );
  }

  has(key: string): boolean {
    return this.timers.has(key);
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** The cached promise of `key`, loaded on first use; a rejected one is dropped, so the next call tries again. */
export function cachedPromise<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(key);
  if (!promise) {
    const loaded = load();
    promise = loaded;
    cache.set(key, loaded);
    loaded.catch(() => {
      if (cache.get(key) === loaded) cache.delete(key);
    });
  }
  return promise;
}
