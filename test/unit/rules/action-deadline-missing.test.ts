import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleTests, ruleDiagnostics } from './ruleTester';
import { actionDeadlineMissing } from '../../../src/rules/action-deadline-missing';

// 2026-11-02 is a Monday; 2026-11-06 a Friday.
runRuleTests(actionDeadlineMissing, {
  valid: [
    'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    owner: SRE team\n    deadline: 2026-11-03\n    priority: P0\n',
    'reviewed: 2026-11-02\naction_items:\n  - { action: Add a canary stage, owner: SRE team, deadline: 2026-11-09, priority: P1 }\n',
    { name: 'no action items', code: 'reviewed: 2026-11-02\n' },
  ],
  invalid: [
    {
      name: 'a deadline of only spaces is no deadline (the blank check trims)',
      code: 'action_items:\n  - action: Add a canary stage\n    owner: SRE team\n    deadline: "  "\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 31, severity: 'error', messageIncludes: 'Action item 1 has no deadline.' }],
    },
    {
      name: 'P0 counted from reviewed: the next business day',
      today: '2026-11-02',
      fixTitle: 'Add "deadline: 2026-11-03" (latest allowed for P0)',
      fixSafe: true,
      code: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    owner: SRE team   # on-call rota\n    priority: P0\n',
      errors: [{ line: 3, column: 5, endColumn: 41, severity: 'error', messageIncludes: 'Action item 1 has no deadline; set one by 2026-11-03. P0 allows the next business day after reviewed (2026-11-02).' }],
      output: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    owner: SRE team   # on-call rota\n    priority: P0\n    deadline: 2026-11-03\n',
    },
    {
      name: 'P2 in a flow mapping: 31 days',
      code: 'reviewed: 2026-11-02\naction_items:\n  - { action: Document the limits, owner: DBA team, priority: P2 }\n',
      errors: [{ line: 3, column: 5 }],
      output: 'reviewed: 2026-11-02\naction_items:\n  - { action: Document the limits, owner: DBA team, priority: P2, deadline: 2026-12-03 }\n',
    },
    {
      name: 'without reviewed, from the local date of summary.end, skipping a weekend and a holiday',
      today: '2026-11-06',
      code: 'summary:\n  end: 2026-11-06T23:30:00-05:00\naction_items:\n  - action: Alert on connection refusals\n    priority: P0\n',
      settings: { holidays: ['2026-11-09'] },
      errors: [{ line: 4, column: 5, messageIncludes: 'summary.end (2026-11-06)' }],
      output: 'summary:\n  end: 2026-11-06T23:30:00-05:00\naction_items:\n  - action: Alert on connection refusals\n    priority: P0\n    deadline: 2026-11-10\n',
    },
    {
      // Issue 10, item 5: `lint --fix` on 2026-11-27 wrote 2026-11-03, which action-overdue flagged at once.
      name: 'a window that closed before today: the next business day after today, and the title says why',
      code: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    priority: P0\n',
      errors: [{ line: 3, column: 5, messageIncludes: 'set one by 2026-11-03' }],
      output: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    priority: P0\n    deadline: 2026-11-30\n',
      fixTitle: 'Add "deadline: 2026-11-30" (next business day: P0\'s latest allowed, 2026-11-03, has passed)',
    },
    {
      name: 'the next business day after today honours holidays',
      code: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    priority: P1\n',
      settings: { holidays: ['2026-11-30'] },
      errors: [{ line: 3, column: 5 }],
      output: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    priority: P1\n    deadline: 2026-12-01\n',
    },
    {
      name: 'without a priority there is no date to propose',
      code: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline:\n',
      errors: [{ line: 3, column: 5, messageIncludes: 'Set `priority`' }],
      output: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline:\n',
    },
  ],
});

test('action-deadline-missing: the fix is safe, so `lint --fix` may apply it', () => {
  const [d] = ruleDiagnostics(actionDeadlineMissing, 'reviewed: 2026-11-02\naction_items:\n  - action: Add a canary stage\n    priority: P1\n', undefined, '2026-11-02');
  assert.equal(d.fixes?.length, 1);
  assert.equal(d.fixes?.[0].safe, true);
  assert.equal(d.fixes?.[0].title, 'Add "deadline: 2026-11-09" (latest allowed for P1)');
});
