/**
 * Personal names that neither the roster nor compromise's name tagger knows:
 * "Kwame", "Kofi Mensah", "Ji-woo", "Nguyen Van An". compromise recognises
 * mostly English given names; post-mortems are written by teams from
 * everywhere, so a capitalised word that is not an English word, not a
 * product and not shaped like a technical name is read as a name, with a
 * confidence that depends on how much the writing tells us:
 *
 *  - `name`: compromise's lexicon lists the word as a given or family name
 *    ("Grace", even where the tagger reads it as a verb), or it is a run of
 *    two or more capitalised unknown words ("Kofi Mensah"), or hyphenated
 *    ("Ana-María", "Ji-woo");
 *  - `proper`: one unknown word capitalised in the middle of a sentence,
 *    where the capital is the writer's choice ("During the drill, Rhys ...");
 *  - `weak`: one unknown word at the start of a sentence, where every word is
 *    capitalised: the caller requires more evidence (an act only a person does).
 *
 * compromise's lexicon is read from the already-loaded library: no word list
 * ships with the extension.
 */
import { loadCompromise, type Token } from './nlp';
import { GIVEN_NAME_TOOLS, TOOL_NAMES, TOOL_NOUNS } from './lexicon';
import { personNames } from './personNames';

export type NameConfidence = 'name' | 'proper' | 'weak';

export interface GuessedName {
  start: number;
  end: number;
  confidence: NameConfidence;
}

type Lexicon = Record<string, string | string[] | undefined>;
let lexicon: Lexicon | undefined;

function lexiconOf(): Lexicon {
  if (lexicon) return lexicon;
  const nlp = loadCompromise() as unknown as { model?: () => { one?: { lexicon?: Lexicon } } } | undefined;
  try {
    lexicon = nlp?.model?.().one?.lexicon ?? {};
  } catch {
    lexicon = {};
  }
  return lexicon;
}

/** The tag compromise's lexicon gives a lower-case word, if it knows the word at all. */
export function lexiconTag(word: string): string | undefined {
  const tag = lexiconOf()[word];
  return Array.isArray(tag) ? tag[0] : tag;
}

const PERSON_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person']);
const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/** compromise's lexicon lists the word as a personal name. */
export function isKnownName(word: string): boolean {
  const tag = lexiconTag(word.toLowerCase());
  return tag !== undefined && PERSON_NAME_TAGS.has(tag);
}

/**
 * A name in the multilingual list (./personNames.ts) that is neither an English
 * word compromise knows nor a tool: "Adebayo", "Sipho", "Nowak".
 */
export function isListedName(word: string): boolean {
  const lower = word.toLowerCase();
  return personNames().has(lower) && lexiconTag(lower) === undefined && !TOOL_NAMES.has(lower) && !TOOL_NOUNS.has(lower);
}

/** A given name (not only a surname): "Julia", "Ada", "Cassandra"; "Jenkins" is only a surname. */
export function isGivenName(word: string): boolean {
  const tag = lexiconTag(word.toLowerCase());
  return tag !== undefined && GIVEN_NAME_TAGS.has(tag);
}

