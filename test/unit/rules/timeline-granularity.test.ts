import { runRuleTests } from './ruleTester';
import { timelineGranularity } from '../../../src/rules/timeline-granularity';

const doc = (severity: string, times: string[], end = '2026-11-02T12:00:00Z'): string =>
  `summary:\n  start: 2026-11-02T10:00:00Z\n  end: ${end}\n  severity: ${severity}\ntimeline:\n${times.map((at) => `  - at: "${at}"\n    event: Observed\n`).join('')}`;

runRuleTests(timelineGranularity, {
  valid: [
    doc('SEV-1', ['10:00', '10:15', '10:30', '10:45']),
    doc('SEV-2', ['10:00', '11:00', '12:00']),
    { name: 'before start and after end do not count', code: doc('SEV-1', ['09:00', '10:00', '10:10', '10:20', '15:00'], '2026-11-02T10:30:00Z') },
    { name: 'settings widen the SEV-1 gap', code: doc('SEV-1', ['10:00', '10:40']), settings: { timelineGapMinutes: { 'SEV-1': 45 } } },
    { name: 'out-of-order entries are timeline-order\'s to report', code: doc('SEV-1', ['10:40', '10:00']) },
  ],
  invalid: [
    {
      code: doc('SEV-1', ['10:00', '10:10', '10:40', '10:50']),
      errors: [{ line: 10, column: 9, endColumn: 16, severity: 'info', messageIncludes: 'Timeline entries 2 (10:10) and 3 (10:40) are 30 min apart; SEV-1 allows 15 min' }],
    },
    {
      name: 'SEV-3 allows an hour',
      code: doc('SEV-3', ['10:00', '11:30']),
      errors: [{ line: 8, column: 9, messageIncludes: 'are 1 h 30 min apart' }],
    },
    {
      name: 'settings tighten SEV-2',
      code: doc('SEV-2', ['10:00', '10:20']),
      settings: { timelineGapMinutes: { 'SEV-2': 10 } },
      errors: [{ line: 8, column: 9, messageIncludes: 'SEV-2 allows 10 min' }],
    },
  ],
});
