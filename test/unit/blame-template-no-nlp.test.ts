/**
 * Startup (issue 12, item 8): linting what `postmortem new` writes does not load compromise, the NLP library the
 * blame detector needs only for sentences that may blame someone (src/core/blame/quickCheck.ts). Observed through
 * the detector's own record of having required it (isNlpLoaded), in a process of its own (node:test runs each file
 * in one), with the people a repository's history would bring. Then a document with blame language does load it,
 * so the observation can fail.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNlpLoaded } from '../../src/core/blame/nlp';
import { lintText } from '../../src/core/lint';
import { newPostmortemText } from '../../src/core/newPostmortem';

const people = ['Dana Whitfield', 'dana@example.com', '@kbrandt', 'Ingrid Berg'];

it('lints the `postmortem new` template without loading compromise', () => {
  for (const title of ['Cache outage', 'Checkout errors', 'Payment failures after the deploy']) {
    const text = newPostmortemText({ id: 'INC-2026-11-20-001', title, severity: 'SEV-2', date: '2026-11-20', now: '2026-11-20T22:16:00+00:00' });
    const result = lintText(text, { today: '2026-11-27', settings: { people } });
    assert.ok(result.diagnostics.length > 0, 'the template is linted (its draft warnings)');
    assert.equal(result.diagnostics.filter((d) => d.rule === 'blame-named-individual').length, 0);
    assert.equal(isNlpLoaded(), false, title);
  }
});

it('loads compromise for a document with blame language', () => {
  const example = readFileSync(join(__dirname, '../../examples/postmortems/2026-06-09-search-ranking-bad-deploy.pm.yaml'), 'utf8');
  lintText(example, { today: '2026-11-27', settings: { people } });
  assert.equal(isNlpLoaded(), true);
});
