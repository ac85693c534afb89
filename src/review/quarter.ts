import { localDateOf, type Instant } from '../core/time';

/** A calendar quarter, e.g. `2026-Q3`. */
export type QuarterKey = string;

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

/**
 * The quarter of an incident, counted on the incident's own wall clock (the
 * offset written in summary.start): 2026-03-31T23:30:00-05:00 is in 2026-Q1
 * even though it is already April in UTC. The people who lived through the
 * incident, and the report they wrote, place it in March.
 */
export function quarterOf(start: Instant): QuarterKey {
  const local = localDateOf(start);
  return formatQuarter(local.year, Math.floor((local.month - 1) / 3) + 1);
}

export function formatQuarter(year: number, quarter: number): QuarterKey {
  return `${String(year).padStart(4, '0')}-Q${quarter}`;
}

/** `YYYY-Qn` as {year, quarter}, or undefined when the text is not a quarter. */
export function parseQuarter(text: string): { year: number; quarter: number } | undefined {
  const m = QUARTER_RE.exec(text.trim());
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : undefined;
}

export function isQuarter(text: string): boolean {
  return parseQuarter(text) !== undefined;
}

/** The calendar quarter just before `key` (2026-Q1 -> 2025-Q4). */
export function previousQuarter(key: QuarterKey): QuarterKey {
  const q = parseQuarter(key);
  if (!q) throw new Error(`not a quarter: ${key}`);
  return q.quarter === 1 ? formatQuarter(q.year - 1, 4) : formatQuarter(q.year, q.quarter - 1);
}

export function nextQuarter(key: QuarterKey): QuarterKey {
  const q = parseQuarter(key);
  if (!q) throw new Error(`not a quarter: ${key}`);
  return q.quarter === 4 ? formatQuarter(q.year + 1, 1) : formatQuarter(q.year, q.quarter + 1);
}

/**
 * Every quarter from the earliest to the latest of `keys`, gaps included: a
 * quarter without incidents is a result worth showing, and trend charts need
 * evenly spaced points.
 */
export function quarterRange(keys: Iterable<QuarterKey>): QuarterKey[] {
  const sorted = [...new Set(keys)].filter(isQuarter).sort();
  if (sorted.length === 0) return [];
  const last = sorted[sorted.length - 1];
  const result: QuarterKey[] = [];
  // Bounded: a typo such as year 0026 would otherwise produce thousands of empty quarters.
  for (let key = sorted[0]; key <= last && result.length < 400; key = nextQuarter(key)) result.push(key);
  if (result[result.length - 1] !== last) return sorted;
  return result;
}
