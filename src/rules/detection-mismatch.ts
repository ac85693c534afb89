import type { Rule } from './types';
import { isRecord } from '../core/model';
import { parseDateTime } from '../core/time';
import { describeAt, incidentTimeline } from './shared/timeline';

export const detectionMismatch: Rule = {
  id: 'PM110',
  slug: 'detection-mismatch',
  description: '`summary.detection.first_alert` disagrees with the first alert entry, `end` is before `start`, or entries come after `end`.',
  defaultSeverity: 'warning',
  check(ctx) {
    const { start, end, points } = incidentTimeline(ctx.parsed, ctx.doc);
    if (start && end && end.epochMs < start.epochMs) {
      ctx.report({
        message: '`summary.end` is before `summary.start`. Check the dates and offsets: every duration would come out negative.',
        range: ctx.rangeAt(['summary', 'end'], 'value'),
      });
    }

    const summary = isRecord(ctx.doc.summary) ? ctx.doc.summary : {};
    const detection = isRecord(summary.detection) ? summary.detection : {};
    const firstAlert = parseDateTime(detection.first_alert);
    const alert = points.find((p) => p.kind === 'alert' && p.instant);
    if (firstAlert && alert?.instant && Math.floor(firstAlert.epochMs / 60_000) !== Math.floor(alert.instant.epochMs / 60_000)) {
      ctx.report({
        message: `\`summary.detection.first_alert\` (${String(detection.first_alert)}) disagrees with the timeline's first \`alert\` (entry ${alert.index + 1}, ${describeAt(alert)}). Make them agree: time to detect is computed from first_alert.`,
        range: ctx.rangeAt(['summary', 'detection', 'first_alert'], 'value'),
        related: ctx.file
          ? [{ file: ctx.file, range: ctx.rangeAt(['timeline', alert.index, 'at'], 'value'), message: 'The first alert entry of the timeline' }]
          : undefined,
      });
    }

    if (start && end && end.epochMs >= start.epochMs) {
      for (const point of points) {
        if (!point.instant || point.instant.epochMs <= end.epochMs || point.kind === 'note') continue;
        ctx.report({
          message: `Timeline entry ${point.index + 1} (${describeAt(point)}, ${point.kind ?? 'no kind'}) is after \`summary.end\`. Move \`end\` later, or make this follow-up kind \`note\`.`,
          range: ctx.rangeAt(['timeline', point.index, 'at'], 'value'),
        });
      }
    }
  },
};
