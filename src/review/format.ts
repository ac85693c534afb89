/** Number and label formatting shared by the Markdown and HTML reports. */
import { formatDuration, formatMoney } from '../core/format';
import type { SampleStats } from './stats';

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
