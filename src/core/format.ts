/**
 * Durations as people read them. One function for every place that shows a
 * duration, so the preview, the quarterly review and the diagnostics agree.
 */

/**
 * `figure`: how the preview and the quarterly review show a figure,
 * 150 -> "2h 30m", 125 -> "2h 05m", 45 -> "45m", 1500 -> "1d 1h", 0.5 -> "30s".
 * `prose`: inside a sentence of a diagnostic message, 150 -> "2 h 30 min", 45 -> "45 min".
 */
export type DurationStyle = 'figure' | 'prose';

export function formatDuration(minutes: number, style: DurationStyle = 'figure'): string {
  return style === 'prose' ? proseDuration(minutes) : figureDuration(minutes);
}

function figureDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const total = Math.abs(minutes);
  if (total < 1 && total > 0) return `${sign}${Math.round(total * 60)}s`;
  const whole = Math.round(total);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const mins = whole % 60;
  if (days > 0) return `${sign}${days}d${hours ? ` ${hours}h` : ''}${mins ? ` ${mins}m` : ''}`;
  if (hours > 0) return `${sign}${hours}h${mins ? ` ${String(mins).padStart(2, '0')}m` : ''}`;
  return `${sign}${mins}m`;
}

function proseDuration(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * The largest amount the cost figures take as real: a quadrillion, above any incident's cost in any currency.
 * Past it (`1e308 + 1e308` is Infinity) sums are meaningless; they are shown as "out of range", and lint says which input.
 */
export const MAX_COST_AMOUNT = 1e15;

export function isCostInRange(amount: number): boolean {
  return Number.isFinite(amount) && Math.abs(amount) <= MAX_COST_AMOUNT;
}

/**
 * Money as the preview and the quarterly review both show it.
 *
 * The one rule: Intl's currency style in en-US, with the currency's own minor
 * unit, always shown: `$3,000.00`, `€1,234.50`, `¥1,235` (yen has no cents).
 * Totals, means and single cost lines all follow it, so the same amount reads
 * the same in the preview, the review and an exported report.
 *
 * A missing code (no `cost.currency`) gives the bare number with two decimals
 * (`3,000.00`); a code Intl rejects (`EURO`, `$`, anything not three letters)
 * gives the same number followed by the code as written (`3,000.00 EURO`),
 * so a typo shows up in the report instead of being dropped or thrown.
 */
export function formatMoney(amount: number, currency: string | null | undefined): string {
  // Not "$∞" nor "$NaN": an amount past the cost figures' bound is not a real amount.
  if (!isCostInRange(amount)) return 'out of range';
  const code = typeof currency === 'string' ? currency.trim() : '';
  if (code === '') return plainMoney().format(amount);
  const formatter = currencyFormatter(code);
  return formatter ? formatter.format(amount) : `${plainMoney().format(amount)} ${code}`;
}

let plainMoneyFormat: Intl.NumberFormat | undefined;

/** Two decimals, grouped: the number when there is no usable currency code. Built on first use: the first Intl formatter loads locale data, which a lint never needs. */
function plainMoney(): Intl.NumberFormat {
  plainMoneyFormat ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return plainMoneyFormat;
}
/** By code as written; null for a code Intl rejects. */
const currencyFormatters = new Map<string, Intl.NumberFormat | null>();

/** Intl.NumberFormat is slow to build, and a review formats many amounts in a handful of currencies. */
function currencyFormatter(code: string): Intl.NumberFormat | null {
  const cached = currencyFormatters.get(code);
  if (cached !== undefined) return cached;
  let formatter: Intl.NumberFormat | null;
  try {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
  } catch {
    // A RangeError for a malformed code ("EURO", "$").
    formatter = null;
  }
  // Keyed by whatever the user typed, so keep it small.
  if (currencyFormatters.size > 64) currencyFormatters.clear();
  currencyFormatters.set(code, formatter);
  return formatter;
}
