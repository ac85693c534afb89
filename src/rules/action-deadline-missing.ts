import type { Rule } from './types';
import { actionItems, isBlank } from './shared/actions';
import { insertKeyEdit } from './shared/yamlEdits';
import { deadlineWindow } from '../core/deadlines';
import { formatCalendarDate } from '../core/time';

export const actionDeadlineMissing: Rule = {
  id: 'PM102',
  slug: 'action-deadline-missing',
  description: 'Every action item needs a deadline.',
  defaultSeverity: 'error',
  check(ctx) {
    for (const { item, path, label } of actionItems(ctx.doc)) {
      if (!isBlank(item.deadline)) continue;
      const window = deadlineWindow(ctx.doc, item.priority, ctx.settings.holidays);
      const latest = window ? formatCalendarDate(window.latest) : undefined;
      const edit = latest ? insertKeyEdit(ctx.parsed, path, 'deadline', latest) : undefined;
      ctx.report({
        message: window
          ? `${label} has no deadline; set one by ${latest}. ${window.explanation}.`
          : `${label} has no deadline. Set \`priority\` and a \`deadline\` it allows.`,
        range: ctx.rangeAt(path),
        // Safe: the date is the one the team's own priority policy fixes, not a guess.
        fixes: edit ? [{ title: `Add "deadline: ${latest}" (latest allowed for ${window!.priority})`, edits: [edit], safe: true, changes: [{ path: [...path, 'deadline'], value: latest }] }] : undefined,
      });
    }
  },
};
