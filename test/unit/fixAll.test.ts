// fixAll (src/core/fixAll.ts): every safe fix, pass by pass, each checked; what `lint --fix` and the editor's
// source.fixAll.postmortem apply. The property runs on the example post-mortems with random damage, seeded by
// test/lib/fast-check-seed.ts (fixed under CI; the seed is printed to replay a failure).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Lexer } from 'yaml';
import { fixAll } from '../../src/core/fixAll';
import { lintText } from '../../src/core/lint';
import { parsePostmortem } from '../../src/core/parse';
import { safeFixes } from '../../src/core/fix';

import { damagedExample, DRAFT, EXAMPLES } from './damagedExamples';

const TODAY = '2026-11-27';

function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => token.startsWith('#')).map((token) => token.trimEnd()).sort();
}

describe('fixAll', () => {
  it('applies every safe fix of the draft, leaving none to apply, and keeps every comment', () => {
    const result = fixAll(DRAFT, { today: TODAY });
    // The two safe ones: action-deadline-window and action-deadline-missing (owner and factor fixes need a person).
    assert.equal(result.applied, 2);
    assert.deepEqual(result.refused, []);
    assert.equal(result.parsed.text, result.text);
    assert.equal(result.text, DRAFT.replace('    deadline: 2026-12-31\n', '    deadline: 2026-11-30\n').replace('    priority: P1\n    status: open\n', '    priority: P1\n    status: open\n    deadline: 2026-11-30\n'));
    assert.deepEqual(comments(result.text), comments(DRAFT));
    assert.deepEqual(safeFixes(lintText(result.text, { today: TODAY }).diagnostics), []);
    assert.equal(fixAll(result.text, { today: TODAY }).applied, 0);
  });

  it('never applies the "Disable <rule> for this line" fix', () => {
    const result = fixAll(DRAFT, { today: TODAY });
    assert.ok(!result.text.includes('postmortem-disable'));
  });

  it('returns the very text given when nothing applies: a clean file, a file with YAML errors', () => {
    const clean = EXAMPLES[1];
    assert.equal(fixAll(clean, { today: TODAY }).text, clean);
    const broken = DRAFT.replace('authors: [Amara Okoye]', 'authors: [Amara Okoye');
    const result = fixAll(broken, { today: TODAY });
    assert.equal(result.text, broken);
    assert.equal(result.applied, 0);
  });

  it('keeps a byte-order mark and CRLF line breaks', () => {
    const text = '\uFEFF' + DRAFT.replace(/\n/g, '\r\n');
    const result = fixAll(text, { today: TODAY });
    assert.equal(result.applied, 2);
    assert.equal(result.text, '\uFEFF' + fixAll(DRAFT, { today: TODAY }).text.replace(/\n/g, '\r\n'));
  });

  it('honours suppressions: a suppressed finding is not fixed', () => {
    const text = DRAFT.replace('  - action: Pin the', '  # postmortem-disable-next-line action-deadline-missing -- set at the planning meeting\n  - action: Pin the');
    const result = fixAll(text, { today: TODAY });
    assert.equal(result.applied, 1);
    assert.equal(result.text, text.replace('    deadline: 2026-12-31\n', '    deadline: 2026-11-30\n'));
  });

  it('names each refused fix once, with its reason, and applies the rest', () => {
    // An anchor another key aliases: filling in the deadline would change the alias too, so the check refuses it.
    const text = DRAFT.replace('    deadline: 2026-12-31\n', '    deadline: &due 2026-12-31\n').replace('  tests: true\n', '  tests: true\n  note: *due\n');
    const refused: string[] = [];
    const result = fixAll(text, { today: TODAY, onRefused: ({ fix, reason }) => refused.push(`${fix.title}: ${reason}`) });
    assert.equal(refused.length, 1);
    assert.equal(result.refused.length, 1);
    assert.match(refused[0], /^Set the deadline to 2026-11-30 .*: the result would change more than action_items\[0\]\.deadline \(also recurrence_prevention\.note\)$/);
    assert.equal(result.applied, 1, 'the other deadline is still added');
    assert.ok(result.text.includes('deadline: &due 2026-12-31'));
  });
});

describe('fixAll on damaged examples (property)', () => {
  it('is idempotent, adds no YAML error and loses no comment', () => {
    fc.assert(
      fc.property(damagedExample, (text) => {
        const once = fixAll(text, { today: TODAY });
        const twice = fixAll(once.text, { today: TODAY });
        assert.equal(twice.text, once.text);
        assert.equal(twice.applied, 0);
        const errors = (t: string) => parsePostmortem(t).syntaxDiagnostics.filter((d) => d.severity === 'error').length;
        if (errors(text) === 0) assert.equal(errors(once.text), 0);
        const kept = comments(once.text);
        for (const comment of comments(text)) {
          const i = kept.indexOf(comment);
          assert.ok(i >= 0, `lost ${comment}`);
          kept.splice(i, 1);
        }
      }),
      { numRuns: 40 },
    );
  });
});
