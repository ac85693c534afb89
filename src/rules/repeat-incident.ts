import type { Rule } from './types';
import { asArray, asString, isRecord, type Postmortem } from '../core/model';
import { isActionClosed } from '../core/deadlines';
import { repeatKeyOf, repeatedServices } from '../core/repeat';
import type { RelatedInformation } from '../core/types';

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
    const self = repeatKeyOf(ctx.doc);
    const category = self.category;
    if (!category || self.services.length === 0 || !ctx.workspace) return;
    const related: RelatedInformation[] = [];
    const notes: string[] = [];
    for (const entry of ctx.workspace.entries()) {
      // The category first: reading the key (dates, services) of every workspace entry on each lint costs.
      if (entry.file === ctx.file || !isRecord(entry.doc.root_cause) || entry.doc.root_cause.category !== category) continue;
      const shared = repeatedServices(repeatKeyOf(entry.doc), self);
      if (shared.length === 0) continue;
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
      message: `\`${category}\` was already the root cause of ${notes.join(', ')}. Same root cause twice = systemic failure: ask why the earlier fixes did not hold, and link it under \`related:\`.`,
      range: ctx.rangeAt(['root_cause', 'category'], 'value'),
      related,
    });
  },
};
