/** How figures read in the report: durations, relative times and money. */
import { formatDuration } from '../core/format';

export { formatDuration };

/** T+12m, T+2h 05m, T-10m. */
export function formatRelative(minutes: number): string {
  if (Math.round(minutes) === 0 && Math.abs(minutes) < 1 / 120) return 'T+0';
  return minutes < 0 ? `T${formatDuration(minutes)}` : `T+${formatDuration(minutes)}`;
}

const formatterCache = new Map<string, Intl.NumberFormat>();

/**
 * Money in the document's currency. An unknown or malformed currency code
 * (Intl throws for "EURO" and "$") falls back to the number followed by the code as written.
 */
export function formatMoney(amount: number, currency: string | null | undefined): string {
  const code = typeof currency === 'string' ? currency.trim() : '';
  const cacheKey = code || '-';
  // Keyed by whatever the user typed, so keep it small.
  if (formatterCache.size > 64) formatterCache.clear();
  let formatter = formatterCache.get(cacheKey);
  if (!formatter) {
    try {
      formatter = code
        ? new Intl.NumberFormat('en-US', { style: 'currency', currency: code, maximumFractionDigits: 2 })
        : new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    } catch {
      formatter = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
      const plain = formatter;
      const suffixed = { format: (n: number) => `${plain.format(n)} ${code}` } as Intl.NumberFormat;
      formatterCache.set(cacheKey, suffixed);
      return suffixed.format(amount);
    }
    formatterCache.set(cacheKey, formatter);
  }
  return formatter.format(amount);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(value);
}

/** "1 day", "3 days". */
export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
