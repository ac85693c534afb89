/**
 * Speed only (issue 12, item 8): whether detectInSentence could find anyone in a sentence, decided before the
 * language analysis, so a sentence that cannot blame anyone never loads compromise (~0.5 MB, most of a one-file
 * `postmortem lint`). Conservative: it answers "maybe" unless the detector's own logic rules a finding out, so the
 * detector's output is the same with or without it (test/unit/blame-quick-check.test.ts holds it to that over every
 * sentence of the blame corpora).
 *
 * A finding needs someone named, and a path that pins something on them:
 *  - Someone named: the roster, an @handle or e-mail, a chat speaker (`<nick>`), or a word that compromise or the
 *    detector's name guessing (./names.ts, guessWordNames, guessLowercaseSubjects...) may read as a person. A
 *    sentence in ASCII, starting with a capital, whose words are all in plain-words.json (lower-case words
 *    compromise's lexicon knows and never tags as a name, see generatePlainWords in scripts/build.mjs), names no one:
 *    compromise tags a person only from a name in its lexicon, an ambiguous word, a pattern word ("van", "king of"),
 *    a title or a capitalised word after the first, and the detector guesses names only from capitalised words,
 *    lower-case chat lines and words compromise does not know.
 *  - A path, when the sentence has no blame term (only harm, or a cause phrase): every path but three needs a term.
 *    causalSubject needs "because" (cuz, coz, bc, when), pointedAt a cause phrase ("the cause was"); agentOfHarm
 *    and possessedHarm need harm and a "by", a possessive ('s, his, her), or a harm word after the person and the
 *    person's verb: two words at least before it.
 */
import type { TermMatch } from './lexicon';
import { GIVEN_NAME_TOOLS } from './lexicon';
import type { Roster } from './people';
import { readPlainWordData } from './personNameData';
import { modelMayAddWithoutRules } from './model';

let plainWords: { sorted: string; notCapitalised: ReadonlySet<string> } | undefined;

/** Read on first use (a sentence that passed the blame prefilter); without the file no word is plain. */
function plain(): NonNullable<typeof plainWords> {
  if (!plainWords) {
    const data = readPlainWordData();
    plainWords = { sorted: typeof data.words === 'string' ? data.words : '', notCapitalised: new Set((data.notCapitalised ?? '').split(' ')) };
  }
  return plainWords;
}

/**
 * Whether `word` is in `list`: sorted words, one space between them. A binary search over the text itself: building a
 * set of the 13,000 plain words cost more than the rest of a one-file lint's blame check.
 */
export function inSortedList(list: string, word: string): boolean {
  if (word === '' || word.includes(' ')) return false;
  // [low, high): low is the start of a word, high the end of one (a space or the end of the list follows it).
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = list.lastIndexOf(' ', middle) + 1;
    const space = list.indexOf(' ', start);
    const end = space === -1 ? list.length : space;
    const candidate = list.slice(start, end);
    if (candidate === word) return true;
    if (candidate < word) low = end + 1;
    else high = start - 1;
  }
  return false;
}

const NON_ASCII = /[^\u0000-\u007f]/;
/** Only a person does these (HUMAN_ONLY_VERB in detect.ts): after one, a capitalised noun may be a guessed name. */
const HUMAN_ONLY = /forg[eo]t|overlook|neglect|should|careless|negligent|fat-?finger|mistyp|ignored/i;
const WORD = /[A-Za-z]+/g;
/** Words that let a term-less sentence pin a cause on someone (causalSubject, pointedAt in detect.ts). */
const CAUSE_WORDS = /(?<![a-z])(?:because|cuz|coz|bc|when|trac(?:ed|es|ing)|lies|cause|trigger|down)(?![a-z])/i;
/** What lets harm alone be pinned on someone (agentOfHarm, possessedHarm): a passive agent or a possessive. */
const HARM_LINKS = /(?<![a-z])(?:by|his|her)(?![a-z])|'s|\u2019s/i;

/** Off only in the tests that compare the detector's answers with and without the quick check. */
export const quickCheckSwitch = { enabled: true };

/**
 * False only where detectInSentence is sure to find no one: nobody can be named, or (in a sentence with blame
 * language, `gated`) no term and no shape that pins anything on anyone. Sentences without blame language reach
 * here only for the trained model (./model.ts), which weighs every person candidate: for those, someone must be
 * nameable and the best score the model could give any candidate there (modelMayAddWithoutRules) must reach its
 * threshold. `terms` are the detector's usable terms.
 */
export function mayFindBlame(sentence: string, roster: Roster, terms: readonly TermMatch[], harm: readonly TermMatch[], gated = true): boolean {
  if (!quickCheckSwitch.enabled) return true;
  // Without blame language only the model may add someone: it is asked for the best score it could give.
  // The model's bound first: its weights (24 KB) are cheaper to read than the plain words (45 KB, 14,000 words).
  if (!gated) return modelMayAddWithoutRules(sentence, terms, harm, roster.find(sentence).length > 0) && mayNameSomeone(sentence, roster);
  // A chat speaker may admit the act in their own words (selfAdmission), with a term or harm anywhere.
  if (sentence.includes('<')) return true;
  return mayNameSomeone(sentence, roster) && (terms.length > 0 || mayPinWithoutTerm(sentence, harm));
}

function mayPinWithoutTerm(sentence: string, harm: readonly TermMatch[]): boolean {
  if (NON_ASCII.test(sentence) || CAUSE_WORDS.test(sentence)) return true;
  if (harm.length === 0) return false;
  if (HARM_LINKS.test(sentence)) return true;
  // The subject path: a person, the person's verb, then the harm.
  return harm.some((h) => (sentence.slice(0, h.start).match(/[A-Za-z0-9]+/g)?.length ?? 0) >= 2);
}

/** Whether anyone may be named in `sentence`: false only for a sentence of plain words (see above). */
export function mayNameSomeone(sentence: string, roster: Roster): boolean {
  if (NON_ASCII.test(sentence) || /[<@'-]/.test(sentence) || HUMAN_ONLY.test(sentence)) return true;
  if (roster.find(sentence).length > 0) return true;
  // A chat line in lower case: the detector guesses names among its lower-case words.
  if (!/^\s*[A-Z]/.test(sentence)) return true;
  const { sorted, notCapitalised } = plain();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence), first = true; m; m = WORD.exec(sentence), first = false) {
    const word = m[0];
    const lower = word.toLowerCase();
    if (lower === '' || !inSortedList(sorted, lower) || GIVEN_NAME_TOOLS.has(lower)) return true;
    if (word === lower) continue;
    // Capitalised: only the sentence's first word, as compromise reads it (no proper noun there), and not a name.
    if (!first || word.slice(1) !== lower.slice(1) || notCapitalised.has(lower)) return true;
  }
  return false;
}