/** Capitalised, then lower-case letters (a hyphen or apostrophe may bring another capital: "O'Neil"). */
const NAME_SHAPE = /^\p{Lu}\p{Ll}+(?:['’-]\p{L}\p{Ll}*)*$/u;
/** Endings of technical names: daemons (etcd, fluentd), CLIs (kubectl), stores (MySQL), -ify, -ops... */
const TECH_ENDING = /(?:[bcfghklmnpstvwxz]d|ctl|db|sql|mq|kiq|js|io|ops|ify|bot|lab|hub|flow|ware|stack|cloud|net|api|cdn|dns|ix|ux)$/i;
/** Endings of English common nouns and adjectives that no given name has ("Replication", "Payments"). */
const ENGLISH_ENDING =
  /(?:tion|sion|ment|ness|ity|ism|ics|ies|able|ible|ful|less|ous|ward|wise|ized|ised|ated|ship|hood|ware)s?$/i;
/**
 * Endings English shares with names from elsewhere ("Scheduler" and "Xabier", "Operator" and "Aitor", "Billing" and
 * "Xiaoming", "Linter" and "Sukhwinder", "Tigist"): English only when what is left is a word compromise knows
 * ("schedule", "operate", "bill", "lint").
 */
const SHARED_ENDING = /(?:ing|ance|ence|ist|ure|ery|ive|er|or|age|ers|ors|ings|ists)$/i;

/** "Scheduler" -> "schedule", "Billing" -> "bill", "Runner" -> "run", "Delivery" -> "deliver": an English stem. */
function hasEnglishStem(lower: string): boolean {
  const ending = SHARED_ENDING.exec(lower);
  if (!ending) return false;
  const stem = lower.slice(0, ending.index).replace(/s$/, '');
  const tries = [stem, `${stem}e`, stem.replace(/(\p{L})\1$/u, '$1'), stem.replace(/i$/, 'y'), lower.replace(/s$/, ''), lower.replace(/y$/, '')];
  return tries.some((t) => t.length >= 3 && lexiconTag(t) !== undefined && !PERSON_NAME_TAGS.has(lexiconTag(t) ?? '') && !NON_COMPOUND_TAGS.has(lexiconTag(t) ?? ''));
}

/** An ending that makes a capitalised word read as English rather than as a name. */
function englishEnding(word: string): boolean {
  return ENGLISH_ENDING.test(word) || hasEnglishStem(word.toLowerCase());
}
/** Vietnamese, Dutch, Arabic, Spanish... particles inside a name: "Nguyen Van An", "Ludwig van Beethoven". */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'del', 'della', 'di', 'du', 'dos', 'das', 'le', 'la', 'bin', 'binti', 'bint', 'ibn', 'al', 'el', 'ter', 'ten', 'thi', 'an']);
/** Tags that show compromise read the word as something other than a noun (beyond its lexicon). */
const FUNCTION_TAGS = ['Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Adverb', 'Modal', 'Auxiliary', 'Copula', 'QuestionWord', 'Value', 'Date', 'Month', 'WeekDay', 'Acronym'];

/**
 * A word compromise does not know, written like a name: not in the lexicon,
 * not a tool, not an English compound ("Checkout" = check + out), without
 * a technical or English ending.
 */
function isUnknownNameLike(token: Token, word: string): boolean {
  if (!NAME_SHAPE.test(word) || word.length < 3) return false;
  const lower = word.toLowerCase();
  if (TOOL_NAMES.has(lower) || lexiconTag(lower) !== undefined) return false;
  if (FUNCTION_TAGS.some((tag) => token.tags.has(tag))) return false;
  if (TECH_ENDING.test(word) || englishEnding(word)) return false;
  return !isEnglishCompound(lower);
}

/** Tags of words that never start or end an English compound: "le"+"van", "an"+"dry", "takes"+"hi" are names. */
const NON_COMPOUND_TAGS = new Set(['Pronoun', 'Determiner', 'Expression', 'Abbreviation', 'Acronym', 'Conjunction', 'Honorific', 'Possessive', 'Copula', 'Place', 'City', 'Country', 'Region']);
/** An inflected head ("takes", "walked") is not how English glues words: compounds start with a stem. */
const INFLECTED_TAGS = new Set(['PresentTense', 'PastTense', 'Gerund', 'Plural']);

/** Two-letter words that do glue onto English compounds ("login", "backup", "inbox"); "be" + "gay" is a name. */
const SHORT_COMPOUND_PARTS = new Set(['in', 'on', 'up', 'by', 'to', 'of', 'go', 'do', 'no']);

function isCompoundPart(tag: string, part: string): boolean {
  return !NON_COMPOUND_TAGS.has(tag) && !PERSON_NAME_TAGS.has(tag) && (part.length > 2 || SHORT_COMPOUND_PARTS.has(part));
}

