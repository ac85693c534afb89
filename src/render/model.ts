/**
 * The report model: everything the HTML and Markdown renderers show, read
 * once from the parsed document, its diagnostics and the computed figures.
 * Values are checked here so the renderers only format; a value of the wrong
 * type becomes `undefined` and the section that holds it is flagged.
 */
import type { ParsedPostmortem } from '../core/parse';
import {
  FACTOR_KEYS,
  RECURRENCE_KEYS,
  asArray,
  asNumber,
  asPostmortem,
  asRecord,
  asString,
  isRecord,
  type Postmortem,
} from '../core/model';
import { computeDetails, type CostLine, type Details, type Figures, type RegulatoryDetail } from '../core/figures';
import { formatCalendarDate, localDateOf, parseDateTime, type CalendarDate, type Instant } from '../core/time';
import type { Diagnostic, Range, Severity } from '../core/types';
import { ownValue } from '../core/lookup';

export const SEVERITY_DEFINITIONS: Record<string, string> = {
  'SEV-1': 'SEV-1: revenue impact',
  'SEV-2': 'SEV-2: customer impact',
  'SEV-3': 'SEV-3: internal impact',
};

export const FACTOR_LABELS: Record<string, string> = {
  monitoring: 'Monitoring',
  testing: 'Testing',
  documentation: 'Documentation',
  process: 'Process',
  knowledge_concentration: 'Knowledge concentration',
  capacity: 'Capacity',
  third_party: 'Third party',
  communication: 'Communication',
  change_management: 'Change management',
  technical_debt: 'Technical debt',
};

export const RECURRENCE_LABELS: Record<string, string> = {
  monitoring: 'Monitoring added or improved for this failure mode',
  runbook: 'Runbook created or updated',
  tests: 'Test coverage added',
  architecture_change: 'Architecture change',
  training: 'Training',
};

export const DETECTION_LABELS: Record<string, string> = {
  monitoring: 'Monitoring',
  'customer-report': 'Customer report',
  internal: 'Internal',
};

export interface ReportDiagnostic {
  severity: Severity;
  rule: string;
  message: string;
  range: Range;
}

export interface TimelineRow {
  index: number;
  /** As written in the file. */
  at?: string;
  /** Wall-clock time in the entry's own offset, with the date when it differs from the start's. */
  clock?: string;
  relativeMinutes: number | null;
  gapBeforeMinutes: number | null;
  /** The limit the gap was held to: the severity's in the acute phase, the recovery limit after the fix. */
  gapLimitMinutes: number | null;
  /** The gap before this entry is longer than the severity allows, both entries inside the incident window. */
  gapTooLong: boolean;
  outOfOrder: boolean;
  kind?: string;
  event?: string;
  source?: string;
  /** Inside summary.start .. first_alert: the detection delay. */
  beforeDetection: boolean;
  /** Inside summary.start .. summary.end: the time to resolve. */
  duringIncident: boolean;
  epochMs: number | null;
}

export interface ActionRow {
  index: number;
  action?: string;
  owner?: string;
  deadline?: string;
  priority?: string;
  status?: string;
  type?: string;
  link?: string;
  /** What the link shows: the ticket key (`OPS-123`) when the address ends in one. */
  linkLabel?: string;
  reason?: string;
  overdue: boolean;
  outsideWindow: boolean;
  latestAllowed: string | null;
  daysLeft: number | null;
}

export interface FactorCell {
  key: string;
  label: string;
  score: number | null;
  notes?: string;
  isRootCause: boolean;
}

export interface RegulatoryRow extends RegulatoryDetail {
  discovered?: string;
  notified?: string;
  event?: string;
}

export interface ReportModel {
  /** False when nothing at all could be read (not YAML, or not a mapping). */
  readable: boolean;
  /** True when YAML syntax errors forced a best-effort reading. */
  syntaxErrors: boolean;
  today: string;
  header: {
    id?: string;
    title?: string;
    status?: string;
    severity?: string;
    severityDefinition?: string;
    services: string[];
    authors: string[];
    reviewed?: string;
    industry?: string;
  };
  summary: {
    present: boolean;
    start?: string;
    end?: string;
    durationMinutes: number | null;
    detectionMethod?: string;
    firstAlert?: string;
    detectionDelayMinutes: number | null;
    usersAffected?: string;
    slaBreached?: boolean;
    description?: string;
  };
  cost: { present: boolean; estimated: boolean; currency: string | null; lines: CostLine[]; direct: number | null; indirect: number | null; total: number | null; perMinute: number | null };
  factors: { present: boolean; cells: FactorCell[]; rootCauseCategory?: string };
  whys: Array<string | undefined>;
  timeline: { present: boolean; rows: TimelineRow[]; gapThresholdMinutes: number | null; startMs: number | null; firstAlertMs: number | null; endMs: number | null };
  wentWell: Array<string | undefined>;
  gotLucky: Array<string | undefined>;
  actions: { present: boolean; rows: ActionRow[]; counts: Figures['actions'] };
  recurrence: { present: boolean; items: Array<{ key: string; label: string; value: boolean | undefined }>; rfc?: string };
  regulatory: RegulatoryRow[];
  related: string[];
  diagnostics: ReportDiagnostic[];
  diagnosticCounts: Record<Severity, number>;
  /** Errors and warnings per top-level key, so a section can say it has problems. */
  sectionProblems: Record<string, number>;
  figures: Figures;
}

