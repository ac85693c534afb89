import type { Rule } from './types';
import { asNumber, FACTOR_KEYS, isRecord } from '../core/model';
import { insertKeysEdit } from './shared/yamlEdits';

function scoreOf(factor: unknown): number | undefined {
  return isRecord(factor) ? asNumber(factor.score) : asNumber(factor);
}

function hasNotes(factor: unknown): boolean {
  return isRecord(factor) && typeof factor.notes === 'string' && factor.notes.trim() !== '';
}

export const factorsComplete: Rule = {
  id: 'PM113',
  slug: 'factors-complete',
  description: 'Contributing factors are incomplete: a key missing, a score of 2-3 without notes, nothing scored 2+, or a root-cause category scored below 2.',
  defaultSeverity: 'warning',
  check(ctx) {
    const factors = ctx.doc.contributing_factors;
    if (!isRecord(factors)) return;
    const sectionRange = ctx.rangeAt(['contributing_factors']);

    const missing = FACTOR_KEYS.filter((key) => !Object.hasOwn(factors, key));
    if (missing.length > 0) {
      const edit = insertKeysEdit(ctx.parsed, ['contributing_factors'], missing.map((key) => [key, '{ score: 0 }'] as const));
      ctx.report({
        message: `${missing.length} contributing factor${missing.length === 1 ? ' is' : 's are'} not scored: ${missing.map((k) => `\`${k}\``).join(', ')}. Score every factor 0-3 (0 = not a factor).`,
        range: sectionRange,
        // Not safe: scoring is the team's judgement; 0 is only where they start.
        fixes: edit ? [{ title: `Add the missing factor${missing.length === 1 ? '' : 's'} with score 0`, edits: [edit], safe: false, changes: missing.map((key) => ({ path: ['contributing_factors', key], value: { score: 0 } })) }] : undefined,
      });
    }

    let strongest = -1;
    for (const key of FACTOR_KEYS) {
      const factor = factors[key];
      const score = scoreOf(factor);
      if (score === undefined) continue;
      strongest = Math.max(strongest, score);
      if (score >= 2 && !hasNotes(factor)) {
        ctx.report({
          message: `\`${key}\` is scored ${score} but has no notes. Add one line on how it contributed.`,
          range: ctx.rangeAt(['contributing_factors', key]),
        });
      }
    }
    const scored = FACTOR_KEYS.some((key) => scoreOf(factors[key]) !== undefined);
    if (scored && strongest < 2) {
      ctx.report({
        message: 'No contributing factor is scored 2 or more. Score the main contributors 2 (contributor) or 3 (primary).',
        range: sectionRange,
      });
    }

    const rootCause = isRecord(ctx.doc.root_cause) ? ctx.doc.root_cause : undefined;
    const category = rootCause?.category;
    if (typeof category === 'string' && (FACTOR_KEYS as readonly string[]).includes(category)) {
      const score = scoreOf(factors[category]);
      if (score !== undefined && score < 2) {
        ctx.report({
          message: `The root-cause category is \`${category}\`, but that factor is scored ${score}. Score it at least 2 (contributor), or pick the category that matches the analysis.`,
          range: ctx.rangeAt(['root_cause', 'category'], 'value'),
          related: ctx.file
            ? [{ file: ctx.file, range: ctx.rangeAt(['contributing_factors', category]), message: `\`${category}\` scored ${score}` }]
            : undefined,
        });
      }
    }
  },
};
