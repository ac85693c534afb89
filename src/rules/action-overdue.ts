import type { Rule } from './types';
import { actionItems } from './shared/actions';
import { dateOf, isActionClosed } from '../core/deadlines';
import { daysBetween, formatCalendarDate } from '../core/time';

export const actionOverdue: Rule = {
  id: 'PM104',
  slug: 'action-overdue',
  description: 'An action item is past its deadline and not done (or wont-do).',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const { item, path, label } of actionItems(ctx.doc)) {
      const deadline = dateOf(item.deadline);
      if (!deadline || isActionClosed(item.status)) continue;
      const late = daysBetween(deadline, ctx.today);
      if (late <= 0) continue;
      const status = typeof item.status === 'string' ? item.status : 'open';
      ctx.report({
        message: `${label} was due ${formatCalendarDate(deadline)} (${late} day${late === 1 ? '' : 's'} ago) and is still ${status}. Finish it, agree a new deadline, or mark it wont-do with a reason.`,
        range: ctx.rangeAt([...path, 'deadline'], 'value'),
      });
    }
  },
};
