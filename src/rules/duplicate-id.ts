import type { Rule } from './types';
import type { RelatedInformation } from '../core/types';
import { excerpt } from '../core/excerpt';
import { entriesWithId, listWithRest, MAX_LISTED_MATCHES, workspaceIdOf } from '../core/workspace';

export const duplicateId: Rule = {
  id: 'PM117',
  slug: 'duplicate-id',
  description: 'Two post-mortem files of the workspace have the same `id`.',
  defaultSeverity: 'error',
  crossFile: true,
  check(ctx) {
    const id = workspaceIdOf(ctx.doc);
    if (!id || !ctx.workspace) return;
    // The index's lookup by id: entries are plain data, no parsing happens here.
    const others = [...entriesWithId(ctx.workspace, id)]
      .filter((entry) => entry.file !== ctx.file)
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    if (others.length === 0) return;
    const listed = others.slice(0, MAX_LISTED_MATCHES);
    const related: RelatedInformation[] = listed.map((entry) => ({
      file: entry.file,
      range: entry.idRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `${excerpt(id)} is also the id of this post-mortem`,
    }));
    ctx.report({
      message: `The id ${excerpt(id)} is also used by ${listWithRest(listed.map((entry) => entry.file), others.length)}. Give one of them the next free id, or links and the quarterly review mix the two incidents.`,
      range: ctx.rangeAt(['id'], 'value'),
      related,
    });
  },
};
