/** Summary statistics of a sample, as the quarterly review reports them. */
export interface SampleStats {
  mean: number | null;
  median: number | null;
  p90: number | null;
  /** The sample size: the reader needs it to judge the other three. */
  n: number;
}

/** Below this many incidents a quarter's averages get a warning: a few incidents mislead. */
export const SMALL_SAMPLE = 5;

/**
 * Mean, median and 90th percentile of `values` (non-finite values ignored).
 * The median of an even sample is the mean of the two middle values; p90 uses
 * the nearest-rank method (the smallest value with at least 90% of the sample
 * at or below it), so it is always a value that actually occurred.
 */
export function sampleStats(values: Iterable<number>): SampleStats {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { mean: null, median: null, p90: null, n: 0 };
  const sum = sorted.reduce((total, v) => total + v, 0);
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1];
  return { mean: round(sum / n), median: round(median), p90: round(p90), n };
}

/** Two decimals: enough for minutes and money, and stable in JSON output and tests. */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
