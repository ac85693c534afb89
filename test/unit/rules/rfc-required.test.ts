import { runRuleTests } from './ruleTester';
import { rfcRequired } from '../../../src/rules/rfc-required';

runRuleTests(rfcRequired, {
  valid: [
    'recurrence_prevention:\n  architecture_change: true\n  rfc: https://wiki.example.com/rfc/42\n',
    'recurrence_prevention:\n  architecture_change: false\n',
    'recurrence_prevention: { monitoring: true }\n',
  ],
  invalid: [
    {
      name: 'an rfc of only spaces is no rfc (the blank check trims)',
      code: 'recurrence_prevention:\n  architecture_change: true\n  rfc: "   "\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 22, severity: 'error', messageIncludes: 'no `rfc` is linked' }],
    },
    {
      code: 'recurrence_prevention:\n  monitoring: true\n  architecture_change: true   # split the orders DB\n',
      errors: [{ line: 3, column: 3, endColumn: 22, severity: 'error', messageIncludes: 'no `rfc` is linked' }],
    },
    { name: 'empty rfc', code: 'recurrence_prevention: { architecture_change: true, rfc: "" }\n', errors: [{ line: 1, column: 26, endColumn: 45 }] },
    { name: 'a draft gets a warning', code: 'status: draft\nrecurrence_prevention:\n  architecture_change: true\n', errors: [{ line: 3, column: 3, severity: 'warning' }] },
  ],
});
