import type { Rule } from './types';
import { asString, isRecord } from '../core/model';
import { formatDuration } from '../core/format';
import { describeAt, incidentTimeline, type TimelinePoint } from './shared/timeline';
import { acutePhaseEnd, gapLimitAfter } from '../core/timelinePhases';

const FALLBACK_GAP_MINUTES = 60;

export const timelineGranularity: Rule = {
  id: 'PM109',
  slug: 'timeline-granularity',
  description: 'A gap between timeline entries in the acute phase (until the first fix-deployed or resolved entry) is longer than the severity allows (SEV-1 15 min, SEV-2/3 60 min).',
  defaultSeverity: 'info',
  check(ctx) {
    const { start, end, points } = incidentTimeline(ctx.parsed, ctx.doc);
    if (!start || !end || end.epochMs < start.epochMs) return;
    const severity = asString(isRecord(ctx.doc.summary) ? ctx.doc.summary.severity : undefined) ?? '';
    const configured = ctx.settings.timelineGapMinutes[severity];
    const limit = typeof configured === 'number' && configured > 0 ? configured : FALLBACK_GAP_MINUTES;
    const inWindow = (p: TimelinePoint): boolean =>
      p.instant !== undefined && p.instant.epochMs >= start.epochMs && p.instant.epochMs <= end.epochMs;
    // The severity's limit holds until the first fix-deployed or resolved entry; a recovery after it is logged more coarsely.
    const acuteEnd = acutePhaseEnd(points);
    let previous: TimelinePoint | undefined;
    for (const point of points) {
      if (!point.instant) continue;
      if (previous && inWindow(previous) && inWindow(point)) {
        const gap = (point.instant.epochMs - previous.instant!.epochMs) / 60_000;
        const allowed = gapLimitAfter(previous.instant!, acuteEnd, limit, ctx.settings.timelineGapMinutes);
        if (allowed !== undefined && gap > allowed) {
          const rule = allowed === limit ? `${severity || 'this severity'} allows ${formatDuration(limit, 'prose')}` : `after the fix, the timeline allows ${formatDuration(allowed, 'prose')}`;
          ctx.report({
            message: `Timeline entries ${previous.index + 1} (${describeAt(previous)}) and ${point.index + 1} (${describeAt(point)}) are ${formatDuration(gap, 'prose')} apart; ${rule}. Add what happened in between, from chat, logs and graphs.`,
            range: ctx.rangeAt(['timeline', point.index, 'at'], 'value'),
          });
        }
      }
      previous = point;
    }
  },
};
