import type { Rule } from './types';
import { MILESTONE_KINDS } from '../core/model';
import { incidentTimeline } from './shared/timeline';

export const timelineMilestones: Rule = {
  id: 'PM108',
  slug: 'timeline-milestones',
  description: 'The timeline lacks a milestone kind (alert, notified, investigating, root-cause, fix-deployed, resolved).',
  defaultSeverity: 'warning',
  check(ctx) {
    if (!Array.isArray(ctx.doc.timeline)) return;
    const kinds = new Set(incidentTimeline(ctx.parsed, ctx.doc).points.map((p) => p.kind));
    const missing = MILESTONE_KINDS.filter((kind) => !kinds.has(kind));
    if (missing.length === 0) return;
    ctx.report({
      message: `The timeline has no ${missing.map((k) => `\`${k}\``).join(', ')} entr${missing.length === 1 ? 'y' : 'ies'}. Add when ${missing.length === 1 ? 'it' : 'each'} happened, with its kind: time to detect, engage and fix are measured from them.`,
      range: ctx.rangeAt(['timeline']),
    });
  },
};
