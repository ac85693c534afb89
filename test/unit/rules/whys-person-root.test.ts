import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDiagnostics, runRuleTests } from './ruleTester';
import { whysPersonRoot, WHYS_GUIDE } from '../../../src/rules/whys-person-root';

const whys = (...lines: string[]): string => `root_cause:\n  whys:\n${lines.map((l) => `    - ${l}\n`).join('')}`;

runRuleTests(whysPersonRoot, {
  valid: [
    // The format page's own example ends at an organisational cause, even though it mentions "one person's head".
    whys(
      'The orders database refused new connections.',
      "The connection pool limit was raised above the database's max_connections.",
      "The change was reviewed without the database's limits at hand.",
      'No check ties pool settings to database capacity.',
      "Capacity limits live in one person's head, not in code.",
    ),
    // A person or human error in an earlier why is where the analysis starts, not where it ends.
    whys('Human error: the wrong region was applied.', 'The CLI defaults to production.', 'Nobody owns the CLI defaults.'),
    // A role with no mistake points at a gap.
    whys('The deploy failed.', 'The engineer had no runbook for draining nodes.'),
    // A system failure is not a person.
    whys('Checkout failed.', 'The health check failed to detect the stuck worker.'),
    // No whys, or a last why that is not text: nothing to judge here (whys-count and the schema speak).
    'root_cause:\n  whys: []\n',
    'root_cause:\n  whys:\n    - Checkout failed.\n    - 42\n',
  ],
  invalid: [
    {
      code: whys('Checkout failed.', 'Human error.'),
      errors: [{ line: 4, column: 7, endColumn: 19, messageIncludes: 'organisational or process cause' }],
    },
    {
      code: whys('Checkout failed.', 'Engineers need to be more careful with production.'),
      errors: [{ line: 4, column: 7, messageIncludes: 'be more careful' }],
    },
    {
      code: whys('Checkout failed.', 'Someone should have caught this in review.'),
      errors: [{ line: 4, column: 7, messageIncludes: 'Someone' }],
    },
    {
      name: 'a named person, found the same way as blame-named-individual',
      code: whys('Checkout failed.', 'Mark forgot to check the limits.'),
      errors: [{ line: 4, column: 7, endColumn: 39, messageIncludes: '"Mark" forgot' }],
    },
    {
      code: whys('Checkout failed.', 'The developer did not pay attention to the warning.'),
      errors: [{ line: 4, column: 7, messageIncludes: 'pay attention' }],
    },
    {
      code: whys('Checkout failed.', 'Lack of attention during the deploy.'),
      errors: [{ line: 4, column: 7, messageIncludes: 'Lack of attention' }],
    },
    {
      name: 'a block-scalar last why is underlined as a whole',
      code: 'root_cause:\n  whys:\n    - Checkout failed.\n    - |\n      The on-call engineer forgot the\n      rollback step.\n',
      errors: [{ line: 4, column: 7, endLine: 7, messageIncludes: 'beside a mistake' }],
    },
    {
      name: 'a roster name from the settings, lower case',
      code: whys('Checkout failed.', 'dana whitfield skipped the checklist.'),
      settings: { people: ['Dana Whitfield'] },
      errors: [{ line: 4, column: 7, messageIncludes: 'dana whitfield' }],
    },
  ],
});

test('the whole message, and one fix: a link to the guide page, which exists', () => {
  const [d, ...rest] = ruleDiagnostics(whysPersonRoot, whys('Checkout failed.', 'Human error.'));
  assert.equal(rest.length, 0);
  assert.equal(
    d.message,
    'The last why stops at a person ("Human error"). Keep asking what let the mistake through until the answer is an organisational or process cause, ' +
      'e.g. "No check ties pool settings to database capacity".',
  );
  assert.deepEqual(d.fixes, [{ title: 'How to take a why past a person', edits: [], link: 'docs/rules/whys-person-root.md' }]);
  assert.ok(existsSync(join(__dirname, '..', '..', '..', WHYS_GUIDE)));
});
