import { asString, isRecord, type Postmortem } from './model';
import {
  addBusinessDays,
  addDays,
  compareDates,
  formatCalendarDate,
  localDateOf,
  parseCalendarDate,
  parseDateTime,
  type CalendarDate,
} from './time';

/** How long each priority may take, as the format page defines it. */
export const PRIORITY_WINDOWS = {
  P0: { businessDays: 1, label: 'the next business day' },
  P1: { days: 7, label: '7 days' },
  P2: { days: 31, label: '31 days' },
} as const;

export type Priority = keyof typeof PRIORITY_WINDOWS;

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PRIORITY_WINDOWS, value);
}

/** The date deadline windows count from: `reviewed`, else the (local) date of `summary.end`. */
export interface DeadlineBase {
  date: CalendarDate;
  from: 'reviewed' | 'summary.end';
}

export interface DeadlineWindow {
  priority: Priority;
  base: DeadlineBase;
  /** The latest date an action item of this priority may be due. */
  latest: CalendarDate;
  /** "P0 (the next business day after reviewed 2023-08-16)": for messages. */
  explanation: string;
}

export function deadlineBase(doc: Postmortem): DeadlineBase | undefined {
  const reviewed = dateOf(doc.reviewed);
  if (reviewed) return { date: reviewed, from: 'reviewed' };
  const summary = isRecord(doc.summary) ? doc.summary : undefined;
  const end = parseDateTime(summary?.end);
  if (end) return { date: localDateOf(end), from: 'summary.end' };
  const endDate = parseCalendarDate(summary?.end);
  return endDate ? { date: endDate, from: 'summary.end' } : undefined;
}

/** The deadline window of a priority, or undefined when the priority or the base date is unknown. */
export function deadlineWindow(
  doc: Postmortem,
  priority: unknown,
  holidays: Iterable<string> = [],
): DeadlineWindow | undefined {
  if (!isPriority(priority)) return undefined;
  const base = deadlineBase(doc);
  if (!base) return undefined;
  const window = PRIORITY_WINDOWS[priority];
  const latest =
    'businessDays' in window
      ? addBusinessDays(base.date, window.businessDays, holidaySet(holidays))
      : addDays(base.date, window.days);
  const explanation = `${priority} allows ${window.label} ${'businessDays' in window ? 'after' : 'from'} ${base.from} (${formatCalendarDate(base.date)})`;
  return { priority, base, latest, explanation };
}

/** A date a fix may write into `deadline`, and why it is that date (for the fix title). */
export interface ProposedDeadline {
  date: CalendarDate;
  /** "latest allowed for P1", or "next business day: P1's latest allowed, 2026-11-09, has passed". */
  reason: string;
}

/**
 * The deadline a fix proposes: the latest date the priority allows, but never
 * a date before the next business day after `today`. A window that has already
 * closed would otherwise get a deadline in the past, which `action-overdue`
 * flags at once; the earliest date anyone can still meet is the next business day.
 */
export function proposedDeadline(window: DeadlineWindow, today: CalendarDate, holidays: Iterable<string> = []): ProposedDeadline {
  const earliest = addBusinessDays(today, 1, holidaySet(holidays));
  if (compareDates(window.latest, earliest) >= 0) return { date: window.latest, reason: `latest allowed for ${window.priority}` };
  return { date: earliest, reason: `next business day: ${window.priority}'s latest allowed, ${formatCalendarDate(window.latest)}, has passed` };
}

/** The latest allowed deadline of an action item of `priority` in `doc` (reused by the preview). */
export function latestAllowedDeadline(
  doc: Postmortem,
  priority: unknown,
  holidays: Iterable<string> = [],
): CalendarDate | undefined {
  return deadlineWindow(doc, priority, holidays)?.latest;
}

/** A `YYYY-MM-DD`, or the local date of a date-time (some teams write the meeting's time too). */
export function dateOf(value: unknown): CalendarDate | undefined {
  const date = parseCalendarDate(value);
  if (date) return date;
  const instant = parseDateTime(value);
  return instant ? localDateOf(instant) : undefined;
}

const holidaySets = new WeakMap<object, ReadonlySet<string>>();

/** Holidays as a set; settings arrays are converted once and remembered (settings objects live long). */
export function holidaySet(holidays: Iterable<string>): ReadonlySet<string> {
  if (holidays instanceof Set) return holidays as ReadonlySet<string>;
  const cached = holidaySets.get(holidays as object);
  if (cached) return cached;
  const set = new Set<string>();
  for (const h of holidays) if (typeof h === 'string') set.add(h.trim());
  holidaySets.set(holidays as object, set);
  return set;
}

/** True when an action item's status means nobody has to do anything more. */
export function isActionClosed(status: unknown): boolean {
  const s = asString(status);
  return s === 'done' || s === 'wont-do';
}
