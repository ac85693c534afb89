/** Number and label formatting shared by the Markdown and HTML reports. */
import { formatDuration, formatMoney } from '../core/format';
import type { SampleStats } from './stats';
import type { Review } from './review';

/** A duration as the preview shows it ("1h 30m"), so both views read alike; a dash when not known. */
export function formatMinutes(value: number | null): string {
  return value === null ? '—' : formatDuration(value);
}

export function formatStats(stats: SampleStats): string {
  if (stats.n === 0) return 'not known (n = 0)';
  return `mean ${formatMinutes(stats.mean)}, median ${formatMinutes(stats.median)}, p90 ${formatMinutes(stats.p90)} (n = ${stats.n})`;
}

/** An amount as the preview shows it (core formatMoney: "$3,000.00"); a dash when not known. */
export function formatCost(value: number | null, currency: string | null): string {
  return value === null ? '—' : formatMoney(value, currency);
}

export function formatPct(value: number | null): string {
  if (value === null) return '—';
  // Grouped like money: "+31,072%", not "+31072%".
  return `${value > 0 ? '+' : ''}${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
}

export function formatRate(value: number | null): string {
  return value === null ? '—' : `${trim(Math.round(value * 1000) / 10)}%`;
}

export function factorLabel(key: string): string {
  return key.replace(/_/g, ' ');
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** "2 incidents; scored 2.5 on average (0-3) over 2 incidents": a sum of scores over several incidents reads as a bigger score than 3. */
export function rootCauseDetail(c: { incidents: number; factor_score_n: number; factor_score_mean: number | null }): string {
  const count = `${c.incidents} incident${c.incidents === 1 ? '' : 's'}`;
  if (c.factor_score_mean === null) return `${count}; factor not scored`;
  return `${count}; mean factor score ${trim(c.factor_score_mean)} of 3 over ${c.factor_score_n} incident${c.factor_score_n === 1 ? '' : 's'}`;
}

/** Currencies of any quarter other than the report currency, most used first. */
export function otherCurrencies(review: Review): Array<string | null> {
  const tally = new Map<string | null, number>();
  for (const q of review.quarters) for (const c of q.cost_by_currency) if (c.currency !== review.cost_currency) tally.set(c.currency, (tally.get(c.currency) ?? 0) + c.n);
  return [...tally].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).map(([c]) => c);
}
