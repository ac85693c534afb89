/**
 * The quarterly review as HTML: the dashboard webview (interactive: quarter
 * picker, click to reveal a place in a file) and the CLI's self-contained page
 * (styles inline, no script). Both put every string from a post-mortem through
 * escapeHtml, and both carry a strict Content-Security-Policy.
 */
import { SEVERITIES } from '../core/model';
import { renderLineChart, type ChartPoint } from './charts';
import { escapeHtml } from '../core/html';
import { factorLabel, formatCost, formatMinutes, formatPct, formatRate, formatStats, otherCurrencies, rootCauseDetail } from './format';
import type { QuarterReview, Review } from './review';
import type { SampleStats } from './stats';

export interface WebviewPage {
  mode: 'webview';
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  styleUri: string;
  scriptUri: string;
}

export interface StandalonePage {
  mode: 'standalone';
  nonce: string;
  /** The contents of media/review.css, inlined so the file needs nothing else. */
  css: string;
}

export interface BodyOptions {
  /** Webview: quarter picker and reveal targets; standalone: plain text. */
  interactive: boolean;
  /** The quarter shown first (webview); defaults to the latest. */
  selected?: string;
}

export function renderReviewPage(review: Review, page: WebviewPage | StandalonePage, selected?: string): string {
  const nonce = escapeHtml(page.nonce);
  const csp =
    page.mode === 'webview'
      ? `default-src 'none'; style-src ${page.cspSource}; img-src ${page.cspSource} data:; font-src ${page.cspSource}; script-src 'nonce-${nonce}';`
      : `default-src 'none'; style-src 'nonce-${nonce}';`;
  const style =
    page.mode === 'webview'
      ? `<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">`
      : // "</" cannot close the style element early: the CSS is ours, but be safe.
        `<style nonce="${nonce}">${page.css.replace(/<\//g, '<\\/')}</style>`;
  const script = page.mode === 'webview' ? `<script nonce="${nonce}" src="${escapeHtml(page.scriptUri)}"></script>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Quarterly incident review</title>
${style}
</head>
<body class="pm-review${page.mode === 'standalone' ? ' standalone' : ''}">
<main id="review-root">${renderReviewBody(review, { interactive: page.mode === 'webview', selected })}</main>
${script}
</body>
</html>
`;
}

/** The part of the page that changes; the webview swaps it in place when a post-mortem changes. */
export function renderReviewBody(review: Review, options: BodyOptions): string {
  const quarters = review.quarters;
  const selected = quarters.some((q) => q.quarter === options.selected) ? options.selected : quarters[quarters.length - 1]?.quarter;
  const parts: string[] = ['<header class="review-header"><h1>Quarterly incident review</h1>'];
  if (quarters.length > 0) parts.push(picker(quarters, selected, options.interactive));
  if (options.interactive) {
    parts.push(
      `<label class="drafts-toggle"><input type="checkbox" id="include-drafts"${review.include_drafts ? ' checked' : ''}> Count drafts</label>`,
    );
  }
  parts.push('</header>');
  parts.push(draftsNote(review, options.interactive));
  if (quarters.length === 0) {
    parts.push('<p class="empty">No post-mortems with a readable <code>summary.start</code> were found.</p>');
  } else {
    parts.push(trends(review, selected));
    for (const q of quarters) parts.push(quarterSection(q, options.interactive, options.interactive && q.quarter !== selected));
  }
  parts.push(skippedSection(review));
  return parts.join('\n');
}

/** Says which post-mortems the figures count, so a reader never mistakes a draft-free figure for the whole repository. */
function draftsNote(review: Review, interactive: boolean): string {
  if (review.include_drafts) return '<p class="drafts-note" role="note">Drafts are counted: figures include post-mortems still being written.</p>';
  if (review.drafts_left_out.length === 0) return '';
  const how = interactive ? 'tick “Count drafts” to include them' : 'run with <code>--include-drafts</code> to include them';
  const items = review.drafts_left_out.map((d) => `<li><code>${escapeHtml(d.file)}</code> (${escapeHtml(d.id)}, status ${escapeHtml(d.status ?? 'missing')})</li>`).join('');
  return `<details class="drafts-note" role="note"><summary>${review.drafts_left_out.length} draft${review.drafts_left_out.length === 1 ? ' is' : 's are'} not counted in any figure; ${how}.</summary><ul>${items}</ul></details>`;
}

