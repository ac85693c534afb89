import type { Rule } from './types';
import type { RelatedInformation } from '../core/types';
import { excerpt } from '../core/excerpt';

export const duplicateId: Rule = {
  id: 'PM117',
  slug: 'duplicate-id',
  description: 'Two post-mortem files of the workspace have the same `id`.',
  defaultSeverity: 'error',
  crossFile: true,
  check(ctx) {
    const id = typeof ctx.doc.id === 'string' ? ctx.doc.id.trim() : '';
    if (!id || !ctx.workspace) return;
    const related: RelatedInformation[] = [];
    // One pass over the index: entries are plain data, no parsing happens here.
    for (const entry of ctx.workspace.entries()) {
      if (entry.file === ctx.file) continue;
      if (typeof entry.doc.id !== 'string' || entry.doc.id.trim() !== id) continue;
      related.push({
        file: entry.file,
        range: entry.idRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `${excerpt(id)} is also the id of this post-mortem`,
      });
    }
    if (related.length === 0) return;
    const others = related.map((r) => r.file).join(', ');
    ctx.report({
      message: `The id ${excerpt(id)} is also used by ${others}. Give one of them the next free id, or links and the quarterly review mix the two incidents.`,
      range: ctx.rangeAt(['id'], 'value'),
      related,
    });
  },
};
