/**
 * The roster's lookup against the single regular expression it replaced (kept here as the reference):
 * the same mentions, at the same offsets, for random rosters and texts built from the same fragments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Roster, type Mention } from '../../src/core/blame/people';
import { escapeRegExp } from '../../src/core/regexp';

/** What Roster.find did before: one alternation of every name, longest first. */
function referenceFind(roster: Roster, text: string): Mention[] {
  if (roster.names.length === 0) return [];
  const alternatives = roster.names.map((n) => escapeRegExp(n).replace(/\s+/g, String.raw`\s+`)).join('|');
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}_@.])(?:${alternatives})(?![\p{L}\p{N}_]|@[\p{L}\p{N}])`, 'giu');
  const found: Mention[] = [];
  for (const m of text.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], source: 'roster' });
  return found;
}

const FRAGMENTS = ['Jo', 'jo', 'JO', 'Ann', 'ann', 'Jo Ann', 'Ana', 'María', 'MARÍA', 'Σωκράτης', 'σωκράτης', 'ς', 'İlker', 'ilker', 'O\'Brien', 'J.', 'Smith', '@kb', 'kb', 'x@y.io', 'ß', '😀', 'Bo'];
const SEPARATORS = [' ', '  ', '\n', '\t', '\u00a0', '.', ',', '@', '_', '-', "'s", '', 'a', '1', '😀'];
const seed = process.env.CI ? 20_261_128 : Date.now();

test('Roster.find gives what the single regular expression gave, for random rosters and texts', () => {
  const name = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
  const text = fc.array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...SEPARATORS)), { maxLength: 12 }).map((pairs) => pairs.flat().join(''));
  fc.assert(
    fc.property(fc.array(name, { maxLength: 6 }), text, (names, sample) => {
      const roster = new Roster(names);
      assert.deepEqual(roster.find(sample), referenceFind(roster, sample));
    }),
    { numRuns: 3000, seed },
  );
});

test('Roster.find: the longest name at a place, whitespace runs between words, no match inside a word or address', () => {
  const roster = new Roster(['Jo', 'Jo Ann', 'Ann Lee', 'ann@example.com']);
  const text = 'Jo  Ann met jo; JoAnn, ann@example.com and x.Jo, Jo@ex, Jo\nAnn Lee.';
  // Not "JoAnn" (one word), "x.Jo" (a dotted name) nor "Jo@ex" (an address); "Jo\nAnn" then leaves "Lee" alone.
  assert.deepEqual(roster.find(text).map((m) => m.text), ['Jo  Ann', 'jo', 'ann@example.com', 'Jo\nAnn']);
  assert.deepEqual(roster.find(text), referenceFind(roster, text));
});
