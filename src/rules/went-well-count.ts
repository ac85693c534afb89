import type { Rule } from './types';

const MIN = 3;
const MAX = 5;

export const wentWellCount: Rule = {
  id: 'PM114',
  slug: 'went-well-count',
  description: '`went_well` has fewer than 3 or more than 5 entries.',
  defaultSeverity: 'warning',
  check(ctx) {
    const wentWell = ctx.doc.went_well;
    const present = Array.isArray(wentWell);
    const count = present ? wentWell.filter((w) => !(typeof w === 'string' && w.trim() === '')).length : 0;
    if (count >= MIN && count <= MAX) return;
    const range = present || wentWell !== undefined ? ctx.rangeAt(['went_well']) : ctx.parsed.documentStartRange();
    ctx.report({
      message:
        count < MIN
          ? `\`went_well\` has ${count} entr${count === 1 ? 'y' : 'ies'}; name ${MIN} to ${MAX}. What worked is what the team must keep doing.`
          : `\`went_well\` has ${count} entries; keep the ${MAX} that matter most, so each one is read.`,
      range,
    });
  },
};
