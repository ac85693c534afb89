import type { Rule } from './types';
import { actionItems, isBlank } from './shared/actions';
import { insertKeyEdit } from './shared/yamlEdits';
import { deadlineWindow, proposedDeadline } from '../core/deadlines';
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
      const proposed = window ? proposedDeadline(window, ctx.today, ctx.settings.holidays) : undefined;
      const date = proposed ? formatCalendarDate(proposed.date) : undefined;
      const edit = date ? insertKeyEdit(ctx.parsed, path, 'deadline', date) : undefined;
      ctx.report({
        message: window
          ? `${label} has no deadline; set one by ${latest}. ${window.explanation}.`
          : `${label} has no deadline. Set \`priority\` and a \`deadline\` it allows.`,
        range: ctx.rangeAt(path),
        // Safe: the date is the one the team's own priority policy fixes (or the earliest still possible), not a guess.
        fixes: edit ? [{ title: `Add "deadline: ${date}" (${proposed!.reason})`, edits: [edit], safe: true, changes: [{ path: [...path, 'deadline'], value: date }] }] : undefined,
      });
    }
  },
};
