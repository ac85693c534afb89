import type { Rule } from './types';
import { actionItems } from './shared/actions';
import { replaceScalarEdit } from './shared/yamlEdits';
import { dateOf, deadlineWindow } from '../core/deadlines';
import { compareDates, daysBetween, formatCalendarDate } from '../core/time';

export const actionDeadlineWindow: Rule = {
  id: 'PM103',
  slug: 'action-deadline-window',
  description: 'An action item is due later than its priority allows (P0 next business day, P1 7 days, P2 31 days).',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const { item, path, label } of actionItems(ctx.doc)) {
      const deadline = dateOf(item.deadline);
      if (!deadline) continue;
      const window = deadlineWindow(ctx.doc, item.priority, ctx.settings.holidays);
      if (!window || compareDates(deadline, window.latest) <= 0) continue;
      const latest = formatCalendarDate(window.latest);
      const late = daysBetween(window.latest, deadline);
      const edit = replaceScalarEdit(ctx.parsed, [...path, 'deadline'], latest);
      ctx.report({
        message: `${label} is due ${formatCalendarDate(deadline)}, ${late} day${late === 1 ? '' : 's'} after the latest allowed (${latest}). ${window.explanation}; bring the deadline in, or lower the priority.`,
        range: ctx.rangeAt([...path, 'deadline'], 'value'),
        fixes: edit ? [{ title: `Set the deadline to ${latest} (latest allowed for ${window.priority})`, edits: [edit], safe: true, changes: [{ path: [...path, 'deadline'], value: latest }] }] : undefined,
      });
    }
  },
};
