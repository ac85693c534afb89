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

/**
 * An ISO date-time as people read it: `2026-04-14T09:12:00Z` -> date `2026-04-14`,
 * clock `09:12 UTC` (seconds only when not :00). Undefined for anything else,
 * which callers show as written.
 */
export function readableInstant(value: string): { date: string; clock: string } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!m) return undefined;
  const seconds = m[3] && m[3] !== '00' ? `:${m[3]}` : '';
  const zone = m[4] === undefined ? '' : m[4] === 'Z' ? ' UTC' : ` ${m[4]}`;
  return { date: m[1], clock: `${m[2]}${seconds}${zone}` };
}
