import { runRuleTests } from './ruleTester';
import { regulatoryDeadlineRule } from '../../../src/rules/regulatory-deadline';

// The tester's today is 2026-11-27 (a Friday).
const entry = (fields: string): string => `regulatory:\n  - ${fields.split('\n').join('\n    ')}\n`;

runRuleTests(regulatoryDeadlineRule, {
  valid: [
    entry('regime: GDPR\ndiscovered: 2026-11-02T11:00:00Z\nnotified: 2026-11-05T10:59:00Z'),
    entry('regime: HIPAA\ndiscovered: 2026-11-02\nnotified: 2026-12-20'),
    { name: 'HIPAA still within its 60 days', code: entry('regime: HIPAA\ndiscovered: 2026-11-02') },
    { name: 'SEC-8K: 4 business days over a weekend', code: entry('regime: SEC-8K\ndiscovered: 2026-11-05\nnotified: 2026-11-11') },
    {
      name: 'SEC-8K: a holiday moves the deadline a day',
      code: entry('regime: SEC-8K\ndiscovered: 2026-11-05\nnotified: 2026-11-12'),
      settings: { holidays: ['2026-11-11'] },
    },
    { name: 'no clock for SOX', code: entry('regime: SOX\ndiscovered: 2025-01-01') },
    { name: 'industry with its regime named', code: `industry: healthcare\n${entry('regime: HIPAA\ndiscovered: 2026-11-02')}` },
    { name: 'industry other suggests nothing', code: 'industry: other\n' },
    // Issue 10, item 8: "SaaS usually answers to SOC 2" on every SaaS incident. SOC 2 is an audit, not a clock.
    { name: 'an industry alone is no evidence: a SaaS outage gets no hint', code: 'industry: saas\nsummary:\n  description: Search returned no results for 68 minutes.\n' },
    { name: 'fintech alone suggests nothing: SOX and PCI-DSS have no notification clock', code: 'industry: fintech\nregulatory: []\n' },
    { name: 'personal data named, and GDPR already has an entry', code: `summary:\n  description: Personal data of 300 customers leaked.\n${entry('regime: GDPR\ndiscovered: 2026-11-26')}` },
  ],
  invalid: [
    {
      name: 'GDPR 72 hours passed without notification',
      code: entry('regime: GDPR   # EU customers\ndiscovered: 2026-11-02T11:00:00Z'),
      errors: [{ line: 2, column: 13, endColumn: 17, severity: 'error', messageIncludes: 'The GDPR notification was due 2026-11-05T11:00Z (72 hours from discovery)' }],
    },
    {
      name: 'GDPR notified a minute late',
      code: entry('regime: GDPR\ndiscovered: 2026-11-02T11:00:00Z\nnotified: 2026-11-05T11:01:00Z'),
      errors: [{ line: 4, column: 15, endColumn: 35, severity: 'warning', messageIncludes: 'went out after its deadline' }],
    },
    {
      name: 'SEC-8K notified on the fifth business day',
      code: entry('regime: SEC-8K\ndiscovered: 2026-11-05\nnotified: 2026-11-12'),
      errors: [{ line: 4, column: 15, messageIncludes: '(2026-11-11, 4 business days from discovery)' }],
    },
    {
      name: 'OSHA fatality: 8 hours',
      code: entry('regime: OSHA\nevent: fatality\ndiscovered: 2026-11-02T06:00:00-05:00\nnotified: 2026-11-02T15:00:00-05:00'),
      errors: [{ line: 5, column: 15, messageIncludes: '8 hours' }],
    },
    {
      name: 'a description that says personal data leaked, with no GDPR entry',
      code: 'industry: saas\nsummary:\n  description: Support exports exposed personal data of 300 EU customers.\n',
      errors: [{ line: 3, column: 16, severity: 'hint', messageIncludes: '`summary.description` mentions "personal data": if personal data was involved, GDPR has a notification clock (72 hours from discovery)' }],
    },
    {
      name: 'patient records in a timeline entry: HIPAA, whatever the industry',
      code: 'industry: saas\ntimeline:\n  - { at: "10:00", event: Clinic customers could read other clinics\' patient records }\n',
      errors: [{ line: 3, column: 27, severity: 'hint', messageIncludes: 'HIPAA has a notification clock (60 days from discovery)' }],
    },
    {
      name: 'an answer of the 5 Whys is read too',
      code: 'root_cause:\n  whys:\n    - Exports ran.\n    - The export job wrote personal data to a public bucket.\n',
      errors: [{ line: 4, column: 7, severity: 'hint', messageIncludes: '`root_cause.whys.1` mentions "personal data"' }],
    },
    {
      name: 'the first mention in reading order: the title before the description',
      code: 'title: Personal data exposed by an export\nsummary:\n  description: A data breach in the support exports.\n',
      errors: [{ line: 1, column: 8, severity: 'hint', messageIncludes: '`title` mentions "Personal data"' }],
    },
    {
      name: 'OSHA names both of its clocks',
      code: 'title: Press line fatality\n',
      errors: [{ line: 1, column: 8, messageIncludes: 'OSHA has a notification clock (8 hours (fatality) or 24 hours (hospitalization) from discovery)' }],
    },
  ],
});
