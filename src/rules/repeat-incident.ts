import type { Rule } from './types';
import { asArray, asString, isRecord, type Postmortem } from '../core/model';
import { isActionClosed } from '../core/deadlines';
import { isEarlierIncident, repeatKeyOf, repeatedServices, type RepeatKey } from '../core/repeat';
import type { RelatedInformation } from '../core/types';
import { entriesWithCause, listWithRest, MAX_LISTED_MATCHES, type WorkspaceEntry } from '../core/workspace';

function openActionCount(doc: Postmortem): number {
  return asArray(doc.action_items).filter((item) => isRecord(item) && !isActionClosed(item.status)).length;
}

/** Stored documents do not change (an edit stores a new one), so each one's key (dates parsed) is read once for all lints. */
const repeatKeys = new WeakMap<Postmortem, RepeatKey>();
function storedRepeatKey(doc: Postmortem): RepeatKey {
  let key = repeatKeys.get(doc);
  if (!key) repeatKeys.set(doc, (key = repeatKeyOf(doc)));
  return key;
}

interface EarlierIncident {
  entry: WorkspaceEntry;
  key: RepeatKey;
  shared: string[];
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
    // Candidates from the index by (category, service): a lint reads the few entries that can match, not every file.
    const candidates = new Set<WorkspaceEntry>();
    for (const service of self.services) for (const entry of entriesWithCause(ctx.workspace, category, service)) candidates.add(entry);
    const earlier: EarlierIncident[] = [];
    for (const entry of candidates) {
      if (entry.file === ctx.file) continue;
      const key = storedRepeatKey(entry.doc);
      const shared = repeatedServices(key, self);
      if (shared.length > 0) earlier.push({ entry, key, shared });
    }
    if (earlier.length === 0) return;
    // The most recent first: those are the fixes that did not hold; the rest are counted, not listed.
    earlier.sort((a, b) => (isEarlierIncident(b.key, a.key) ? -1 : isEarlierIncident(a.key, b.key) ? 1 : a.entry.file < b.entry.file ? -1 : 1));
    const listed = earlier.slice(0, MAX_LISTED_MATCHES);
    const notes: string[] = [];
    const related: RelatedInformation[] = [];
    for (const { entry, shared } of listed) {
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
    ctx.report({
      message: `\`${category}\` was already the root cause of ${listWithRest(notes, earlier.length)}. Same root cause twice = systemic failure: ask why the earlier fixes did not hold, and link it under \`related:\`.`,
      range: ctx.rangeAt(['root_cause', 'category'], 'value'),
      related,
    });
  },
};