/** A lower-case chat word shaped like an unknown name once capitalised ("hiro", "jaspreet"; not "kubectl", "checkout"). */
export function isUnknownNameWord(token: Token, word: string): boolean {
  return /^\p{Ll}+$/u.test(word) && isUnknownNameLike(token, word[0].toUpperCase() + word.slice(1));
}

/** "checkout", "frontend", "login": two known English words glued together. */
function isEnglishCompound(word: string): boolean {
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const head = lexiconTag(word.slice(0, cut));
    const tail = lexiconTag(word.slice(cut));
    if (head && tail && isCompoundPart(head, word.slice(0, cut)) && isCompoundPart(tail, word.slice(cut)) && !INFLECTED_TAGS.has(head)) return true;
  }
  return false;
}

function bare(token: Token): string {
  return token.text.replace(/['’]s$/, '');
}

/** English prefixes written with a hyphen ("Pre-flight", "Re-run"): such a word is not a name. */
const ENGLISH_PREFIXES = new Set(['pre', 're', 'post', 'non', 'co', 'anti', 'multi', 'semi', 'sub', 'self', 'cross', 'auto', 'over', 'under', 'out', 'de', 'un', 'mis', 'e', 'x', 'in', 'on', 'off', 'up', 'hot', 'cold', 'dry', 'ex', 'no']);

/** One part of a hyphenated name: a known name, or a word neither English nor technical ("Ji-woo", "Ana-María"). */
function isNamePart(part: string, token: Token): boolean {
  const lower = part.toLowerCase();
  if (isKnownName(part) || token.tags.has('Person') || isListedName(part)) return true;
  if (lexiconTag(lower) !== undefined || ENGLISH_PREFIXES.has(lower) || TOOL_NAMES.has(lower)) return false;
  return /^\p{L}+$/u.test(part) && !TECH_ENDING.test(part) && !englishEnding(part);
}

/** One romanised Korean or Chinese syllable: an initial, a vowel, a final ("ji", "hye", "seung", "won", "jun", "ah"). */
const ROMANISED_SYLLABLE = /^(?:[bcdghjklmnprstwy]|ch|sh|kk|tt|pp|ss|jj)?(?:a|ae|ya|yae|eo|e|yeo|ye|o|wa|wae|oe|yo|u|wo|we|wi|yu|eu|ui|i|oo|ee|ei|ai)(?:n|ng|k|l|m|p|t|h)?$/;
/** Lexicon tags a syllable may carry and still be one: "min", "jun" (abbreviations), "ah" (an exclamation), "won", "sung". */
const SYLLABLE_TAGS = new Set(['Abbreviation', 'Expression', 'PastTense', 'Participle']);

/**
 * "Ji-min", "Hye-won", "Min-jun", "Sung-min": two romanised syllables, neither a particle or a common word and one
 * unknown or an abbreviation ("Set-up", "Log-in", "Sun-up" end in a particle; "Re-run", "No-op" start with a prefix).
 */
function romanisedSyllables(parts: readonly string[]): boolean {
  if (parts.length !== 2 || ENGLISH_PREFIXES.has(parts[0].toLowerCase())) return false;
  const tags = parts.map((p) => p.toLowerCase()).map((p) => (ROMANISED_SYLLABLE.test(p) ? lexiconTag(p) ?? 'unknown' : 'word'));
  return tags.every((tag) => tag === 'unknown' || SYLLABLE_TAGS.has(tag)) && tags.some((tag) => tag === 'unknown' || tag === 'Abbreviation');
}

/** A word after a name in a run ("Kofi Mensah", "Ngozi Okafor"): surnames may end like English words. */
function continuesName(token: Token, word: string): boolean {
  const lower = word.toLowerCase();
  if (isKnownName(word) || NAME_PARTICLES.has(lower) || (NAME_SHAPE.test(word) && isListedName(word))) return true;
  if (!NAME_SHAPE.test(word) || TOOL_NAMES.has(lower) || lexiconTag(lower) !== undefined) return false;
  return !FUNCTION_TAGS.some((tag) => token.tags.has(tag)) && !TECH_ENDING.test(word);
}

/**
 * Every run of name-like capitalised words in the sentence with its
 * confidence. `isSentenceStart(offset)` tells where a capital says nothing
 * (the start of the sentence or of a quoted or listed clause).
 */
export function guessNames(sentence: string, tokens: Token[], isSentenceStart: (offset: number) => boolean): GuessedName[] {
  const found: GuessedName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    let word = bare(first);
    let end = first.start + word.length;
    let j = i;
    // compromise splits "Ana-María", "Ji-woo" at the hyphen: read the whole word.
    const parts = [{ word, token: first }];
    while (j + 1 < tokens.length && sentence.slice(end, tokens[j + 1].start) === '-' && /^\p{L}+$/u.test(bare(tokens[j + 1])) && !/['’]s$/.test(tokens[j].text)) {
      j++;
      parts.push({ word: bare(tokens[j]), token: tokens[j] });
      end = tokens[j].start + bare(tokens[j]).length;
    }
    const hyphenated = parts.length > 1;
    word = sentence.slice(first.start, end);
    let known: boolean;
    let unknown: boolean;
    if (hyphenated) {
      // "Wing-yan", "Seo-yeon": East Asian given names join a capitalised syllable to a short lower-case one that
      // is no English word ("Follow-up", "Read-only", "Dry-run" end in one).
      const syllables = parts.length === 2 && /^\p{Lu}\p{Ll}{1,5}$/u.test(parts[0].word) && /^\p{Ll}{2,5}$/u.test(parts[1].word) && !ENGLISH_PREFIXES.has(parts[0].word.toLowerCase()) && !TOOL_NAMES.has(parts[0].word.toLowerCase()) && (lexiconTag(parts[1].word) === undefined || PERSON_NAME_TAGS.has(lexiconTag(parts[1].word) ?? '')) && !TECH_ENDING.test(parts[1].word);
      known = NAME_SHAPE.test(word) && (syllables || romanisedSyllables(parts.map((p) => p.word)) || parts.every((p) => isNamePart(p.word, p.token)));
      unknown = false;
    } else {
      // Products named like people ("Jenkins", "Ruby") are kept here: the caller's tool check decides.
      known =
        NAME_SHAPE.test(word) &&
        (isKnownName(word) || GIVEN_NAME_TOOLS.has(word.toLowerCase()) || first.tags.has('Person') || (isListedName(word) && !FUNCTION_TAGS.some((tag) => first.tags.has(tag))));
      unknown = !known && isUnknownNameLike(first, word);
    }
    if (!known && !unknown) {
      i = j;
      continue;
    }
    let words = 1;
    // "Kofi Mensah", "Nguyen Van An", "Ngozi Okafor".
    while (j + 1 < tokens.length && !/['’]s$/.test(tokens[j].text)) {
      const next = tokens[j + 1];
      const nextWord = bare(next);
      if (sentence.slice(end, next.start) !== ' ' || !/^\p{Lu}/u.test(nextWord) || !continuesName(next, nextWord)) break;
      j++;
      words++;
      end = next.start + nextWord.length;
      // "Kim Ji-hoon", "Park Seo-yeon": a hyphenated given name after the family name.
      while (j + 1 < tokens.length && sentence.slice(end, tokens[j + 1].start) === '-' && /^\p{Ll}+$/u.test(bare(tokens[j + 1]))) {
        j++;
        end = tokens[j].start + bare(tokens[j]).length;
      }
    }
    // "Xabier" and "Compactor" end alike: one unknown word with an ending English shares is only as sure as a
    // capital at a sentence start.
    const sharedEnding = !known && words === 1 && SHARED_ENDING.test(word);
    const confidence: NameConfidence = known || words > 1 ? 'name' : isSentenceStart(first.start) || sharedEnding ? 'weak' : 'proper';
    found.push({ start: first.start, end, confidence });
    i = j;
  }
  return found;
}
