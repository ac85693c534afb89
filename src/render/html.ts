/**
 * The report as HTML, for the live preview (a webview: external stylesheet and
 * script under a nonce CSP) and for export (one self-contained file: styles
 * inline, no script). Every document string passes through `escapeHtml`, and
 * only `safeHref` values become links; nothing else from the document reaches
 * the markup. No inline `style` attributes either: the webview's CSP forbids them.
 */
import { ACTION_STATUSES, MILESTONE_KINDS, TIMELINE_KINDS } from '../core/model';
import { renderDescriptionHtml } from './description';
import { escapeHtml as esc, safeHref } from '../core/html';
import { formatDuration, formatMoney, formatNumber, formatRelative, plural, readableInstant } from './format';
import { DETECTION_LABELS, type ActionRow, type ReportModel, type TimelineRow } from './model';
import { ownValue } from '../core/lookup';

export type Theme = 'light' | 'dark' | 'high-contrast';

export interface HtmlOptions {
  mode: 'webview' | 'export';
  /** webview: the nonce of the one allowed script. */
  nonce?: string;
  /** webview: `webview.cspSource`. */
  cspSource?: string;
  /** webview: URIs of media/preview.css and media/preview.js as the webview sees them. */
  styleUri?: string;
  scriptUri?: string;
  /** export: the stylesheet to inline (media/preview.css). */
  css?: string;
  /** Outside VS Code (export, tests): the theme colours to stand in for VS Code's variables. */
  theme?: Theme;
}

const MISSING = '<span class="missing">not given</span>';
const INVALID = '<span class="invalid" title="This value is not of the expected type">unreadable</span>';

function textOr(value: string | undefined, fallback = MISSING): string {
  return value === undefined || value === '' ? fallback : esc(value);
}

function link(href: string | undefined, label?: string): string {
  if (href === undefined) return MISSING;
  const safe = safeHref(href);
  // An unsafe target is shown as text, so the reader still sees what was written.
  if (!safe) return `<span class="unsafe-link" title="Only http, https and mailto links are followed">${esc(label ?? href)}</span>`;
  return `<a href="${esc(safe)}" rel="noopener noreferrer">${esc(label ?? href)}</a>`;
}

function problems(model: ReportModel, key: string): string {
  const n = model.sectionProblems[key];
  return n ? ` <span class="section-problems" title="Problems reported in this section">${esc(plural(n, 'problem'))}</span>` : '';
}

function section(model: ReportModel, key: string, title: string, body: string, extraClass = ''): string {
  const broken = model.sectionProblems[key] ? ' has-problems' : '';
  return `<section class="pm-section pm-${esc(key)}${broken}${extraClass ? ` ${extraClass}` : ''}" data-path="${esc(key)}" id="section-${esc(key)}"><h2>${esc(title)}${problems(model, key)}</h2>${body}</section>`;
}

