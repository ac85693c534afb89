import { runRuleTests } from './ruleTester';
import { actionOverdue } from '../../../src/rules/action-overdue';

// The tester's today is 2026-11-27.
runRuleTests(actionOverdue, {
  valid: [
    // Beside invalid 1: the same item, done.
    'action_items:\n  - action: Alert on connection refusals\n    deadline: 2026-11-03\n    status: done\n',
    // Beside invalid 2: consciously dropped.
    'action_items:\n  - { action: Add a canary stage, deadline: 2026-11-09, status: wont-do, reason: Replaced by blue-green deploys }\n',
    { name: 'due today is not overdue yet', code: 'action_items:\n  - action: Add a canary stage\n    deadline: 2026-11-27\n    status: open\n' },
    { name: 'due in the future', code: 'action_items:\n  - action: Add a canary stage\n    deadline: 2026-12-15\n' },
    { name: 'an unreadable deadline is the schema\'s to report', code: 'action_items:\n  - action: Add a canary stage\n    deadline: next week\n' },
  ],
  invalid: [
    {
      code: 'action_items:\n  - action: Alert on connection refusals\n    deadline: 2026-11-03\n    status: in-progress\n',
      errors: [{ line: 3, column: 15, endColumn: 25, severity: 'warning', messageIncludes: 'was due 2026-11-03 (24 days ago) and is still in-progress' }],
    },
    {
      name: 'no status counts as open',
      code: 'action_items:\n  - { action: Add a canary stage, deadline: 2026-11-26 }\n',
      errors: [{ line: 2, column: 45, endColumn: 55, messageIncludes: '(1 day ago) and is still open' }],
    },
    {
      name: 'only the overdue item of several',
      code: 'action_items:\n  - action: Add a canary stage\n    deadline: 2026-11-27\n    status: open\n  - action: Rotate the keys\n    deadline: 2026-11-20\n    status: open\n',
      errors: [{ line: 6, column: 15, messageIncludes: 'Action item 2 was due 2026-11-20 (7 days ago)' }],
    },
  ],
});
