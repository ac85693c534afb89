/**
 * The statistical half of the blame detector: a logistic-regression model that scores a (sentence, person
 * candidate) pair, "is this person presented as the cause of a mistake or a bad outcome?".
 *
 * Features are cheap and need no part-of-speech tagger: the words around the candidate with names written as
 * PERSON (and other candidates as OTHER), the word after the name and its stem, the sentence's words and
 * bigrams, a few shapes (passive "by PERSON", possessive, counterfactual, negation, mending verb, action item),
 * the outcome and manner after the name (a past act, "instead of", "against prod", ", so", harm words counted),
 * responsibility words, and the rules' own signals (did a rule fire, strong term, harm words, gate). The weights are trained by
 * scripts/train-blame-model.mjs on the blind corpora and committed as blameModel.json (dist/blame-model.json in
 * the bundles); they are read on the first sentence that has a person candidate, never at activation.
 */
import type { Mention, MentionSource } from './people';
import type { TermMatch } from './lexicon';
import { CLEARING, EXONERATING_ROOTS } from './lexicon';
import { readModelData } from './blameModelData';
import { textPattern } from './textPattern';

/** What the rules found out about a candidate: the model weighs it with the words. */
export interface RuleSignals {
  /** The rules blamed this candidate. */
  fired: boolean;
  /** The rules looked for people in this sentence (blame language, no clearing). */
  gated: boolean;
  terms: readonly TermMatch[];
  harm: readonly TermMatch[];
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = textPattern(/@?[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[,;:()—–?!]/gu);

function words(sentence: string): Word[] {
  const out: Word[] = [];
  const word = WORD.for(sentence);
  word.lastIndex = 0;
  for (let m = word.exec(sentence); m; m = word.exec(sentence)) out.push({ text: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  return out;
}

/** -s, -es, -ed, -ing, -'s stripped: "pushed" -> "push", "forgetting" -> "forgett". */
function stem(word: string): string {
  return word.replace(/'s$/, '').replace(/(?:ing|ed|es|s)$/, '') || word;
}

const NEGATION = /^(?:not|never|no|didn't|did't|wasn't|hasn't|hadn't|don't|doesn't|cannot|can't|couldn't|without)$/;
const MODAL = /^(?:should|must|would|could|might|shall|will|to|needs?)$/;
const COUNTERFACTUAL = textPattern(/(?:^|[^\p{L}])(?:if (?:only )?PERSON (?:had|would)|had PERSON|would(?:n't| not)? have|would've|could have been avoided|should have|should've)(?![\p{L}])/u);
const ACTION_ITEM = /^(?:\W*(?:action|ai-?\d*|todo|follow[- ]up|ask|remind|coach|retrain)\b|.*\bPERSON (?:to|must|should|will|needs to) )/u;
const THANKS = textPattern(/(?<![\p{L}])(?:thanks|thank you|thx|ty|kudos|shout-?out|great (?:job|work|catch)|well done)(?![\p{L}])/iu);
const CLEARS = textPattern(/(?<![\p{L}])(?:not (?:guilty|to blame|at fault)|did nothing wrong|not (?:your|his|her|their) fault|not related|no one (?:could|would) have)(?![\p{L}])/iu);
const RESPONSIBLE_FOR = /PERSON (?:is|was|are|were|(?:has|had) been) (?:the )?(?:responsible|owner|accountable)/u;

/**
 * Outcome and manner after the person, matched on the words after the candidate written as " w1 w2 ... " (numbers
 * as NUM): "applied it to the primary instead of the replica", "merged it without review", "pointed it at prod".
 * Word-level, so a match after the candidate is a match in the whole sentence (modelBoundWithoutRules relies on it).
 */
const MANNER = / (?:instead of|rather than|without|unreviewed|untested|by hand|manually|directly|by mistake|by accident|accidentally|outside|contrary to|despite|against|bypass(?:ed|ing)?|skipp(?:ed|ing)|halfway|half-finished|own change) /;
const TARGET = / (?:prod|production|primary|live|master|main|all (?:regions|pods|nodes|users|customers)|every|entire|whole|wrong) /;
const OUTCOME_AFTER = / (?:so|which|causing|and then|that's why|that's how|is what|was what|is how|resulting in|leading to|taking|leaving|dropping|wiping|deleting|breaking|exposing|losing|; ) /;
const PRONOUN_AFTER = / (?:he|she|his|her|him|himself|herself|they|their) /;
/** A past-tense verb: regular, or one of the irregular acts post-mortems tell. */
const PAST_VERB = /^(?:[a-z]+ed|ran|set|left|put|took|made|sent|wrote|broke|forgot|let|cut|shut|hit|gave|got|kept|chose|drove|led|lost|meant|overrode|overwrote|rewrote|read|sped|spun|threw|tore|upgraded|went|won|mistook|misread|typo'd|nuked|fat-fingered)$/;
/** Responsibility or fault told about someone, wherever the name stands: "renewal was Hope's job". */
const RESPONSIBILITY = textPattern(/(?<![\p{L}])(?:job|responsibility|responsible|fault|to blame|lies with|sits with|sat with|on me|owner|owned|assigned)(?![\p{L}])/iu);
/** Words after the candidate, the way MANNER, TARGET... read them. */
const spaced = (ws: readonly string[]): string => ` ${ws.join(' ')} `;

/** Rounds a count into a few buckets, so one weight covers "two or more". */
const bucket = (n: number): string => (n >= 2 ? '2+' : String(n));

/** The features of one (sentence, candidate) pair, as names. Deterministic; duplicates removed. */
export function featuresOf(sentence: string, candidate: Mention, others: readonly Mention[], signals: RuleSignals): string[] {
  const ws = words(sentence);
  // The candidate's words collapse into one PERSON token, other candidates into OTHER.
  const seq: string[] = [];
  let at = -1;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (w.start >= candidate.start && w.start < candidate.end) {
      if (at < 0) {
        at = seq.length;
        seq.push('PERSON');
      }
      continue;
    }
    const other = others.find((o) => o !== candidate && w.start >= o.start && w.start < o.end);
    if (other) {
      if (seq[seq.length - 1] !== 'OTHER' || w.start === other.start) seq.push('OTHER');
      continue;
    }
    seq.push(/^\d[\d:.,]*$/.test(w.text) ? 'NUM' : w.text);
  }
  const f = new Set<string>(['bias']);
  const after = sentence.slice(candidate.end, candidate.end + 3);
  const possessive = /^['’]s(?![\p{L}\p{N}])/u.test(after);
  if (at >= 0) {
    const left = (k: number): string => seq[at - k] ?? '^';
    const right = (k: number): string => seq[at + k] ?? '$';
    f.add(`l1=${left(1)}`).add(`l2=${left(2)}`).add(`l12=${left(2)}_${left(1)}`);
    f.add(`r1=${right(1)}`).add(`r2=${right(2)}`).add(`r12=${right(1)}_${right(2)}`).add(`r3=${right(3)}`);
    // The verb after the name, past adverbs and auxiliaries: "Kemi accidentally applied" -> applied.
    let v = 1;
    while (/ly$|^(?:had|has|have|was|were|did|just|also|then|again|already|never|not|is|are)$/.test(right(v)) && v < 4) v++;
    const verb = right(v);
    f.add(`v=${stem(verb)}`);
    if (EXONERATING_ROOTS.has(stem(verb)) || EXONERATING_ROOTS.has(verb)) f.add('mends');
    if (MODAL.test(right(1))) f.add('modal-after');
    for (let k = 1; k <= 4; k++) if (NEGATION.test(right(k))) f.add('neg-after');
    for (let k = 1; k <= 3; k++) if (NEGATION.test(left(k))) f.add('neg-before');
    if (left(1) === 'by') {
      f.add('by-person');
      // The act the passive names: "restored by PERSON" mends, "dropped by PERSON" does the harm.
      let p = 2;
      while (/^(?:later|then|quickly|finally|first|all|manually|eventually|also)$/.test(left(p)) && p < 4) p++;
      f.add(`byverb=${stem(left(p))}`);
      if (EXONERATING_ROOTS.has(stem(left(p))) || EXONERATING_ROOTS.has(left(p))) f.add('by-mender');
    }
    if (at === 0 || /^(?:NUM|[,;:(—–])$/.test(left(1))) f.add('starts');
    if (PAST_VERB.test(verb)) f.add('past-act');
    const rest = spaced(seq.slice(at + 1));
    if (MANNER.test(rest)) f.add('manner-after');
    if (TARGET.test(rest)) f.add('target-after');
    if (OUTCOME_AFTER.test(rest)) f.add('outcome-after');
    if (PRONOUN_AFTER.test(rest)) f.add('pronoun-after');
    // The words of the sentence, wherever they stand, and where they stand relative to the name.
    for (let i = 0; i < seq.length; i++) {
      if (i === at) continue;
      const side = i < at ? '<' : '>';
      f.add(`w=${seq[i]}`).add(`w${side}${stem(seq[i])}`);
      if (i + 1 < seq.length) f.add(`b=${seq[i]}_${seq[i + 1]}`);
    }
  }
  if (possessive) f.add('possessive');
  const shape = seq.join(' ');
  if (COUNTERFACTUAL.test(shape)) f.add('counterfactual');
  if (ACTION_ITEM.test(shape)) f.add('action-item');
  if (RESPONSIBLE_FOR.test(shape)) f.add('responsible-for');
  if (THANKS.test(sentence)) f.add('thanks');
  if (CLEARING.test(sentence) || CLEARS.test(sentence)) f.add('clears');
  f.add(`src=${candidate.source}`);
  if (candidate.doubtful) f.add('doubtful');
  f.add(`others=${bucket(others.length - 1)}`);
  if (signals.fired) f.add('rule-fired');
  if (!signals.gated) f.add('ungated');
  f.add(`terms=${bucket(signals.terms.length)}`).add(`harm=${bucket(signals.harm.length)}`);
  if (signals.terms.some((t) => t.strong)) f.add('strong');
  const harmAfter = signals.harm.filter((h) => h.start >= candidate.end).length;
  if (harmAfter > 0) f.add('harm-after').add(`harm-after=${bucket(harmAfter)}`);
  if (RESPONSIBILITY.test(sentence)) f.add('responsibility');
  if (signals.terms.some((t) => t.start >= candidate.end)) f.add('term-after');
  // Feature names are stored space-separated: a term of several words is written with underscores.
  for (const t of signals.terms) f.add(`term=${t.text.toLowerCase().replace(/\s+/g, '_')}`);
  return [...f].sort();
}

export interface BlameModel {
  /** Space-separated feature names. */
  features: string;
  /** One weight per feature, in the same order. */
  weights: readonly number[];
  bias: number;
  /** Scores at or above this add a candidate the rules did not flag. */
  addAt: number;
  /** Scores below this withdraw a candidate the rules flagged. */
  vetoBelow: number;
}

let loaded: { weights: Map<string, number>; model: BlameModel } | null | undefined;

/** The shipped model, read once; null when its file is missing or malformed (the rules then work alone). */
function model(): { weights: Map<string, number>; model: BlameModel } | null {
  if (loaded !== undefined) return loaded;
  const parsed = readModelData();
  if (!parsed || typeof parsed.features !== 'string' || !Array.isArray(parsed.weights)) return (loaded = null);
  const names = parsed.features.split(' ');
  loaded = { weights: new Map(names.map((name, i) => [name, parsed.weights[i]])), model: parsed };
  return loaded;
}

/** For tests: has the model been parsed yet? */
export function isModelLoaded(): boolean {
  return loaded !== undefined;
}

/** The probability a trained model gives that `features` blame the candidate. */
export function scoreWith(weights: ReadonlyMap<string, number>, bias: number, features: readonly string[]): number {
  return 1 / (1 + Math.exp(-logOddsWith(weights, bias, features)));
}

/** The same score before the logistic: the bias plus the weights of `features`. */
function logOddsWith(weights: ReadonlyMap<string, number>, bias: number, features: readonly string[]): number {
  let z = bias;
  for (const name of features) z += weights.get(name) ?? 0;
  return z;
}

/** The shipped model's verdict on a candidate: keep the rules' answer unless the score is clear the other way. */
export function modelVerdict(sentence: string, candidate: Mention, others: readonly Mention[], signals: RuleSignals): boolean {
  const shipped = model();
  if (!shipped) return signals.fired;
  const { weights, model: m } = shipped;
  const score = scoreWith(weights, m.bias, featuresOf(sentence, candidate, others, signals));
  return signals.fired ? score >= m.vetoBelow : score >= m.addAt;
}

/** What a model finding quotes as the mistake: the first blame term or harm word after the name, else the words after it. */
export function modelTerm(sentence: string, candidate: Mention, signals: Pick<RuleSignals, 'terms' | 'harm'>): TermMatch {
  const marked = [...signals.terms, ...signals.harm].sort((a, b) => a.start - b.start);
  const after = marked.find((t) => t.start >= candidate.end) ?? marked[0];
  if (after) return after;
  const rest = /^(?:['’]s)?\s*((?:[^\s,;:.!?]+\s*){1,5})/u.exec(sentence.slice(candidate.end));
  const text = rest?.[1].trim() || sentence.trim();
  const start = sentence.indexOf(text, candidate.end);
  return { start, end: start + text.length, text, strong: false };
}

/** The largest positive weight among the features whose name starts with `prefix` (0 when none is positive). */
function largestWeight(weights: ReadonlyMap<string, number>, prefix: string): number {
  let largest = 0;
  for (const [name, weight] of weights) if (name.startsWith(prefix) && weight > largest) largest = weight;
  return largest;
}

const MAY_BE_MODAL = textPattern(/(?<![\p{L}])(?:should|must|would|could|might|shall|will|to|needs?)(?![\p{L}])/iu);
const MAY_NEGATE = textPattern(/(?<![\p{L}])(?:not|never|no|didn't|did't|wasn't|hasn't|hadn't|don't|doesn't|cannot|can't|couldn't|without)(?![\p{L}])/iu);
const MAY_BE_COUNTERFACTUAL = textPattern(/(?<![\p{L}])(?:had|would|would've|could|should|should've)(?![\p{L}])/iu);
const POSSESSIVE_ANYWHERE = textPattern(/['’]s(?![\p{L}\p{N}])/u);
const MAY_BE_RESPONSIBLE_FOR = textPattern(/(?<![\p{L}])(?:is|was|are|were|been)(?![\p{L}])/iu);
const MAY_BE_ACTION_ITEM = textPattern(/(?<![\p{L}])(?:action|ai-?\d*|todo|follow[- ]up|ask|remind|coach|retrain|to|must|should|will|needs)(?![\p{L}])/iu);

/**
 * Speed only (the blame quick check, ./quickCheck.ts): whether the shipped model could add any person candidate
 * in a sentence the rules do not look at (no blame language, or a sentence that clears). It bounds from above,
 * from the sentence's words alone, the score featuresOf and scoreWith would give the best candidate anywhere in
 * it: a feature that depends on where the candidate and the other candidates stand counts with the largest
 * weight it could take there, every other feature with its own, each name once (features are a set). Below
 * addAt, no candidate can be added, so the language analysis (compromise) is not needed. False without a model:
 * the rules alone add nothing in such a sentence.
 */
export function modelMayAddWithoutRules(sentence: string, terms: readonly TermMatch[], harm: readonly TermMatch[], onRoster = true): boolean {
  const shipped = model();
  if (!shipped) return false;
  return 1 / (1 + Math.exp(-modelBoundWithoutRules(sentence, terms, harm, shipped.weights, shipped.model.bias, onRoster))) >= shipped.model.addAt;
}

/** The shipped model's score of a candidate before the logistic (its log-odds); for the bound's tests. */
export function candidateLogOdds(sentence: string, candidate: Mention, others: readonly Mention[], signals: RuleSignals): number | undefined {
  const shipped = model();
  if (!shipped) return undefined;
  return logOddsWith(shipped.weights, shipped.model.bias, featuresOf(sentence, candidate, others, signals));
}

/** Every source a mention may come from: the model's src= feature takes one of them. */
const MENTION_SOURCES: Record<MentionSource, true> = { roster: true, handle: true, email: true, nlp: true, guess: true };

/**
 * The log-odds bound of modelMayAddWithoutRules, for given weights. `onRoster`: whether the roster names anyone in
 * the sentence (false only when the caller looked): without it no candidate comes from the roster.
 */
export function modelBoundWithoutRules(sentence: string, terms: readonly TermMatch[], harm: readonly TermMatch[], weights: ReadonlyMap<string, number>, bias: number, onRoster = true): number {
  const weight = (name: string): number => weights.get(name) ?? 0;
  const positive = (name: string): number => Math.max(0, weight(name));
  const best = (names: readonly string[]): number => Math.max(0, ...names.map(positive));
  // What does not depend on the candidate (featuresOf with fired false and gated false).
  let bound = bias + weight('bias') + weight('ungated') + weight(`terms=${bucket(terms.length)}`) + weight(`harm=${bucket(harm.length)}`);
  if (terms.some((t) => t.strong)) bound += weight('strong');
  for (const t of new Set(terms.map((t) => t.text.toLowerCase().replace(/\s+/g, '_')))) bound += weight(`term=${t}`);
  if (terms.length > 0) bound += positive('term-after');
  if (harm.length > 0) bound += positive('harm-after') + best(['harm-after=1', 'harm-after=2+']);
  if (RESPONSIBILITY.test(sentence)) bound += weight('responsibility');
  if (THANKS.test(sentence)) bound += weight('thanks');
  if (CLEARING.test(sentence) || CLEARS.test(sentence)) bound += weight('clears');
  // Flags of the candidate's shape, where the sentence has what they need.
  // A handle or an address needs an @ (people.ts, findHandles and findEmails), a roster name the roster.
  const sources = (Object.keys(MENTION_SOURCES) as MentionSource[]).filter((source) => (source === 'roster' ? onRoster : source === 'handle' || source === 'email' ? sentence.includes('@') : true));
  bound += best(sources.map((source) => `src=${source}`)) + positive('doubtful') + positive('starts') + positive('mends');
  if (POSSESSIVE_ANYWHERE.test(sentence)) bound += positive('possessive');
  if (MAY_BE_MODAL.test(sentence)) bound += positive('modal-after');
  if (MAY_NEGATE.test(sentence)) bound += positive('neg-after') + positive('neg-before');
  if (MAY_BE_COUNTERFACTUAL.test(sentence)) bound += positive('counterfactual');
  if (MAY_BE_ACTION_ITEM.test(sentence)) bound += positive('action-item');
  if (MAY_BE_RESPONSIBLE_FOR.test(sentence)) bound += positive('responsible-for');

  // The words: each is itself (NUM for a number), the candidate's (PERSON) or, when there are other candidates,
  // another's (OTHER). The two cases are bounded apart: others=0 and others=1 weigh differently.
  const found = words(sentence);
  const base = found.map((w) => (/^\d[\d:.,]*$/.test(w.text) ? 'NUM' : w.text));
  const mayStart = candidateStarts(sentence, found, onRoster);
  // The outcome and manner after the candidate: the words after it are some of the sentence's, in order.
  const all = spaced(base);
  if (base.some((w) => PAST_VERB.test(w))) bound += positive('past-act');
  if (MANNER.test(all)) bound += positive('manner-after');
  if (TARGET.test(all)) bound += positive('target-after');
  if (OUTCOME_AFTER.test(all)) bound += positive('outcome-after');
  if (PRONOUN_AFTER.test(all)) bound += positive('pronoun-after');
  const pairs = pairIndex(weights);
  const alone = bound + weight('others=0') + wordsAndPlace(base, positive, false, mayStart, pairs);
  const withOthers = bound + Math.max(weight('others=1'), weight('others=2+')) + wordsAndPlace(base, positive, true, mayStart, pairs);
  return Math.max(alone, withOthers);
}

/**
 * Which words a person candidate may start at. In a sentence that starts with a capital, has no @ and names no one
 * on the roster, every name finder of detect.ts starts a candidate at a capitalised word (guessed names, word-names,
 * titles, letters outside ASCII), except compromise's people, which may open with a lower-case particle or title
 * before the capital ("van der Berg", "dr Okafor"; wholly lower-case ones are dropped there); lower-case chat lines,
 * handles, addresses and roster names may start anywhere.
 */
function candidateStarts(sentence: string, found: readonly Word[], onRoster: boolean): boolean[] {
  if (onRoster || sentence.includes('@') || !STARTS_CAPITALISED.test(sentence)) return found.map(() => true);
  const capital = found.map((w) => CAPITAL_FIRST.test(sentence.slice(w.start, w.start + 2)));
  return found.map((w, i) => capital[i] || (LETTER_FIRST.test(w.text) && capital.slice(i + 1, i + 4).some(Boolean)));
}
const STARTS_CAPITALISED = textPattern(/^[^\p{L}]*\p{Lu}/u);
const CAPITAL_FIRST = textPattern(/^\p{Lu}/u);
const LETTER_FIRST = textPattern(/^\p{L}/u);

/**
 * The model's positive word-pair weights around a candidate, by the word next to it: l12=a_b by b (the word just
 * before the candidate), r12=a_b by a (the word just after). The bound then looks only at the pairs the model has,
 * instead of naming every pair of the sentence's words at every place (quadratic: 2 s of a 10,000-entry document).
 */
interface PairIndex {
  l12ByLast: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>>;
  r12ByFirst: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>>;
}

const pairIndexes = new WeakMap<ReadonlyMap<string, number>, PairIndex>();

function pairIndex(weights: ReadonlyMap<string, number>): PairIndex {
  let index = pairIndexes.get(weights);
  if (!index) {
    const l12ByLast = new Map<string, Array<[string, number]>>();
    const r12ByFirst = new Map<string, Array<[string, number]>>();
    for (const [name, weight] of weights) {
      if (weight <= 0) continue;
      const pair = /^(l12|r12)=([^_]*)_(.*)$/.exec(name);
      if (!pair) continue;
      const [, kind, a, b] = pair;
      const [map, key, other] = kind === 'l12' ? [l12ByLast, b, a] : [r12ByFirst, a, b];
      const list = map.get(key);
      if (list) list.push([other, weight]);
      else map.set(key, [[other, weight]]);
    }
    index = { l12ByLast, r12ByFirst };
    pairIndexes.set(weights, index);
  }
  return index;
}

/** The largest sum the words' and the candidate's place features can give (modelMayAddWithoutRules). */
function wordsAndPlace(base: readonly string[], positive: (name: string) => number, withOthers: boolean, mayStart: readonly boolean[], pairs: PairIndex): number {
  const n = base.length;
  // Where each word first and last stands: whether it is among the words before or after a place, in constant time.
  const firstAt = new Map<string, number>();
  const lastAt = new Map<string, number>();
  base.forEach((word, i) => {
    if (!firstAt.has(word)) firstAt.set(word, i);
    lastAt.set(word, i);
  });
  const best = (names: readonly string[]): number => Math.max(0, ...names.map(positive));
  const others = withOthers ? ['OTHER'] : [];
  let sum = 0;
  // Each name once: every word and pair of the sentence, and what OTHER brings.
  const possible = new Set<string>(withOthers ? ['w=OTHER', 'w<OTHER', 'w>OTHER', 'b=OTHER_OTHER'] : []);
  for (let i = 0; i < n; i++) {
    possible.add(`w=${base[i]}`);
    if (withOthers) possible.add(`b=${base[i]}_OTHER`).add(`b=OTHER_${base[i]}`);
    if (i + 1 < n) possible.add(`b=${base[i]}_${base[i + 1]}`);
  }
  for (const name of possible) sum += positive(name);
  // PERSON stands once: one pair ends on it, one starts from it.
  sum += best([...base, ...others].map((t) => `b=${t}_PERSON`)) + best([...base, ...others].map((t) => `b=PERSON_${t}`));

  // Where the candidate stands: the words before its first word (l1, l2, by-PERSON) and after its last (r1-r3, v);
  // a word next to it may be another candidate's, and one further away any word on that side.
  // The best of a feature over the words 0..i-1 (before[i]) or i..n-1 (from[i]), at least 0 as best() gives: the
  // largest weight over a run of words, computed once per feature rather than once per place.
  const before = (feature: (word: string) => string): number[] => {
    const maxima = [0];
    for (let i = 0; i < n; i++) maxima.push(Math.max(maxima[i], positive(feature(base[i]))));
    return maxima;
  };
  const from = (feature: (word: string) => string): number[] => {
    const maxima = new Array<number>(n + 1).fill(0);
    for (let i = n - 1; i >= 0; i--) maxima[i] = Math.max(maxima[i + 1], positive(feature(base[i])));
    return maxima;
  };
  const l2Before = before((t) => `l2=${t}`);
  const byverbBefore = before((t) => `byverb=${stem(t)}`);
  const r2From = from((t) => `r2=${t}`);
  const r3From = from((t) => `r3=${t}`);
  const vFrom = from((t) => `v=${stem(t)}`);
  const leftBound = (p: number): number => {
    const l1 = p === 0 ? ['^'] : [base[p - 1], ...others];
    // best over l2 of l2= and byverb=: its edge words ('^', OTHER) and the words before p - 1.
    const l2Edges = p === 0 ? ['^'] : ['^', ...others];
    const bestL2 = Math.max(best(l2Edges.map((t) => `l2=${t}`)), p === 0 ? 0 : l2Before[p - 1]);
    // best of l12=a_b over a in l2 and b in l1, from the model's positive l12 features ending on each b (PairIndex):
    // a stands in l2 when it is an edge word or one of the words before p - 1.
    const inL2 = (a: string): boolean => p === 0 ? a === '^' : a === '^' || (withOthers && a === 'OTHER') || (firstAt.get(a) ?? n) < p - 1;
    let bestL12 = 0;
    for (const b of l1) for (const [a, w] of pairs.l12ByLast.get(b) ?? []) if (w > bestL12 && inL2(a)) bestL12 = w;
    let left = best(l1.map((t) => `l1=${t}`)) + bestL2 + bestL12;
    if (l1.includes('by')) left += positive('by-person') + positive('by-mender') + Math.max(best(l2Edges.map((t) => `byverb=${stem(t)}`)), p === 0 ? 0 : byverbBefore[p - 1]);
    return left;
  };
  const rightBound = (e: number): number => {
    const r1 = e + 1 < n ? [base[e + 1], ...others] : ['$'];
    // best over r2 (and r1 with r2 for v=): its edge words ('$', OTHER) and the words from e + 2 (e + 1) on.
    const r2Edges = e + 1 < n ? ['$', ...others] : ['$'];
    const tail = (maxima: number[], k: number): number => (e + 1 < n ? maxima[Math.min(k, n)] : 0);
    const bestR2 = Math.max(best(r2Edges.map((t) => `r2=${t}`)), tail(r2From, e + 2));
    const bestR3 = Math.max(best(r2Edges.map((t) => `r3=${t}`)), tail(r3From, e + 2));
    const bestV = Math.max(best([...r1.slice(1), ...r2Edges].map((t) => `v=${stem(t)}`)), e + 1 < n ? vFrom[e + 1] : positive(`v=${stem('$')}`));
    // best of r12=a_b over a in r1 and b in r2 (the edge words, or one of the words from e + 2 on), as for l12.
    const inR2 = (b: string): boolean => e + 1 >= n ? b === '$' : b === '$' || (withOthers && b === 'OTHER') || (lastAt.get(b) ?? -1) >= e + 2;
    let bestR12 = 0;
    for (const a of r1) for (const [b, w] of pairs.r12ByFirst.get(a) ?? []) if (w > bestR12 && inR2(b)) bestR12 = w;
    return best(r1.map((t) => `r1=${t}`)) + bestR2 + bestR3 + bestR12 + bestV;
  };
  // The words before the candidate count as w<, those after it as w> (each stem once per side).
  const sideSums = (side: '<' | '>', order: number[]): number[] => {
    const sums = new Array<number>(n + 1).fill(0);
    const seen = new Set<string>();
    let total = 0;
    for (const i of order) {
      const stemmed = stem(base[i]);
      if (!seen.has(stemmed)) total += positive(`w${side}${stemmed}`);
      seen.add(stemmed);
      sums[side === '<' ? i + 1 : i] = total;
    }
    return sums;
  };
  const beforeSum = sideSums('<', [...base.keys()]); // beforeSum[p]: the words 0..p-1
  const afterSum = sideSums('>', [...base.keys()].reverse()); // afterSum[i]: the words i..n-1
  // The candidate spans words p..e (e >= p): the best right side from each word on.
  const rightFrom = new Array<number>(n + 1).fill(0);
  for (let e = n - 1; e >= 0; e--) rightFrom[e] = Math.max(rightFrom[e + 1], rightBound(e) + afterSum[e + 1]);
  let place = 0;
  for (let p = 0; p < n; p++) if (mayStart[p]) place = Math.max(place, leftBound(p) + beforeSum[p] + rightFrom[p]);
  return sum + place;
}
