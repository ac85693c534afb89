import { runRuleTests } from './ruleTester';
import { actionWontDoReason } from '../../../src/rules/action-wont-do-reason';

runRuleTests(actionWontDoReason, {
  valid: [
    'action_items:\n  - action: Add a canary stage\n    status: wont-do\n    reason: Blue-green deploys replace canaries next quarter.\n',
    'action_items:\n  - { action: Add a canary stage, status: wont-do, reason: Replaced by blue-green deploys }\n',
    { name: 'other statuses need no reason', code: 'action_items:\n  - action: Add a canary stage\n    status: open\n' },
  ],
  invalid: [
    {
      name: 'a reason of only spaces and a tab is no reason (the blank check trims)',
      code: 'action_items:\n  - action: Drop the legacy export\n    owner: SRE team\n    status: wont-do\n    reason: " \\t "\n',
      errors: [{ line: 4, column: 13, endLine: 4, endColumn: 20, severity: 'warning', messageIncludes: 'Action item 1 is marked wont-do without a reason.' }],
    },
    {
      code: 'action_items:\n  - action: Add a canary stage\n    status: wont-do   # decided 2026-11-02\n    owner: SRE team\n',
      errors: [{ line: 3, column: 13, endColumn: 20, severity: 'warning', messageIncludes: 'wont-do without a reason' }],
      output: 'action_items:\n  - action: Add a canary stage\n    status: wont-do   # decided 2026-11-02\n    owner: SRE team\n    reason: TODO-reason\n',
      fixTitle: 'Add "reason: TODO-reason"',
      fixSafe: false,
    },
    {
      name: 'flow mapping, empty reason',
      code: 'action_items:\n  - { action: Add a canary stage, status: wont-do, reason: "" }\n',
      errors: [{ line: 2, column: 43, endColumn: 50 }],
      output: 'action_items:\n  - { action: Add a canary stage, status: wont-do, reason: TODO-reason }\n',
    },
  ],
});
