import { asString, isRecord, type RegulatoryEntry } from './model';
import { holidaySet } from './deadlines';
import { ownValue } from './lookup';
import {
  addBusinessDays,
  addDays,
  compareDates,
  localDateOf,
  parseCalendarDate,
  parseDateOrDateTime,
  parseDateTime,
  type CalendarDate,
  type Instant,
} from './time';

/**
 * Regulatory clocks, as the format page fixes them: counted from `discovered`.
 * Hour clocks end at an instant; day clocks end with the last day (in the
 * incident's own offset). PCI-DSS, SOX and SOC2 have no fixed clock.
 */
type Clock = { hours: number } | { days: number } | { businessDays: number };

const CLOCKS: Record<string, Clock | undefined> = {
  HIPAA: { days: 60 },
  GDPR: { hours: 72 },
  'SEC-8K': { businessDays: 4 },
  'PCI-DSS': undefined,
  SOX: undefined,
  SOC2: undefined,
};

const OSHA_CLOCKS: Record<string, Clock> = {
  fatality: { hours: 8 },
  hospitalization: { hours: 24 },
};

/**
 * What a document says when regulated data or systems were touched, per regime
 * with a notification clock (the `regulatory-deadline` hint). The format has no
 * field for it, so the hint reads the words; an industry alone is no evidence
 * (most SaaS incidents touch no personal data), and regimes without a clock
 * (PCI-DSS, SOX, SOC2: audits, not notifications) are never hinted.
 */
export const REGULATED_DATA_SIGNS: ReadonlyArray<{ regime: string; what: string; pattern: RegExp }> = [
  { regime: 'GDPR', what: 'personal data', pattern: /\b(personal data|personally identifiable|PII|data (?:breach|leak)|data subjects?)\b/i },
  { regime: 'HIPAA', what: 'health data', pattern: /\b(PHI|protected health information|patient (?:data|records?|information)|medical records?|health records?)\b/i },
  { regime: 'SEC-8K', what: 'a material cybersecurity incident', pattern: /\b(8-K|material (?:cyber ?security )?incident)\b/i },
  { regime: 'OSHA', what: 'a workplace injury', pattern: /\b(fatality|fatal injury|hospitali[sz](?:ed|ation)|amputation)\b/i },
];

export interface RegulatoryDeadline {
  regime: string;
  /** The last moment a notification is on time (exclusive for day clocks: the start of the next day). */
  due: Instant;
  /** The last day a notification is on time, in `discovered`'s offset. */
  dueDate: CalendarDate;
  /** "72 hours", "4 business days": for messages and the preview. */
  label: string;
}

export type RegulatoryStatus = 'met' | 'late' | 'open' | 'overdue';

export function clockOf(entry: RegulatoryEntry): Clock | undefined {
  const regime = asString(entry.regime);
  if (regime === 'OSHA') return ownValue(OSHA_CLOCKS, entry.event);
  return ownValue(CLOCKS, regime);
}

/** "72 hours", "8 hours (fatality) or 24 hours (hospitalization)"; undefined for a regime without a clock. */
export function regimeClockLabel(regime: string): string | undefined {
  if (regime === 'OSHA') return Object.entries(OSHA_CLOCKS).map(([event, clock]) => `${clockLabel(clock)} (${event})`).join(' or ');
  const clock = Object.prototype.hasOwnProperty.call(CLOCKS, regime) ? CLOCKS[regime] : undefined;
  return clock ? clockLabel(clock) : undefined;
}

function clockLabel(clock: Clock): string {
  if ('hours' in clock) return `${clock.hours} hours`;
  if ('days' in clock) return `${clock.days} days`;
  return `${clock.businessDays} business days`;
}

/**
 * The notification deadline of a regulatory entry, or undefined when its regime
 * has no clock, is unknown, an OSHA entry has no `event`, or `discovered` is not a date.
 */
export function regulatoryDeadline(entry: unknown, holidays: Iterable<string> = []): RegulatoryDeadline | undefined {
  if (!isRecord(entry)) return undefined;
  const e = entry as RegulatoryEntry;
  const clock = clockOf(e);
  const discovered = parseDateOrDateTime(e.discovered);
  if (!clock || !discovered) return undefined;
  const regime = asString(e.regime) ?? '';
  const label = clockLabel(clock);
  if ('hours' in clock) {
    const due: Instant = { epochMs: discovered.epochMs + clock.hours * 3_600_000, offsetMinutes: discovered.offsetMinutes };
    return { regime, due, dueDate: localDateOf(due), label };
  }
  const start = localDateOf(discovered);
  const dueDate = 'days' in clock ? addDays(start, clock.days) : addBusinessDays(start, clock.businessDays, holidaySet(holidays));
  const next = addDays(dueDate, 1);
  const due: Instant = {
    epochMs: Date.UTC(next.year, next.month - 1, next.day) - discovered.offsetMinutes * 60_000,
    offsetMinutes: discovered.offsetMinutes,
  };
  return { regime, due, dueDate, label };
}

/**
 * met: notified on time (or, without a clock, notified at all); late: notified
 * after the deadline; open: not notified, deadline not passed (or no clock);
 * overdue: not notified and the deadline's day is before `today`.
 */
export function regulatoryStatus(entry: unknown, today: CalendarDate, holidays: Iterable<string> = []): RegulatoryStatus {
  const e = (isRecord(entry) ? entry : {}) as RegulatoryEntry;
  const deadline = regulatoryDeadline(e, holidays);
  const notifiedAt = parseDateTime(e.notified);
  const notifiedDay = notifiedAt ? undefined : parseCalendarDate(e.notified);
  const notified = notifiedAt !== undefined || notifiedDay !== undefined;
  if (!deadline) return notified ? 'met' : 'open';
  if (notifiedAt) return notifiedAt.epochMs >= deadline.due.epochMs ? 'late' : 'met';
  // A bare date cannot be late within the due day itself.
  if (notifiedDay) return compareDates(notifiedDay, deadline.dueDate) > 0 ? 'late' : 'met';
  return compareDates(deadline.dueDate, today) < 0 ? 'overdue' : 'open';
}
