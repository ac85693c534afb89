import type { Rule } from './types';
import { actionItems } from './shared/actions';
import { replaceScalarEdit } from './shared/yamlEdits';
import { dateOf, deadlineWindow, proposedDeadline } from '../core/deadlines';
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
      const proposed = proposedDeadline(window, ctx.today, ctx.settings.holidays);
      // A window that closed before today: the fix may only bring the deadline in to the next business day, never push it out.
      const date = compareDates(proposed.date, deadline) < 0 ? formatCalendarDate(proposed.date) : undefined;
      const edit = date ? replaceScalarEdit(ctx.parsed, [...path, 'deadline'], date) : undefined;
      ctx.report({
        message: `${label} is due ${formatCalendarDate(deadline)}, ${late} day${late === 1 ? '' : 's'} after the latest allowed (${latest}). ${window.explanation}; bring the deadline in, or lower the priority.`,
        range: ctx.rangeAt([...path, 'deadline'], 'value'),
        fixes: edit ? [{ title: `Set the deadline to ${date} (${proposed.reason})`, edits: [edit], safe: true, changes: [{ path: [...path, 'deadline'], value: date }] }] : undefined,
      });
    }
  },
};
