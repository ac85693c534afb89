/** maskMarkdown's link-target scan against the expression it replaced (kept here as the reference). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskMarkdown } from '../../src/core/blame/sentences';

function referenceMask(text: string): string {
  const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');
  return text
    .replace(/```[\s\S]*?(```|$)/g, blank)
    .replace(/`[^`\r\n]*`/g, blank)
    .replace(/\]\([^)\s]*\)/g, (m) => ' ' + blank(m.slice(1)))
    .replace(/[[\]]/g, ' ')
    .replace(/(\*\*|__|\*|~~)/g, blank)
    .replace(/^([ \t]*)(#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d+[.)][ \t])/gm, (_m, indent: string, marker: string) => indent + blank(marker));
}

const seed = process.env.CI ? 20_261_128 : Date.now();

test('maskMarkdown masks what the former expressions masked, for random Markdown-ish texts', () => {
  const piece = fc.constantFrom('](', ')', '(', ']', '[', ' ', '\n', 'x', 'Bob', '`', '```', '**', '- ', '1. ', 'http://a.b/c_(d)', '\t');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      assert.equal(maskMarkdown(text), referenceMask(text));
    }),
    { numRuns: 5000, seed },
  );
});

test('maskMarkdown: a link target is blanked, the link text kept, at the same offsets', () => {
  const text = 'See [the runbook](https://wiki/x_(y)) by Bob.';
  const masked = maskMarkdown(text);
  assert.equal(masked.length, text.length);
  assert.equal(masked, ' See  the runbook                    ) by Bob.'.slice(1));
});
