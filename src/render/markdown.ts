/**
 * The report as GitHub-flavoured Markdown (a wiki page, a PR comment, an
 * e-mail): tables, task-list checkboxes. Document strings are escaped so they
 * stay text: no raw HTML, no accidental emphasis or links, no broken tables.
 */
import { MILESTONE_KINDS } from '../core/model';
import { safeHref } from '../core/html';
import { formatDuration, formatMoney, formatRelative, plural, readableInstant } from './format';
import { DETECTION_LABELS, type ReportModel } from './model';
import { ownValue } from '../core/lookup';

/** Inline text: Markdown punctuation and HTML are neutralised, line breaks become spaces. */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Brackets are escaped, so parentheses and `!` can never complete a link or an image.
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/^(\s*)([-=#+])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}

/** A table cell: escaped text; an empty value gets a dash so the column stays aligned. */
function cell(value: unknown): string {
  const text = escapeMarkdown(value);
  return text.trim() === '' ? '—' : text;
}

function mdLink(href: string | undefined, label: string): string {
  const safe = safeHref(href);
  if (!safe) return href === undefined ? '' : escapeMarkdown(href);
  // Characters that would end the link destination are percent-encoded.
  const destination = safe.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(label)}](${destination})`;
}

/** A GitHub table; `rightAligned` lists the columns of figures, so their digits line up. */
function table(header: string[], rows: string[][], rightAligned: number[] = []): string {
  const rule = header.map((_, i) => (rightAligned.includes(i) ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const NOT_GIVEN = '_not given_';

/**
 * The description is Markdown already and stays Markdown. As in the HTML
 * report, raw HTML is neutralised, and links whose target is not http, https
 * or mailto are broken up so that no viewer turns them into links; images likewise.
 */
function descriptionMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Images would load from the network when the page is opened; the HTML report does not show them either.
    .replace(/!\[/g, '\\![')
    .replace(/\]\(\s*([^\s)]*)/g, (whole, target: string) => (safeHref(target) ? whole : whole.replace('](', ']\\(')))
    .replace(/^(\s{0,3})\[([^\]\n]*)\]:[ \t]*(\S+)/gm, (whole, indent: string, label: string, target: string) =>
      safeHref(target) ? whole : `${indent}\\[${label}\\]: ${target}`,
    )
    .trim();
}

export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [];
  const h = model.header;
  if (!model.readable) {
    out.push('# Post-mortem', '', '> **Nothing could be read from this file.** It is not a YAML mapping of post-mortem fields yet.', '');
    for (const line of diagnosticsMarkdown(model)) out.push(line);
    return out.join('\n') + '\n';
  }
  out.push(`# ${h.id ? `${escapeMarkdown(h.id)} — ` : ''}${h.title ? escapeMarkdown(h.title) : 'Untitled post-mortem'}`, '');
  if (model.syntaxErrors) out.push('> **The YAML has syntax errors.** This report shows what could be read.', '');
  const badges = [
    `**Status:** ${h.status ? escapeMarkdown(h.status) : NOT_GIVEN}`,
    `**Severity:** ${h.severity ? `${escapeMarkdown(h.severity)}${h.severityDefinition ? ` (${escapeMarkdown(h.severityDefinition.replace(/^SEV-\d: /, ''))})` : ''}` : NOT_GIVEN}`,
    `**Services:** ${h.services.length ? h.services.map(escapeMarkdown).join(', ') : NOT_GIVEN}`,
    `**Authors:** ${h.authors.length ? h.authors.map(escapeMarkdown).join(', ') : NOT_GIVEN}`,
    `**Review:** ${h.reviewed ? escapeMarkdown(h.reviewed) : 'not reviewed yet'}`,
  ];
  out.push(badges.join('  \n'), '');
  for (const line of diagnosticsMarkdown(model)) out.push(line); // not push(...): 100,000+ lines overflow the stack

  // Summary
  const s = model.summary;
  out.push('## Summary', '');
  if (!s.present) out.push(NOT_GIVEN, '');
  else {
    const minutes = (n: number | null): string => (n === null ? '_cannot be computed_' : formatDuration(n));
    // Label lines like the header block: a table needs a header row, and an empty one renders as a blank bar on GitHub.
    out.push(
      [
        `**Incident:** ${cell(when(s.start))} → ${cell(when(s.end))} (${minutes(s.durationMinutes)})`,
        `**Detected by:** ${s.detectionMethod ? cell(ownValue(DETECTION_LABELS, s.detectionMethod) ?? s.detectionMethod) : NOT_GIVEN}`,
        `**Time to detect:** ${minutes(s.detectionDelayMinutes)}${s.firstAlert ? ` (first alert ${cell(when(s.firstAlert))})` : ''}`,
        `**Users affected:** ${s.usersAffected !== undefined ? cell(s.usersAffected) : NOT_GIVEN}`,
        `**SLA breached:** ${s.slaBreached === undefined ? NOT_GIVEN : s.slaBreached ? 'yes' : 'no'}`,
      ].join('  \n'),
      '',
    );
    if (s.description) out.push(descriptionMarkdown(s.description), '');
  }

  // Cost
  out.push('## Incident cost', '');
  const c = model.cost;
  if (!c.present) out.push('No `cost` section: the cost figures cannot be computed.', '');
  else {
    const money = (n: number | null): string => (n === null ? NOT_GIVEN : escapeMarkdown(formatMoney(n, c.currency)));
    const rows: string[][] = [];
    for (const group of ['direct', 'indirect'] as const) {
      for (const line of c.lines.filter((l) => l.group === group)) {
        const detail = line.amount === null && line.formula ? ` (missing ${line.missing.map(escapeMarkdown).join(', ')})` : line.formula ? ` (${escapeMarkdown(line.formula)})` : '';
        rows.push([`${group === 'direct' ? 'Direct' : 'Indirect'}: ${line.label}${detail}`, money(line.amount)]);
      }
      rows.push([`**${group === 'direct' ? 'Direct' : 'Indirect'} cost**`, `**${money(group === 'direct' ? c.direct : c.indirect)}**`]);
    }
    // All zeros (the `new` template) is a cost nobody has estimated yet, not an incident that cost nothing.
    rows.push(['**Total**', c.estimated ? `**${money(c.total)}**` : '_not estimated_ (every amount is 0 or not given)']);
    rows.push(['Per minute of downtime', !c.estimated ? '_not estimated_' : c.perMinute === null ? '_cannot be computed_' : money(c.perMinute)]);
    out.push(table(['Part', 'Amount'], rows, [1]), '');
  }

  // Factors
  out.push('## Contributing factors', '');
  const scoreCell = (score: number | null): string => (score === null ? '–' : `${'■'.repeat(Math.max(0, Math.min(3, score)))}${'□'.repeat(Math.max(0, 3 - Math.max(0, Math.min(3, score))))} ${score}`);
  out.push(
    table(
      ['Factor', 'Score (0–3)', 'Notes'],
      model.factors.cells.map((f) => [`${f.isRootCause ? '★ ' : ''}${f.label}${f.isRootCause ? ' (root cause)' : ''}`, scoreCell(f.score), f.notes ? cell(f.notes) : '']),
    ),
    '',
  );

  // Timeline
  out.push('## Timeline', '');
  const t = model.timeline;
  if (t.rows.length === 0) out.push('No timeline entries yet.', '');
  else {
    const rows = t.rows.map((row) => {
      const milestone = row.kind && (MILESTONE_KINDS as readonly string[]).includes(row.kind);
      const gap = row.gapTooLong && row.gapBeforeMinutes !== null ? ` ⚠ ${formatDuration(row.gapBeforeMinutes)} gap before` : '';
      return [
        row.relativeMinutes === null ? '—' : formatRelative(row.relativeMinutes),
        cell(row.clock ?? row.at),
        row.kind ? `${milestone ? '◆ ' : ''}${cell(row.kind)}` : '—',
        `${cell(row.event)}${gap}${row.source ? ` ${mdLink(row.source, 'source')}` : ''}`,
      ];
    });
    out.push(table(['T', 'Time', 'Kind', 'Event'], rows), '');
    const spans: string[] = [];
    if (s.detectionDelayMinutes !== null) spans.push(`time to detect ${formatDuration(s.detectionDelayMinutes)}`);
    if (s.durationMinutes !== null) spans.push(`time to resolve ${formatDuration(s.durationMinutes)}`);
    if (spans.length) out.push(`_${spans.join(' · ')}_`, '');
  }

  // Whys
  out.push('## 5 Whys', '');
  if (model.whys.length === 0) out.push(NOT_GIVEN, '');
  else out.push(model.whys.map((w, i) => `${i + 1}. ${w === undefined ? '_unreadable_' : escapeMarkdown(w)}`).join('\n'), '');

  out.push('## What went well', '', model.wentWell.length ? model.wentWell.map((w) => `- ${w === undefined ? '_unreadable_' : escapeMarkdown(w)}`).join('\n') : NOT_GIVEN, '');
  if (model.gotLucky.length) out.push('## Where we got lucky', '', model.gotLucky.map((w) => `- ${w === undefined ? '_unreadable_' : escapeMarkdown(w)}`).join('\n'), '');

  // Actions
  out.push('## Action items', '');
  const a = model.actions;
  if (a.rows.length === 0) out.push('No action items yet.', '');
  else {
    const n = a.counts;
    out.push(`${plural(n.total, 'item')}: ${n.open} open, ${n.in_progress} in progress, ${n.done} done, ${n.wont_do} won't do${n.overdue ? `, **${n.overdue} overdue**` : ''}.`, '');
    const rows = a.rows.map((row) => {
      const flags: string[] = [];
      if (row.overdue && row.daysLeft !== null) flags.push(`**overdue by ${plural(-row.daysLeft, 'day')}**`);
      if (row.outsideWindow && row.latestAllowed) flags.push(`**after the ${escapeMarkdown(row.priority ?? '')} window (${row.latestAllowed})**`);
      const box = row.status === 'done' ? '☑' : row.status === 'wont-do' ? '☒' : '☐';
      return [
        `${box} ${cell(row.action)}`,
        cell(row.owner),
        `${cell(row.deadline)}${flags.length ? ` ${flags.join(' ')}` : ''}`,
        cell(row.priority),
        `${cell(row.status)}${row.reason ? ` (${escapeMarkdown(row.reason)})` : ''}`,
        row.link ? mdLink(row.link, row.linkLabel ?? 'link') : '',
      ];
    });
    out.push(table(['Action', 'Owner', 'Deadline', 'Priority', 'Status', 'Link'], rows), '');
    // The same items as a task list, so GitHub shows (and counts) them as tasks.
    out.push('Progress as a task list:', '');
    out.push(a.rows.map((row) => `- [${row.status === 'done' ? 'x' : ' '}] ${cell(row.action)}${row.owner ? ` (${escapeMarkdown(row.owner)})` : ''}`).join('\n'), '');
  }

  // Recurrence
  out.push('## Recurrence prevention', '');
  const r = model.recurrence;
  if (!r.present) out.push(NOT_GIVEN, '');
  else {
    out.push(r.items.map((item) => `- [${item.value === true ? 'x' : ' '}] ${item.label}${item.value === undefined ? ' _(not given)_' : ''}`).join('\n'));
    if (r.rfc) out.push('', `RFC: ${mdLink(r.rfc, r.rfc)}`);
    out.push('');
  }

  if (model.regulatory.length) {
    out.push('## Regulatory obligations', '');
    out.push(
      table(
        ['Regime', 'Discovered', 'Deadline', 'Notified', 'Status'],
        model.regulatory.map((reg) => [
          `${cell(reg.regime)}${reg.event ? ` (${escapeMarkdown(reg.event)})` : ''}`,
          cell(reg.discovered),
          reg.deadline ?? 'no fixed clock',
          reg.notified ? cell(reg.notified) : 'not yet',
          `${reg.status}${reg.daysLeft === null ? '' : reg.daysLeft >= 0 ? ` (${plural(reg.daysLeft, 'day')} left)` : ` (${plural(-reg.daysLeft, 'day')} late)`}`,
        ]),
      ),
      '',
    );
  }
  if (model.related.length) out.push('## Related incidents', '', model.related.map((x) => `- ${escapeMarkdown(x)}`).join('\n'), '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

function diagnosticsMarkdown(model: ReportModel): string[] {
  if (model.diagnostics.length === 0) return [];
  const c = model.diagnosticCounts;
  const counts = (['error', 'warning', 'info', 'hint'] as const).filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}${c[s] === 1 || s === 'info' ? '' : 's'}`);
  return [
    `## Review checklist (${counts.join(', ')})`,
    '',
    ...model.diagnostics.map((d) => `- [ ] **${d.severity}** ${messageMarkdown(d.message)} (\`${d.rule.replace(/`/g, '')}\`, line ${d.range.start.line + 1})`),
    '',
  ];
}

/** Backticks in rule messages mark field names and values: kept as code spans, the rest escaped. */
function messageMarkdown(message: string): string {
  return message
    .split(/(`[^`\n]+`)/)
    // A span holding HTML or table characters (a document value) is escaped as text instead.
    .map((part) => (/^`[^`\n<>&|]+`$/.test(part) ? part : escapeMarkdown(part)))
    .join('');
}

/** An ISO date-time as people read it (`2026-04-14 09:12 UTC`); anything else as written. */
function when(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const readable = readableInstant(value);
  return readable ? `${readable.date} ${readable.clock}` : value;
}