/** The whole HTML document. */
export function renderHtml(model: ReportModel, options: HtmlOptions): string {
  const title = [model.header.id, model.header.title].filter(Boolean).join(' — ') || 'Post-mortem';
  const themeClass = options.theme ? ` vscode-${options.theme === 'high-contrast' ? 'high-contrast' : options.theme}` : '';
  if (options.mode === 'webview') {
    const nonce = esc(options.nonce ?? '');
    const source = esc(options.cspSource ?? '');
    const csp = `default-src 'none'; style-src ${source}; img-src ${source} data:; font-src ${source}; script-src 'nonce-${nonce}';`;
    return [
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      options.styleUri ? `<link rel="stylesheet" href="${esc(options.styleUri)}">` : '',
      `<title>${esc(title)}</title></head>`,
      `<body class="pm-webview${themeClass}"><main id="report">${renderReportBody(model, 'webview')}</main>`,
      options.scriptUri ? `<script nonce="${nonce}" src="${esc(options.scriptUri)}"></script>` : '',
      '</body></html>',
    ].join('');
  }
  // Export: nothing may run and nothing may load; the CSP says so even if a reader's viewer is lax.
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;";
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${escapeStyleText(options.css ?? '')}${options.theme ? themeVariables(options.theme) : ''}</style>`,
    `</head><body class="pm-export${themeClass}"><main id="report">${renderReportBody(model, 'export')}</main>`,
    `<footer class="pm-footer">Rendered ${esc(model.today)} by Post-Mortems as Code. Figures are computed from the YAML file.</footer>`,
    '</body></html>',
  ].join('');
}

/** Our own stylesheet cannot contain `</style`, but make sure of it. */
function escapeStyleText(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}

/** Stand-ins for the variables VS Code puts on a webview, so exports and tests show each theme. */
export function themeVariables(theme: Theme): string {
  const palettes: Record<Theme, Record<string, string>> = {
    light: {
      'editor-background': '#ffffff',
      'editor-foreground': '#1f1f1f',
      descriptionForeground: '#616161',
      'textLink-foreground': '#005fb8',
      'panel-border': '#e5e5e5',
      'editorWidget-background': '#f8f8f8',
      'errorForeground': '#c72e0f',
      'editorWarning-foreground': '#895503',
      'editorInfo-foreground': '#1a85ff',
      focusBorder: '#005fb8',
      'badge-background': '#cccccc',
      'badge-foreground': '#3b3b3b',
      'font-family': 'system-ui, -apple-system, "Segoe UI", sans-serif',
      'editor-font-family': 'ui-monospace, Menlo, Consolas, monospace',
    },
    dark: {
      'editor-background': '#1f1f1f',
      'editor-foreground': '#cccccc',
      descriptionForeground: '#9d9d9d',
      'textLink-foreground': '#4daafc',
      'panel-border': '#2b2b2b',
      'editorWidget-background': '#202020',
      'errorForeground': '#f85149',
      'editorWarning-foreground': '#cca700',
      'editorInfo-foreground': '#3794ff',
      focusBorder: '#0078d4',
      'badge-background': '#616161',
      'badge-foreground': '#f8f8f8',
      'font-family': 'system-ui, -apple-system, "Segoe UI", sans-serif',
      'editor-font-family': 'ui-monospace, Menlo, Consolas, monospace',
    },
    'high-contrast': {
      'editor-background': '#000000',
      'editor-foreground': '#ffffff',
      descriptionForeground: '#ffffff',
      'textLink-foreground': '#21a6ff',
      'panel-border': '#6fc3df',
      'editorWidget-background': '#0c141f',
      'errorForeground': '#f48771',
      'editorWarning-foreground': '#ffd370',
      'editorInfo-foreground': '#3794ff',
      focusBorder: '#f38518',
      contrastBorder: '#6fc3df',
      'badge-background': '#000000',
      'badge-foreground': '#ffffff',
      'font-family': 'system-ui, -apple-system, "Segoe UI", sans-serif',
      'editor-font-family': 'ui-monospace, Menlo, Consolas, monospace',
    },
  };
  const vars = Object.entries(palettes[theme])
    .map(([name, value]) => `--vscode-${name}:${value};`)
    .join('');
  return `:root{${vars}}`;
}

/** The inside of `<main id="report">`: what the webview patches on every edit. */
export function renderReportBody(model: ReportModel, mode: 'webview' | 'export' = 'webview'): string {
  const parts: string[] = [];
  if (!model.readable) {
    parts.push(
      '<div class="pm-banner pm-unreadable" role="alert"><strong>Nothing could be read from this file.</strong> It is not a YAML mapping of post-mortem fields yet; the problems below say why.</div>',
    );
    parts.push(renderDiagnostics(model, mode));
    return parts.join('');
  }
  if (model.syntaxErrors) {
    parts.push(
      '<div class="pm-banner pm-syntax" role="alert"><strong>The YAML has syntax errors.</strong> The report shows what could be read; sections with problems are marked.</div>',
    );
  }
  // The title leads, as in any incident report; the checklist follows it.
  parts.push(renderHeader(model));
  parts.push(renderDiagnostics(model, mode));
  parts.push(renderSummary(model));
  parts.push(renderCost(model));
  parts.push(renderHeatmap(model));
  parts.push(renderTimeline(model));
  parts.push(renderWhys(model));
  parts.push(renderWentWell(model));
  parts.push(renderActions(model));
  parts.push(renderRecurrence(model));
  parts.push(renderRegulatory(model));
  parts.push(renderRelated(model));
  return parts.join('');
}

function renderDiagnostics(model: ReportModel, mode: 'webview' | 'export'): string {
  const c = model.diagnosticCounts;
  if (model.diagnostics.length === 0) {
    return '<section class="pm-section pm-checklist pm-clean" id="section-diagnostics"><h2>Review checklist</h2><p class="clean">No problems found.</p></section>';
  }
  const counts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `<span class="count count-${s}">${esc(plural(c[s], s === 'info' ? 'info' : s).replace(/infos$/, 'info'))}</span>`)
    .join(' ');
  const items = model.diagnostics
    .map((d) => {
      const r = d.range;
      const where = `Ln ${r.start.line + 1}, Col ${r.start.character + 1}`;
      // In the webview a click reveals the range; `data-range` is four numbers we produced, never document text.
      const interactive = mode === 'webview' ? ` data-range="${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}" tabindex="0" role="button"` : '';
      return `<li class="diag diag-${esc(d.severity)}"${interactive}><span class="diag-severity">${esc(d.severity)}</span> <span class="diag-message">${messageHtml(d.message)}</span> <span class="diag-rule">${esc(d.rule)}</span> <span class="diag-where">${esc(where)}</span></li>`;
    })
    .join('');
  return `<section class="pm-section pm-checklist" id="section-diagnostics"><h2>Review checklist <span class="diag-counts">${counts}</span></h2><ul class="diagnostics">${items}</ul></section>`;
}

function renderHeader(model: ReportModel): string {
  const h = model.header;
  const status = h.status
    ? `<span class="badge status status-${esc(h.status.replace(/[^a-z-]/gi, ''))}" data-path="status">${esc(h.status)}</span>`
    : '<span class="badge status status-missing" data-path="status">no status</span>';
  const sevClass = h.severity && /^SEV-[123]$/.test(h.severity) ? h.severity.toLowerCase() : 'unknown';
  const severity = h.severity
    ? `<span class="badge severity ${sevClass}" data-path="summary.severity" title="${esc(h.severityDefinition ?? 'Not a known severity (SEV-1, SEV-2, SEV-3)')}">${esc(h.severity)}</span>`
    : '<span class="badge severity unknown" data-path="summary.severity">no severity</span>';
  const list = (items: string[]): string => (items.length ? items.map((s) => `<span class="chip">${esc(s)}</span>`).join(' ') : MISSING);
  return [
    '<header class="pm-header" data-path="id">',
    `<div class="pm-id" data-path="id">${textOr(h.id, '<span class="missing">no id</span>')}</div>`,
    `<h1 data-path="title">${textOr(h.title, '<span class="missing">Untitled post-mortem</span>')}</h1>`,
    `<div class="badges">${status} ${severity}</div>`,
    '<dl class="meta">',
    `<div data-path="services"><dt>Services</dt><dd>${list(h.services)}</dd></div>`,
    `<div data-path="authors"><dt>Authors</dt><dd>${list(h.authors)}</dd></div>`,
    `<div data-path="reviewed"><dt>Review</dt><dd>${textOr(h.reviewed, '<span class="missing">not reviewed yet</span>')}</dd></div>`,
    h.industry ? `<div data-path="industry"><dt>Industry</dt><dd>${esc(h.industry)}</dd></div>` : '',
    '</dl></header>',
  ].join('');
}

/**
 * `2026-04-14T09:12:00Z` reads as `2026-04-14 09:12 UTC`; the value as written stays in the
 * tooltip. Anything that is not a plain ISO date-time is shown as written.
 */
function instant(value: string | undefined, fallback = MISSING): string {
  if (value === undefined || value === '') return fallback;
  const readable = readableInstant(value);
  // Date and clock each stay on one line ("2026-04-14" never breaks after a hyphen); the space between them may wrap.
  if (!readable) return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `<span class="nowrap">${esc(value)}</span>` : esc(value);
  return `<time datetime="${esc(value)}" title="${esc(value)}"><span class="nowrap">${esc(readable.date)}</span> <span class="nowrap">${esc(readable.clock)}</span></time>`;
}

/** Backticks in rule messages mark field names and values: shown as code, after escaping. */
function messageHtml(message: string): string {
  return esc(message).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function minutes(value: number | null): string {
  return value === null ? '<span class="missing">cannot be computed</span>' : esc(formatDuration(value));
}

function renderSummary(model: ReportModel): string {
  const s = model.summary;
  if (!s.present) return section(model, 'summary', 'Summary', `<p class="missing-section">No summary yet: add <code>summary</code> with start, end, severity, impact, detection and description.</p>`);
  const method = s.detectionMethod ? ownValue(DETECTION_LABELS, s.detectionMethod) ?? s.detectionMethod : undefined;
  const sla = s.slaBreached === undefined ? MISSING : s.slaBreached ? '<span class="yes">yes</span>' : '<span class="no">no</span>';
  const body = [
    '<div class="card summary-card"><dl class="facts">',
    `<div class="fact fact-window"><dt>Incident</dt><dd><span data-path="summary.start">${instant(s.start)}</span> → <span data-path="summary.end">${instant(s.end)}</span> <span class="figure" data-figure="duration">${minutes(s.durationMinutes)}</span></dd></div>`,
    `<div class="fact" data-path="summary.detection.method"><dt>Detected by</dt><dd>${textOr(method)}</dd></div>`,
    `<div class="fact" data-path="summary.detection.first_alert"><dt>Time to detect</dt><dd><span class="figure" data-figure="detection-delay">${minutes(s.detectionDelayMinutes)}</span>${s.firstAlert ? ` <span class="sub">first alert ${instant(s.firstAlert)}</span>` : ''}</dd></div>`,
    `<div class="fact" data-path="summary.impact.users_affected"><dt>Users affected</dt><dd>${textOr(s.usersAffected)}</dd></div>`,
    `<div class="fact" data-path="summary.impact.sla_breached"><dt>SLA breached</dt><dd>${sla}</dd></div>`,
    '</dl>',
    s.description !== undefined
      ? `<div class="description" data-path="summary.description">${renderDescriptionHtml(s.description)}</div>`
      : `<div class="description" data-path="summary.description">${MISSING}</div>`,
    '</div>',
  ].join('');
  return section(model, 'summary', 'Summary', body);
}

const NOT_ESTIMATED = 'not estimated';

function renderCost(model: ReportModel): string {
  const c = model.cost;
  if (!c.present) return section(model, 'cost', 'Incident cost', '<p class="missing-section">No <code>cost</code> section: the cost figures cannot be computed.</p>');
  const money = (n: number | null): string => (n === null ? MISSING : esc(formatMoney(n, c.currency)));
  const linePath: Record<string, string> = { engineering: 'cost.engineering_hours', churn: 'cost.churn' };
  const rows = (group: 'direct' | 'indirect'): string =>
    c.lines
      .filter((l) => l.group === group)
      .map((l) => {
        const amount = l.amount === null ? `<span class="missing" title="Counts as 0 in the sums">not given</span>` : money(l.amount);
        const detail = l.amount === null && l.missing.length && l.formula
          ? `<span class="sub">missing ${esc(l.missing.join(', '))}</span>`
          : l.formula
            ? `<span class="sub">${esc(l.formula)}</span>`
            : '';
        return `<tr class="cost-line${l.amount === null ? ' not-given' : ''}" data-path="${esc(linePath[l.key] ?? `cost.${l.key}`)}"><th scope="row">${esc(l.label)} ${detail}</th><td class="amount">${amount}</td></tr>`;
      })
      .join('');
  const currencyNote = c.currency ? '' : ' <span class="sub">(no currency given)</span>';
  // All zeros (the `new` template) is a cost nobody has estimated yet, not an incident that cost nothing.
  const totalCell = c.estimated ? money(c.total) : `<span class="missing" title="Every amount is 0 or not given">${NOT_ESTIMATED}</span>`;
  const body = [
    `<table class="cost-table" data-path="cost"><tbody>`,
    `<tr class="cost-group"><th colspan="2">Direct</th></tr>`,
    rows('direct'),
    `<tr class="cost-subtotal"><th scope="row">Direct cost</th><td class="amount" data-figure="cost-direct">${money(c.direct)}</td></tr>`,
    `<tr class="cost-group"><th colspan="2">Indirect</th></tr>`,
    rows('indirect'),
    `<tr class="cost-subtotal"><th scope="row">Indirect cost</th><td class="amount" data-figure="cost-indirect">${money(c.indirect)}</td></tr>`,
    `<tr class="cost-total"><th scope="row">Total${currencyNote}</th><td class="amount" data-figure="cost-total">${totalCell}</td></tr>`,
    `<tr class="cost-per-minute"><th scope="row">Per minute of downtime</th><td class="amount" data-figure="cost-per-minute">${!c.estimated ? `<span class="missing">${NOT_ESTIMATED}</span>` : c.perMinute === null ? '<span class="missing">cannot be computed</span>' : money(c.perMinute)}</td></tr>`,
    '</tbody></table>',
  ].join('');
  return section(model, 'cost', 'Incident cost', body);
}

const SCORE_MEANING = ['not a factor', 'minor', 'significant', 'primary contributor'];

function renderHeatmap(model: ReportModel): string {
  const f = model.factors;
  const cells = f.cells
    .map((cell) => {
      const score = cell.score !== null && Number.isInteger(cell.score) && cell.score >= 0 && cell.score <= 3 ? cell.score : null;
      const label = score === null ? (cell.score === null ? 'not scored' : `invalid score ${cell.score}`) : `${score}: ${SCORE_MEANING[score]}`;
      const tooltip = `${cell.label}: ${label}${cell.isRootCause ? ' (root-cause category)' : ''}${cell.notes ? ` — ${cell.notes}` : ''}`;
      return `<div class="cell score-${score ?? 'none'}${cell.isRootCause ? ' root-cause' : ''}" data-path="contributing_factors.${esc(cell.key)}" data-factor="${esc(cell.key)}" data-score="${score ?? ''}" title="${esc(tooltip)}" role="listitem"><span class="cell-score">${score ?? '–'}</span><span class="cell-label">${esc(cell.label)}</span>${cell.isRootCause ? '<span class="root-mark">★ root cause</span>' : ''}</div>`;
    })
    .join('');
  const legend = `<div class="legend" aria-label="Legend">${SCORE_MEANING.map((m, i) => `<span class="legend-item"><span class="cell-swatch score-${i}">${i}</span> ${esc(m)}</span>`).join('')}<span class="legend-item"><span class="cell-swatch score-none">–</span> not scored</span><span class="legend-item"><span class="root-mark">★</span> root-cause category</span></div>`;
  const notes = f.cells.filter((c) => c.notes);
  const notesHtml = notes.length
    ? `<dl class="factor-notes">${notes.map((c) => `<div data-path="contributing_factors.${esc(c.key)}.notes"><dt>${esc(c.label)}</dt><dd>${esc(c.notes)}</dd></div>`).join('')}</dl>`
    : '';
  const category = f.rootCauseCategory
    ? `<p class="root-category" data-path="root_cause.category">Root-cause category: <strong>${esc(f.rootCauseCategory)}</strong></p>`
    : '';
  const missing = f.present ? '' : '<p class="missing-section">No <code>contributing_factors</code> yet: every cell is unscored.</p>';
  return section(model, 'contributing_factors', 'Contributing factors', `${missing}<div class="heatmap" role="list">${cells}</div>${legend}${category}${notesHtml}`);
}

function renderTimeline(model: ReportModel): string {
  const t = model.timeline;
  if (!t.present || t.rows.length === 0) {
    return section(model, 'timeline', 'Timeline', '<p class="missing-section">No timeline entries yet.</p>');
  }
  const markers: Array<{ at: number; html: string }> = [];
  const rel = (ms: number): string => (t.startMs === null ? '' : formatRelative((ms - t.startMs) / 60_000));
  if (t.startMs !== null) markers.push({ at: t.startMs, html: `<li class="tl-marker marker-start${t.firstAlertMs !== null && t.firstAlertMs > t.startMs ? ' in-detection' : ' in-incident'}" data-path="summary.start"><span class="tl-rel">T+0</span><span class="tl-label">Incident starts</span></li>` });
  if (t.firstAlertMs !== null) {
    markers.push({
      at: t.firstAlertMs,
      html: `<li class="tl-marker marker-detect in-incident" data-path="summary.detection.first_alert"><span class="tl-rel">${esc(rel(t.firstAlertMs))}</span><span class="tl-label">Detected (first alert)</span> <span class="span-figure">time to detect ${minutes(model.summary.detectionDelayMinutes)}</span></li>`,
    });
  }
  if (t.endMs !== null) {
    markers.push({
      at: t.endMs,
      html: `<li class="tl-marker marker-resolve in-incident" data-path="summary.end"><span class="tl-rel">${esc(rel(t.endMs))}</span><span class="tl-label">Resolved</span> <span class="span-figure">time to resolve ${minutes(model.summary.durationMinutes)}</span></li>`,
    });
  }
  markers.sort((a, b) => a.at - b.at);
  const items: string[] = [];
  let nextMarker = 0;
  for (const row of t.rows) {
    // The gap note sits right under the entry that opens the gap; markers that fall inside
    // the gap come after it, before the first entry at or after their time (markers first on a tie).
    if (row.gapTooLong && row.gapBeforeMinutes !== null) {
      const limit = row.gapLimitMinutes ?? t.gapThresholdMinutes;
      const who = limit !== t.gapThresholdMinutes ? 'after the fix, the limit is' : model.header.severity ? `${esc(model.header.severity)} allows` : 'the limit is';
      const allowed = limit === null ? '' : ` (${who} ${esc(formatDuration(limit))})`;
      items.push(`<li class="tl-gap gap-long"><span class="tl-rel"></span><span class="tl-label">⚠ ${esc(formatDuration(row.gapBeforeMinutes))} without an entry${allowed}</span></li>`);
    }
    while (row.epochMs !== null && nextMarker < markers.length && markers[nextMarker].at <= row.epochMs) items.push(markers[nextMarker++].html);
    items.push(renderTimelineRow(row));
  }
  while (nextMarker < markers.length) items.push(markers[nextMarker++].html);
  const legend =
    '<div class="tl-legend"><span class="tl-key key-detect">before detection</span> <span class="tl-key key-incident">incident ongoing</span> <span class="tl-key key-milestone">◆ milestone</span></div>';
  return section(model, 'timeline', 'Timeline', `${legend}<ol class="timeline">${items.join('')}</ol>`);
}

function renderTimelineRow(row: TimelineRow): string {
  const kind = row.kind && (TIMELINE_KINDS as readonly string[]).includes(row.kind) ? row.kind : undefined;
  const milestone = kind && (MILESTONE_KINDS as readonly string[]).includes(kind);
  const classes = [
    'tl-entry',
    kind ? `kind-${kind}` : 'kind-unknown',
    milestone ? 'milestone' : '',
    row.gapTooLong ? 'after-gap' : '',
    row.outOfOrder ? 'out-of-order' : '',
    row.beforeDetection ? 'in-detection' : '',
    row.duringIncident ? 'in-incident' : '',
    row.epochMs === null ? 'unreadable-time' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const relative = row.relativeMinutes === null ? '' : formatRelative(row.relativeMinutes);
  const clock = row.clock ?? row.at;
  const kindBadge = row.kind === undefined ? '<span class="tl-kind missing">no kind</span>' : `<span class="tl-kind">${milestone ? '◆ ' : ''}${esc(row.kind)}</span>`;
  const source = row.source ? ` <span class="tl-source">${link(row.source, 'source')}</span>` : '';
  const order = row.outOfOrder ? ' <span class="tl-warning">earlier than the entry before</span>' : '';
  return `<li class="${classes}" data-path="timeline.${row.index}"><span class="tl-rel">${esc(relative)}</span><span class="tl-clock">${clock === undefined ? MISSING : esc(clock)}</span>${kindBadge}<span class="tl-event">${textOr(row.event)}</span>${source}${order}</li>`;
}

function renderWhys(model: ReportModel): string {
  if (model.whys.length === 0) return section(model, 'root_cause', '5 Whys', '<p class="missing-section">No whys yet: from the direct cause to the organizational root.</p>');
  const last = model.whys.length - 1;
  const items = model.whys
    .map((why, i) => {
      // By position only: calling the last why "organizational root" would vouch for "Human error"; whys-person-root judges it.
      const role = i === 0 ? 'direct cause' : i === last ? 'last why' : '';
      return `<li class="why" data-path="root_cause.whys.${i}"><span class="why-label">Why ${i + 1}${role ? ` · ${role}` : ''}</span><span class="why-text">${why === undefined ? INVALID : esc(why)}</span></li>`;
    })
    .join('');
  return section(model, 'root_cause', '5 Whys', `<ol class="whys">${items}</ol>`);
}

function bulletList(items: Array<string | undefined>, path: string): string {
  if (items.length === 0) return `<p class="missing-section">${MISSING}</p>`;
  return `<ul>${items.map((item, i) => `<li data-path="${esc(path)}.${i}">${item === undefined ? INVALID : esc(item)}</li>`).join('')}</ul>`;
}

function renderWentWell(model: ReportModel): string {
  const body = `<div class="two-columns"><div class="went-well" data-path="went_well"><h3>What went well</h3>${bulletList(model.wentWell, 'went_well')}</div><div class="got-lucky" data-path="got_lucky"><h3>Where we got lucky</h3>${
    model.gotLucky.length ? bulletList(model.gotLucky, 'got_lucky') : '<p class="sub">Nothing noted.</p>'
  }</div></div>`;
  return section(model, 'went_well', 'What went well, where we got lucky', body);
}

function actionNotes(row: ActionRow): string {
  const notes: string[] = [];
  if (row.overdue && row.daysLeft !== null) notes.push(`<span class="flag flag-overdue">overdue by ${esc(plural(-row.daysLeft, 'day'))}</span>`);
  if (row.outsideWindow && row.latestAllowed) notes.push(`<span class="flag flag-window">after the ${esc(row.priority ?? '')} window (${esc(row.latestAllowed)})</span>`);
  return notes.join(' ');
}

function renderActions(model: ReportModel): string {
  const a = model.actions;
  if (!a.present || a.rows.length === 0) return section(model, 'action_items', 'Action items', '<p class="missing-section">No action items yet.</p>');
  const c = a.counts;
  const counts = `<p class="action-counts" data-figure="action-counts"><span class="count">${esc(plural(c.total, 'item'))}</span> · <span class="count status-open">${c.open} open</span> · <span class="count status-in-progress">${c.in_progress} in progress</span> · <span class="count status-done">${c.done} done</span> · <span class="count status-wont-do">${c.wont_do} won't do</span>${c.overdue ? ` · <span class="count flag-overdue">${c.overdue} overdue</span>` : ''}</p>`;
  const rows = a.rows
    .map((row) => {
      const classes = ['action-row', row.overdue ? 'overdue' : '', row.outsideWindow ? 'outside-window' : '', row.status ? `status-${row.status.replace(/[^a-z-]/gi, '')}` : ''].filter(Boolean).join(' ');
      const status = row.status ? `<span class="badge action-status${(ACTION_STATUSES as readonly string[]).includes(row.status) ? ' nowrap' : ''}">${esc(row.status)}</span>${row.reason ? `<span class="sub">${esc(row.reason)}</span>` : ''}` : MISSING;
      const done = row.status === 'done' ? '☑' : row.status === 'wont-do' ? '☒' : '☐';
      return `<tr class="${classes}" data-path="action_items.${row.index}"><td class="check" aria-hidden="true">${done}</td><td class="action-text">${textOr(row.action)}${row.type ? ` <span class="chip">${esc(row.type)}</span>` : ''}</td><td class="action-owner">${textOr(row.owner)}</td><td class="action-deadline">${instant(row.deadline)} ${actionNotes(row)}</td><td class="action-priority">${textOr(row.priority)}</td><td class="action-status-cell">${status}</td><td class="action-link${row.link !== undefined && row.linkLabel !== row.link && (row.linkLabel?.length ?? 0) <= 20 && safeHref(row.link) ? ' nowrap' : ''}">${row.link === undefined ? '' : link(row.link, row.linkLabel)}</td></tr>`;
    })
    .join('');
  const table = `<table class="actions-table"><thead><tr><th></th><th>Action</th><th>Owner</th><th>Deadline</th><th>Priority</th><th>Status</th><th>Link</th></tr></thead><tbody>${rows}</tbody></table>`;
  return section(model, 'action_items', 'Action items', counts + table);
}

