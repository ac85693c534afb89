import { runRuleTests } from './ruleTester';
import { timelineGranularity } from '../../../src/rules/timeline-granularity';

const doc = (severity: string, times: string[], end = '2026-11-02T12:00:00Z'): string =>
  `summary:\n  start: 2026-11-02T10:00:00Z\n  end: ${end}\n  severity: ${severity}\ntimeline:\n${times.map((at) => `  - at: "${at}"\n    event: Observed\n`).join('')}`;

/** A SEV-1 network partition: a 40-minute acute phase, then a six-day recovery logged at its milestones. */
const recovery = (fixKind: string): string =>
  [
    'summary:',
    '  start: 2026-11-02T10:00:00Z',
    '  end: 2026-11-08T16:00:00Z',
    '  severity: SEV-1',
    'timeline:',
    '  - { at: 2026-11-02T10:00:00Z, kind: alert, event: Partition detected }',
    '  - { at: 2026-11-02T10:10:00Z, kind: investigating, event: Links traced }',
    '  - { at: 2026-11-02T10:20:00Z, kind: root-cause, event: Router config found }',
    `  - { at: 2026-11-02T10:30:00Z, kind: ${fixKind}, event: Config rolled back }`,
    '  - { at: 2026-11-05T10:30:00Z, kind: note, event: Replicas resynchronised }',
    '  - { at: 2026-11-08T16:00:00Z, kind: resolved, event: Last region back }',
    '',
  ].join('\n');

runRuleTests(timelineGranularity, {
  valid: [
    doc('SEV-1', ['10:00', '10:15', '10:30', '10:45']),
    doc('SEV-2', ['10:00', '11:00', '12:00']),
    { name: 'before start and after end do not count', code: doc('SEV-1', ['09:00', '10:00', '10:10', '10:20', '15:00'], '2026-11-02T10:30:00Z') },
    { name: 'settings widen the SEV-1 gap', code: doc('SEV-1', ['10:00', '10:40']), settings: { timelineGapMinutes: { 'SEV-1': 45 } } },
    {
      // The settings readers only pass positive numbers; a library caller's text or zero falls back to 60 minutes, not to the text.
      name: 'a limit that is not a positive number falls back to 60 minutes',
      code: doc('SEV-1', ['10:00', '10:50']),
      settings: { timelineGapMinutes: { 'SEV-1': '15' as unknown as number } },
    },
    { name: 'out-of-order entries are timeline-order\'s to report', code: doc('SEV-1', ['10:40', '10:00']) },
    // Issue 10, item 7: 72 h and 78 h gaps in a recovery were flagged against the SEV-1 15-minute limit.
    { name: 'after fix-deployed, a multi-day recovery has no limit by default', code: recovery('fix-deployed') },
    { name: 'a resolved entry ends the acute phase too', code: recovery('resolved') },
    { name: 'end before start: no window (detection-mismatch reports it)', code: doc('SEV-1', ['10:00', '11:00'], '2026-11-02T09:00:00Z') },
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
      name: 'entries exactly at start and end are inside the window',
      code: doc('SEV-1', ['10:00', '10:20'], '2026-11-02T10:20:00Z'),
      errors: [{ line: 8, column: 9, messageIncludes: 'Timeline entries 1 (10:00) and 2 (10:20) are 20 min apart; SEV-1 allows 15 min.' }],
    },
    {
      name: 'no severity: an hour, said without a severity name',
      code: 'summary:\n  start: 2026-11-02T10:00:00Z\n  end: 2026-11-02T12:00:00Z\ntimeline:\n  - at: "10:00"\n  - at: "11:30"\n',
      errors: [{ line: 6, column: 9, messageIncludes: 'are 1 h 30 min apart; this severity allows 1 h.' }],
    },
    {
      name: 'a limit of 0 in the settings falls back to an hour',
      code: doc('SEV-2', ['10:00', '11:30']),
      settings: { timelineGapMinutes: { 'SEV-2': 0 } },
      errors: [{ line: 8, column: 9, messageIncludes: 'SEV-2 allows 1 h.' }],
    },
    {
      name: 'settings tighten SEV-2',
      code: doc('SEV-2', ['10:00', '10:20']),
      settings: { timelineGapMinutes: { 'SEV-2': 10 } },
      errors: [{ line: 8, column: 9, messageIncludes: 'SEV-2 allows 10 min' }],
    },
    {
      name: 'the acute phase keeps the severity limit: a gap before the fix is still reported',
      code: recovery('fix-deployed').replace('2026-11-02T10:20:00Z', '2026-11-02T10:11:00Z').replace('2026-11-02T10:30:00Z', '2026-11-02T10:29:00Z'),
      errors: [{ line: 9, column: 11, messageIncludes: 'are 18 min apart; SEV-1 allows 15 min' }],
    },
    {
      name: 'a configured recovery limit holds after the fix',
      code: recovery('fix-deployed'),
      settings: { timelineGapMinutes: { recovery: 24 * 60 } },
      errors: [
        { line: 10, column: 11, messageIncludes: 'are 72 h apart; after the fix, the timeline allows 24 h' },
        { line: 11, column: 11, messageIncludes: 'after the fix, the timeline allows 24 h' },
      ],
    },
  ],
});
