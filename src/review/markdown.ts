/**
 * The quarterly review as GitHub-flavoured Markdown: a report a manager can
 * paste into a document. Every string from a post-mortem is escaped so it stays
 * text (no links, no HTML, no broken tables).
 */
import { SEVERITIES } from '../core/model';
import { factorLabel, formatCost, formatMinutes, formatPct, formatRate, formatStats, otherCurrencies, rootCauseDetail } from './format';
import type { QuarterReview, Review } from './review';

export function renderReviewMarkdown(review: Review): string {
  const out: string[] = ['# Quarterly incident review', ''];
  out.push(...scopeNotes(review));
  if (review.quarters.length === 0) out.push('No post-mortems with a readable `summary.start` were found.', '');
  if (review.quarters.length > 1) out.push(...trendTable(review), '');
  // Line by line, not push(...lines): a quarter of 20,000 incidents as call arguments overflows the stack.
  for (const quarter of review.quarters) for (const line of quarterSection(quarter)) out.push(line);
  if (review.skipped.length > 0) {
    out.push('## Skipped files', '', '| File | Reason |', '|---|---|');
    for (const s of review.skipped) out.push(`| ${cell(s.file)} | ${cell(s.reason)} |`);
    out.push('');
  }
  return out.join('\n');
}

/** What the figures count and in which currency, before any figure is read. */
function scopeNotes(review: Review): string[] {
  const out: string[] = [];
  if (review.include_drafts) out.push('> **Note:** Drafts are counted (`--include-drafts`): figures include post-mortems still being written.', '');
  else if (review.drafts_left_out.length > 0) {
    out.push(
      `> **Note:** ${review.drafts_left_out.length} draft${review.drafts_left_out.length === 1 ? ' is' : 's are'} not counted in any figure (\`--include-drafts\` counts them): ${review.drafts_left_out.map((d) => inline(d.id)).join(', ')}.`,
      '',
    );
  }
  const currency = review.cost_currency ?? 'no named currency';
  if (review.conversion) {
    const rates = Object.entries(review.conversion.rates).map(([code, rate]) => `1 ${inline(code)} = ${rate} ${inline(review.conversion!.report)}`);
    out.push(`> **Note:** Costs are in ${inline(currency)}, converted with the rates in .postmortem.yaml${rates.length ? ` (${rates.join(', ')})` : ''}.`, '');
  } else if (otherCurrencies(review).length > 0) {
    out.push(`> **Note:** Cost figures are in ${inline(currency)}; amounts in ${otherCurrencies(review).map((c) => inline(c ?? 'no named currency')).join(', ')} are shown apart, never added in.`, '');
  }
  return out;
}

function trendTable(review: Review): string[] {
  const quarters = review.quarters;
  const currency = review.cost_currency ?? 'no currency';
  const others = review.conversion ? [] : otherCurrencies(review);
  const lines = [
    '## Trend',
    '',
    `| Quarter | Incidents | Mean time to detect | Mean time to resolve | Action completion | Cost (${inline(currency)}) | Change |${others.map((c) => ` Cost (${inline(c ?? 'no currency')}) | Change |`).join('')}`,
    `|---|---:|---:|---:|---:|---:|---:|${others.map(() => '---:|---:|').join('')}`,
  ];
  for (const q of quarters) {
    const otherCells = others.map((c) => {
      const figure = q.cost_by_currency.find((f) => f.currency === c);
      return ` ${figure ? cell(formatCost(figure.total, c)) : '—'} | ${formatPct(figure?.change_pct ?? null)} |`;
    });
    lines.push(
      `| ${q.quarter} | ${q.incidents} | ${formatMinutes(q.time_to_detect_minutes.mean)} | ${formatMinutes(q.time_to_resolve_minutes.mean)} | ${formatRate(q.action_completion_rate)} | ${cell(formatCost(q.cost_total, q.cost_currency))} | ${formatPct(q.cost_change_pct)} |${otherCells.join('')}`,
    );
  }
  return lines;
}

