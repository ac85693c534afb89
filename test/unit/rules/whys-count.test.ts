import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleTests, TEST_TODAY } from './ruleTester';
import { whysCount } from '../../../src/rules/whys-count';
import { lintText } from '../../../src/core/lint';

const FIVE = [
  'The orders database refused new connections.',
  "The connection pool limit was raised above the database's max_connections.",
  "The change was reviewed without the database's limits at hand.",
  'No check ties pool settings to database capacity.',
  'Capacity limits live in documents nobody reads, not in code.',
];
const whys = (list: string[]): string => `root_cause:\n  whys:\n${list.map((w) => `    - ${JSON.stringify(w)}\n`).join('')}  category: capacity\n`;

runRuleTests(whysCount, {
  valid: [
    whys(FIVE),
    whys([...FIVE, 'Capacity planning has no owner in the platform team.']),
    { name: 'no root_cause section is the schema\'s to report', code: 'title: x\n' },
    { name: 'no whys key is the schema\'s to report', code: 'root_cause:\n  category: capacity\n' },
    { name: 'blank answers are not repeats of each other', code: whys([...FIVE, '', '  ']) },
    { name: 'whitespace-only answers are blank too, not repeats of each other', code: whys([...FIVE, ' ', '   ']) },
  ],
  invalid: [
    {
      name: 'three whys',
      code: whys(FIVE.slice(0, 3)),
      errors: [{ line: 2, column: 3, endColumn: 7, severity: 'warning', messageIncludes: 'has 3 whys; ask at least 5' }],
    },
    {
      name: 'an empty answer does not count',
      code: whys([...FIVE.slice(0, 4), '']),
      errors: [{ line: 2, column: 3, messageIncludes: 'has 4 whys' }],
    },
    {
      name: 'one why: singular',
      code: whys(FIVE.slice(0, 1)),
      errors: [{ line: 2, column: 3, messageIncludes: 'The analysis has 1 why; ask at least 5.' }],
    },
    {
      name: 'an answer of only spaces does not count',
      code: whys([...FIVE.slice(0, 4), '   ']),
      errors: [{ line: 2, column: 3, messageIncludes: 'has 4 whys' }],
    },
    {
      name: 'runs of spaces and punctuation inside an answer do not make it new',
      code: whys([...FIVE.slice(0, 4), 'No check -- ties pool settings,   to database capacity!']),
      errors: [{ line: 7, column: 7, messageIncludes: 'Why 5 repeats why 4. Ask why once more about why 4, to go deeper.' }],
    },
    {
      name: 'two identical answers, differing only in case and punctuation',
      code: whys([...FIVE.slice(0, 4), 'no check ties pool settings to database capacity']),
      errors: [{ line: 7, column: 7, messageIncludes: 'Why 5 repeats why 4' }],
    },
  ],
});

test('a named file links a repeated why to the why it repeats', () => {
  const file = 'postmortems/2026-11-02-orders.pm.yaml';
  const { diagnostics } = lintText(whys([...FIVE.slice(0, 4), FIVE[1]]), { rules: [whysCount], file, today: TEST_TODAY });
  const found = diagnostics.filter((d) => d.rule === 'whys-count');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].related, [{ file, range: { start: { line: 3, character: 6 }, end: { line: 3, character: 6 + JSON.stringify(FIVE[1]).length } }, message: 'Why 2' }]);
});
