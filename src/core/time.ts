/**
 * Dates and instants of the format. Date-times keep their UTC offset because
 * "HH:MM" timeline entries take summary.start's date *and* offset, and the
 * quarterly review counts quarters in the incident's own local time.
 */

export interface Instant {
  /** Milliseconds since the epoch (UTC). */
  epochMs: number;
  /** The offset written in the text, in minutes east of UTC (0 for `Z`). */
  offsetMinutes: number;
}

/** A calendar date, no time zone. Month is 1-12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})$/;
const CLOCK_RE = /^(\d{1,2}):(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `YYYY-MM-DD`, rejecting days that do not exist (2026-02-30). */
export function parseCalendarDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_RE.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Parses an ISO 8601 date-time that carries an offset. Returns undefined for anything else. */
export function parseDateTime(value: unknown): Instant | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_TIME_RE.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] ? Number(m[6]) : 0;
  const fraction = m[7] ? Number(m[7]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const offsetMinutes = parseOffset(m[8]);
  if (offsetMinutes === undefined) return undefined;
  const localMs = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(fraction * 1000);
  return { epochMs: localMs - offsetMinutes * 60_000, offsetMinutes };
}

function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * A timeline `at`: a full date-time, or "HH:MM" meaning that wall-clock time
 * on `base`'s local date and in `base`'s offset (base = summary.start).
 */
export function parseTimelineInstant(value: unknown, base: Instant | undefined): Instant | undefined {
  const full = parseDateTime(value);
  if (full) return full;
  if (typeof value !== 'string' || !base) return undefined;
  const m = CLOCK_RE.exec(value);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return undefined;
  const local = localDateOf(base);
  const localMs = Date.UTC(local.year, local.month - 1, local.day, hour, minute);
  return { epochMs: localMs - base.offsetMinutes * 60_000, offsetMinutes: base.offsetMinutes };
}

/** A date or a date-time, as `regulatory[].discovered`/`notified` allow; a date means its start in UTC. */
export function parseDateOrDateTime(value: unknown): Instant | undefined {
  const full = parseDateTime(value);
  if (full) return full;
  const date = parseCalendarDate(value);
  return date ? { epochMs: Date.UTC(date.year, date.month - 1, date.day), offsetMinutes: 0 } : undefined;
}

/** The calendar date on the incident's own wall clock. */
export function localDateOf(instant: Instant): CalendarDate {
  const d = new Date(instant.epochMs + instant.offsetMinutes * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatCalendarDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return daysBetween(b, a);
}

/** Saturday and Sunday, and any date listed in `holidays` (YYYY-MM-DD), are not business days. */
export function isBusinessDay(date: CalendarDate, holidays: ReadonlySet<string> = new Set()): boolean {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(formatCalendarDate(date));
}

/** The `count`-th business day after `date` (count >= 1). */
export function addBusinessDays(date: CalendarDate, count: number, holidays: ReadonlySet<string> = new Set()): CalendarDate {
  let current = date;
  let remaining = count;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isBusinessDay(current, holidays)) remaining--;
  }
  return current;
}

/**
 * Today's date on this machine's own calendar (what a person at it calls today; on CI
 * servers that is usually UTC), or the `--today` override. Deadlines are calendar dates,
 * so using UTC here would call an item overdue a day early every evening west of UTC.
 */
export function todayDate(override?: string, now: Date = new Date()): CalendarDate {
  const parsed = override ? parseCalendarDate(override) : undefined;
  if (parsed) return parsed;
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export function minutesBetween(a: Instant, b: Instant): number {
  return (b.epochMs - a.epochMs) / 60_000;
}