function picker(quarters: QuarterReview[], selected: string | undefined, interactive: boolean): string {
  if (!interactive) {
    return `<nav class="quarter-nav" aria-label="Quarters">${quarters.map((q) => `<a href="#q-${escapeHtml(q.quarter)}">${escapeHtml(q.quarter)}</a>`).join(' ')}</nav>`;
  }
  const options = quarters
    .map((q) => `<option value="${escapeHtml(q.quarter)}"${q.quarter === selected ? ' selected' : ''}>${escapeHtml(q.quarter)} (${q.incidents})</option>`)
    .join('');
  return `<label class="quarter-picker">Quarter <select id="quarter-picker">${options}</select></label>`;
}

function statsText(quarter: string, stats: SampleStats): string {
  return stats.mean === null ? `${quarter}: no data` : `${quarter}: mean ${formatMinutes(stats.mean)} (n = ${stats.n})`;
}

function trends(review: Review, selected: string | undefined): string {
  const quarters = review.quarters;
  const minutes = (n: number): string => formatMinutes(Math.round(n));
  const charts = [
    renderLineChart(
      {
        id: 'chart-detect',
        title: 'Time to detect (mean)',
        description: 'Mean time to detect per quarter',
        points: quarters.map<ChartPoint>((q) => ({ label: q.quarter, value: q.time_to_detect_minutes.mean, text: statsText(q.quarter, q.time_to_detect_minutes) })),
        format: minutes,
      },
      selected,
    ),
    renderLineChart(
      {
        id: 'chart-resolve',
        title: 'Time to resolve (mean)',
        description: 'Mean time to resolve per quarter',
        points: quarters.map<ChartPoint>((q) => ({ label: q.quarter, value: q.time_to_resolve_minutes.mean, text: statsText(q.quarter, q.time_to_resolve_minutes) })),
        format: minutes,
      },
      selected,
    ),
    ...costCharts(review, selected),
    renderLineChart(
      {
        id: 'chart-completion',
        title: 'Action-item completion rate',
        description: 'Share of action items done per quarter',
        points: quarters.map<ChartPoint>((q) => ({
          label: q.quarter,
          value: q.action_completion_rate,
          text: q.action_completion_rate === null ? `${q.quarter}: no action items` : `${q.quarter}: ${formatRate(q.action_completion_rate)} (${q.actions.done} of ${q.actions.total})`,
        })),
        format: formatRate,
        max: 1,
      },
      selected,
    ),
  ];
  return `<section class="trends" aria-label="Trends across quarters"><h2>Trends</h2><div class="charts">${charts.join('')}</div></section>`;
}

/**
 * One cost chart per currency: amounts in different currencies never share an
 * axis. The report currency's chart (converted with the user's rates, if any)
 * comes first; without rates, each other currency gets its own chart as written.
 */
function costCharts(review: Review, selected: string | undefined): string[] {
  const quarters = review.quarters;
  const currency = review.cost_currency;
  const label = currencyLabel(currency);
  const charts = [
    renderLineChart(
      {
        id: 'chart-cost',
        title: `Incident cost (total, ${label}${review.conversion ? ', converted' : ''})`,
        description: `Total incident cost in ${label} per quarter`,
        points: quarters.map<ChartPoint>((q) => ({
          label: q.quarter,
          value: q.cost_total,
          text: q.cost_total === null ? `${q.quarter}: no cost in ${label}` : `${q.quarter}: ${formatCost(q.cost_total, currency)} (n = ${q.cost_n})`,
        })),
        format: (n) => formatCost(Math.round(n), currency),
      },
      selected,
    ),
  ];
  if (review.conversion) return charts;
  for (const other of otherCurrencies(review)) {
    const olabel = currencyLabel(other);
    charts.push(
      renderLineChart(
        {
          id: `chart-cost-${chartSlug(other)}`,
          title: `Incident cost (total, ${olabel})`,
          description: `Total incident cost in ${olabel} per quarter`,
          points: quarters.map<ChartPoint>((q) => {
            const figure = q.cost_by_currency.find((c) => c.currency === other);
            return { label: q.quarter, value: figure?.total ?? null, text: figure ? `${q.quarter}: ${formatCost(figure.total, other)} (n = ${figure.n})` : `${q.quarter}: no cost in ${olabel}` };
          }),
          format: (n) => formatCost(Math.round(n), other),
        },
        selected,
      ),
    );
  }
  return charts;
}

