import type { Rule } from './types';
import { asArray, asString, isRecord } from '../core/model';
import { REGULATED_DATA_SIGNS, regimeClockLabel, regulatoryDeadline, regulatoryStatus } from '../core/regulatory';
import type { Postmortem } from '../core/model';
import { formatCalendarDate } from '../core/time';
import { ownValue } from '../core/lookup';

function describeDue(due: { epochMs: number; offsetMinutes: number }, dayClock: boolean, dueDate: string): string {
  if (dayClock) return dueDate;
  return new Date(due.epochMs).toISOString().replace(/:00\.000Z$/, 'Z');
}

export const regulatoryDeadlineRule: Rule = {
  id: 'PM116',
  slug: 'regulatory-deadline',
  description: 'A regulatory notification deadline passed without `notified`, or was met late; or the text mentions data a regime with a notification clock covers and no entry names it.',
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

    // A hint only for regimes with a clock, and only where the document says their kind of data or harm was involved.
    const named = new Set(entries.map((e) => (isRecord(e) ? asString(e.regime) : undefined)));
    for (const sign of REGULATED_DATA_SIGNS) {
      if (named.has(sign.regime)) continue;
      const evidence = firstMention(ctx.doc, sign.pattern);
      if (!evidence) continue;
      ctx.report({
        message: `\`${evidence.path.join('.')}\` mentions "${evidence.phrase}": if ${sign.what} was involved, ${sign.regime} has a notification clock (${regimeClockLabel(sign.regime)} from discovery), but no \`regulatory\` entry names it. Add one with \`discovered\`; otherwise ignore this hint.`,
        range: ctx.rangeAt(evidence.path, 'value'),
        severity: 'hint',
      });
    }
  },
};

/** The free-text places that say what an incident touched, in reading order. */
function* textPlaces(doc: Postmortem): Generator<{ path: Array<string | number>; text: string }> {
  const title = asString(doc.title);
  if (title) yield { path: ['title'], text: title };
  const description = isRecord(doc.summary) ? asString(doc.summary.description) : undefined;
  if (description) yield { path: ['summary', 'description'], text: description };
  for (const [index, entry] of asArray(doc.timeline).entries()) {
    const event = isRecord(entry) ? asString(entry.event) : undefined;
    if (event) yield { path: ['timeline', index, 'event'], text: event };
  }
  const whys = isRecord(doc.root_cause) ? asArray(doc.root_cause.whys) : [];
  for (const [index, why] of whys.entries()) {
    const text = asString(why);
    if (text) yield { path: ['root_cause', 'whys', index], text };
  }
}

function firstMention(doc: Postmortem, pattern: RegExp): { path: Array<string | number>; phrase: string } | undefined {
  for (const place of textPlaces(doc)) {
    const match = pattern.exec(place.text);
    if (match) return { path: place.path, phrase: match[0] };
  }
  return undefined;
}

