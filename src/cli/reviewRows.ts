/**
 * `review --format ndjson|csv`: the review's facts as flat rows, for loading into DuckDB, BigQuery or a
 * spreadsheet when one repository is not the whole organisation. One row per incident and one per action
 * item, told apart by `type`; every row has every column (null or empty where it does not apply), so
 * exports of several repositories stack into one table.
 */
import type { IncidentFacts } from '../review/incident';
import { escapeJsonForTerminal, escapeTerminal } from '../core/excerpt';

export const ROW_COLUMNS = [
  'type',
  'repository',
  'file',
  'incident_id',
  'title',
  'status',
  'severity',
  'quarter',
  'start',
  'services',
  'category',
  'detect_minutes',
  'resolve_minutes',
  'cost_total',
  'currency',
  'action_index',
  'action',
  'owner',
  'deadline',
  'action_state',
  'overdue',
  'days_overdue',
] as const;

export type RowValue = string | number | boolean | null;
export type Row = Record<(typeof ROW_COLUMNS)[number], RowValue>;

/**
 * The rows of `incidents`, in their order, each incident followed by its action items. `repository` names
 * the repository in every row (its folder's name), so a query over several exports can group by it.
 * Dates are ISO 8601 (`start` in UTC, deadlines as written), costs plain numbers in `currency`.
 */
export function reviewRows(incidents: readonly IncidentFacts[], repository: string): Row[] {
  const rows: Row[] = [];
  for (const incident of incidents) {
    const shared = { repository, file: incident.file, incident_id: incident.id, severity: incident.severity, quarter: incident.quarter };
    rows.push({
      ...EMPTY_ROW,
      ...shared,
      type: 'incident',
      title: incident.title,
      status: incident.status,
      start: Number.isFinite(incident.startMs) ? new Date(incident.startMs).toISOString() : null,
      services: incident.services.join('; '),
      category: incident.category,
      detect_minutes: incident.detectMinutes,
      resolve_minutes: incident.resolveMinutes,
      cost_total: incident.costTotal,
      currency: incident.costTotal === null ? null : incident.currency,
    });
    for (const action of incident.actions) {
      rows.push({
        ...EMPTY_ROW,
        ...shared,
        type: 'action',
        action_index: action.index,
        action: action.action,
        owner: action.owner,
        deadline: action.deadline,
        action_state: action.state,
        overdue: action.overdue,
        days_overdue: action.daysOverdue,
      });
    }
  }
  return rows;
}

const EMPTY_ROW = Object.fromEntries(ROW_COLUMNS.map((column) => [column, null])) as Row;

/** Newline-delimited JSON: one object per line, the columns in order. Safe to print (no raw control characters). */
export function formatNdjson(rows: readonly Row[]): string {
  return rows.map((row) => escapeJsonForTerminal(JSON.stringify(row)) + '\n').join('');
}

/**
 * CSV as RFC 4180 writes it: a header, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled. A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a leading `'`, so a spreadsheet shows it instead of running it as a formula (OWASP, CSV injection);
 * numbers are written as numbers.
 */
export function formatCsv(rows: readonly Row[]): string {
  const lines = [ROW_COLUMNS.join(','), ...rows.map((row) => ROW_COLUMNS.map((column) => csvCell(row[column])).join(','))];
  return lines.join('\r\n') + '\r\n';
}

function csvCell(value: RowValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  // Control characters a terminal would act on are written visibly, as in every other output.
  const text = escapeTerminal(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
