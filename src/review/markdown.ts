/**
 * The quarterly review as GitHub-flavoured Markdown: a report a manager can
 * paste into a document. Every string from a post-mortem is escaped so it stays
 * text (no links, no HTML, no broken tables).
 */
import { SEVERITIES } from '../core/model';
import { factorLabel, formatCost, formatMinutes, formatPct, formatRate, formatStats } from './format';
import type { QuarterReview, Review } from './review';

export function renderReviewMarkdown(review: Review): string {
  const out: string[] = ['# Quarterly incident review', ''];
  if (review.quarters.length === 0) out.push('No post-mortems with a readable `summary.start` were found.', '');
  if (review.quarters.length > 1) out.push(...trendTable(review.quarters), '');
  // Line by line, not push(...lines): a quarter of 20,000 incidents as call arguments overflows the stack.
  for (const quarter of review.quarters) for (const line of quarterSection(quarter)) out.push(line);
  if (review.skipped.length > 0) {
    out.push('## Skipped files', '', '| File | Reason |', '|---|---|');
    for (const s of review.skipped) out.push(`| ${cell(s.file)} | ${cell(s.reason)} |`);
    out.push('');
  }
  return out.join('\n');
}

function trendTable(quarters: QuarterReview[]): string[] {
  const lines = [
    '## Trend',
    '',
    '| Quarter | Incidents | Mean time to detect | Mean time to resolve | Action completion | Cost | Change |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const q of quarters) {
    lines.push(
      `| ${q.quarter} | ${q.incidents} | ${formatMinutes(q.time_to_detect_minutes.mean)} | ${formatMinutes(q.time_to_resolve_minutes.mean)} | ${formatRate(q.action_completion_rate)} | ${cell(formatCost(q.cost_total, q.cost_currency))} | ${formatPct(q.cost_change_pct)} |`,
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
    `- **Top root causes:** ${q.top_root_causes.length ? q.top_root_causes.map((c) => inline(factorLabel(c))).join(', ') : '—'}`,
    `- **Cost:** total ${inline(formatCost(q.cost_total, q.cost_currency))}, mean ${inline(formatCost(q.cost_mean, q.cost_currency))} per incident with a cost (n = ${q.cost_n}), ${q.cost_change_pct === null ? 'no previous quarter to compare' : `${formatPct(q.cost_change_pct)} against the previous quarter`}`,
    '',
  );
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
