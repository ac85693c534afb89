import type { Rule } from './types';
import { asNumber, isRecord } from '../core/model';

/** Evidence of lost money: revenue lost, SLA credits or a breached SLA (the format has no other revenue field). */
function hasRevenueImpact(summary: Record<string, unknown>, cost: Record<string, unknown>): boolean {
  const impact = isRecord(summary.impact) ? summary.impact : {};
  if ((asNumber(cost.revenue_lost) ?? 0) > 0 || (asNumber(cost.sla_credits) ?? 0) > 0) return true;
  return impact.sla_breached === true;
}

/** Evidence that customers noticed: users affected or a customer report. */
function hasCustomerImpact(summary: Record<string, unknown>): boolean {
  const impact = isRecord(summary.impact) ? summary.impact : {};
  const users = impact.users_affected;
  if (users === 'all' || (asNumber(users) ?? 0) > 0) return true;
  const detection = isRecord(summary.detection) ? summary.detection : {};
  return detection.method === 'customer-report';
}

export const severityImpact: Rule = {
  id: 'PM111',
  slug: 'severity-impact',
  description: 'The severity does not match the impact: a SEV-1 without revenue impact, or a SEV-3 with customer impact.',
  defaultSeverity: 'hint',
  check(ctx) {
    if (!isRecord(ctx.doc.summary)) return;
    const summary = ctx.doc.summary as Record<string, unknown>;
    const cost = isRecord(ctx.doc.cost) ? ctx.doc.cost : {};
    const range = ctx.rangeAt(['summary', 'severity'], 'value');
    if (summary.severity === 'SEV-1' && !hasRevenueImpact(summary, cost)) {
      ctx.report({
        message: `SEV-1 means revenue impact, but none is recorded. Set \`cost.revenue_lost\`, \`cost.sla_credits\` or \`impact.sla_breached: true\`, or use SEV-2 if customers were affected without lost revenue.`,
        range,
      });
    } else if (summary.severity === 'SEV-3' && hasCustomerImpact(summary)) {
      ctx.report({
        message: `SEV-3 means internal impact only, but customers were affected (users affected, or a customer report). Consider SEV-2 (customer impact).`,
        range,
      });
    }
  },
};
