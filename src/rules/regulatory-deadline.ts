import type { Rule } from './types';
import { asArray, asString, isRecord } from '../core/model';
import { INDUSTRY_REGIMES, regulatoryDeadline, regulatoryStatus } from '../core/regulatory';
import { formatCalendarDate } from '../core/time';
import { ownValue } from '../core/lookup';

function describeDue(due: { epochMs: number; offsetMinutes: number }, dayClock: boolean, dueDate: string): string {
  if (dayClock) return dueDate;
  return new Date(due.epochMs).toISOString().replace(/:00\.000Z$/, 'Z');
}

export const regulatoryDeadlineRule: Rule = {
  id: 'PM116',
  slug: 'regulatory-deadline',
  description: 'A regulatory notification deadline passed without `notified`, or was met late; or the industry suggests a regime no entry names.',
  defaultSeverity: 'error',
  check(ctx) {
    const entries = asArray(ctx.doc.regulatory);
    entries.forEach((entry, index) => {
      if (!isRecord(entry)) return;
      const deadline = regulatoryDeadline(entry, ctx.settings.holidays);
      if (!deadline) return;
      const status = regulatoryStatus(entry, ctx.today, ctx.settings.holidays);
      const dayClock = deadline.label.endsWith('days');
      const due = describeDue(deadline.due, dayClock, formatCalendarDate(deadline.dueDate));
      const path = ['regulatory', index];
      if (status === 'overdue') {
        ctx.report({
          message: `The ${deadline.regime} notification was due ${due} (${deadline.label} from discovery) and \`notified\` is not set. Record when it was sent, or notify now.`,
          range: ctx.rangeAt([...path, 'regime'], 'value'),
        });
      } else if (status === 'late') {
        ctx.report({
          message: `The ${deadline.regime} notification went out after its deadline (${due}, ${deadline.label} from discovery). Record why in the analysis: it is a finding of its own.`,
          range: ctx.rangeAt([...path, 'notified'], 'value'),
          severity: 'warning',
        });
      }
    });

    const industry = asString(ctx.doc.industry);
    const expected = ownValue(INDUSTRY_REGIMES, industry);
    if (!expected) return;
    const named = new Set(entries.map((e) => (isRecord(e) ? asString(e.regime) : undefined)));
    const missing = expected.filter((regime) => !named.has(regime));
    if (missing.length === 0) return;
    ctx.report({
      message: `Industry \`${industry}\` usually answers to ${missing.join(' and ')}, but no \`regulatory\` entry names ${missing.length === 1 ? 'it' : 'them'}. Add one if regulated data or systems were touched; otherwise ignore this hint.`,
      range: ctx.rangeAt(['industry'], 'value'),
      severity: 'hint',
    });
  },
};
