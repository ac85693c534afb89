/**
 * A document opened cold has the language analysis of its sentences computed together, as one compromise document
 * (src/core/blame/nlp.ts, analysedTogether). For speed only: each sentence's analysis must be the one it gets alone,
 * and the one compromise gives it in a call of its own, over every sentence of the blame corpora and a few odd ones.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clearBlameCaches, detectBlame, detectBlameInAll } from '../../src/core/blame/detect';
import { analyse, analysedTogether, clearAnalysisCache, isAnalysedAhead, loadCompromise, type Analysis } from '../../src/core/blame/nlp';
import { maskMarkdown, splitSentences } from '../../src/core/blame/sentences';
import type { Roster } from '../../src/core/blame/people';
import { corpusSentences } from './blameCorpusSentences';

/** Sentences compromise splits or reshapes: several sentences in one, contractions, symbols, nothing at all. */
const ODD = [
  '',
  '   ',
  'Kofi broke prod. Then Ana fixed it! Did Lee help?',
  "Mateo didn't run the migration, he'd forgotten it; we're fine now",
  'e.g. Dr. Smith, i.e. the on-call, wiped the cache at 3 p.m.',
  '🙂 @dmitri fat-fingered the CIDR → 10.0.0.0/8 (oops)',
  '<kayode> i nuked the wrong cluster lol',
  'Ngozi’s   hotfix\tcaused the outage…',
  '"ERROR: denied" said the log, and Priya ignored it',
];

/** What a test compares: every token with its sorted tags, and the names. */
const shape = (a: Analysis): unknown => ({ tokens: a.tokens.map((t) => ({ ...t, tags: [...t.tags].sort() })), people: a.people });

describe('blame analysis of many sentences together', () => {
  const entries = corpusSentences();
  const sentences = [...new Set([...entries.map((e) => e.text), ...ODD].flatMap((text) => [...splitSentences(text), ...splitSentences(maskMarkdown(text))].map((s) => s.text)).concat(ODD))];

  it('gives each sentence the analysis it gets alone, and the tags and offsets compromise gives it in its own call', () => {
    const nlp = loadCompromise()!;
    const alone = sentences.map((sentence) => {
      clearAnalysisCache();
      return analyse(sentence);
    });
    clearAnalysisCache();
    let ahead = 0;
    const together = analysedTogether(sentences, () =>
      sentences.map((sentence) => {
        if (isAnalysedAhead(sentence)) ahead++;
        return analyse(sentence);
      }),
    );
    clearAnalysisCache();
    assert.ok(sentences.length > 1500, `${sentences.length} sentences`);
    assert.equal(ahead, sentences.length, 'every sentence analysed ahead');
    const differ: string[] = [];
    sentences.forEach((sentence, i) => {
      if (JSON.stringify(shape(together[i])) !== JSON.stringify(shape(alone[i]))) differ.push(`together: ${sentence}`);
      // compromise's own call, as the detector made it before: every term's offsets and tags.
      const own = nlp(sentence)
        .json({ offset: true, terms: { offset: true } })
        .flatMap((s) => (s as unknown as { terms: Array<{ tags: string[]; offset: { start: number; length: number } }> }).terms)
        .filter((t) => t.offset.start >= 0 && t.offset.start + t.offset.length <= sentence.length)
        .map((t) => ({ start: t.offset.start, end: t.offset.start + t.offset.length, tags: [...t.tags].sort() }));
      const mine = alone[i].tokens.map((t) => ({ start: t.start, end: t.end, tags: [...t.tags].sort() }));
      if (JSON.stringify(own) !== JSON.stringify(mine)) differ.push(`alone: ${sentence}\n  compromise: ${JSON.stringify(own)}\n  analyse:    ${JSON.stringify(mine)}`);
    });
    assert.deepEqual(differ, []);
    // Names are found in the corpora (or the comparison proves little).
    assert.ok(alone.filter((a) => a.people.length > 0).length > 500);
  });

  it('finds the same blame in every corpus text when its sentences are analysed together', () => {
    const byRoster = new Map<Roster, typeof entries>();
    for (const e of entries) byRoster.set(e.roster, [...(byRoster.get(e.roster) ?? []), e]);
    const differ: string[] = [];
    let findings = 0;
    for (const [roster, group] of byRoster) {
      for (const markdown of [false, true]) {
        clearBlameCaches();
        const alone = group.map((e) => detectBlame(e.text, roster, { markdown }));
        clearBlameCaches();
        const together = detectBlameInAll(group.map((e) => ({ text: e.text, options: { markdown } })), roster);
        group.forEach((e, i) => {
          findings += alone[i].length;
          if (JSON.stringify(alone[i]) !== JSON.stringify(together[i])) differ.push(`${e.file}: ${e.text}`);
        });
      }
    }
    clearBlameCaches();
    assert.deepEqual(differ, []);
    assert.ok(findings > 500, `${findings} findings`);
  });
});
