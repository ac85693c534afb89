/** How figures read in the report: durations, relative times and money. */
import { formatDuration, formatMoney } from '../core/format';

// One rule for money and durations in the preview and the quarterly review: see src/core/format.ts.
export { formatDuration, formatMoney };

/** T+12m, T+2h 05m, T-10m. */
export function formatRelative(minutes: number): string {
  if (Math.round(minutes) === 0 && Math.abs(minutes) < 1 / 120) return 'T+0';
  return minutes < 0 ? `T${formatDuration(minutes)}` : `T+${formatDuration(minutes)}`;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(value);
}

/** "1 day", "3 days". */
export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