function quarterSection(q: QuarterReview): string[] {
  const out = [`## ${q.quarter}`, ''];
  if (q.incidents === 0) return [...out, 'No incidents this quarter.', ''];
  for (const warning of q.warnings) out.push(`> **Note:** ${inline(warning)}`, '');
  out.push(
    `- **Incidents:** ${q.incidents} (${SEVERITIES.map((s) => `${s}: ${q.by_severity[s]}`).join(', ')})`,
    `- **Time to detect:** ${formatStats(q.time_to_detect_minutes)}`,
    `- **Time to resolve:** ${formatStats(q.time_to_resolve_minutes)}`,
    `- **Action items:** ${formatRate(q.action_completion_rate)} done (${q.actions.done} of ${q.actions.total}; ${q.actions.wont_do} won't do, ${q.actions.in_progress} in progress, ${q.actions.open} open), ${q.overdue_actions} overdue`,
    `- **Top root causes:** ${q.root_cause_counts.length ? q.root_cause_counts.slice(0, 3).map((c) => `${inline(factorLabel(c.category))} (${rootCauseDetail(c)})`).join(', ') : '—'}`,
    `- **Cost (${inline(q.cost_currency ?? 'no named currency')}):** total ${inline(formatCost(q.cost_total, q.cost_currency))}, mean ${inline(formatCost(q.cost_mean, q.cost_currency))} per incident with a cost (n = ${q.cost_n}), ${q.cost_change_pct === null ? inline(q.cost_change_note ?? 'no change to show') : `${formatPct(q.cost_change_pct)} against the previous quarter`}`,
  );
  for (const c of q.cost_by_currency.filter((f) => f.currency !== q.cost_currency)) {
    out.push(
      `- **Cost (${inline(c.currency ?? 'no named currency')}, as written):** total ${inline(formatCost(c.total, c.currency))}, mean ${inline(formatCost(c.mean, c.currency))} (n = ${c.n}: ${c.incidents.map(inline).join(', ')}), ${c.change_pct === null ? 'no change to show' : `${formatPct(c.change_pct)} against the previous quarter`}`,
    );
  }
  if (q.cost_left_out.length > 0) {
    out.push(`- **Left out of the ${inline(q.cost_currency ?? 'no named currency')} cost:** ${q.cost_left_out.map((l) => `${inline(l.id)} (${inline(l.reason)})`).join('; ')}`);
  }
  out.push('');
  if (q.repeat_incidents.length > 0) {
    out.push('### Repeat incidents', '', 'Incidents of this quarter with the root-cause category of an earlier incident (of any quarter) and a service in common:', '');
    for (const [a, b] of q.repeat_incidents) out.push(`- ${inline(a)}, repeated by ${inline(b)}`);
    out.push('');
  }
  if (q.overdue_items.length > 0) {
    out.push('### Overdue action items', '', '| Incident | Action | Owner | Deadline | Days overdue |', '|---|---|---|---|---:|');
    for (const item of q.overdue_items) {
      out.push(`| ${cell(item.id)} | ${cell(item.action)} | ${cell(item.owner)} | ${item.deadline ?? '—'} | ${item.days_overdue ?? '—'} |`);
    }
    out.push('');
  }
  const factors = q.heatmap.factors;
  out.push('### Contributing factors', '', `| Incident | ${factors.map(factorLabel).join(' | ')} |`, `|---|${factors.map(() => '---:').join('|')}|`);
  for (const row of q.heatmap.rows) {
    out.push(`| ${cell(row.id)} | ${factors.map((f) => (row.scores[f] === null ? '—' : String(row.scores[f]))).join(' | ')} |`);
  }
  out.push(`| **Total** | ${factors.map((f) => `**${q.heatmap.totals[f]}**`).join(' | ')} |`, '');
  return out;
}

/** Text that renders as itself in Markdown, on one line. */
export function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|<>~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

function cell(text: string): string {
  return inline(text);
}