function renderRecurrence(model: ReportModel): string {
  const r = model.recurrence;
  if (!r.present) return section(model, 'recurrence_prevention', 'Recurrence prevention', '<p class="missing-section">No <code>recurrence_prevention</code> checklist yet.</p>');
  const items = r.items
    .map((item) => {
      const mark = item.value === true ? '☑' : item.value === false ? '☐' : '?';
      const state = item.value === true ? 'checked' : item.value === false ? 'unchecked' : 'not-given';
      return `<li class="check-item ${state}" data-path="recurrence_prevention.${esc(item.key)}"><span class="check-box" aria-hidden="true">${mark}</span> ${esc(item.label)}${item.value === undefined ? ` ${MISSING}` : ''}</li>`;
    })
    .join('');
  const rfc = r.rfc !== undefined ? `<p data-path="recurrence_prevention.rfc">RFC: ${link(r.rfc)}</p>` : '';
  return section(model, 'recurrence_prevention', 'Recurrence prevention', `<ul class="checklist">${items}</ul>${rfc}`);
}

function renderRegulatory(model: ReportModel): string {
  if (model.regulatory.length === 0) return '';
  const rows = model.regulatory
    .map((r) => {
      const days =
        r.daysLeft === null
          ? ''
          : r.daysLeft >= 0
            ? `${plural(r.daysLeft, 'day')} left`
            : `${plural(-r.daysLeft, 'day')} late`;
      const regime = `${r.regime ?? ''}${r.event ? ` (${r.event})` : ''}`;
      return `<tr class="reg-row reg-${esc(r.status)}" data-path="regulatory.${r.index}"><td>${textOr(regime || undefined)}</td><td>${instant(r.discovered)}</td><td>${r.deadline === null ? '<span class="sub">no fixed clock (reminder)</span>' : instant(r.deadline)}</td><td>${instant(r.notified, '<span class="sub">not yet</span>')}</td><td><span class="badge reg-status">${esc(r.status)}</span> <span class="sub">${esc(days)}</span></td></tr>`;
    })
    .join('');
  return section(
    model,
    'regulatory',
    'Regulatory obligations',
    `<table class="regulatory-table"><thead><tr><th>Regime</th><th>Discovered</th><th>Deadline</th><th>Notified</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function renderRelated(model: ReportModel): string {
  if (model.related.length === 0) return '';
  return `<section class="pm-section pm-related" data-path="related"><h2>Related incidents</h2><ul>${model.related.map((r, i) => `<li data-path="related.${i}">${esc(r)}</li>`).join('')}</ul></section>`;
}

/** For callers that want a number formatted like the report does. */
export { formatNumber };
