import { runRuleTests } from './ruleTester';
import { severityImpact } from '../../../src/rules/severity-impact';

runRuleTests(severityImpact, {
  valid: [
    'summary:\n  severity: SEV-1\n  impact:\n    users_affected: all\n    sla_breached: true\n',
    'summary:\n  severity: SEV-1\ncost:\n  revenue_lost: 42000\n',
    { name: 'SLA credits are revenue impact', code: 'summary:\n  severity: SEV-1\ncost:\n  sla_credits: 1500\n' },
    'summary:\n  severity: SEV-2\n  impact:\n    users_affected: 1200\n',
    'summary:\n  severity: SEV-3\n  impact:\n    users_affected: 0\n  detection:\n    method: monitoring\n',
    // `impact.customers` is not a key of the format either.
    'summary:\n  severity: SEV-3\n  impact:\n    customers: true\n',
    { name: 'no summary: nothing to compare (and no crash)', code: 'title: x\ncost:\n  revenue_lost: 0\n' },
  ],
  invalid: [
    {
      name: 'SEV-1 with no revenue impact',
      code: 'summary:\n  severity: SEV-1   # declared during the call\n  impact:\n    users_affected: 40\n    sla_breached: false\n',
      errors: [{ line: 2, column: 13, endColumn: 18, severity: 'hint', messageIncludes: 'SEV-1 means revenue impact' }],
    },
    {
      name: 'SEV-3 with users affected',
      code: 'summary:\n  severity: SEV-3\n  impact:\n    users_affected: all\n',
      errors: [{ line: 2, column: 13, severity: 'hint', messageIncludes: 'Consider SEV-2' }],
    },
    {
      name: 'SEV-1 with nothing lost: zero revenue and zero credits are no evidence',
      code: 'summary:\n  severity: SEV-1\ncost:\n  revenue_lost: 0\n  sla_credits: 0\n',
      errors: [{ line: 2, column: 13, messageIncludes: 'SEV-1 means revenue impact' }],
    },
    {
      name: 'SEV-3 with a count of users affected',
      code: 'summary:\n  severity: SEV-3\n  impact:\n    users_affected: 12\n',
      errors: [{ line: 2, column: 13, messageIncludes: 'SEV-3 means internal impact only' }],
    },
    {
      name: 'SEV-3 reported by a customer',
      code: 'summary:\n  severity: SEV-3\n  detection: { method: customer-report }\n',
      errors: [{ line: 2, column: 13 }],
    },
    {
      // `impact.revenue` is not a key of the format (the schema reports it as unknown): it is no evidence.
      name: 'SEV-1 whose only revenue evidence is an unknown key',
      code: 'summary:\n  severity: SEV-1\n  impact:\n    revenue: 5000\n',
      errors: [{ line: 2, column: 13, messageIncludes: 'SEV-1 means revenue impact' }],
    },
  ],
});
