import { runRuleTests } from './ruleTester';
import { timelineOrder } from '../../../src/rules/timeline-order';

const doc = (start: string, entries: string[]): string =>
  `summary:\n  start: ${start}\n  end: 2026-11-03T12:00:00Z\ntimeline:\n${entries.map((at) => `  - at: ${at}\n    event: Something observable happened\n`).join('')}`;

runRuleTests(timelineOrder, {
  valid: [
    doc('2026-11-02T10:00:00Z', ['"10:05"', '2026-11-02T10:07:00Z', '"10:10"']),
    { name: '"HH:MM" takes summary.start\'s offset', code: doc('2026-11-02T10:00:00+02:00', ['"10:05"', '2026-11-02T08:06:00Z']) },
    { name: 'crossing midnight with a full date-time', code: doc('2026-11-02T23:50:00+02:00', ['"23:55"', '2026-11-03T00:05:00+02:00']) },
    { name: 'equal times keep their order', code: doc('2026-11-02T10:00:00Z', ['"10:05"', '"10:05"']) },
    { name: 'unreadable times are the schema\'s to report', code: doc('2026-11-02T10:00:00Z', ['"10:05"', 'soon', '"10:06"']) },
  ],
  invalid: [
    {
      code: doc('2026-11-02T10:00:00Z', ['"10:05"', '2026-11-02T09:55:00Z', '"10:10"']),
      errors: [{ line: 7, column: 9, endColumn: 29, severity: 'warning', messageIncludes: 'Timeline entry 2 (2026-11-02T09:55:00Z) comes after entry 1 (10:05) but happened earlier. Keep the timeline in time order.' }],
    },
    {
      name: 'an offset makes an instant earlier than it reads',
      code: doc('2026-11-02T10:00:00+02:00', ['"10:05"', '2026-11-02T08:04:00Z']),
      errors: [{ line: 7, column: 9 }],
    },
    {
      name: '"00:05" is on summary.start\'s date, so it is before "23:55"',
      code: doc('2026-11-02T23:50:00+02:00', ['"23:55"', '"00:05"']),
      // Said plainly: the writer meant the next day, and "happened earlier" alone would puzzle them.
      errors: [{ line: 7, column: 9, endColumn: 16, messageIncludes: '"00:05" is read on summary.start\'s date (2026-11-02); after midnight write the full date-time, e.g. 2026-11-03T00:05:00+02:00' }],
    },
    {
      name: 'an "HH:MM" entry at summary.start itself is not before it: no after-midnight hint',
      code: doc('2026-11-02T23:50:00+02:00', ['"23:55"', '"23:50"']),
      errors: [{ line: 7, column: 9, messageIncludes: 'Timeline entry 2 (23:50) comes after entry 1 (23:55) but happened earlier. Keep the timeline in time order.' }],
    },
    {
      name: 'no after-midnight hint when the next day would still be earlier than the entry before',
      code: doc('2026-11-02T23:50:00+02:00', ['2026-11-04T10:00:00+02:00', '"00:05"']),
      errors: [{ line: 7, column: 9, messageIncludes: 'comes after entry 1 (2026-11-04T10:00:00+02:00) but happened earlier. Keep the timeline in time order.' }],
    },
    {
      name: 'no after-midnight hint for a full date-time, though its offset looks like a clock time',
      code: doc('2026-11-02T23:50:00+02:00', ['"23:55"', '2026-11-02T00:05:00+02:00']),
      errors: [{ line: 7, column: 9, messageIncludes: 'comes after entry 1 (23:55) but happened earlier. Keep the timeline in time order.' }],
    },
    {
      name: 'the hint still applies when the next day is exactly the entry before',
      code: doc('2026-11-02T23:50:00+02:00', ['2026-11-03T00:05:00+02:00', '"00:05"']),
      errors: [{ line: 7, column: 9, messageIncludes: 'after midnight write the full date-time, e.g. 2026-11-03T00:05:00+02:00' }],
    },
    {
      name: 'an entry that is not a mapping keeps the numbering of the others',
      code: 'summary:\n  start: 2026-11-02T10:00:00Z\ntimeline:\n  - Something happened\n  - at: "10:30"\n  - at: "10:05"\n',
      errors: [{ line: 6, column: 9, messageIncludes: 'Timeline entry 3 (10:05) comes after entry 2 (10:30)' }],
    },
    {
      name: 'one misplaced entry is reported once, not for each later entry',
      code: doc('2026-11-02T10:00:00Z', ['"10:30"', '"10:05"', '"10:10"', '"10:40"']),
      errors: [{ line: 7, column: 9 }, { line: 9, column: 9 }],
    },
  ],
});