export interface ReportInput {
  parsed: ParsedPostmortem;
  diagnostics?: readonly Diagnostic[];
  today: CalendarDate;
  holidays?: readonly string[];
  timelineGapMinutes?: Record<string, number>;
}

/**
 * The document's data, even when YAML errors kept `parsePostmortem` from
 * building it: the preview must show what parses rather than a blank panel.
 */
export function bestEffortData(parsed: ParsedPostmortem): unknown {
  if (parsed.data !== undefined) return parsed.data;
  if (!parsed.document) return undefined;
  try {
    return parsed.document.toJS({ maxAliasCount: 200 });
  } catch {
    return undefined;
  }
}

/** A string, or a number or boolean written where text was expected (shown as written). */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return asArray(value).map(text).filter((v): v is string => v !== undefined);
}

function clockOf(instant: Instant, startDate: CalendarDate | undefined): string {
  const local = new Date(instant.epochMs + instant.offsetMinutes * 60_000);
  const hhmm = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  const date = localDateOf(instant);
  const sameDay = startDate && formatCalendarDate(date) === formatCalendarDate(startDate);
  return sameDay ? hhmm : `${formatCalendarDate(date)} ${hhmm}`;
}

export function buildReportModel(input: ReportInput): ReportModel {
  const data = bestEffortData(input.parsed);
  const readable = isRecord(data);
  const doc: Postmortem = asPostmortem(data);
  const details: Details = computeDetails(doc, { today: input.today, holidays: input.holidays, timelineGapMinutes: input.timelineGapMinutes });
  // Errors first, then warnings, info and hints, each in file order: the checklist reads like a to-do list.
  const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
  const diagnostics = (input.diagnostics ?? [])
    .map(({ severity, rule, message, range }) => ({ severity, rule, message, range }))
    .sort((a, b) => (severityRank[a.severity] ?? 4) - (severityRank[b.severity] ?? 4) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const diagnosticCounts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) diagnosticCounts[d.severity]++;

  const summary = asRecord(doc.summary);
  const severity = asString(summary?.severity);
  const start = parseDateTime(summary?.start);
  const end = parseDateTime(summary?.end);
  const detection = asRecord(summary?.detection);
  const firstAlert = parseDateTime(detection?.first_alert);
  const impact = asRecord(summary?.impact);
  const startDate = start ? localDateOf(start) : undefined;
  const figures = details.figures;

  const timelineRows: TimelineRow[] = asArray(doc.timeline).map((entry, index) => {
    const record = asRecord(entry);
    const detail = details.timeline[index];
    const epoch = detail.instant?.epochMs ?? null;
    return {
      index,
      at: text(record?.at),
      clock: detail.instant ? clockOf(detail.instant, startDate) : undefined,
      relativeMinutes: detail.relativeMinutes,
      gapBeforeMinutes: detail.gapBeforeMinutes,
      gapLimitMinutes: detail.gapLimitMinutes,
      gapTooLong: detail.gapTooLong,
      outOfOrder: detail.outOfOrder,
      kind: text(record?.kind),
      event: text(record?.event),
      source: text(record?.source),
      beforeDetection: epoch !== null && !!start && !!firstAlert && epoch >= start.epochMs && epoch < firstAlert.epochMs,
      duringIncident: epoch !== null && !!start && !!end && epoch >= start.epochMs && epoch <= end.epochMs,
      epochMs: epoch,
    };
  });
  // Like the timeline-granularity rule, only gaps inside the incident window count: a quiet
  // stretch before the trigger or after resolution is not missing history, and a report
  // that flags what the Problems panel does not would contradict it.
  let previousTimed: TimelineRow | undefined;
  for (const row of timelineRows) {
    if (row.epochMs === null) continue;
    if (row.gapTooLong && !(row.duringIncident && previousTimed?.duringIncident)) row.gapTooLong = false;
    previousTimed = row;
  }

  const actionDetails = new Map(details.actions.map((a) => [a.index, a]));
  const actionRows: ActionRow[] = asArray(doc.action_items).map((item, index) => {
    const record = asRecord(item);
    const detail = actionDetails.get(index);
    return {
      index,
      action: text(record?.action),
      owner: text(record?.owner),
      deadline: text(record?.deadline),
      priority: text(record?.priority),
      status: text(record?.status),
      type: text(record?.type),
      link: text(record?.link),
      linkLabel: linkLabelOf(text(record?.link)),
      reason: text(record?.reason),
      overdue: detail?.overdue ?? false,
      outsideWindow: detail?.outsideWindow ?? false,
      latestAllowed: detail?.latestAllowed ?? null,
      daysLeft: detail?.daysLeft ?? null,
    };
  });

  const factors = asRecord(doc.contributing_factors);
  const rootCause = asRecord(doc.root_cause);
  const category = asString(rootCause?.category);
  const recurrence = asRecord(doc.recurrence_prevention);
  const regulatoryEntries = asArray(doc.regulatory);

  return {
    readable,
    syntaxErrors: input.parsed.hasSyntaxErrors,
    today: formatCalendarDate(input.today),
    header: {
      id: text(doc.id),
      title: text(doc.title),
      status: text(doc.status),
      severity: text(summary?.severity),
      severityDefinition: ownValue(SEVERITY_DEFINITIONS, severity),
      services: texts(doc.services),
      authors: texts(doc.authors),
      reviewed: text(doc.reviewed),
      industry: text(doc.industry),
    },
    summary: {
      present: summary !== undefined,
      start: text(summary?.start),
      end: text(summary?.end),
      durationMinutes: figures.duration_minutes,
      detectionMethod: text(detection?.method),
      firstAlert: text(detection?.first_alert),
      detectionDelayMinutes: figures.detection_delay_minutes,
      usersAffected: text(impact?.users_affected),
      slaBreached: typeof impact?.sla_breached === 'boolean' ? impact.sla_breached : undefined,
      description: text(summary?.description),
    },
    cost: {
      present: details.hasCost,
      estimated: figures.cost.estimated,
      currency: figures.cost.currency,
      lines: details.costLines,
      direct: figures.cost.direct,
      indirect: figures.cost.indirect,
      total: figures.cost.total,
      perMinute: figures.cost.per_minute,
    },
    factors: {
      present: factors !== undefined,
      rootCauseCategory: category,
      cells: FACTOR_KEYS.map((key) => ({
        key,
        label: ownValue(FACTOR_LABELS, key) ?? key,
        score: figures.factors[key],
        notes: text(asRecord(factors?.[key])?.notes),
        isRootCause: key === category,
      })),
    },
    whys: asArray(rootCause?.whys).map(text),
    timeline: {
      present: Array.isArray(doc.timeline),
      rows: timelineRows,
      gapThresholdMinutes: details.gapThresholdMinutes,
      startMs: start?.epochMs ?? null,
      firstAlertMs: firstAlert?.epochMs ?? null,
      endMs: end?.epochMs ?? null,
    },
    wentWell: asArray(doc.went_well).map(text),
    gotLucky: asArray(doc.got_lucky).map(text),
    actions: { present: Array.isArray(doc.action_items), rows: actionRows, counts: figures.actions },
    recurrence: {
      present: recurrence !== undefined,
      items: RECURRENCE_KEYS.map((key) => ({
        key,
        label: ownValue(RECURRENCE_LABELS, key) ?? key,
        value: typeof recurrence?.[key] === 'boolean' ? (recurrence[key] as boolean) : undefined,
      })),
      rfc: text(recurrence?.rfc),
    },
    regulatory: details.regulatory.map((detail) => {
      const entry = asRecord(regulatoryEntries[detail.index]);
      return { ...detail, discovered: text(entry?.discovered), notified: text(entry?.notified), event: text(entry?.event) };
    }),
    related: texts(doc.related),
    diagnostics,
    diagnosticCounts,
    sectionProblems: sectionProblems(input.parsed, diagnostics),
    figures,
  };
}

