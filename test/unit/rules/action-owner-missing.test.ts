import { runRuleTests } from './ruleTester';
import { actionOwnerMissing } from '../../../src/rules/action-owner-missing';

runRuleTests(actionOwnerMissing, {
  valid: [
    // Beside invalid 1: the same item with an owner.
    'action_items:\n  - action: Alert on connection refusals  # from the review\n    owner: Priya Natarajan\n    deadline: 2026-11-03   # P0\n    priority: P0\n',
    // Beside invalid 2: a flow mapping with a team as owner.
    'action_items:\n  - { action: Add a canary stage, owner: SRE team, priority: P1 }\n',
    { name: 'no action items at all', code: 'title: Orders database outage\n' },
    { name: 'an item that is not a mapping is the schema\'s to report', code: 'action_items:\n  - Add a canary stage\n' },
    { name: 'a team alias ending in "-owner" is an owner', code: 'action_items:\n  - action: Add a canary stage\n    owner: platform-owner\n' },
    { name: 'a team name starting with a placeholder word is an owner', code: 'action_items:\n  - action: Add a canary stage\n    owner: Nonesuch team\n' },
    { name: 'rule turned off in settings', code: 'action_items:\n  - action: Add a canary stage\n', settings: { rules: { 'action-owner-missing': 'off' } } },
  ],
  invalid: [
    {
      name: 'an owner of only spaces is no owner (the blank check trims)',
      code: 'action_items:\n  - action: Add a canary stage\n    owner: "   "\n    priority: P1\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 31, severity: 'error', messageIncludes: 'Action item 1 has no owner.' }],
    },
    {
      name: 'block mapping: inserts after the last key, comments kept',
      code: 'action_items:\n  - action: Alert on connection refusals  # from the review\n    deadline: 2026-11-03   # P0\n    priority: P0\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 41, severity: 'error', messageIncludes: 'Action item 1 has no owner.' }],
      output: 'action_items:\n  - action: Alert on connection refusals  # from the review\n    deadline: 2026-11-03   # P0\n    priority: P0\n    owner: TODO-owner\n',
      fixTitle: 'Add "owner: TODO-owner"',
      fixSafe: false,
    },
    {
      name: 'flow mapping: inserts ", owner: ..." before the brace',
      code: 'action_items:\n  - { action: Add a canary stage, priority: P1 }\n',
      errors: [{ line: 2, column: 5, severity: 'error' }],
      output: 'action_items:\n  - { action: Add a canary stage, priority: P1, owner: TODO-owner }\n',
    },
    {
      name: 'empty owner value is filled in place',
      code: 'action_items:\n  - action: Add a canary stage\n    owner:\n    priority: P1\n',
      errors: [{ line: 2, column: 5 }],
      output: 'action_items:\n  - action: Add a canary stage\n    owner: TODO-owner\n    priority: P1\n',
    },
    {
      name: 'placeholder owner is flagged on the value, with no fix',
      code: 'action_items:\n  - action: Add a canary stage\n    owner: TBD\n',
      errors: [{ line: 3, column: 12, endColumn: 15, messageIncludes: 'placeholder' }],
      output: 'action_items:\n  - action: Add a canary stage\n    owner: TBD\n',
    },
    {
      name: 'a placeholder with spaces around it, quoted as written without them',
      code: 'action_items:\n  - action: Add a canary stage\n    owner: " TBD "\n',
      errors: [{ line: 3, column: 12, messageIncludes: 'Action item 1 has only a placeholder owner ("TBD").' }],
    },
    { name: 'question marks are a placeholder', code: 'action_items:\n  - action: Add a canary stage\n    owner: "???"\n', errors: [{ line: 3, column: 12, messageIncludes: 'placeholder owner ("???")' }] },
    { name: '"owner" run on to a placeholder word', code: 'action_items:\n  - action: Add a canary stage\n    owner: TBDowner\n', errors: [{ line: 3, column: 12, messageIncludes: 'placeholder owner ("TBDowner")' }] },
    { name: 'dashes are a placeholder', code: 'action_items:\n  - action: Add a canary stage\n    owner: "--"\n', errors: [{ line: 3, column: 12, messageIncludes: 'placeholder owner ("--")' }] },
    {
      name: 'the quick fix placeholder itself does not silence the rule',
      code: 'action_items:\n  - action: Add a canary stage\n    owner: TODO-owner\n',
      errors: [{ line: 3, column: 12, messageIncludes: 'placeholder' }],
    },
    {
      name: 'last key is a block scalar: inserted after its last line, blank line kept',
      code: 'action_items:\n  - action: Drop the legacy export\n    status: wont-do\n    reason: |\n      The export is retired in Q1.\n\n  - action: Rotate the keys\n    owner: SRE team\n',
      errors: [{ line: 2, column: 5 }],
      output: 'action_items:\n  - action: Drop the legacy export\n    status: wont-do\n    reason: |\n      The export is retired in Q1.\n    owner: TODO-owner\n\n  - action: Rotate the keys\n    owner: SRE team\n',
    },
    {
      name: 'last key is a keep-chomping block scalar (|+): inserted after its trailing blank lines, so its value is unchanged',
      code: 'action_items:\n  - action: Drop the legacy export\n    status: wont-do\n    reason: |+\n      The export is retired in Q1.\n\n  - action: Rotate the keys\n    owner: SRE team\n',
      errors: [{ line: 2, column: 5 }],
      output: 'action_items:\n  - action: Drop the legacy export\n    status: wont-do\n    reason: |+\n      The export is retired in Q1.\n\n    owner: TODO-owner\n  - action: Rotate the keys\n    owner: SRE team\n',
    },
    {
      name: 'a comment line after the last key stays where it is',
      code: 'action_items:\n  - action: Add a canary stage\n    priority: P1\n    # owner: decided at the review\n  - action: Rotate the keys\n    owner: SRE team\n',
      errors: [{ line: 2, column: 5 }],
      output: 'action_items:\n  - action: Add a canary stage\n    priority: P1\n    owner: TODO-owner\n    # owner: decided at the review\n  - action: Rotate the keys\n    owner: SRE team\n',
    },
    {
      name: 'CRLF line ends are kept',
      code: 'action_items:\r\n  - action: Add a canary stage\r\n    priority: P1\r\n',
      errors: [{ line: 2, column: 5 }],
      output: 'action_items:\r\n  - action: Add a canary stage\r\n    priority: P1\r\n    owner: TODO-owner\r\n',
    },
    {
      name: 'deeper indentation and no final newline',
      code: 'action_items:\n    -   action: Add a canary stage\n        priority: P1',
      errors: [{ line: 2, column: 9 }],
      output: 'action_items:\n    -   action: Add a canary stage\n        priority: P1\n        owner: TODO-owner',
    },
    {
      name: 'in a draft the error is a warning',
      code: 'status: draft\naction_items:\n  - action: Add a canary stage\n',
      errors: [{ line: 3, column: 5, severity: 'warning' }],
    },
    {
      name: 'settings change the severity',
      code: 'action_items:\n  - action: Add a canary stage\n',
      settings: { rules: { 'action-owner-missing': 'hint' } },
      errors: [{ line: 2, column: 5, severity: 'hint' }],
    },
  ],
});
