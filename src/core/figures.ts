/**
 * The figures nobody wants to compute by hand (format page, "What is computed
 * from it"). `computeFigures` gives exactly what `postmortem render --format
 * json` prints; `computeDetails` adds what the preview shows line by line.
 * Nothing here trusts the data: every value is checked, and what cannot be
 * computed is null rather than a guess.
 */
import { FACTOR_KEYS, actionStatusOf, asArray, asNumber, asRecord, asString, isRecord, type Postmortem } from './model';
import { dateOf, isActionClosed, latestAllowedDeadline } from './deadlines';
import { isCostInRange } from './format';
import { clockOf, regulatoryDeadline, regulatoryStatus, type RegulatoryStatus } from './regulatory';
import { DEFAULT_SETTINGS } from './settings';
import { acutePhaseEnd, gapLimitAfter } from './timelinePhases';
import {
  compareDates,
  daysBetween,
  formatCalendarDate,
  localDateOf,
  minutesBetween,
  parseCalendarDate,
  parseDateTime,
  parseTimelineInstant,
  type CalendarDate,
  type Instant,
} from './time';

export interface FigureOptions {
  today: CalendarDate;
  /** Dates (YYYY-MM-DD) that are not business days. */
  holidays?: readonly string[];
  /** Longest allowed timeline gap by severity (settings `timelineGapMinutes`). */
  timelineGapMinutes?: Record<string, number>;
}

export interface CostFigures {
  direct: number | null;
  indirect: number | null;
  total: number | null;
  per_minute: number | null;
  currency: string | null;
  /** Present (true) when an amount or a sum is not a finite number within MAX_COST_AMOUNT: it is shown as "out of range". */
  out_of_range?: true;
  /**
   * False when there is no cost section, or every input in it is 0 or not a
   * number (the `new` template's zeros, "TBD"): nobody has estimated the cost
   * yet, so the amounts above are null rather than a $0 that reads as a finding.
   */
  estimated: boolean;
}


export interface ActionCounts {
  total: number;
  open: number;
  in_progress: number;
  done: number;
  wont_do: number;
  overdue: number;
}

export interface RegulatoryFigure {
  regime: string | null;
  deadline: string | null;
  status: RegulatoryStatus;
}

/** The keys of `postmortem render --format json`, in that order. */
export interface Figures {
  duration_minutes: number | null;
  detection_delay_minutes: number | null;
  cost: CostFigures;
  factors: Record<string, number | null>;
  actions: ActionCounts;
  regulatory: RegulatoryFigure[];
}

export interface CostLine {
  /** The field (or fields) under `cost` this line comes from; also its data-path. */
  key: 'revenue_lost' | 'sla_credits' | 'vendor_costs' | 'engineering' | 'churn' | 'brand';
  group: 'direct' | 'indirect';
  label: string;
  /** How the amount is made, for the reader: "40 h × 150", "18,400 users × 0.001 × 900 LTV" (grouped like the amounts). */
  formula: string | null;
  /** Null when an input is missing ("not given"); the sums then count it as 0. */
  amount: number | null;
  /** The inputs that are missing, by field name. */
  missing: string[];
}

export interface ActionDetail {
  index: number;
  status: string | null;
  deadline: CalendarDate | null;
  latestAllowed: string | null;
  overdue: boolean;
  outsideWindow: boolean;
  /** Whole days from today to the deadline (negative when past). */
  daysLeft: number | null;
}

export interface TimelineDetail {
  index: number;
  instant: Instant | null;
  /** Minutes since summary.start (T+x); negative before the start. */
  relativeMinutes: number | null;
  /** Minutes since the previous readable entry. */
  gapBeforeMinutes: number | null;
  /** The longest gap allowed before this entry (the severity's in the acute phase, the recovery limit after); null = none. */
  gapLimitMinutes: number | null;
  gapTooLong: boolean;
  /** Earlier than the entry before it. */
  outOfOrder: boolean;
}

export interface RegulatoryDetail extends RegulatoryFigure {
  index: number;
  /** Days left to the deadline (>= 0) or days late (< 0, for overdue and late), null without a deadline. */
  daysLeft: number | null;
}

export interface Details {
  figures: Figures;
  costLines: CostLine[];
  hasCost: boolean;
  actions: ActionDetail[];
  timeline: TimelineDetail[];
  gapThresholdMinutes: number | null;
  regulatory: RegulatoryDetail[];
}

export function computeFigures(doc: Postmortem, options: FigureOptions): Figures {
  return computeDetails(doc, options).figures;
}

