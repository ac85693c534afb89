import type { Rule } from './types';
import { actionItems, isBlank } from './shared/actions';
import { insertKeyEdit } from './shared/yamlEdits';

const REASON_PLACEHOLDER = 'TODO-reason';

export const actionWontDoReason: Rule = {
  id: 'PM105',
  slug: 'action-wont-do-reason',
  description: 'An action item marked wont-do has no reason.',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const { item, path, label } of actionItems(ctx.doc)) {
      if (item.status !== 'wont-do' || !isBlank(item.reason)) continue;
      const edit = insertKeyEdit(ctx.parsed, path, 'reason', REASON_PLACEHOLDER);
      ctx.report({
        message: `${label} is marked wont-do without a reason. Add \`reason:\` saying why the risk is accepted.`,
        range: ctx.rangeAt([...path, 'status'], 'value'),
        fixes: edit ? [{ title: `Add "reason: ${REASON_PLACEHOLDER}"`, edits: [edit], safe: false, changes: [{ path: [...path, 'reason'], value: REASON_PLACEHOLDER }] }] : undefined,
      });
    }
  },
};
