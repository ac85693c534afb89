import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleTests, TEST_TODAY } from './ruleTester';
import { lintText } from '../../../src/core/lint';
import { factorsComplete } from '../../../src/rules/factors-complete';

const ALL = `contributing_factors:
  monitoring: { score: 2, notes: No alert on connection refusals }
  testing: { score: 1 }
  documentation: { score: 0 }
  process: { score: 1 }
  knowledge_concentration: { score: 2, notes: One team knew the limits }
  capacity: { score: 3, notes: max_connections exceeded }
  third_party: { score: 0 }
  communication: { score: 0 }
  change_management: { score: 2, notes: Pool change merged without a capacity check }
  technical_debt: { score: 1 }
`;

/** ALL without the given factors' lines. */
const without = (...keys: string[]): string => keys.reduce((text, key) => text.replace(new RegExp(`  ${key}: .*\n`), ''), ALL);

runRuleTests(factorsComplete, {
  valid: [
    ALL,
    `root_cause:\n  category: capacity\n${ALL}`,
    { name: 'no section is the schema\'s to report', code: 'title: x\n' },
    { name: 'the root-cause category scored exactly 2', code: `root_cause:\n  category: monitoring\n${ALL}` },
    { name: 'a category that is not a factor key is not compared', code: `root_cause:\n  category: other\n${ALL.replace('monitoring: { score: 2', 'monitoring: { score: 0')}` },
    {
      name: 'the strongest factor scored exactly 2 (with notes)',
      code: ALL.replace(/score: [23], notes: (?!No alert)[^}]*/g, 'score: 1'),
    },
    {
      name: 'every key present but none scored: nothing to compare (the schema reports the missing scores)',
      code: ALL.replace(/score: \d(, )?/g, '').replace(/\{ \}/g, '{ notes: later }'),
    },
  ],
  invalid: [
    {
      name: 'missing keys: one diagnostic, one fix adding them scored 0 (comment kept)',
      code: 'contributing_factors:   # scored in the review\n  monitoring: { score: 2, notes: No alert }\n  capacity: { score: 3, notes: Limit exceeded }  # primary\n',
      errors: [{ line: 1, column: 1, endColumn: 21, severity: 'warning', messageIncludes: '8 contributing factors are not scored: `testing`, `documentation`, `process`, `knowledge_concentration`, `third_party`, `communication`, `change_management`, `technical_debt`' }],
      output:
        'contributing_factors:   # scored in the review\n  monitoring: { score: 2, notes: No alert }\n  capacity: { score: 3, notes: Limit exceeded }  # primary\n' +
        '  testing: { score: 0 }\n  documentation: { score: 0 }\n  process: { score: 0 }\n  knowledge_concentration: { score: 0 }\n  third_party: { score: 0 }\n  communication: { score: 0 }\n  change_management: { score: 0 }\n  technical_debt: { score: 0 }\n',
    },
    {
      name: 'a score of 2 without notes',
      code: ALL.replace('change_management: { score: 2, notes: Pool change merged without a capacity check }', 'change_management: { score: 2 }'),
      errors: [{ line: 10, column: 3, endColumn: 20, messageIncludes: '`change_management` is scored 2 but has no notes' }],
    },
    {
      name: 'one key missing: the singular message and fix title',
      code: without('technical_debt'),
      errors: [{ line: 1, column: 1, messageIncludes: '1 contributing factor is not scored: `technical_debt`. Score every factor 0-3' }],
      fixTitle: 'Add the missing factor with score 0',
      fixSafe: false,
      output: `${without('technical_debt')}  technical_debt: { score: 0 }\n`,
    },
    {
      name: 'two keys missing: the plural fix title',
      code: without('technical_debt', 'testing'),
      errors: [{ line: 1, column: 1, messageIncludes: '2 contributing factors are not scored: `testing`, `technical_debt`.' }],
      fixTitle: 'Add the missing factors with score 0',
    },
    {
      name: 'a bare number is a score too: 3 without notes',
      code: ALL.replace('capacity: { score: 3, notes: max_connections exceeded }', 'capacity: 3'),
      errors: [{ line: 7, column: 3, endColumn: 11, messageIncludes: '`capacity` is scored 3 but has no notes. Add one line' }],
    },
    {
      name: 'blank notes are no notes',
      code: ALL.replace('notes: max_connections exceeded', 'notes: "   "'),
      errors: [{ line: 7, column: 3, messageIncludes: '`capacity` is scored 3 but has no notes' }],
    },
    {
      name: 'the section range is the section\'s key wherever it stands',
      code: `title: x\n${without('technical_debt')}`,
      errors: [{ line: 2, column: 1, endColumn: 21, messageIncludes: '1 contributing factor is not scored' }],
    },
    {
      name: 'a key missing and the rest scored below 2: both reported',
      code: 'contributing_factors:\n  monitoring: { score: 1 }\n',
      errors: [
        { line: 1, column: 1, messageIncludes: '9 contributing factors are not scored' },
        { line: 1, column: 1, messageIncludes: 'No contributing factor is scored 2 or more' },
      ],
    },
    {
      name: 'nothing scored 2 or more',
      code: 'contributing_factors:\n' + ['monitoring', 'testing', 'documentation', 'process', 'knowledge_concentration', 'capacity', 'third_party', 'communication', 'change_management', 'technical_debt'].map((k) => `  ${k}: { score: 1 }\n`).join(''),
      errors: [{ line: 1, column: 1, messageIncludes: 'No contributing factor is scored 2 or more' }],
    },
    {
      name: 'the root-cause category scored below 2',
      code: `root_cause:\n  category: testing\n${ALL}`,
      errors: [{ line: 2, column: 13, endColumn: 20, messageIncludes: 'category is `testing`, but that factor is scored 1' }],
    },
  ],
});

test('a named file links the low root-cause category to its factor\'s score', () => {
  const file = 'postmortems/2026-11-02-orders.pm.yaml';
  const { diagnostics } = lintText(`root_cause:\n  category: testing\n${ALL}`, { rules: [factorsComplete], file, today: TEST_TODAY });
  const found = diagnostics.filter((d) => d.rule === 'factors-complete');
  assert.equal(found.length, 1);
  assert.equal(
    found[0].message,
    'The root-cause category is `testing`, but that factor is scored 1. Score it at least 2 (contributor), or pick the category that matches the analysis.',
  );
  assert.deepEqual(found[0].related, [{ file, range: { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } }, message: '`testing` scored 1' }]);
});