export function computeDetails(doc: Postmortem, options: FigureOptions): Details {
  const summary = asRecord(doc.summary);
  const start = parseDateTime(summary?.start);
  const end = parseDateTime(summary?.end);
  const firstAlert = parseDateTime(asRecord(summary?.detection)?.first_alert);
  const duration = start && end ? round2(minutesBetween(start, end)) : null;
  const detectionDelay = start && firstAlert ? round2(minutesBetween(start, firstAlert)) : null;

  const { cost, lines, hasCost } = computeCost(doc.cost, duration);
  const actions = actionDetails(doc, options);
  const regulatory = regulatoryDetails(doc, options);
  const severity = asString(summary?.severity);
  const gaps = { ...DEFAULT_SETTINGS.timelineGapMinutes, ...(options.timelineGapMinutes ?? {}) };
  const gapThreshold = severity !== undefined && typeof gaps[severity] === 'number' ? gaps[severity] : null;

  return {
    figures: {
      duration_minutes: duration,
      detection_delay_minutes: detectionDelay,
      cost,
      factors: factorScores(doc.contributing_factors),
      actions: countActions(doc, actions),
      regulatory: regulatory.map(({ regime, deadline, status }) => ({ regime, deadline, status })),
    },
    costLines: lines,
    hasCost,
    actions,
    timeline: timelineDetails(doc.timeline, start, gapThreshold, gaps),
    gapThresholdMinutes: gapThreshold,
    regulatory,
  };
}

/** Money rounded to cents, so 1000 × 0.02 × 1200 prints 24000 and not 24000.000000000004. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * `withFormulas: false` leaves each line's `formula` null: the schema check needs only the amounts, and the
 * formulas' number formatting (Intl) is the costliest first step of a one-file `postmortem lint`.
 */
export function computeCost(value: unknown, duration: number | null, withFormulas = true): { cost: CostFigures; lines: CostLine[]; hasCost: boolean } {
  const cost = asRecord(value);
  if (!cost) {
    return { cost: { direct: null, indirect: null, total: null, per_minute: null, currency: null, estimated: false }, lines: [], hasCost: false };
  }
  const num = (record: Record<string, unknown> | undefined, key: string): number | undefined => asNumber(record?.[key]);
  const single = (key: 'revenue_lost' | 'sla_credits' | 'vendor_costs' | 'brand', group: CostLine['group'], label: string): CostLine => {
    const amount = num(cost, key);
    return { key, group, label, formula: null, amount: amount ?? null, missing: amount === undefined ? [key] : [] };
  };
  const product = (
    key: CostLine['key'],
    label: string,
    record: Record<string, unknown> | undefined,
    fields: string[],
    names: string[],
    units: string[],
  ): CostLine => {
    const values = fields.map((f) => num(record, f));
    const missing = names.filter((_, i) => values[i] === undefined);
    const amount = missing.length === 0 ? round2(values.reduce<number>((a, b) => a * (b as number), 1)) : null;
    const formula = withFormulas ? fields.map((f, i) => (values[i] === undefined ? `${names[i]}?` : `${(values[i] as number).toLocaleString('en-US', { maximumFractionDigits: 6 })}${units[i]}`)).join(' × ') : null;
    return { key, group: 'indirect', label, formula, amount, missing };
  };
  const churn = asRecord(cost.churn);
  const lines: CostLine[] = [
    single('revenue_lost', 'direct', 'Revenue lost'),
    single('sla_credits', 'direct', 'SLA credits'),
    single('vendor_costs', 'direct', 'Vendor costs'),
    product('engineering', 'Engineering time', cost, ['engineering_hours', 'loaded_rate'], ['engineering_hours', 'loaded_rate'], [' h', '/h']),
    product(
      'churn',
      'Churn',
      churn,
      ['affected_users', 'probability', 'ltv'],
      ['churn.affected_users', 'churn.probability', 'churn.ltv'],
      [' users', '', ' LTV'],
    ),
    single('brand', 'indirect', 'Brand damage'),
  ];
  const currency = asString(cost.currency) ?? null;
  if (!hasEstimate(cost, churn)) {
    return { cost: { direct: null, indirect: null, total: null, per_minute: null, currency, estimated: false }, lines, hasCost: true };
  }
  const sum = (group: CostLine['group']): number => round2(lines.filter((l) => l.group === group).reduce((a, l) => a + (l.amount ?? 0), 0));
  const direct = sum('direct');
  const indirect = sum('indirect');
  const total = round2(direct + indirect);
  const perMinute = duration !== null && duration > 0 ? round2(total / duration) : null;
  const amounts = [direct, indirect, total, perMinute, ...lines.map((l) => l.amount)];
  const outOfRange = amounts.some((amount) => amount !== null && !isCostInRange(amount));
  return { cost: { direct, indirect, total, per_minute: perMinute, currency, estimated: true, ...(outOfRange ? { out_of_range: true as const } : {}) }, lines, hasCost: true };
}

/** The quantities of a cost section; rates (loaded_rate, churn.probability, churn.ltv) are often pre-filled and say nothing about this incident. */
const COST_QUANTITIES = ['revenue_lost', 'sla_credits', 'vendor_costs', 'engineering_hours', 'brand'] as const;

/** Some quantity of the cost section is a number other than 0: someone has estimated this incident's cost. */
function hasEstimate(cost: Record<string, unknown>, churn: Record<string, unknown> | undefined): boolean {
  const given = (value: unknown): boolean => {
    const n = asNumber(value);
    return n !== undefined && n !== 0;
  };
  return COST_QUANTITIES.some((key) => given(cost[key])) || given(churn?.affected_users);
}

