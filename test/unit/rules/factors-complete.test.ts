import { runRuleTests } from './ruleTester';
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

runRuleTests(factorsComplete, {
  valid: [
    ALL,
    `root_cause:\n  category: capacity\n${ALL}`,
    { name: 'no section is the schema\'s to report', code: 'title: x\n' },
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
