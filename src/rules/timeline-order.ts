import type { Rule } from './types';
import { formatInstant } from '../core/figures';
import { formatCalendarDate, localDateOf, type Instant } from '../core/time';
import { describeAt, incidentTimeline, type TimelinePoint } from './shared/timeline';

const CLOCK_ONLY = /^\d{1,2}:\d{2}$/;
const DAY_MS = 86_400_000;

export const timelineOrder: Rule = {
  id: 'PM107',
  slug: 'timeline-order',
  description: 'Timeline entries are out of chronological order.',
  defaultSeverity: 'warning',
  check(ctx) {
    const { start, points } = incidentTimeline(ctx.parsed, ctx.doc);
    let latest: TimelinePoint | undefined;
    for (const point of points) {
      if (!point.instant) continue;
      if (latest?.instant && point.instant.epochMs < latest.instant.epochMs) {
        ctx.report({
          message: `Timeline entry ${point.index + 1} (${describeAt(point)}) comes after entry ${latest.index + 1} (${describeAt(latest)}) but happened earlier. ${afterMidnightHint(point, latest.instant, start)}Keep the timeline in time order.`,
          range: ctx.rangeAt(['timeline', point.index, 'at'], 'value'),
        });
        // Compare the next entries with the latest time seen, so one misplaced entry is reported once.
        continue;
      }
      latest = point;
    }
  },
};

/**
 * "HH:MM" means that time on summary.start's date (format page), so "00:05" in an
 * incident that started at 23:50 lies before the start. The writer almost surely
 * meant the next day: say how to write that, rather than only "happened earlier".
 */
function afterMidnightHint(point: TimelinePoint, latest: Instant, start: Instant | undefined): string {
  const instant = point.instant!;
  if (!start || !point.at || !CLOCK_ONLY.test(point.at) || instant.epochMs >= start.epochMs) return '';
  if (instant.epochMs + DAY_MS < latest.epochMs) return '';
  const nextDay = formatInstant({ epochMs: instant.epochMs + DAY_MS, offsetMinutes: instant.offsetMinutes });
  return `"${point.at}" is read on summary.start's date (${formatCalendarDate(localDateOf(start))}); after midnight write the full date-time, e.g. ${nextDay}. `;
}
