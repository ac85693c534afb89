import type { Rule } from './types';
import { isRecord } from '../core/model';
import { isBlank } from './shared/actions';

export const rfcRequired: Rule = {
  id: 'PM115',
  slug: 'rfc-required',
  description: '`recurrence_prevention.architecture_change` is true but no `rfc` is linked.',
  defaultSeverity: 'error',
  check(ctx) {
    const prevention = ctx.doc.recurrence_prevention;
    if (!isRecord(prevention) || prevention.architecture_change !== true || !isBlank(prevention.rfc)) return;
    ctx.report({
      message: 'An architecture change is promised but no `rfc` is linked. Add `rfc:` with the URL of its written design.',
      range: ctx.rangeAt(['recurrence_prevention', 'architecture_change']),
    });
  },
};
