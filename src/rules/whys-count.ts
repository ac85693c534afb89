import type { Rule } from './types';
import { asArray, isRecord } from '../core/model';

const REQUIRED_WHYS = 5;

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}

export const whysCount: Rule = {
  id: 'PM112',
  slug: 'whys-count',
  description: 'The 5 Whys have fewer than five answers, or two identical ones.',
  defaultSeverity: 'warning',
  check(ctx) {
    const rootCause = isRecord(ctx.doc.root_cause) ? ctx.doc.root_cause : undefined;
    if (!rootCause || !('whys' in rootCause)) return;
    const whys = asArray(rootCause.whys);
    const answered = whys.filter((w) => typeof w === 'string' && w.trim() !== '').length;
    if (answered < REQUIRED_WHYS) {
      ctx.report({
        message: `The analysis has ${answered} why${answered === 1 ? '' : 's'}; ask at least ${REQUIRED_WHYS}. Keep asking until an answer names the organisational gap.`,
        range: ctx.rangeAt(['root_cause', 'whys']),
      });
    }
    const seen = new Map<string, number>();
    whys.forEach((why, index) => {
      if (typeof why !== 'string' || why.trim() === '') return;
      const key = normalise(why);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
        return;
      }
      ctx.report({
        message: `Why ${index + 1} repeats why ${first + 1}. Ask why once more about why ${first + 1}, to go deeper.`,
        range: ctx.rangeAt(['root_cause', 'whys', index], 'value'),
        related: ctx.file
          ? [{ file: ctx.file, range: ctx.rangeAt(['root_cause', 'whys', first], 'value'), message: `Why ${first + 1}` }]
          : undefined,
      });
    });
  },
};
