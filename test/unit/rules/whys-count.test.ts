import { runRuleTests } from './ruleTester';
import { whysCount } from '../../../src/rules/whys-count';

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
      name: 'two identical answers, differing only in case and punctuation',
      code: whys([...FIVE.slice(0, 4), 'no check ties pool settings to database capacity']),
      errors: [{ line: 7, column: 7, messageIncludes: 'Why 5 repeats why 4' }],
    },
  ],
});
