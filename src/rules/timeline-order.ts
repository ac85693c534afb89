import type { Rule } from './types';
import { describeAt, incidentTimeline, type TimelinePoint } from './shared/timeline';

export const timelineOrder: Rule = {
  id: 'PM107',
  slug: 'timeline-order',
  description: 'Timeline entries are out of chronological order.',
  defaultSeverity: 'warning',
  check(ctx) {
    let latest: TimelinePoint | undefined;
    for (const point of incidentTimeline(ctx.parsed, ctx.doc).points) {
      if (!point.instant) continue;
      if (latest?.instant && point.instant.epochMs < latest.instant.epochMs) {
        ctx.report({
          message: `Timeline entry ${point.index + 1} (${describeAt(point)}) comes after entry ${latest.index + 1} (${describeAt(latest)}) but happened earlier. Keep the timeline in time order so readers follow cause to effect.`,
          range: ctx.rangeAt(['timeline', point.index, 'at'], 'value'),
        });
        // Compare the next entries with the latest time seen, so one misplaced entry is reported once.
        continue;
      }
      latest = point;
    }
  },
};
