/**
 * The statistical half of the blame detector: a logistic-regression model that scores a (sentence, person
 * candidate) pair, "is this person presented as the cause of a mistake or a bad outcome?".
 *
 * Features are cheap and need no part-of-speech tagger: the words around the candidate with names written as
 * PERSON (and other candidates as OTHER), the word after the name and its stem, the sentence's words and
 * bigrams, a few shapes (passive "by PERSON", possessive, counterfactual, negation, mending verb, action item)
 * and the rules' own signals (did a rule fire, strong term, harm words, gate). The weights are trained by
 * scripts/train-blame-model.mjs on the blind corpora and committed as blameModel.json (dist/blame-model.json in
 * the bundles); they are read on the first sentence that has a person candidate, never at activation.
 */
import type { Mention } from './people';
import type { TermMatch } from './lexicon';
import { CLEARING, EXONERATING_ROOTS } from './lexicon';
import { readModelData } from './blameModelData';

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

const WORD = /@?[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[,;:()—–?!]/gu;

function words(sentence: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) out.push({ text: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  return out;
}

/** -s, -es, -ed, -ing, -'s stripped: "pushed" -> "push", "forgetting" -> "forgett". */
function stem(word: string): string {
  return word.replace(/'s$/, '').replace(/(?:ing|ed|es|s)$/, '') || word;
}

const NEGATION = /^(?:not|never|no|didn't|did't|wasn't|hasn't|hadn't|don't|doesn't|cannot|can't|couldn't|without)$/;
const MODAL = /^(?:should|must|would|could|might|shall|will|to|needs?)$/;
const COUNTERFACTUAL = /(?:^|[^\p{L}])(?:if (?:only )?PERSON (?:had|would)|had PERSON|would(?:n't| not)? have|would've|could have been avoided|should have|should've)(?![\p{L}])/u;
const ACTION_ITEM = /^(?:\W*(?:action|ai-?\d*|todo|follow[- ]up|ask|remind|coach|retrain)\b|.*\bPERSON (?:to|must|should|will|needs to) )/u;
const THANKS = /(?<![\p{L}])(?:thanks|thank you|thx|ty|kudos|shout-?out|great (?:job|work|catch)|well done)(?![\p{L}])/iu;
const CLEARS = /(?<![\p{L}])(?:not (?:guilty|to blame|at fault)|did nothing wrong|not (?:your|his|her|their) fault|not related|no one (?:could|would) have)(?![\p{L}])/iu;
const RESPONSIBLE_FOR = /PERSON (?:is|was|are|were|(?:has|had) been) (?:the )?(?:responsible|owner|accountable)/u;

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
  if (signals.harm.some((h) => h.start >= candidate.end)) f.add('harm-after');
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
  let z = bias;
  for (const name of features) z += weights.get(name) ?? 0;
  return 1 / (1 + Math.exp(-z));
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
