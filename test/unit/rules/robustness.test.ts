// Bad input never crashes a rule: any shape of data under the keys the rules
// read (wrong types, nulls, nested junk) gives diagnostics with ranges inside
// the document, and never the linter's "could not finish" fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { lintText } from '../../../src/core/lint';
import { applyEdits } from '../../../src/core/fix';
import { parsePostmortem } from '../../../src/core/parse';
import { PostmortemStore } from '../../../src/core/store';
import { RULES } from '../../../src/rules/index';

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 100 }),
  fc.constantFrom('2026-11-02', '2026-11-02T10:00:00Z', '10:25', '25:99', 'P0', 'P1', 'wont-do', 'done', 'SEV-1', 'SEV-3', 'alert', 'resolved', 'capacity', 'GDPR', 'OSHA', 'SEC-8K', 'fatality', 'all', ''),
  fc.string({ maxLength: 12 }),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('at', 'kind', 'action', 'owner', 'deadline', 'priority', 'status', 'reason', 'score', 'notes', 'regime', 'discovered', 'notified', 'event', 'start', 'end', 'severity', 'category', 'whys'), tie('any'), { maxKeys: 5 })),
})).any;
const documentData = fc.dictionary(
  fc.constantFrom('id', 'status', 'reviewed', 'industry', 'services', 'summary', 'timeline', 'root_cause', 'contributing_factors', 'went_well', 'action_items', 'recurrence_prevention', 'regulatory', 'cost'),
  value,
  { maxKeys: 8 },
);

test('no rule fails on any data shape, alone or beside another file', () => {
  fc.assert(
    fc.property(documentData, documentData, (a, b) => {
      const textA = stringify(a);
      const store = new PostmortemStore();
      store.upsert('a.pm.yaml', textA);
      store.upsert('b.pm.yaml', stringify(b));
      const { diagnostics, parsed } = lintText(textA, { rules: RULES, file: 'a.pm.yaml', workspace: store, today: '2026-11-27' });
      for (const d of diagnostics) {
        assert.doesNotMatch(d.message, /could not finish/, d.message);
        assert.ok(d.range.start.line < parsed.lines.lineCount && d.range.end.line < parsed.lines.lineCount);
        for (const fix of d.fixes ?? []) for (const edit of fix.edits) assert.ok(edit.range.start.line < parsed.lines.lineCount);
      }
    }),
    { numRuns: 400 },
  );
});

test('every fix, on block and flow documents, leaves YAML that still parses', () => {
  let fixesChecked = 0;
  fc.assert(
    fc.property(documentData, fc.boolean(), (data, flow) => {
      const text = stringify(data, flow ? { collectionStyle: 'flow' } : undefined);
      const { diagnostics } = lintText(text, { rules: RULES, today: '2026-11-27' });
      for (const d of diagnostics) {
        for (const fix of d.fixes ?? []) {
          if (fix.edits.length === 0) continue;
          const fixed = applyEdits(text, fix.edits);
          const reparsed = parsePostmortem(fixed);
          assert.deepEqual(reparsed.syntaxDiagnostics.filter((s) => s.severity === 'error'), [], `${d.rule}: ${fix.title}\n${fixed}`);
          fixesChecked++;
        }
      }
    }),
    { numRuns: 400 },
  );
  // The generator must reach the fixes at all, or this test proves nothing.
  assert.ok(fixesChecked > 20, `only ${fixesChecked} fixes were exercised`);
});
