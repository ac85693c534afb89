import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleTests, ruleDiagnostics } from './ruleTester';
import { actionDeadlineWindow } from '../../../src/rules/action-deadline-window';

runRuleTests(actionDeadlineWindow, {
  valid: [
    'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline: 2026-11-03\n    priority: P0\n',
    'reviewed: 2026-11-02\naction_items:\n  - { action: Add a canary stage, deadline: 2026-11-09, priority: P1 }\n',
    'reviewed: 2026-11-02\naction_items:\n  - action: Document the limits\n    deadline: 2026-12-03\n    priority: P2\n',
    { name: 'a Friday review: P0 may be due Monday', code: 'reviewed: 2026-11-06\naction_items:\n  - action: Alert on refusals\n    deadline: 2026-11-09\n    priority: P0\n' },
    { name: 'no priority: no window to check', code: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on refusals\n    deadline: 2027-11-09\n' },
    { name: 'no base date: no window to check', code: 'action_items:\n  - action: Alert on refusals\n    deadline: 2027-11-09\n    priority: P0\n' },
  ],
  invalid: [
    {
      name: 'P0 due a week later: only the value is replaced, comment kept',
      today: '2026-11-02',
      code: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline: 2026-11-10   # agreed in the review\n    priority: P0\n',
      errors: [{ line: 4, column: 15, endColumn: 25, severity: 'warning', messageIncludes: '7 days after the latest allowed (2026-11-03). P0 allows the next business day after reviewed (2026-11-02);' }],
      output: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline: 2026-11-03   # agreed in the review\n    priority: P0\n',
      fixTitle: 'Set the deadline to 2026-11-03 (latest allowed for P0)',
      fixSafe: true,
    },
    {
      // Issue 10, item 5: on 2026-11-27 the window closed long ago; a fix to 2026-11-03 would be overdue at once.
      name: 'a window that closed before today: brought in to the next business day after today',
      code: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline: 2026-12-15\n    priority: P0\n',
      errors: [{ line: 4, column: 15 }],
      output: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline: 2026-11-30\n    priority: P0\n',
      fixTitle: "Set the deadline to 2026-11-30 (next business day: P0's latest allowed, 2026-11-03, has passed)",
    },
    {
      name: 'already due by the next business day: no fix would push it out',
      code: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline: 2026-11-30\n    priority: P0\n',
      errors: [{ line: 4, column: 15 }],
      output: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline: 2026-11-30\n    priority: P0\n',
    },
    {
      name: 'due before the next business day: no fix would push it out',
      code: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline: 2026-11-28\n    priority: P0\n',
      errors: [{ line: 4, column: 15 }],
      output: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on connection refusals\n    deadline: 2026-11-28\n    priority: P0\n',
    },
    {
      name: 'quoted deadline keeps its quotes; P1 from reviewed',
      today: '2026-11-02',
      code: 'reviewed: 2026-11-02\naction_items:\n  - { action: Add a canary stage, deadline: "2026-11-30", priority: P1 }\n',
      errors: [{ line: 3, column: 45, endColumn: 57 }],
      output: 'reviewed: 2026-11-02\naction_items:\n  - { action: Add a canary stage, deadline: "2026-11-09", priority: P1 }\n',
    },
    {
      name: 'one day late: singular',
      today: '2026-11-02',
      code: 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on refusals\n    deadline: 2026-11-04\n    priority: P0\n',
      errors: [{ line: 4, column: 15, messageIncludes: 'Action item 1 is due 2026-11-04, 1 day after the latest allowed (2026-11-03).' }],
    },
    {
      name: 'P0 on a Friday with Monday a holiday',
      today: '2026-11-02',
      code: 'reviewed: 2026-11-06\naction_items:\n  - action: Alert on refusals\n    deadline: 2026-11-11\n    priority: P0\n',
      settings: { holidays: ['2026-11-09'] },
      errors: [{ line: 4, column: 15, messageIncludes: 'latest allowed (2026-11-10)' }],
      output: 'reviewed: 2026-11-06\naction_items:\n  - action: Alert on refusals\n    deadline: 2026-11-10\n    priority: P0\n',
    },
  ],
});

test('a deadline already on the next business day gets no fix at all (not one that rewrites the same date)', () => {
  const [found, ...rest] = ruleDiagnostics(actionDeadlineWindow, 'reviewed: 2026-11-02\naction_items:\n  - action: Alert on refusals\n    deadline: 2026-11-30\n    priority: P0\n');
  assert.equal(rest.length, 0);
  assert.equal(found.fixes, undefined);
});
