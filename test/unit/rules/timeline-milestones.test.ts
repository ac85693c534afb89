import { runRuleTests } from './ruleTester';
import { timelineMilestones } from '../../../src/rules/timeline-milestones';

const doc = (kinds: string[]): string =>
  `timeline:\n${kinds.map((kind, i) => `  - at: "10:${String(10 + i)}"\n    event: Step ${i + 1}\n    kind: ${kind}\n`).join('')}`;

runRuleTests(timelineMilestones, {
  valid: [
    doc(['trigger', 'alert', 'notified', 'investigating', 'root-cause', 'fix-deployed', 'resolved']),
    { name: 'flow entries and notes count', code: 'timeline:\n  - { at: "10:00", kind: alert }\n  - { at: "10:01", kind: notified }\n  - { at: "10:02", kind: investigating }\n  - { at: "10:03", kind: note }\n  - { at: "10:04", kind: root-cause }\n  - { at: "10:05", kind: fix-deployed }\n  - { at: "10:06", kind: resolved }\n' },
    { name: 'no timeline: the schema reports the missing section', code: 'title: x\n' },
    { name: 'a timeline that is not a list is the schema\'s to report', code: 'timeline:\n  at: "10:00"\n' },
  ],
  invalid: [
    {
      code: doc(['trigger', 'alert', 'investigating', 'fix-deployed', 'resolved']),
      errors: [{ line: 1, column: 1, endColumn: 9, severity: 'warning', messageIncludes: 'The timeline has no `notified`, `root-cause` entries. Add when each happened, with its kind:' }],
    },
    {
      name: 'a single missing milestone',
      code: '# what happened\ntimeline:   # UTC\n  - { at: "10:00", kind: alert }\n  - { at: "10:01", kind: notified }\n  - { at: "10:02", kind: investigating }\n  - { at: "10:04", kind: root-cause }\n  - { at: "10:05", kind: fix-deployed }\n',
      errors: [{ line: 2, column: 1, endColumn: 9, messageIncludes: 'The timeline has no `resolved` entry. Add when it happened, with its kind:' }],
    },
  ],
});