function factorScores(value: unknown): Record<string, number | null> {
  const factors = asRecord(value);
  const scores: Record<string, number | null> = {};
  for (const key of FACTOR_KEYS) {
    const score = asNumber(asRecord(factors?.[key])?.score);
    scores[key] = score ?? null;
  }
  return scores;
}

function actionDetails(doc: Postmortem, options: FigureOptions): ActionDetail[] {
  const details: ActionDetail[] = [];
  asArray(doc.action_items).forEach((item, index) => {
    if (!isRecord(item)) return;
    const status = asString(item.status) ?? null;
    // dateOf, as the action rules read it: a date-time deadline (a schema error) must not hide an overdue item.
    const deadline = dateOf(item.deadline) ?? null;
    const latest = latestAllowedDeadline(doc, item.priority, options.holidays ?? []);
    details.push({
      index,
      status,
      deadline,
      latestAllowed: latest ? formatCalendarDate(latest) : null,
      overdue: deadline !== null && !isActionClosed(status) && compareDates(options.today, deadline) > 0,
      outsideWindow: deadline !== null && latest !== undefined && compareDates(deadline, latest) > 0,
      daysLeft: deadline ? daysBetween(options.today, deadline) : null,
    });
  });
  return details;
}

function countActions(doc: Postmortem, details: ActionDetail[]): ActionCounts {
  const counts: ActionCounts = { total: details.length, open: 0, in_progress: 0, done: 0, wont_do: 0, overdue: 0 };
  for (const detail of details) {
    const status = actionStatusOf(detail.status);
    if (status === 'in-progress') counts.in_progress++;
    else if (status === 'done') counts.done++;
    else if (status === 'wont-do') counts.wont_do++;
    else counts.open++;
    if (detail.overdue) counts.overdue++;
  }
  return counts;
}

function regulatoryDetails(doc: Postmortem, options: FigureOptions): RegulatoryDetail[] {
  const details: RegulatoryDetail[] = [];
  asArray(doc.regulatory).forEach((entry, index) => {
    if (!isRecord(entry)) return;
    const deadline = regulatoryDeadline(entry, options.holidays ?? []);
    const status = regulatoryStatus(entry, options.today, options.holidays ?? []);
    let daysLeft: number | null = null;
    if (deadline) {
      if (status === 'late') {
        const notified = parseDateTime(entry.notified);
        const notifiedDate = notified ? localDateOf(notified) : parseCalendarDate(entry.notified);
        daysLeft = notifiedDate ? -Math.max(1, daysBetween(deadline.dueDate, notifiedDate)) : null;
      } else if (status !== 'met') {
        daysLeft = daysBetween(options.today, deadline.dueDate);
      }
    }
    // Hour clocks end at an instant, day clocks with a whole day.
    const deadlineText = deadline ? (isHourClock(entry) ? formatInstant(deadline.due) : formatCalendarDate(deadline.dueDate)) : null;
    details.push({ index, regime: asString(entry.regime) ?? null, deadline: deadlineText, status, daysLeft });
  });
  return details;
}

function timelineDetails(value: unknown, start: Instant | undefined, gapThreshold: number | null, gaps: Record<string, number>): TimelineDetail[] {
  const details: TimelineDetail[] = [];
  const entries = asArray(value).map((entry) => ({
    instant: isRecord(entry) ? parseTimelineInstant(entry.at, start) ?? null : null,
    kind: isRecord(entry) ? asString(entry.kind) ?? null : null,
  }));
  // As the timeline-granularity rule does: the severity's limit in the acute phase only.
  const acuteEnd = acutePhaseEnd(entries);
  let previous: Instant | undefined;
  entries.forEach(({ instant }, index) => {
    const gap = instant && previous ? round2(minutesBetween(previous, instant)) : null;
    const limit = previous && gapThreshold !== null ? gapLimitAfter(previous, acuteEnd, gapThreshold, gaps) ?? null : null;
    details.push({
      index,
      instant,
      relativeMinutes: instant && start ? round2(minutesBetween(start, instant)) : null,
      gapBeforeMinutes: gap,
      gapLimitMinutes: limit,
      gapTooLong: gap !== null && limit !== null && gap > limit,
      outOfOrder: gap !== null && gap < 0,
    });
    if (instant) previous = instant;
  });
  return details;
}

function isHourClock(entry: Record<string, unknown>): boolean {
  const clock = clockOf(entry);
  return clock !== undefined && 'hours' in clock;
}

/** ISO 8601 in the instant's own offset: 2023-08-18T11:00:00Z, 2023-08-18T13:00:00+02:00. */
export function formatInstant(instant: Instant): string {
  const local = new Date(instant.epochMs + instant.offsetMinutes * 60_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const base = `${formatCalendarDate(localDateOf(instant))}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (instant.offsetMinutes === 0) return `${base}Z`;
  const sign = instant.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(instant.offsetMinutes);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
