import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleTests, TEST_TODAY } from './ruleTester';
import { detectionMismatch } from '../../../src/rules/detection-mismatch';
import { lintText } from '../../../src/core/lint';

const doc = (firstAlert: string, end = '2026-11-02T12:00:00Z', extra = ''): string =>
  `summary:\n  start: 2026-11-02T10:00:00+01:00\n  end: ${end}\n  detection:\n    first_alert: ${firstAlert}\ntimeline:\n  - at: "10:20"\n    kind: trigger\n  - at: "10:25"\n    kind: alert\n  - at: "10:40"\n    kind: alert\n${extra}`;

runRuleTests(detectionMismatch, {
  valid: [
    doc('2026-11-02T10:25:00+01:00'),
    { name: 'same instant written in another offset', code: doc('2026-11-02T09:25:00Z') },
    { name: 'seconds within the same minute', code: doc('2026-11-02T10:25:30+01:00') },
    { name: 'a follow-up note after the end is fine', code: doc('2026-11-02T09:25:00Z', '2026-11-02T12:00:00Z', '  - at: 2026-11-05T09:00:00Z\n    kind: note\n') },
    { name: 'an entry exactly at the end is not after it', code: doc('2026-11-02T10:25:00+01:00', '2026-11-02T09:40:00Z') },
  ],
  invalid: [
    {
      name: 'first_alert disagrees with the first alert entry',
      code: doc('2026-11-02T10:40:00+01:00'),
      errors: [{ line: 5, column: 18, endColumn: 43, severity: 'warning', messageIncludes: "disagrees with the timeline's first `alert` (entry 2, 10:25)" }],
    },
    {
      name: 'end before start',
      code: doc('2026-11-02T10:25:00+01:00', '2026-11-02T08:00:00Z'),
      // The timeline then runs past the end too; that is not reported while end < start makes it meaningless.
      errors: [{ line: 3, column: 8, endColumn: 28, messageIncludes: '`summary.end` is before `summary.start`' }],
    },
    {
      name: 'a non-note entry after the end',
      code: doc('2026-11-02T10:25:00+01:00', '2026-11-02T09:30:00Z'),
      errors: [{ line: 11, column: 9, endColumn: 16, messageIncludes: 'Timeline entry 3 (10:40, alert) is after `summary.end`' }],
    },
    {
      name: 'an alert entry with an unreadable time is passed over for the first readable one',
      code: 'summary:\n  detection:\n    first_alert: 2026-11-02T10:30:00Z\ntimeline:\n  - at: soon\n    kind: alert\n  - at: 2026-11-02T10:25:00Z\n    kind: alert\n',
      errors: [{ line: 3, column: 18, messageIncludes: "disagrees with the timeline's first `alert` (entry 2, 2026-11-02T10:25:00Z)" }],
    },
    {
      name: 'an entry without a kind after the end',
      code: doc('2026-11-02T10:25:00+01:00', '2026-11-02T12:00:00Z', '  - at: 2026-11-05T09:00:00Z\n'),
      errors: [{ line: 13, column: 9, messageIncludes: 'Timeline entry 4 (2026-11-05T09:00:00Z, no kind) is after `summary.end`' }],
    },
    {
      name: 'end equal to start: not before it, and every later entry is after it',
      code: doc('2026-11-02T10:25:00+01:00', '2026-11-02T09:00:00Z'),
      errors: [
        { line: 7, column: 9, messageIncludes: 'Timeline entry 1 (10:20, trigger) is after `summary.end`' },
        { line: 9, column: 9, messageIncludes: 'Timeline entry 2 (10:25, alert)' },
        { line: 11, column: 9, messageIncludes: 'Timeline entry 3 (10:40, alert)' },
      ],
    },
  ],
});

test('a named file links the disagreeing first_alert to the timeline entry it disagrees with', () => {
  const file = 'postmortems/2026-11-02-orders.pm.yaml';
  const { diagnostics } = lintText(doc('2026-11-02T10:40:00+01:00'), { rules: [detectionMismatch], file, today: TEST_TODAY });
  const found = diagnostics.filter((d) => d.rule === 'detection-mismatch');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].related, [
    { file, range: { start: { line: 8, character: 8 }, end: { line: 8, character: 15 } }, message: 'The first alert entry of the timeline' },
  ]);
});
