/**
 * The leading texts of an expression (src/core/blame/leadingText.ts) let the blame lexicon compile only the
 * expressions a sentence may match. That is for speed only, so it must be sound: every match of every expression
 * begins with one of its leading texts, and the index never leaves out an expression that matches. Held to that
 * over every corpus sentence and random text made of the lexicon's own words; findBlameTerms and the prefilter
 * are compared with the plain loop over every expression they replace.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LeadingIndex, leadingTexts, requiredTexts } from '../../src/core/blame/leadingText';
import { AS_PLANNED, BLAME_PREFILTER, CAUSAL, CLEARING, CORRECTIVE_LEAD, blameTermPatterns, findBlameTerms, mergeOverlapping, type TermMatch } from '../../src/core/blame/lexicon';
import { TextPattern, textPattern } from '../../src/core/blame/textPattern';
import { corpusSentences } from './blameCorpusSentences';
import { LEXICON_LEADS } from '../../src/core/blame/lexiconLeads.generated';
import { generatedLeads } from '../../scripts/gen-blame-leads';

describe('leading texts of an expression', () => {
  const cases: Array<[string, string[] | undefined]> = [
    ['fault', ['fau']],
    ['blame[sd]?', ['bla']],
    ['to blame', ['to ']],
    ['ab', ['ab']],
    ['a|bc', ['a', 'bc']],
    ['(?:at|his) own', ['at ', 'his']],
    ['human[- ]error', ['hum']],
    ['[- ]x', ['-x', ' x']],
    ['[a-c]x', ['ax', 'bx', 'cx']],
    ['[A-B]y', ['ay', 'by']],
    ['\\u2019s', ['\u2019s']],
    ['\\.x', ['.x']],
    ['(?<![\\p{L}\\p{N}_])(?:not|no)(?![\\p{L}])', ['not', 'no']],
    ['(?<=x)ab', ['ab']],
    ['(?!ab)cd', ['cd']],
    ['a+b', ['a']],
    ['a{2}b', ['a']],
    ['ab?c', ['abc', 'ac']],
    ['(?<word>ab)c', ['abc']],
    ['Fault', ['fau']],
    // Too broad to list: anything may start a match.
    ['\\p{L}+ed', undefined],
    ['x?', undefined],
    ['[a-z]x', undefined],
    ['[^x]y', undefined],
    ['.a', undefined],
    ['\\wa', undefined],
    ['(?:a|)b', ['ab', 'b']],
    ['(a)\\1', ['a']],
  ];
  for (const [source, expected] of cases) {
    it(`/${source}/ -> ${expected ? expected.join(' | ') : 'anything'}`, () => {
      const found = leadingTexts(source);
      assert.deepEqual(found && [...found].sort(), expected && [...expected].sort());
    });
  }

  const required: Array<[string, string[] | undefined]> = [
    ['fault', ['fault']],
    // The fewest strings of four letters or more: "prod" and "live", not the twelve spellings of "on the prod".
    ['(?:against|on|in) (?:the )?(?:prod|live)(?![a-z])', ['prod', 'live']],
    ['(?:on|in) (?:prod|db)', ['on prod', 'on db', 'in prod', 'in db']],
    ['\\p{L}+ (?:wiped|dropped)', [' wiped', ' dropped']],
    ['(?:a|b)\\p{L}*ing', ['ing']],
    ['x?y', ['y']],
    ['x?', undefined],
    ['\\p{L}+', undefined],
    ['a|\\p{L}', undefined],
    ['(?<=abc)d', ['d']],
    ['Delete[sd]', ['deletes', 'deleted']],
  ];
  for (const [source, expected] of required) {
    it(`/${source}/ contains one of ${expected ? expected.join(' | ') : 'nothing that can be named'}`, () => {
      const found = requiredTexts(source);
      assert.deepEqual(found && [...found].sort(), expected && [...expected].sort());
    });
  }

  it('the generated table of the lexicon is up to date (else: node --import tsx scripts/gen-blame-leads.ts)', () => {
    assert.deepEqual(LEXICON_LEADS, generatedLeads());
    assert.ok(Object.keys(LEXICON_LEADS).length > 60);
  });

  it('gives up on a listing longer than its cap instead of growing without end', () => {
    // 26^3 three-letter starts: over the cap, so "anything".
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
    const source = `(?:${letters.join('|')})(?:${letters.join('|')})(?:${letters.join('|')})`;
    assert.equal(leadingTexts(source), undefined);
  });
});

/** Every match of `pattern` (as written, Unicode) in `text`. */
function allMatches(pattern: TextPattern, text: string): RegExpExecArray[] {
  const re = pattern.unicode();
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const found: RegExpExecArray[] = [];
  for (let m = global.exec(text); m; m = global.exec(text)) {
    found.push(m);
    if (m[0] === '') global.lastIndex++;
  }
  return found;
}

