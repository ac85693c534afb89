import type { Rule } from './types';
import { actionItems, isBlank } from './shared/actions';
import { insertKeyEdit } from './shared/yamlEdits';

/** Values that mean "nobody yet": the quick fix's own placeholder among them, so it cannot silence the rule. */
const PLACEHOLDER_OWNER = /^(todo|tbd|tba|unknown|none|nobody|n\/a|\?+|-+)([-_ ]?owner)?$/i;

export const OWNER_PLACEHOLDER = 'TODO-owner';

export const actionOwnerMissing: Rule = {
  id: 'PM101',
  slug: 'action-owner-missing',
  description: 'Every action item needs an owner: a person or a team.',
  defaultSeverity: 'error',
  check(ctx) {
    for (const { item, path, label } of actionItems(ctx.doc)) {
      const owner = item.owner;
      if (!isBlank(owner) && !(typeof owner === 'string' && PLACEHOLDER_OWNER.test(owner.trim()))) continue;
      const placeholder = !isBlank(owner);
      if (placeholder) {
        ctx.report({
          message: `${label} has only a placeholder owner ("${String(owner).trim()}"). Name the person or team who will do it.`,
          range: ctx.rangeAt([...path, 'owner'], 'value'),
        });
        continue;
      }
      const edit = insertKeyEdit(ctx.parsed, path, 'owner', OWNER_PLACEHOLDER);
      ctx.report({
        message: `${label} has no owner. Name the person or team who will do it.`,
        range: ctx.rangeAt(path),
        // Not safe for `lint --fix`: a placeholder only moves the question; a person has to pick the owner.
        fixes: edit ? [{ title: `Add "owner: ${OWNER_PLACEHOLDER}"`, edits: [edit], safe: false, changes: [{ path: [...path, 'owner'], value: OWNER_PLACEHOLDER }] }] : undefined,
      });
    }
  },
};