function currencyLabel(currency: string | null): string {
  return currency ?? 'no currency given';
}

function chartSlug(currency: string | null): string {
  return currency === null ? 'none' : currency.replace(/[^A-Za-z0-9]/g, '_');
}

/** Attributes that make an element reveal a place in a post-mortem when clicked (webview only). */
function reveal(interactive: boolean, file: string, path: Array<string | number>, label: string, focusable = true): string {
  if (!interactive) return '';
  // Heatmap cells are click targets only (ten tab stops per row would bury the rest); their row header is focusable.
  const focus = focusable ? ' class="reveal" tabindex="0" role="link"' : '';
  return `${focus} data-file="${escapeHtml(file)}" data-path="${escapeHtml(JSON.stringify(path))}" title="${escapeHtml(label)}"`;
}

function quarterSection(q: QuarterReview, interactive: boolean, hidden: boolean): string {
  const id = `q-${escapeHtml(q.quarter)}`;
  const out: string[] = [`<section class="quarter" id="${id}" data-quarter="${escapeHtml(q.quarter)}"${hidden ? ' hidden' : ''}>`, `<h2>${escapeHtml(q.quarter)}</h2>`];
  if (q.incidents === 0) {
    out.push('<p class="empty">No incidents this quarter.</p></section>');
    return out.join('');
  }
  for (const w of q.warnings) out.push(`<p class="warning" role="note">${escapeHtml(w)}</p>`);
  const severity = SEVERITIES.map((s) => `<span class="badge sev-${s.toLowerCase()}">${s}: <span class="num" data-figure="severity-${s}">${q.by_severity[s]}</span></span>`).join(' ');
  const change = q.cost_change_pct === null ? q.cost_change_note ?? 'no change to show' : `${formatPct(q.cost_change_pct)} vs previous quarter`;
  out.push(
    '<dl class="figures">',
    card('Incidents', `<span data-figure="incidents">${q.incidents}</span>`, severity),
    card('Time to detect', `<span data-figure="detect-mean">${escapeHtml(formatMinutes(q.time_to_detect_minutes.mean))}</span>`, escapeHtml(formatStats(q.time_to_detect_minutes))),
    card('Time to resolve', `<span data-figure="resolve-mean">${escapeHtml(formatMinutes(q.time_to_resolve_minutes.mean))}</span>`, escapeHtml(formatStats(q.time_to_resolve_minutes))),
    card(
      'Action items done',
      `<span data-figure="completion">${escapeHtml(formatRate(q.action_completion_rate))}</span>`,
      `${q.actions.done} of ${q.actions.total} done, ${q.actions.wont_do} won't do, <span data-figure="overdue">${q.overdue_actions}</span> overdue`,
    ),
    card(
      `Cost (${currencyLabel(q.cost_currency)})`,
      `<span data-figure="cost-total">${escapeHtml(formatCost(q.cost_total, q.cost_currency))}</span>`,
      `mean ${escapeHtml(formatCost(q.cost_mean, q.cost_currency))} (n = ${q.cost_n}); <span data-figure="cost-change">${escapeHtml(change)}</span>`,
    ),
    ...q.cost_by_currency
      .filter((c) => c.currency !== q.cost_currency)
      .map((c) =>
        card(
          `Cost (${currencyLabel(c.currency)}, as written)`,
          `<span data-figure="cost-total-${escapeHtml(chartSlug(c.currency))}">${escapeHtml(formatCost(c.total, c.currency))}</span>`,
          `mean ${escapeHtml(formatCost(c.mean, c.currency))} (n = ${c.n}: ${escapeHtml(c.incidents.join(', '))}); ${escapeHtml(c.change_pct === null ? 'no change to show' : `${formatPct(c.change_pct)} vs previous quarter`)}`,
        ),
      ),
    '</dl>',
  );
  if (q.cost_left_out.length > 0) {
    out.push(
      `<details class="cost-left-out"><summary>Left out of the ${escapeHtml(currencyLabel(q.cost_currency))} cost figures: ${q.cost_left_out.length} incident${q.cost_left_out.length === 1 ? '' : 's'}</summary><ul>${q.cost_left_out
        .map((l) => `<li><span${reveal(interactive, l.file, ['cost'], `Open ${l.id}`)}>${escapeHtml(l.id)}</span>: ${escapeHtml(l.reason)}</li>`)
        .join('')}</ul></details>`,
    );
  }
  out.push(
    '<h3>Top root causes</h3>',
    q.root_cause_counts.length === 0
      ? '<p class="empty">No root-cause categories given.</p>'
      : `<ol class="root-causes">${q.root_cause_counts
          .slice(0, 3)
          .map((c) => `<li data-category="${escapeHtml(c.category)}">${escapeHtml(factorLabel(c.category))} <span class="muted">(${escapeHtml(rootCauseDetail(c))})</span></li>`)
          .join('')}</ol>`,
  );
  out.push('<h3>Repeat incidents</h3>');
  if (q.repeat_incidents.length === 0) out.push('<p class="empty">No incident of this quarter repeats the root-cause category of an earlier incident in a shared service.</p>');
  else {
    out.push('<ul class="repeat-pairs">');
    q.repeat_incidents.forEach(([a, b], i) => {
      const [fa, fb] = q.repeat_incident_files[i];
      out.push(
        `<li class="repeat-pair"><span${reveal(interactive, fa, ['root_cause', 'category'], `Open ${a}`)} data-id="${escapeHtml(a)}">${escapeHtml(a)}</span>, repeated by <span${reveal(interactive, fb, ['root_cause', 'category'], `Open ${b}`)} data-id="${escapeHtml(b)}">${escapeHtml(b)}</span></li>`,
      );
    });
    out.push('</ul>');
  }
  out.push('<h3>Overdue action items</h3>');
  if (q.overdue_items.length === 0) out.push('<p class="empty">None.</p>');
  else {
    out.push('<table class="overdue"><thead><tr><th scope="col">Incident</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Deadline</th><th scope="col">Days overdue</th></tr></thead><tbody>');
    for (const item of q.overdue_items) {
      out.push(
        `<tr${reveal(interactive, item.file, ['action_items', item.index, 'deadline'], `Open ${item.id}, action item ${item.index + 1}`)}><td>${escapeHtml(item.id)}</td><td>${escapeHtml(item.action)}</td><td>${escapeHtml(item.owner)}</td><td>${escapeHtml(item.deadline ?? '—')}</td><td class="num">${item.days_overdue ?? '—'}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push(heatmap(q, interactive), '</section>');
  return out.join('\n');
}

function card(label: string, value: string, detail: string): string {
  return `<div class="card"><dt>${escapeHtml(label)}</dt><dd class="value">${value}</dd><dd class="detail">${detail}</dd></div>`;
}

function heatmap(q: QuarterReview, interactive: boolean): string {
  const factors = q.heatmap.factors;
  const head = `<tr><th scope="col">Incident</th>${factors.map((f) => `<th scope="col" class="factor">${escapeHtml(factorLabel(f))}</th>`).join('')}</tr>`;
  const rows = q.heatmap.rows
    .map((row) => {
      const cells = factors
        .map((f) => {
          const score = row.scores[f];
          const cls = `score score-${score === null ? 'none' : Math.max(0, Math.min(3, Math.round(score)))}${row.category === f ? ' root-cause' : ''}`;
          return `<td class="${cls}" data-factor="${f}"${reveal(interactive, row.file, ['contributing_factors', f, 'score'], `${row.id}: ${factorLabel(f)}`, false)}>${score === null ? '—' : score}</td>`;
        })
        .join('');
      return `<tr data-id="${escapeHtml(row.id)}"><th scope="row"${reveal(interactive, row.file, ['id'], `Open ${row.id}`)}>${escapeHtml(row.id)}${row.severity ? ` <span class="badge sev-${row.severity.toLowerCase()}">${row.severity}</span>` : ''}</th>${cells}</tr>`;
    })
    .join('');
  const totals = `<tr class="totals"><th scope="row">Total</th>${factors.map((f) => `<td class="num" data-factor="${f}">${q.heatmap.totals[f]}</td>`).join('')}</tr>`;
  return `<h3>Contributing factors</h3><div class="table-scroll"><table class="heatmap"><caption>Factor scores 0–3 per incident; the root-cause category is outlined.</caption><thead>${head}</thead><tbody>${rows}</tbody><tfoot>${totals}</tfoot></table></div>`;
}

function skippedSection(review: Review): string {
  if (review.skipped.length === 0) return '';
  const items = review.skipped.map((s) => `<li><code>${escapeHtml(s.file)}</code>: ${escapeHtml(s.reason)}</li>`).join('');
  return `<section class="skipped"><h2>Skipped files</h2><ul>${items}</ul></section>`;
}