/** findBlameTerms as it was: every term's expression over the text, without the index. */
function termsWithoutIndex(text: string): TermMatch[] {
  const found: TermMatch[] = [];
  for (const term of blameTermPatterns()) {
    for (const m of allMatches(term.pattern, text)) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], strong: term.strong, circumstantial: term.circumstantial });
  }
  return mergeOverlapping(found);
}

describe('the lexicon narrowed by leading texts', () => {
  const expressions: Array<[string, TextPattern]> = [
    ['CAUSAL', CAUSAL],
    ['CLEARING', CLEARING],
    ['AS_PLANNED', AS_PLANNED],
    ['CORRECTIVE_LEAD', textPattern(CORRECTIVE_LEAD)],
    ...blameTermPatterns().map((t, i): [string, TextPattern] => [`term ${i} /${t.pattern.source.slice(18, 60)}/`, t.pattern]),
  ];
  const index = new LeadingIndex(expressions.map(([name, pattern]) => ({ name, pattern })));
  const sentences = [...new Set(corpusSentences().map((s) => s.text))];
  // Random text from the lexicon's own words, in any case, with the characters that fold or change length.
  const lexiconWords = [...new Set(expressions.flatMap(([, p]) => p.source.match(/[a-z’']{2,}/gi) ?? []))];
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom(...lexiconWords),
        fc.constantFrom(' ', ' ', ', ', '. ', "'s ", '’s ', '-', 'ſ', 'K', 'İ', 'é', 'Ω', '\u00a0', 'prod', 'the '),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 14 },
    )
    .map((parts) => parts.map((p, i) => (i % 3 === 0 ? p.toUpperCase() : i % 3 === 1 ? p : p.replace(/^./, (c) => c.toUpperCase()))).join(' '));

  function assertSound(sample: string): void {
    const candidates = new Set(index.candidates(sample).map((c) => c.name));
    for (const [name, pattern] of expressions) {
      const matches = allMatches(pattern, sample);
      if (matches.length === 0) continue;
      assert.ok(candidates.has(name), `${name} matches ${JSON.stringify(sample)} but the index left it out`);
      const leads = leadingTexts(pattern.source);
      const contains = requiredTexts(pattern.source);
      for (const m of matches) {
        const match = m[0].toLowerCase();
        if (leads) assert.ok(leads.some((lead) => match.startsWith(lead)), `${name}: the match ${JSON.stringify(m[0])} in ${JSON.stringify(sample)} starts with none of ${JSON.stringify(leads)}`);
        if (contains) assert.ok(contains.some((r) => match.includes(r)), `${name}: the match ${JSON.stringify(m[0])} in ${JSON.stringify(sample)} contains none of ${JSON.stringify(contains)}`);
      }
    }
  }

  it('lists every start of every match, on every corpus sentence', () => {
    assert.ok(sentences.length > 1500);
    for (const sentence of sentences) assertSound(sentence);
  });

  it('lists every start of every match, on random text of the lexicon words', () => {
    fc.assert(fc.property(text, (sample) => assertSound(sample)), { numRuns: 400 });
  });

  it('findBlameTerms and the prefilter answer as the plain loop over every expression', () => {
    const check = (sample: string): void => {
      const expected = termsWithoutIndex(sample);
      assert.deepEqual(findBlameTerms(sample), expected, sample);
      assert.equal(BLAME_PREFILTER.test(sample), expected.length > 0 || allMatches(CAUSAL, sample).length > 0, sample);
    };
    for (const sentence of sentences) check(sentence);
    fc.assert(fc.property(text, check), { numRuns: 400 });
  });

  it('leaves out most expressions for a sentence without blame language, and keeps the ones it needs', () => {
    const plain = 'The checkout service returned errors to customers for 40 minutes after the deploy.';
    const kept = index.candidates(plain).length;
    assert.ok(kept <= 3, `${kept} of ${expressions.length} kept: ${index.candidates(plain).map((c) => c.name).join(', ')}`);
    assert.ok(index.candidates('Sam forgot to renew the certificate.').some((c) => c.name.includes('forg[eo]t')));
    // ſ folds to s under the i flag, which lower-casing does not do: such a text keeps every expression.
    assert.equal(index.candidates('The ſervice').length, expressions.length);
  });
});
