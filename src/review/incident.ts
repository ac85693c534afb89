import { computeDetails, type ActionDetail } from '../core/figures';
import {
  FACTOR_KEYS,
  SEVERITIES,
  actionStatusOf,
  asArray,
  asRecord,
  asString,
  asStringArray,
  type ActionStatus,
  type FactorKey,
  type SeverityLevel,
} from '../core/model';
import { formatCalendarDate, parseDateTime, type CalendarDate } from '../core/time';
import type { WorkspaceEntry } from '../core/workspace';
import { repeatKeyOf, type RepeatKey } from '../core/repeat';
import { quarterOf, type QuarterKey } from './quarter';

export type ActionState = ActionStatus;

/** One action item as the review counts it. `index` is its position in `action_items` (for reveal). */
export interface ActionFacts {
  index: number;
  action: string;
  owner: string;
  deadline: string | null;
  state: ActionState;
  /** Not done, not wont-do, and the deadline is before `today`. */
  overdue: boolean;
  daysOverdue: number | null;
}

/** What the review needs from one post-mortem: plain values, computed once. */
export interface IncidentFacts {
  file: string;
  /** `id`, or the file name when the document has none (so the incident is still named somewhere). */
  id: string;
  title: string;
  /** Null when summary.start cannot be read: the incident is then skipped by the review (with `problem`) but its action items still count. */
  quarter: QuarterKey | null;
  startMs: number;
  problem?: string;
  severity: SeverityLevel | null;
  services: string[];
  category: string | null;
  detectMinutes: number | null;
  resolveMinutes: number | null;
  /** Null without a cost section and when nothing in it is estimated yet (see `costNotEstimated`). */
  costTotal: number | null;
  /** A cost section whose amounts are all 0 or not given: "not estimated", never a $0 cost. */
  costNotEstimated: boolean;
  currency: string | null;
  /** `status`, as written; only `in-review`, `reviewed` and `closed` are past draft. */
  status: string | null;
  /** Not past `draft` (a template, or a post-mortem still being written): the review leaves it out unless asked. */
  draft: boolean;
  factors: Record<FactorKey, number | null>;
  actions: ActionFacts[];
  /** What `repeatedServices` compares, read as the repeat-incident rule reads it. */
  repeat: RepeatKey;
}

export interface FactsOptions {
  today: CalendarDate;
  holidays?: readonly string[];
}

/** The facts of a usable entry (one that parsed into a mapping). */
export function incidentFacts(entry: WorkspaceEntry, options: FactsOptions): IncidentFacts {
  const doc = entry.doc;
  const start = parseDateTime(doc.summary?.start);
  const problem = start
    ? undefined
    : doc.summary?.start === undefined
      ? 'summary.start is missing, so the incident has no quarter'
      : 'summary.start is not an ISO 8601 date-time with an offset, so the incident has no quarter';
  // The same figures as the preview and `render --format json`, so the review never disagrees with them.
  const details = computeDetails(doc, { today: options.today, holidays: options.holidays ?? [] });
  const figures = details.figures;
  const severity = asString(doc.summary?.severity);
  const factors = {} as Record<FactorKey, number | null>;
  for (const key of FACTOR_KEYS) factors[key] = figures.factors[key] ?? null;
  return {
    file: entry.file,
    id: asString(doc.id)?.trim() || fileLabel(entry.file),
    title: asString(doc.title) ?? '',
    quarter: start ? quarterOf(start) : null,
    startMs: start ? start.epochMs : Number.NaN,
    ...(problem ? { problem } : {}),
    severity: (SEVERITIES as readonly string[]).includes(severity ?? '') ? (severity as SeverityLevel) : null,
    services: [...new Set(asStringArray(doc.services))],
    category: asString(asRecord(doc.root_cause)?.category) ?? null,
    // A negative span (end before start) is a data error the linter reports; it must not pull averages down.
    detectMinutes: nonNegative(figures.detection_delay_minutes),
    resolveMinutes: nonNegative(figures.duration_minutes),
    // An out-of-range total (lint reports it) would make every sum of the quarter Infinity or NaN.
    costTotal: figures.cost.out_of_range ? null : figures.cost.total,
    costNotEstimated: details.hasCost && !figures.cost.estimated,
    currency: normalCurrency(figures.cost.currency),
    status: asString(doc.status)?.trim() ?? null,
    draft: !PAST_DRAFT.has(asString(doc.status)?.trim() ?? ''),
    factors,
    actions: actionFacts(doc.action_items, details.actions),
    repeat: repeatKeyOf(doc),
  };
}

/** The statuses of a post-mortem that has left `draft` (format page: draft | in-review | reviewed | closed). */
const PAST_DRAFT: ReadonlySet<string> = new Set(['in-review', 'reviewed', 'closed']);

/** "usd " and "USD" are the same currency; anything else is kept as written (it is still its own currency). */
function normalCurrency(currency: string | null): string | null {
  const trimmed = currency?.trim();
  if (!trimmed) return null;
  return /^[a-z]{3}$/i.test(trimmed) ? trimmed.toUpperCase() : trimmed;
}

function nonNegative(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function fileLabel(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

function actionFacts(items: unknown, details: ActionDetail[]): ActionFacts[] {
  const list = asArray(items);
  return details.map((detail) => {
    const item = asRecord(list[detail.index]) ?? {};
    // The same rule as the preview's counts: an item without a valid status counts as open.
    const state = actionStatusOf(detail.status);
    return {
      index: detail.index,
      action: asString(item.action) ?? '',
      owner: asString(item.owner) ?? '',
      deadline: detail.deadline ? formatCalendarDate(detail.deadline) : null,
      state,
      overdue: detail.overdue,
      daysOverdue: detail.overdue && detail.daysLeft !== null ? -detail.daysLeft : null,
    };
  });
}

/**
 * Facts per store entry, kept while the entry object is the same: the store
 * hands out the same object until a file's text changes, so after an edit only
 * that file is recomputed. A new `today` starts over (overdue depends on it).
 */
export class FactsCache {
  private byEntry = new WeakMap<object, IncidentFacts>();
  private day = '';

  get(entry: WorkspaceEntry, options: FactsOptions): IncidentFacts {
    const day = formatCalendarDate(options.today) + '|' + (options.holidays ?? []).join(',');
    if (day !== this.day) {
      this.byEntry = new WeakMap();
      this.day = day;
    }
    let facts = this.byEntry.get(entry);
    if (!facts) {
      facts = incidentFacts(entry, options);
      this.byEntry.set(entry, facts);
    }
    return facts;
  }
}