function sectionProblems(parsed: ParsedPostmortem, diagnostics: ReportDiagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const serious = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (serious.length === 0) return counts;
  for (const key of ['summary', 'timeline', 'root_cause', 'contributing_factors', 'went_well', 'got_lucky', 'action_items', 'recurrence_prevention', 'cost', 'regulatory']) {
    const keyRange = parsed.keyRange([key]);
    if (!keyRange) continue;
    const valueRange = parsed.valueRange([key]) ?? keyRange;
    const first = keyRange.start.line;
    const last = Math.max(valueRange.end.line, keyRange.end.line);
    const n = serious.filter((d) => d.range.start.line >= first && d.range.start.line <= last).length;
    if (n > 0) counts[key] = n;
  }
  return counts;
}

export { parseDataPath } from './dataPath';

// Re-exported for renderers that need the raw number helpers.
export { asNumber };

/**
 * A tracker link reads best as its ticket key: the last path segment when it looks like one
 * (`OPS-123`, `4711`), else host and path without the scheme; the full address stays the target.
 */
export function linkLabelOf(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const m = /^https?:\/\/([^/?#]+)([^?#]*)/i.exec(href);
  if (!m) return href;
  const last = m[2].split('/').filter(Boolean).pop();
  if (last && /^(?:[A-Za-z][A-Za-z0-9]*-\d+|#?\d+)$/.test(last)) return last;
  return `${m[1]}${m[2].replace(/\/$/, '')}`;
}
