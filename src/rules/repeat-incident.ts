import type { Rule } from './types';
import { asArray, asString, asStringArray, isRecord, type Postmortem } from '../core/model';
import { isActionClosed } from '../core/deadlines';
import { parseDateTime } from '../core/time';
import type { RelatedInformation } from '../core/types';

function categoryOf(doc: Postmortem): string | undefined {
  return isRecord(doc.root_cause) ? asString(doc.root_cause.category) : undefined;
}

function startOf(doc: Postmortem): number | undefined {
  return isRecord(doc.summary) ? parseDateTime(doc.summary.start)?.epochMs : undefined;
}

/** Earlier by summary.start; when either start is unknown, by id (ids embed the date). */
function isEarlier(other: Postmortem, self: Postmortem): boolean {
  const a = startOf(other);
  const b = startOf(self);
  if (a !== undefined && b !== undefined && a !== b) return a < b;
  const otherId = asString(other.id);
  const selfId = asString(self.id);
  return otherId !== undefined && selfId !== undefined && otherId < selfId;
}

function openActionCount(doc: Postmortem): number {
  return asArray(doc.action_items).filter((item) => isRecord(item) && !isActionClosed(item.status)).length;
}

export const repeatIncident: Rule = {
  id: 'PM118',
  slug: 'repeat-incident',
  description: 'An earlier post-mortem has the same root-cause category and shares a service: the same root cause twice is a systemic failure.',
  defaultSeverity: 'warning',
  crossFile: true,
  check(ctx) {
    const category = categoryOf(ctx.doc);
    const services = new Set(asStringArray(ctx.doc.services));
    if (!category || services.size === 0 || !ctx.workspace) return;
    const related: RelatedInformation[] = [];
    const notes: string[] = [];
    for (const entry of ctx.workspace.entries()) {
      if (entry.file === ctx.file || categoryOf(entry.doc) !== category) continue;
      const shared = asStringArray(entry.doc.services).filter((s) => services.has(s));
      if (shared.length === 0 || !isEarlier(entry.doc, ctx.doc)) continue;
      const id = asString(entry.doc.id) ?? entry.file;
      const open = openActionCount(entry.doc);
      const openNote = open > 0 ? `; ${open} of its action items ${open === 1 ? 'is' : 'are'} still open` : '';
      notes.push(`${id} (${shared.join(', ')}${openNote})`);
      related.push({
        file: entry.file,
        range: entry.categoryRange ?? entry.idRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `Earlier incident ${id}: root cause \`${category}\` in ${shared.join(', ')}${openNote}`,
      });
    }
    if (related.length === 0) return;
    ctx.report({
      message: `Same root cause twice = systemic failure: \`${category}\` was already the root cause of ${notes.join(', ')}. Ask why the earlier fixes did not hold, and link it under \`related:\`.`,
      range: ctx.rangeAt(['root_cause', 'category'], 'value'),
      related,
    });
  },
};
