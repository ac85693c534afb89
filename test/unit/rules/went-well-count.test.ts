import { runRuleTests } from './ruleTester';
import { wentWellCount } from '../../../src/rules/went-well-count';

const list = (n: number): string => `went_well:\n${Array.from({ length: n }, (_, i) => `  - Practice ${i + 1} held up.\n`).join('')}`;

runRuleTests(wentWellCount, {
  valid: [list(3), list(5), { name: 'flow list', code: 'went_well: [Rollback was quick, Status page was prompt, Support escalated at once]\n' }],
  invalid: [
    { code: list(2), errors: [{ line: 1, column: 1, endColumn: 10, severity: 'warning', messageIncludes: 'has 2 entries; name 3 to 5' }] },
    { code: list(6), errors: [{ line: 1, column: 1, messageIncludes: 'has 6 entries; keep the 5' }] },
    { name: 'missing section', code: 'id: INC-2026-11-02-001\ntitle: Orders outage\n', errors: [{ line: 1, column: 1, messageIncludes: 'has 0 entries' }] },
    { name: 'empty entries do not count', code: 'went_well:\n  - Rollback was quick\n  - ""\n  - Status page was prompt\n', errors: [{ line: 1, column: 1, messageIncludes: 'has 2 entries' }] },
    { name: 'an entry of only spaces does not count', code: 'went_well:\n  - Rollback was quick\n  - "   "\n  - Status page was prompt\n', errors: [{ line: 1, column: 1, messageIncludes: 'has 2 entries' }] },
    { name: 'one entry: singular', code: 'went_well:\n  - Rollback was quick\n', errors: [{ line: 1, column: 1, messageIncludes: '`went_well` has 1 entry; name 3 to 5.' }] },
    {
      name: 'an empty section is pointed at, not the top of the file',
      code: 'title: Orders outage\nwent_well:\n',
      errors: [{ line: 2, column: 1, endColumn: 10, messageIncludes: 'has 0 entries' }],
    },
  ],
});
