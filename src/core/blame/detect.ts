/**
 * The blame detector: finds people named as the actors of a mistake.
 *
 * A sentence is analysed only when it contains blame language (one regular
 * expression); then the people in it are found (roster, @handles, e-mails,
 * names compromise recognises, capitalised names with non-English letters,
 * unknown names guessed by ./names.ts; a single unknown word counts only
 * where the sentence shows a person: see isDoubtful), and each is checked for
 * being the one the mistake is pinned on:
 *  - a "strong" judgement anywhere in the sentence (human error, at fault, careless...);
 *  - the subject of a clause whose verb is blame ("Mark forgot", "that Bob had forgotten",
 *    "Paul, who forgot"), unless the person's verb reports or mends ("Bob reported that...");
 *  - a possessor of the mistake ("Lisa's typo", "Mark's deploy broke");
 *  - the agent of a passive ("was wiped by Jonas");
 *  - the subject of a relative clause after the name ("It was Andre who broke...", "from Yuki, who did not...");
 *  - named just before a he/she that is the subject of blame ("Per @dmitri, he forgot").
 * Tools named like people (Jenkins, Cassandra...) are skipped unless a verb only
 * a person can do follows ("Cassandra overlooked the quota"); a product that is
 * first of all a given name (Ruby, Julia) is a person before any act only a
 * person does ("Ruby accidentally disabled..."), a thing before a noun or a
 * version ("Ruby 3.3", "Julia notebooks") or in apposition with one ("Grace, the scheduler,").
 * A fronted subordinate clause ends at its comma ("Because X lost the vote, the change merged by mistake").
 */
import { LruCache } from './lru';
import { analyse, analysedTogether, clearAnalysisCache, normalise, type Analysis, type Token } from './nlp';
import {
  AS_PLANNED,
  BLAME_PREFILTER,
  CAUSAL,
  CHAT_LEADS,
  CLAUSE_BREAKS,
  CLEARING,
  CORRECTIVE_LEAD,
  EXONERATING_ROOTS,
  NEAR_POINTERS,
  POINTERS,
  SAME_FORM_PAST,
  GIVEN_NAME_TOOLS,
  HUMAN_SIGNAL,
  NEUTRAL_VERBS,
  SUBJECT_LEADS,
  TOOL_NAMES,
  TOOL_NOUNS,
  findBlameTerms,
  type TermMatch,
} from './lexicon';
import { findEmails, findHandles, mergeMentions, thingsOf, type Mention, type Roster } from './people';
import { personNames } from './personNames';
import { maskMarkdown, splitSentences } from './sentences';
import { TextPattern } from './textPattern';
import { guessNames, isGivenName, isUnknownNameWord, lexiconTag } from './names';
import { findHarm, mayContainHarm } from './harm';
import { modelTerm, modelVerdict } from './model';
import { MODEL_SEES_UNGATED } from './blameModel.generated';
import { mayFindBlame } from './quickCheck';

export interface BlameFinding {
  /** Offsets of the name in the analysed text. */
  start: number;
  end: number;
  name: string;
  /** End of the name including a possessive `'s`, for fixes that replace both. */
  possessiveEnd?: number;
  /** True when the name starts its sentence (fixes capitalise the role). */
  sentenceStart: boolean;
  /** The blame term that pinned the mistake on the person. */
  term: string;
  source: Mention['source'];
}

export interface DetectOptions {
  /** Mask Markdown syntax (emphasis, code spans, link targets) before analysis. */
  markdown?: boolean;
}

/** Quick check: could `text` blame anyone at all? */
export function mayContainBlame(text: string): boolean {
  return BLAME_PREFILTER.test(text) || mayContainHarm(text);
}

/**
 * What else the trained model (./model.ts) may read as blame without any blame word: an act told in the past
 * ("09:14 Adebayo pushed the config with the replica count set to 0"), manner ("instead of", "without") or
 * responsibility ("renewal was Hope's job"). The rules never pin anything on such a sentence; the model weighs its
 * candidates, after the quick check (./quickCheck.ts) has bounded what it could give them.
 */
const MODEL_PREFILTER = new TextPattern(
  String.raw`(?<![\p{L}\p{N}_])(?:\p{L}{2,}ed|ran|set|left|put|took|made|sent|wrote|broke|forgot|let|cut|shut|hit|gave|got|kept|chose|overrode|overwrote|rewrote|misread|mistook|typo'd|nuked|done|run|written|taken|given|broken|forgotten|chosen|overwritten|instead of|rather than|without|job|responsibility|responsible|fault|owner)(?![\p{L}\p{N}_])`,
  'iu',
);

/**
 * Someone the model could weigh shows without the tagger: an @handle, a chat speaker, a letter outside ASCII, a
 * line in lower case (chat), a capitalised word after the first ("09:14 Adebayo", "done by Bryn"), or a capitalised
 * first word that acts or owns ("Summer restarted", "Will's", "Begay had"). "Checkout p99 latency measured at
 * 1000 ms" shows no one: a timeline of such lines never reaches the tagger (bench/lint.bench.ts).
 */
const SOMEONE_SHOWS = /[@<]|[^\u0000-\u007f]|^\W*[a-z]|\S\s+[A-Z][a-z]|^\W*[A-Z][a-z]+(?:['’]s|\s+(?:[a-z]+ed|[a-z]+ly|had|has|was|were|did|didn't|never|just|already|also|then|ran|set|left|put|took|made|sent|wrote|broke|forgot|let|cut|shut|hit|gave|got|kept|chose|overrode|overwrote|rewrote|misread|mistook|nuked))(?![A-Za-z])/;

/** Quick check for the detector: could `text` blame anyone, by the rules' words or by the model's? */
export function mayBlameSomeone(text: string): boolean {
  // SOMEONE_SHOWS first: a plain expression, cheaper to compile than MODEL_PREFILTER's \p{L} and word list.
  return mayContainBlame(text) || (MODEL_SEES_UNGATED && SOMEONE_SHOWS.test(text) && MODEL_PREFILTER.test(text));
}

/**
 * Findings per sentence, per roster: while someone types, only the sentence
 * being edited is analysed again. A handful of rosters are kept (one per open
 * workspace folder, typically), each with a bounded cache.
 */
const findingCaches = new LruCache<string, LruCache<string, BlameFinding[]>>(8);

/** What a roster's findings depend on, as one string: equal keys, equal findings for the same text. */
export function rosterKey(roster: Roster): string {
  return `${roster.key}\u0002${[...thingsOf(roster)].join('\u0001')}`;
}

function findingsCache(roster: Roster): LruCache<string, BlameFinding[]> {
  const key = rosterKey(roster);
  let cache = findingCaches.get(key);
  if (!cache) findingCaches.set(key, (cache = new LruCache(4000)));
  return cache;
}

/** For tests and benchmarks: forget every cached finding and analysis. */
export function clearBlameCaches(): void {
  findingCaches.clear();
  clearAnalysisCache();
}

/** Every person named as the actor of a mistake in `text`. */
export function detectBlame(text: string, roster: Roster, options: DetectOptions = {}): BlameFinding[] {
  return findingsIn(blameSentences(text, options), roster);
}

/**
 * detectBlame of each of `texts`, the same findings sooner for many texts (a document opened cold): the sentences
 * that need the language analysis are analysed together (./nlp.ts, analysedTogether).
 */
export function detectBlameInAll(texts: ReadonlyArray<{ text: string; options?: DetectOptions }>, roster: Roster): BlameFinding[][] {
  const cache = findingsCache(roster);
  const sentencesOf = texts.map(({ text, options }) => [...blameSentences(text, options ?? {})]);
  const gates = new Map<string, Gate>();
  for (const sentences of sentencesOf) {
    for (const { text: sentence } of sentences) {
      if (cache.get(sentence) === undefined && !gates.has(sentence)) gates.set(sentence, gate(sentence, roster, MODEL_SEES_UNGATED));
    }
  }
  const analysed = [...gates].filter(([, g]) => g.analyse).map(([sentence]) => sentence);
  return analysedTogether(analysed, () => sentencesOf.map((sentences) => findingsIn(sentences, roster, gates)));
}

/** The findings of a text's sentences (blameSentences), each sentence's from the cache when it was seen before. */
function findingsIn(sentences: Iterable<{ text: string; start: number }>, roster: Roster, gates?: ReadonlyMap<string, Gate>): BlameFinding[] {
  const cache = findingsCache(roster);
  const findings: BlameFinding[] = [];
  for (const sentence of sentences) {
    let inSentence = cache.get(sentence.text);
    if (!inSentence) cache.set(sentence.text, (inSentence = detectInSentence(sentence.text, roster, gates?.get(sentence.text))));
    for (const f of inSentence) {
      findings.push({ ...f, start: f.start + sentence.start, end: f.end + sentence.start, possessiveEnd: f.possessiveEnd === undefined ? undefined : f.possessiveEnd + sentence.start });
    }
  }
  return findings;
}

/** The sentences of `text` that may blame someone, as the detector reads them (Markdown masked when asked). */
function* blameSentences(text: string, options: DetectOptions): Generator<{ text: string; start: number }> {
  if (!mayBlameSomeone(text)) return;
  for (const sentence of splitSentences(options.markdown ? maskMarkdown(text) : text)) {
    if (mayBlameSomeone(sentence.text)) yield sentence;
  }
}

/** Only a person does these; a tool named like a person that "forgot" is a person. */
const HUMAN_ONLY_VERB = /^(?:forg[eo]t|forgotten|overlook|neglect|should|shouldn|careless|negligent|fat-?finger|mistyp|ignored)/i;
const LETTER_OUTSIDE_ASCII = /[^\u0000-\u007f]/;
const CAPITALISED = /^\p{Lu}[\p{L}'’-]*$/u;
const PRONOUN_SUBJECT = new Set(['he', 'she']);
// "that" is left out: it more often opens a clause ("that Mateo had ignored") than points at a thing.
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'these', 'those', 'each', 'every', 'new', 'old']);
/** Capitalised words that name a group or a function, not a person: "Security overlooked the risk". */
const GROUP_WORDS = new Set([
  'security', 'support', 'engineering', 'ops', 'operations', 'management', 'legal', 'finance', 'qa', 'product',
  'marketing', 'sales', 'leadership', 'everyone', 'everybody', 'nobody', 'someone', 'somebody', 'anyone', 'we', 'they',
  'it', 'i', 'you', 'infra', 'infrastructure', 'platform', 'dev', 'devs', 'sre', 'release', 'compliance', 'hr',
  'monitoring', 'alerting', 'nothing', 'no', 'none', 'this', 'that', 'which', 'there', 'here', 'review', 'ci', 'cd',
]);
/** Tags that show a capitalised word is not a name. */
const NOT_A_NAME_TAGS = ['Pronoun', 'Plural', 'Gerund', 'Uncountable', 'Organization', 'Place', 'Actor', 'Verb', 'Determiner', 'Conjunction', 'Preposition', 'Adverb', 'Adjective', 'Value', 'Date'];
/** Verbs whose object is the act itself: "made the rollback", "did the failover". */
const LIGHT_VERBS = new Set(['made', 'make', 'makes', 'did', 'do', 'does', 'done', 'performed', 'perform', 'performs']);
const MENDING_NOUNS = new Set(['rollback', 'revert', 'fix', 'failover', 'restore', 'recovery', 'mitigation', 'switchover']);
const RULED_OUT_BEFORE = /(?<![\p{L}])not (?:by |from |of )?$/iu;
const AUXILIARY = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'did', 'does', 'do', 'got', 'gets']);

/** `ahead`: the sentence's gate, computed before with the same roster (detectBlameInAll). */
export function detectInSentence(sentence: string, roster: Roster, ahead?: Gate): BlameFinding[] {
  const assessed = assessSentence(sentence, roster, { ungated: MODEL_SEES_UNGATED, ahead });
  // The trained model (./model.ts) has the last word on each candidate; it is parsed only once one shows up.
  const judged = assessed.candidates.filter((c) => modelVerdict(sentence, c, assessed.candidates, { ...assessed, fired: assessed.findings.some((f) => f.start === c.start) }));
  const kept = assessed.findings.filter((f) => !assessed.candidates.some((c) => c.start === f.start) || judged.some((c) => c.start === f.start));
  const added = judged.filter((c) => !assessed.findings.some((f) => f.start === c.start)).map((c) => toFinding(sentence, c, modelTerm(sentence, c, assessed)));
  return added.length === 0 && kept.length === assessed.findings.length ? assessed.findings : [...kept, ...added].sort((a, b) => a.start - b.start);
}

/** What the rules make of one sentence: their findings, and every person candidate they weighed. */
export interface SentenceAssessment {
  findings: BlameFinding[];
  candidates: Mention[];
  /** The sentence's blame terms (usable ones) and harm words: signals for the model. */
  terms: TermMatch[];
  harm: TermMatch[];
  /** False when the rules did not look for people: no blame language, or a sentence that clears. */
  gated: boolean;
}

/** A sentence's blame language, whether the rules look for people in it, and whether it needs the language analysis. */
export interface Gate {
  terms: TermMatch[];
  harm: TermMatch[];
  gated: boolean;
  analyse: boolean;
}

function gate(sentence: string, roster: Roster, ungated: boolean): Gate {
  const terms = usableTerms(sentence, findBlameTerms(sentence));
  const harm = findHarm(sentence);
  let gated = true;
  // "Not Ana's doing", "no fault of Minh", "not by anything she did": the sentence clears, it does not blame.
  if ((terms.length === 0 && harm.length === 0 && !CAUSAL.test(sentence)) || CLEARING.test(sentence)) {
    if (!ungated) return { terms, harm, gated: false, analyse: false };
    gated = false;
  }
  // Speed only: where no path below can find anyone, compromise is not loaded (./quickCheck.ts).
  return { terms, harm, gated, analyse: mayFindBlame(sentence, roster, terms, harm, gated) };
}

export function assessSentence(sentence: string, roster: Roster, options: { ungated?: boolean; ahead?: Gate } = {}): SentenceAssessment {
  const { terms, harm, gated, analyse: analysed } = options.ahead ?? gate(sentence, roster, options.ungated === true);
  const none = (gated: boolean, candidates: Mention[] = []): SentenceAssessment => ({ findings: [], candidates, terms, harm, gated });
  if (!analysed) return none(gated);
  const analysis = analyse(sentence);
  const mentions = findMentions(sentence, roster, analysis);
  const admitted = gated ? selfAdmission(sentence, terms, harm) : undefined;
  if (mentions.length === 0) return { ...none(gated), findings: admitted ? [admitted] : [] };

  const clauses = clauseStarts(sentence, analysis.tokens);
  const clauseOf = (offset: number): [number, number] => {
    let start = 0;
    let end = sentence.length;
    for (const b of clauses) {
      if (b <= offset) start = b;
      else {
        end = b;
        break;
      }
    }
    return [start, end];
  };
  // "caused by an upstream change, not by Batbayar's merge": the name is the one ruled out.
  const candidates = mentions.filter((mention) => !RULED_OUT_BEFORE.test(sentence.slice(Math.max(0, mention.start - 12), mention.start)));
  // A guessed name needs more than its capital for the rules: an act only a person does in its clause, a "who", a
  // person beside it. The model weighs the doubtful ones too, knowing they are doubtful.
  for (const mention of candidates) if (isDoubtful(mention, mentions, sentence, analysis.tokens) && !actsAsPerson(sentence, mention, analysis.tokens, clauseOf(mention.start))) mention.doubtful = true;
  const weighed = candidates.filter((mention) => !mention.doubtful);
  if (!gated) return none(false, candidates);
  const strong = terms.find((t) => t.strong);
  const findings: BlameFinding[] = [];
  const blamed = new Set<Mention>();

  for (const mention of weighed) {
    const term =
      strong ??
      actorTerm(sentence, mention, analysis.tokens, terms, clauseOf) ??
      pointedAt(sentence, mention, terms) ??
      counterfactualSubject(sentence, mention, analysis.tokens, terms) ??
      causalSubject(sentence, mention, analysis.tokens, terms) ??
      addressee(sentence, mention, terms) ??
      agentOfHarm(sentence, mention, analysis.tokens, harm, terms, clauseOf);
    if (term) {
      blamed.add(mention);
      findings.push(toFinding(sentence, mention, term));
    }
  }

  // "Per @dmitri, he forgot...": a he/she acting out the mistake points back at the person named before it.
  for (const token of analysis.tokens) {
    // He and she are subjects wherever they stand ("since last time he applied to eu-west by mistake").
    if (!PRONOUN_SUBJECT.has(token.normal)) continue;
    const antecedent = [...mentions].reverse().find((m) => m.end <= token.start);
    if (!antecedent || blamed.has(antecedent)) continue;
    const pseudo: Mention = { start: token.start, end: token.end, text: token.text, source: antecedent.source };
    const term = actorTerm(sentence, pseudo, analysis.tokens, terms, clauseOf, true);
    if (term) {
      blamed.add(antecedent);
      findings.push(toFinding(sentence, antecedent, term));
    }
  }
  // "Ask Abdiqani to stop..., since his manual edit caused this outage", "Endika, whose unreviewed hotfix...":
  // a possessive pronoun owning the mistake points back at the person named before it.
  for (const token of analysis.tokens) {
    if (!POSSESSIVE_PRONOUN.has(token.normal)) continue;
    const antecedent = [...mentions].reverse().find((m) => m.end <= token.start);
    if (!antecedent || blamed.has(antecedent)) continue;
    if (token.normal === 'whose' && !/^\s*,?\s*$/.test(sentence.slice(antecedent.end, token.start))) continue;
    const term = possessedMistake(analysis.tokens, token, terms, clauseOf(token.start)[1]) ?? possessedHarm(sentence, analysis.tokens, token, harm);
    if (term) {
      blamed.add(antecedent);
      findings.push(toFinding(sentence, antecedent, term));
    }
  }
  if (admitted && !findings.some((f) => f.start === admitted.start)) findings.push(admitted);
  return { findings: findings.sort((a, b) => a.start - b.start), candidates, terms, harm, gated: true };
}

const POSSESSIVE_PRONOUN = new Set(['his', 'her', 'whose']);

/**
 * The mistake a possessive owns: in its noun phrase ("his unreviewed hotfix", "whose careless merge"), or done by
 * it as a subject ("his manual edit caused this outage", "his last force-push wiped two fixes"). "her" must be
 * followed by a noun: "paged her about the broken build" names her as an object.
 */
function possessedMistake(tokens: Token[], owner: Token, terms: TermMatch[], clauseEnd: number): TermMatch | undefined {
  const after = tokens.filter((t) => t.start >= owner.end && t.start < clauseEnd && t.text !== '');
  // Modifiers, including a mistake word the tagger reads as a verb ("unreviewed"), then the noun compound ("last force-push").
  let headIndex = after.findIndex((t) => !t.tags.has('Adjective') && !t.tags.has('Adverb') && (t.tags.has('Noun') || !insideTerm(t, terms)));
  while (headIndex >= 0 && headIndex + 1 < after.length && after[headIndex].tags.has('Noun') && after[headIndex + 1].tags.has('Noun') && !after[headIndex + 1].tags.has('Pronoun')) headIndex++;
  const head = after[headIndex];
  if (!head || !head.tags.has('Noun') || head.tags.has('Pronoun') || headIndex > 3 || NOT_AN_ACT.has(head.normal)) return undefined;
  const owned = terms.find((t) => t.start >= owner.end && t.end <= head.end);
  if (owned) return owned;
  // The owned act is the subject of a mistake verb right after it.
  const verb = after[headIndex + 1];
  if (!verb || !verb.tags.has('Verb')) return undefined;
  return terms.find((t) => t.end > verb.start);
}

/**
 * Circumstances ("deleted", "to production", "instead of") make a mistake only in pairs, or beside a regular term,
 * and not where the sentence says the act was the plan ("as planned", "per the runbook").
 */
function usableTerms(sentence: string, terms: TermMatch[]): TermMatch[] {
  if (AS_PLANNED.test(sentence)) return terms.filter((t) => t.strong);
  if (terms.some((t) => !t.circumstantial)) return terms;
  return terms.length >= 2 ? terms : [];
}

function toFinding(sentence: string, mention: Mention, term: TermMatch): BlameFinding {
  const possessive = /^['’]s(?![\p{L}\p{N}])/u.test(sentence.slice(mention.end, mention.end + 3));
  return {
    start: mention.start,
    end: mention.end,
    name: mention.text,
    possessiveEnd: possessive ? mention.end + 2 : undefined,
    sentenceStart: sentence.slice(0, mention.start).trim() === '',
    term: term.text,
    source: mention.source,
  };
}

/** The blame term this person is the actor of, if any. */
function actorTerm(
  sentence: string,
  mention: Mention,
  tokens: Token[],
  terms: TermMatch[],
  clauseOf: (offset: number) => [number, number],
  pronoun = false,
): TermMatch | undefined {
  const [clauseStart, clauseEnd] = clauseOf(mention.start);
  const inClause = terms.filter((t) => t.start >= clauseStart && t.start < clauseEnd);
  if (inClause.length === 0) {
    const outcome = !pronoun && previousWord(sentence, tokens, mention.start) === 'by' ? passiveOutcome(sentence, tokens, terms, clauseStart, clauseEnd) : undefined;
    if (!outcome) return undefined;
    inClause.push(outcome);
  }
  const after = tokens.filter((t) => t.start >= mention.end && t.start < clauseEnd);
  const possessive = /^['’]s(?![\p{L}\p{N}])/u.test(sentence.slice(mention.end, mention.end + 3));

  // Possessor of the mistake: "Lisa's typo", "Alice's careless merge", "José's wrong assumption".
  if (possessive) {
    const near = after.slice(0, 3);
    const limit = near.length > 0 ? near[near.length - 1].end : mention.end + 2;
    const owned = inClause.find((t) => t.start > mention.end && t.start < limit && !NOT_AN_ACT.has(t.text.split(/\s/)[0].toLowerCase()));
    if (owned) return owned;
  }
  // Passive agent: "was wiped by Jonas", "was broken by Anna's last commit".
  if (!pronoun && previousWord(sentence, tokens, mention.start) === 'by' && !punctuationBefore(sentence, tokens, mention.start)) {
    // "The broken release was rolled back by Tamar": the agent of a mending act is not blamed.
    const by = previousToken(tokens, mention.start);
    const act = tokens.filter((t) => t.start >= clauseStart && by && t.end <= by.start && t.tags.has('Verb') && !AUXILIARY.has(t.normal)).pop();
    const particle = by ? previousToken(tokens, by.start) : undefined;
    // "was left open by Kaito": an act that is itself the mistake ("left open") is not mending, whatever its particle.
    const mends = (t: Token | undefined): boolean => t !== undefined && !MAKING_VERBS.has(t.normal) && isExonerating(t.normal) && !insideTerm(t, terms);
    if ((mends(act) || mends(particle)) && !misdirected(act, inClause)) return undefined;
    return inClause[0];
  }
  // "Mehmet's cron change fires the purge job every minute instead of every month": the possessor's act is the subject.
  if (possessive && !pronoun) {
    // The owned thing comes first ("Mehmet's cron change"); "rumi's on it" is "rumi is".
    const k = after.findIndex((t) => !t.tags.has('Adjective') && !t.tags.has('Adverb'));
    const head = k >= 0 && k <= 2 && after[k].tags.has('Noun') && !after[k].tags.has('Pronoun') ? after[k] : undefined;
    if (!isSubjectPosition(sentence, tokens, mention.start) || !head || NOT_AN_ACT.has(head.normal)) return undefined;
    return inClause.find((t) => t.start > mention.end);
  }
  // "It was Andre who broke the build", "the config came from Yuki, who did not run the validator":
  // the person is the subject of the relative clause that follows the name.
  const relative = !pronoun ? relativeWho(sentence, tokens, mention.end) : undefined;
  if (relative) {
    const [, relativeEnd] = clauseOf(relative.start);
    return subjectTerm(
      tokens.filter((t) => t.start > relative.start && t.start < relativeEnd),
      terms.filter((t) => t.start > relative.start && t.start < relativeEnd),
    );
  }
  if (!isSubjectPosition(sentence, tokens, mention.start) && !pronoun && !beforeFiniteVerb(sentence, tokens, mention)) return undefined;
  // "Kateřina was given production access without any onboarding": the person received the act; someone else did it.
  // A coordinated act of their own still counts ("was told to turn it off and didn't").
  if (RECIPIENT_PASSIVE.test(sentence.slice(mention.end, mention.end + 40))) {
    const and = after.find((t) => t.normal === 'and' || t.normal === 'but');
    return and ? subjectTerm(after.filter((t) => t.start > and.start), inClause.filter((t) => t.start > and.start)) : undefined;
  }
  // "a migration that Kowalski wrote without an index": in an object relative clause the made thing is the flawed one.
  const previous = previousToken(tokens, mention.start);
  const objectRelative = previous !== undefined && /^(?:that|which)$/.test(previous.normal) && previousToken(tokens, previous.start)?.tags.has('Noun') === true;
  return subjectTerm(after, inClause.filter((t) => t.start >= mention.end), objectRelative);
}

/**
 * "pretty sure @hunter fat-fingered the cidr", "bruh @kayode merged without waiting": a name right before its own
 * finite verb is that verb's subject, whatever filler word comes before it, unless a preposition, a verb or a
 * determiner makes it an object ("told Kofi", "with Kofi", "the Kofi").
 */
function beforeFiniteVerb(sentence: string, tokens: Token[], mention: Mention): boolean {
  const previous = previousToken(tokens, mention.start);
  if (previous && ['Preposition', 'Verb', 'Determiner', 'Possessive'].some((tag) => previous.tags.has(tag))) return false;
  let k = tokens.findIndex((t) => t.start >= mention.end && t.text !== '');
  if (k < 0 || !/^\s$/.test(sentence.slice(mention.end, tokens[k].start))) return false;
  while (k < tokens.length - 1 && tokens[k].tags.has('Adverb')) k++;
  const verb = tokens[k];
  return verb.tags.has('PastTense') || verb.tags.has('Modal') || (verb.tags.has('Hyphenated') && tokens[k + 1]?.tags.has('PastTense') === true);
}

/**
 * Terms that say the act itself went astray ("restarted the wrong cluster", "rolled back the wrong release",
 * "restored it to prod instead of staging"): a mending verb does not clear them, unlike the state it mended
 * ("fixed the broken build", "restored the deleted table").
 */
const MISDIRECTION = /^(?:wrong(?:ly)?|incorrect(?:ly)?|by (?:mistake|accident)|mistaken(?:ly)?|accidental(?:ly)?|inadvertent(?:ly)?|instead of|rather than|without|w\/o|contrary to|too (?:early|late|soon))$/i;

/** A misdirection in the mending act's own words: right after its verb, before anything else is said. */
function misdirected(verb: Token | undefined, terms: TermMatch[]): boolean {
  // Only a hands-on act can go astray this way: "found the wrong config value" found it, "restarted the wrong cluster" erred.
  if (!verb || !verbRoot(verb.normal).some((root) => HANDS_ON_MENDING.has(root))) return false;
  return terms.some((t) => t.start > verb.start && t.start - verb.end <= 40 && MISDIRECTION.test(t.text));
}

/** Mending acts done with the hands on the system, as opposed to finding, reporting or thanking. */
const HANDS_ON_MENDING = new Set([
  'restart', 'reboot', 'revert', 'roll', 'restore', 'kill', 'failover', 'pause', 'drain', 'patch', 'rebuild', 'rebuilt', 'halt',
  'abort', 'cancel', 'fix', 'correct', 'repair', 'recover', 'isolate', 'cordon', 'contain', 'revoke', 'resolve', 'replay',
  'reconstruct', 'freeze', 'froze', 'suspend', 'quarantine', 'unblock', 'remediate', 'close', 'open',
]);

function insideTerm(token: Token, terms: TermMatch[]): boolean {
  return terms.some((t) => t.start <= token.start && token.start < t.end);
}

/** Passives whose subject receives what someone else did: given, told, asked, paged, warned... */
const RECIPIENT_PASSIVE = /^['’]?s?\s+(?:was|were|had been|has been|got)\s+(?:\p{L}+ly\s+)?(?:given|granted|handed|told|asked|shown|assigned|paged|warned|informed|allowed|permitted|sent|offered|promised|trained|onboarded|hired|called|woken|expected)\b/iu;

/** "was added by X without review", "a script that X wrote without tests": making something is no excuse, unlike mending it. */
const MAKING_VERBS = new Set(['added', 'written', 'wrote', 'created', 'built']);

/**
 * The outcome of a passive act told in the next clause ("had been raised to 99% by Tavita, so nothing fired"), or,
 * when the passive explains ("because the job was triggered by X"), the damage in the main clause before it.
 */
function passiveOutcome(sentence: string, tokens: Token[], terms: TermMatch[], clauseStart: number, clauseEnd: number): TermMatch | undefined {
  const opener = tokens.find((t) => t.start >= clauseStart && t.text !== '');
  if (opener && /^(?:because|since|as)$/.test(opener.normal)) return terms.find((t) => t.end <= clauseStart);
  // "Alerts were muted by Llinos before the window and never unmuted": a negated act coordinated with the passive
  // shares its agent.
  const coordinated = terms.find((t) => t.start >= clauseEnd && /^(?:never|not|didn|did not|wasn|weren)/i.test(t.text) && /\band\s+(?:(?:was|were)\s+)?$/i.test(sentence.slice(0, t.start)));
  if (coordinated) return coordinated;
  const next = tokens.find((t) => t.start >= clauseEnd && t.text !== '');
  if (!next || !/^(?:so|which|causing)$/.test(next.normal)) return undefined;
  return terms.find((t) => t.start >= clauseEnd && !t.circumstantial);
}

/** The blame term of a subject's clause, unless the subject's own verb reports or mends ("Bob reported that..."). */
function subjectTerm(after: Token[], terms: TermMatch[], making = false): TermMatch | undefined {
  // "Liu Yang to add rate limiting...": an assignment for later, not an act.
  if (after[0]?.normal === 'to' && after[1]?.tags.has('Verb')) return undefined;
  for (const token of after) {
    if (terms.some((t) => t.start <= token.start && token.start < t.end)) break;
    if (isExonerating(token.normal) && !(making && MAKING_VERBS.has(token.normal)) && !misdirected(token, terms)) return undefined;
    if (token.tags.has('Verb') && !token.tags.has('Auxiliary') && !token.tags.has('Modal') && !AUXILIARY.has(token.normal)) {
      // "Tran Minh has made the rollback", "Ana did the revert": a light verb whose object mends.
      const object = !LIGHT_VERBS.has(token.normal) ? undefined : after.slice(after.indexOf(token) + 1, after.indexOf(token) + 3).find((t) => !t.tags.has('Determiner') && !t.tags.has('Adjective'));
      if (object && (isExonerating(object.normal) || MENDING_NOUNS.has(object.normal)) && !terms.some((t) => t.start <= object.start && object.start < t.end) && !misdirected(object, terms)) return undefined;
      break;
    }
  }
  return terms[0];
}

/** The "who" right after a name ("Andre who", "Yuki, who"): the name is the subject of what follows. */
function relativeWho(sentence: string, tokens: Token[], nameEnd: number): Token | undefined {
  const next = tokens.find((t) => t.start >= nameEnd);
  if (!next || next.normal !== 'who') return undefined;
  return /^['’]?s?\s*,?\s*$/u.test(sentence.slice(nameEnd, next.start)) ? next : undefined;
}

/**
 * Whether what the sentence says this name did is something only a person
 * does: its own verb group ("Kwabena accidentally merged", "Obinna failed to
 * notify", "Fatou was negligent"), what it owns ("Hiro's typo"), or, as a
 * passive agent, the act before "by" ("a typo by Mateus"). Blame elsewhere in
 * the clause ("Disk usage alerts were ignored") says nothing about the name.
 */
function actsAsPerson(sentence: string, mention: Mention, tokens: Token[], [clauseStart, clauseEnd]: [number, number]): boolean {
  const window = verbGroupAfter(sentence, tokens, mention.end, clauseEnd);
  if (window !== undefined && HUMAN_SIGNAL.test(window)) return true;
  // An unknown name-shaped word (not English, not a product ending, not a service of the document)
  // directly followed by a finite verb: "Somchai applies the plan", "Chidi merges PR #4411".
  const next = tokens.find((t) => t.start >= mention.end);
  if (
    next &&
    /^ $/.test(sentence.slice(mention.end, next.start)) &&
    !PRODUCT_ENDING.test(mention.text) &&
    !THING_VERBS.test(next.normal) &&
    (next.tags.has('PastTense') || (next.tags.has('PresentTense') && /s$/.test(next.normal) && !next.tags.has('Plural')))
  ) {
    return true;
  }
  // "Tooling: Huong's custom script bypassed the checks": the possessor of an act.
  if (/^['’]s\s+\p{L}/u.test(sentence.slice(mention.end)) && !PRODUCT_ENDING.test(mention.text)) return true;
  if (previousWord(sentence, tokens, mention.start) === 'by') {
    const by = previousToken(tokens, mention.start);
    if (by && HUMAN_SIGNAL.test(sentence.slice(clauseStart, by.start))) return true;
  }
  return false;
}

/** The text from a name through its verb group: adverbs, auxiliaries, the verb and two more words ("failed to notify"). */
function verbGroupAfter(sentence: string, tokens: Token[], nameEnd: number, clauseEnd: number): string | undefined {
  const after = tokens.filter((t) => t.start >= nameEnd && t.start < clauseEnd);
  if (after.length === 0) return undefined;
  let k = 0;
  while (k < after.length - 1 && (after[k].tags.has('Adverb') || after[k].tags.has('Modal') || AUXILIARY.has(after[k].normal) || after[k].normal === 'not' || after[k].normal === 'both')) k++;
  return sentence.slice(nameEnd, after[Math.min(k + 2, after.length - 1)].end);
}

/**
 * A name guessed from one unknown capitalised word could as well be a product
 * ("Kured", "Nexus"): it stays doubtful unless the sentence treats it as a
 * person: coordinated with a sure name ("Priyanka and Jamal"), followed by
 * "who" (things take "which"), or in apposition with a role ("Our DBA, Wojciech").
 */
function isDoubtful(mention: Mention, mentions: Mention[], sentence: string, tokens: Token[]): boolean {
  if (!doubtfulMentions.has(mention)) return false;
  if (relativeWho(sentence, tokens, mention.end)) return false;
  // Spoken to: "Segun, please stop...", "Noam: document the change you made".
  if (sentence.slice(0, mention.start).trim() === '' && VOCATIVE.test(sentence.slice(mention.end))) return false;
  if (ROLE_APPOSITION.test(sentence.slice(Math.max(0, mention.start - 40), mention.start)) || ROLE_APPOSITIVE_AFTER.test(sentence.slice(mention.end))) return false;
  return !mentions.some((other) => {
    if (other === mention || doubtfulMentions.has(other)) return false;
    const between = other.start >= mention.end ? sentence.slice(mention.end, other.start) : sentence.slice(other.end, mention.start);
    return /^\s*(?:,|,?\s*and|,?\s*or|&)\s*$/i.test(between);
  });
}

const ROLE_NOUNS = String.raw`(?:engineer|developer|dev|dba|sre|admin|administrator|operator|lead|manager|commander|architect|analyst|intern|contractor|colleague|teammate|reviewer|on-?call|responder|owner|consultant)`;
/** "Our DBA, Wojciech, ...", "the incident commander, Kofi, ...". */
const ROLE_APPOSITION = new RegExp(String.raw`\b${ROLE_NOUNS}s?\s*,\s*$`, 'i');
/** "Wojciech, our DBA, ...". */
const ROLE_APPOSITIVE_AFTER = new RegExp(String.raw`^\s*,\s*(?:the|a|an|our|their)\s+(?:[\p{L}-]+\s+){0,2}${ROLE_NOUNS}\b`, 'iu');

/** Mentions guessed from capitalisation alone (one unknown word), or a known name the tagger reads as another word. */
const doubtfulMentions = new WeakSet<Mention>();

/** Offsets where a new clause starts: after `;` or `: `, and at words like "that", "because", "after". */
function clauseStarts(sentence: string, tokens: Token[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < sentence.length; i++) {
    if (sentence[i] === ';' || (sentence[i] === ':' && /\s/.test(sentence[i + 1] ?? ' '))) starts.push(i + 1);
  }
  for (const token of tokens) {
    // A few false breaks ("at once", "that flag") only shorten a clause: they can hide blame, never invent it.
    if (!CLAUSE_BREAKS.has(token.normal)) continue;
    // "merged a schema change that had not been tested": a relative clause describes the object, and its
    // flaw is the subject's act.
    const previous = previousToken(tokens, token.start);
    if ((token.normal === 'that' || token.normal === 'which') && previous?.tags.has('Noun') && !previous.tags.has('Pronoun') && !/,\s*$/.test(sentence.slice(previous.end, token.start))) continue;
    starts.push(token.start);
    // A fronted subordinate clause ends at its comma: "Because Gerrit lost the vote, the change merged by mistake".
    if (isSubjectPosition(sentence, tokens, token.start) && previousToken(tokens, token.start) === undefined) {
      const comma = sentence.indexOf(', ', token.end);
      if (comma >= 0) starts.push(comma + 1);
    }
  }
  return starts.sort((a, b) => a - b);
}

function previousToken(tokens: Token[], offset: number): Token | undefined {
  let previous: Token | undefined;
  for (const token of tokens) {
    // compromise expands chat shorthand ("tbh" -> "to be honest") into tokens without text of their own.
    if (token.text === '') continue;
    if (token.end <= offset) previous = token;
    else break;
  }
  return previous;
}

function previousWord(sentence: string, tokens: Token[], offset: number): string | undefined {
  return previousToken(tokens, offset)?.normal;
}

function punctuationBefore(sentence: string, tokens: Token[], offset: number): boolean {
  const previous = previousToken(tokens, offset);
  const between = sentence.slice(previous ? previous.end : 0, offset);
  return /[,;:()\u2013\u2014"“”]|\s-\s/.test(between);
}

/** At the sentence start, after punctuation, or after a clause word: where a subject stands. */
function isSubjectPosition(sentence: string, tokens: Token[], offset: number): boolean {
  const previous = previousToken(tokens, offset);
  if (!previous) return true;
  if (punctuationBefore(sentence, tokens, offset)) return true;
  // After a timeline's timestamp: "13:45 Tomás forgets...".
  if (tokens.every((t) => t.end > offset || t.tags.has('Time') || t.tags.has('Date') || t.tags.has('NumericValue'))) return true;
  if (SUBJECT_LEADS.has(previous.normal) || CHAT_LEADS.has(previous.normal)) return true;
  // "owner juha@example.fi did not respond", "on-call engineer Nomvula skipped": a role before the name is its title.
  return ROLE_TITLE_BEFORE.test(sentence.slice(0, offset));
}

const ROLE_TITLE_BEFORE = new RegExp(String.raw`(?:^|[,;:]\s*|\b(?:the|our|their|a|an)\s+)(?:[\p{L}-]+\s+)?${ROLE_NOUNS}\s+$`, 'iu');

/** -s, -es, -ed, -ing stripped: "rolls" -> "roll", "investigating" -> "investigat(e)", "spotted" -> "spot". */
function verbRoot(word: string): string[] {
  const roots = [word];
  const strip = (suffix: string): string | undefined => (word.endsWith(suffix) && word.length > suffix.length + 2 ? word.slice(0, -suffix.length) : undefined);
  for (const suffix of ['ing', 'ed', 'es', 's', 'd']) {
    const root = strip(suffix);
    if (!root) continue;
    roots.push(root, root + 'e');
    // "spotted" -> "spott" -> "spot".
    if (/(\p{L})\1$/u.test(root)) roots.push(root.slice(0, -1));
  }
  return roots;
}

/** A verb of finding, reporting, mending or taking part in the response. */
function isExonerating(word: string): boolean {
  return NEUTRAL_VERBS.has(word) || verbRoot(word).some((root) => EXONERATING_ROOTS.has(root));
}

/** What a possessor may own without having acted: "Erik's team", "Dong-hyun's question", "Mei's quick rollback". */
const NOT_AN_ACT = new Set([
  'team', 'manager', 'lead', 'question', 'message', 'messages', 'warning', 'warnings', 'report', 'ticket', 'pager', 'phone',
  'dashboard', 'alert', 'rollback', 'fix', 'revert', 'recovery', 'help', 'work', 'check', 'review', 'calendar', 'laptop',
  'account', 'credentials', 'access', 'leave', 'vacation', 'holiday', 'shift', 'analysis', 'investigation',
  'escalation', 'page', 'heads-up', 'notice', 'diagnosis', 'postmortem', 'write-up',
]);

/** "traced back to Sourav", "the fault lies with Lindiwe", "because of Bongani": the phrase points at the name after it. */
function pointedAt(sentence: string, mention: Mention, terms: TermMatch[]): TermMatch | undefined {
  const before = sentence.slice(Math.max(0, mention.start - 24), mention.start);
  // "thanks to Kemi's oversight": the mistake is what the person owns, before any comma.
  if (NEAR_POINTERS.test(before)) return terms.find((t) => t.start >= mention.end && t.start <= mention.end + 24 && !/[,;:]/.test(sentence.slice(mention.end, t.start)));
  if (!POINTERS.test(before)) return undefined;
  const found = terms.find((t) => t.start >= mention.end) ?? terms.find((t) => t.end <= mention.start && /lies|traced|responsib|fault|blame/i.test(t.text));
  if (found) return found;
  // "the whole incident traces back to Ximena typing...": the pointer itself says the person caused it.
  const causal = CAUSAL_POINTER.exec(before);
  // Only where the person, or an act of theirs, is what it points at: "traced to Omar's dashboard" points at a tool.
  const rest = sentence.slice(mention.end);
  const owned = /^['’]s\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)/u.exec(rest)?.[1]?.toLowerCase();
  const act = /^\s*(?:[,;.!?)]|$)/u.test(rest) || /^\s+\p{L}+ing\b/u.test(rest) || (owned !== undefined && !NOT_AN_ACT.has(owned) && !TOOL_NOUNS.has(owned));
  return causal && act ? { start: mention.start - causal[0].length, end: mention.start, text: causal[0].trim(), strong: false } : undefined;
}

const CAUSAL_POINTER = /(?:trac(?:ed|es|ing) (?:back )?to|lies with|(?:root )?cause (?:was|is)|trigger (?:was|is)|was down to)\s*$/iu;

const COUNTERFACTUAL = /(?<![\p{L}])(?:would(?:n['’]t| not| never)? have|would['’]ve|none of this|could have been avoided)(?![\p{L}])/iu;

/** "Had Eitan checked the diff...", "if @mateus had waited for ci none of this would've happened". */
function counterfactualSubject(sentence: string, mention: Mention, tokens: Token[], terms: TermMatch[]): TermMatch | undefined {
  if (!COUNTERFACTUAL.test(sentence)) return undefined;
  const before = sentence.slice(Math.max(0, mention.start - 12), mention.start).toLowerCase();
  const after = sentence.slice(mention.end, mention.end + 12).toLowerCase();
  const hadFirst = /(?:^|[,;:]\s*|\bif\s+)had\s+$/.test(before) || /^\s*had\s+$/.test(before);
  const ifThenHad = /\bif\s+$/.test(before) && /^\s+(?:had|hadn['’]t|'d)\b/.test(after);
  if (!hadFirst && !ifThenHad) return undefined;
  void tokens;
  return terms.find((t) => COUNTERFACTUAL.test(t.text)) ?? terms[0];
}

/**
 * "Because Kemal rebooted the primary while...", "the outage happened cuz marek set the pool to 5": a person as
 * the subject of an active past act introduced by "because" is presented as the cause, with or without a word of
 * mistake (unless the act finds, reports or mends).
 */
function causalSubject(sentence: string, mention: Mention, tokens: Token[], terms: TermMatch[]): TermMatch | undefined {
  const because = previousToken(tokens, mention.start);
  if (!because || punctuationBefore(sentence, tokens, mention.start)) return undefined;
  // "The outage began when Chukwuemeka deleted...": the act that started the failure is its cause.
  const startedWhen = because.normal === 'when' && OUTCOME_BEGAN.test(sentence.slice(Math.max(0, because.start - 40), because.start));
  if (!/^(?:because|cuz|coz|bc)$/.test(because.normal) && !startedWhen) return undefined;
  let k = tokens.findIndex((t) => t.start >= mention.end);
  if (k < 0) return undefined;
  while (k < tokens.length - 1 && (tokens[k].tags.has('Adverb') || tokens[k].normal === 'had')) k++;
  const verb = tokens[k];
  if ((!verb.tags.has('PastTense') && !SAME_FORM_PAST.test(verb.normal)) || verb.tags.has('Auxiliary') || verb.tags.has('Copula') || AUXILIARY.has(verb.normal) || isExonerating(verb.normal)) return undefined;
  if (tokens[k + 1]?.tags.has('PastTense') && AUXILIARY.has(verb.normal)) return undefined;
  const own = terms.find((t) => t.start >= mention.end);
  // "Because Gerrit lost the vote, the change merged by mistake": a fronted clause explains the main clause,
  // and blames only with a mistake of its own.
  const comma = sentence.indexOf(', ', mention.end);
  if (previousToken(tokens, because.start) === undefined && comma >= 0) return own && own.start < comma ? own : undefined;
  return own ?? { start: because.start, end: because.end, text: because.text, strong: false };
}

const OUTCOME_BEGAN = /(?:outage|incident|problem|issue|failure|trouble|degradation|it all|everything|this|impact|breakage)\s+(?:all\s+)?(?:began|started|happened|occurred|kicked off)\s+$/i;

const VOCATIVE = /^\s*(?:[,:]\s*(?:please|pls|next time|stop|don['’]t|do not|never|document|explain|you|your)|\s+(?:ur|u|you|your|pls|please)\s)/iu;

/**
 * The person an action or a chat line speaks to: "Retrain Wambui on...", "Ask Aiko to stop hard-coding...",
 * "Segun, please stop running prod migrations...", "@amit ur migration is still running on prod".
 */
function addressee(sentence: string, mention: Mention, terms: TermMatch[]): TermMatch | undefined {
  const before = sentence.slice(0, mention.start);
  const corrective = CORRECTIVE_LEAD.exec(before.trimStart());
  if (corrective && before.trim().length <= corrective[0].length + 24 && !/[,;:]/.test(before)) return terms[0];
  if (before.trim() === '' && VOCATIVE.test(sentence.slice(mention.end))) return terms.find((t) => t.start >= mention.end);
  return undefined;
}

function findMentions(sentence: string, roster: Roster, analysis: Analysis): Mention[] {
  const recognised: Mention[] = [];
  // In a sentence written with capitals, a lower-case word is a word ("during the ingestion spike"), whatever
  // compromise's name list says; chat lines in lower case keep theirs.
  const capitalised = /^[^\p{L}]*\p{Lu}/u.test(sentence);
  for (const span of analysis.people) {
    const text = sentence.slice(span.start, span.end);
    if (capitalised && !/\p{Lu}/u.test(text)) continue;
    recognised.push({ start: span.start, end: span.end, text, source: 'nlp' });
  }
  const foreign = guessForeignNames(sentence, analysis.tokens);
  const unknown = guessUnknownSubjects(sentence, analysis.tokens);
  const sure: Mention[] = [];
  const guessed: Mention[] = [];
  for (const name of guessNames(sentence, analysis.tokens, (offset) => opensSentence(sentence, analysis.tokens, offset))) {
    const mention: Mention = { start: name.start, end: name.end, text: sentence.slice(name.start, name.end), source: 'guess' };
    // A compromise tag other than a name ("Grace" read as a verb, "Mark" as a verb in "Mark the ticket") makes a known name doubtful too.
    const token = analysis.tokens.find((t) => t.start === name.start);
    const readAsOther = token !== undefined && !token.tags.has('Person') && !token.tags.has('ProperNoun') && !token.tags.has('Noun') && name.end - name.start <= token.text.length;
    // A capital in mid-sentence is the writer's choice: an unknown word there is a person unless the
    // document names it as a service or the sentence treats it as a thing (looksLikeTool).
    if (name.confidence === 'weak' || readAsOther || (name.confidence === 'proper' && PRODUCT_ENDING_STRICT.test(mention.text))) doubtfulMentions.add(mention);
    (name.confidence === 'name' && name.end - name.start > (token?.text.length ?? 0) ? sure : guessed).push(mention);
  }
  const wordNames = guessWordNames(sentence, analysis.tokens);
  const lowercase = guessLowercaseSubjects(sentence, analysis.tokens);
  const candidates = mergeMentions([roster.find(sentence), findEmails(sentence), findHandles(sentence), sure, recognised, foreign, unknown, wordNames, lowercase, guessed]);
  const things = thingsOf(roster);
  for (const m of candidates) trimImperative(sentence, m);
  const quotedLogs = quotedLogSpans(sentence);
  // "[17:04] <jerome> ugh, Mateo deployed...", "kim: the deploy failed": the chat speaker says the line, and is not in it.
  const speakerEnd = CHAT_SPEAKER.exec(sentence)?.[0].length ?? 0;
  return candidates
    .filter((m) => !isTitleOnly(m.text) && m.start >= speakerEnd && !quotedLogs.some(([start, end]) => m.start >= start && m.end <= end))
    .filter((m) => m.source === 'roster' || m.source === 'email' || m.source === 'handle' || (!things.has(m.text.toLowerCase()) && !looksLikeTool(sentence, m, analysis.tokens)))
    .map((m) => withTitle(sentence, m));
}

/** What things do on their own ("Cert expired", "Sidekiq crashed"): no sign of a person. */
const THING_VERBS = /^(?:expir|fail|crash|stall|hang|hung|time|timed|spik|break|broke|restart|reboot|lag|flap|die|di|ran|run|fire|fir|went|goe|return|respond|retri|throttl|overload|degrad|recover|start|stopp|stop|drop|grew|grow|fill|exceed|leak|emit|log|trigger|error)/;

/** Endings common in product names and rare in given names: Kured, Nexus, Phoenix, Fastly, Shopify. */
const PRODUCT_ENDING_STRICT = /(?:ed|us|ix|ex|io|ly|fy)$/;
/** At a sentence start, where the capital says nothing, -al, -er and -or too ("Temporal", "Signal", "Janitor", "Linter"). */
const PRODUCT_ENDING = /(?:ed|us|ix|ex|io|ly|fy|al|er|or)$/;

const IMPERATIVE_FIRST = /^(?:Retrain|Re-train|Coach|Warn|Remind|Prevent|Ask|Tell|Thank|Ping|Page|Remove|Give)\s+(?=\p{Lu})/u;

/** "Retrain Phuong" read as one name: the imperative is not part of it. */
function trimImperative(sentence: string, mention: Mention): void {
  const lead = IMPERATIVE_FIRST.exec(mention.text);
  if (!lead || sentence.slice(0, mention.start).trim() !== '') return;
  mention.start += lead[0].length;
  mention.text = mention.text.slice(lead[0].length);
}

/** A chat line's speaker: "<lotte>", "[02:14] <dawit>", "kim:" (lower case, as chat exports write the nick). */
const CHAT_SPEAKER = /^\s*(?:\[[^\]\n]{1,24}\]\s*|\d{1,2}:\d{2}(?::\d{2})?\s+)?(?:<[^<>\s]{1,40}>|\p{Ll}[\p{L}\p{N}._-]{1,30}:(?=\s))/u;

const QUOTED = /["“][^"“”\n]{1,300}["”]/gu;
const LOG_WORDS = /\b(?:ERROR|FATAL|WARN(?:ING)?|INFO|DEBUG|CRITICAL|Exception|failed|denied|refused)\b/;

/** A quoted log line ("ERROR: user 'marcus' failed to authenticate") reports what a system printed. */
function quotedLogSpans(sentence: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(sentence); m; m = QUOTED.exec(sentence)) if (LOG_WORDS.test(m[0])) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|ma['’]am|herr|frau|pak|bu|pani|pan|mister)\.?$/i;
const TITLE_BEFORE = /(?:^|[^\p{L}])((?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Ma['’]am|Madam|Herr|Frau|Pak|Bu|Pani|Pan)\.? )$/u;

function isTitleOnly(text: string): boolean {
  return TITLE.test(text.trim());
}

/** "Mr. Gupta", "Pak Hendra": the title belongs to the underline, so a fix replaces both. */
function withTitle(sentence: string, mention: Mention): Mention {
  const title = TITLE_BEFORE.exec(sentence.slice(Math.max(0, mention.start - 8), mention.start))?.[1];
  if (!title) return mention;
  const start = mention.start - title.length;
  return { ...mention, start, text: sentence.slice(start, mention.end) };
}

/**
 * Names that are also English words ("Will", "Grant", "May", "Hope", "Art"),
 * read as a person where the syntax says so: capitalised, not after a
 * determiner, and followed by a past tense, a third-person verb ("Will skips
 * the check": a modal takes no -s) or a possessive.
 */
function guessWordNames(sentence: string, tokens: Token[]): Mention[] {
  const names = personNames();
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const word = token.text.replace(/['’]s$/, '');
    if (!/^\p{Lu}\p{Ll}+$/u.test(word) || !names.isWordName(word) || token.tags.has('Pronoun') || token.tags.has('Determiner')) continue;
    const previous = tokens[i - 1];
    const after = sentence.slice(token.start + word.length);
    // "re-applied by Rose from her checkout", "requested by Faith but...": a capital in mid-sentence after "by" is
    // the writer's choice, and a date ("by June", "by May 3") is tagged as one; "Ma'am Joy", "Ms. Hope": a title.
    const agent = previous?.normal === 'by' && !opensSentence(sentence, tokens, token.start) && !token.tags.has('Date') && !/^['’]?s?\s*(?:\p{N}|\p{Lu})/u.test(after);
    const titled = TITLE_BEFORE.test(sentence.slice(Math.max(0, token.start - 8), token.start));
    // "Rose, who had been on call...": things take "which".
    const who = /^\s*,?\s*who(?![\p{L}])/u.test(after);
    if (agent || titled || who) {
      found.push({ start: token.start, end: token.start + word.length, text: word, source: 'guess' });
      continue;
    }
    if (i + 1 >= tokens.length || (previous && (DETERMINERS.has(previous.normal) || /^(?:in|on|of|since|until|by|for|during|from)$/.test(previous.normal)))) continue;
    // "Rose mistakenly pointed the job at the primary": adverbs stand between a name and its verb.
    let v = i + 1;
    while (v < tokens.length - 1 && tokens[v].tags.has('Adverb') && /ly$/.test(tokens[v].normal)) v++;
    const next = tokens[v];
    const possessive = /['’]s$/.test(token.text);
    const gap = sentence.slice(token.start + word.length, tokens[i + 1].start);
    const acts = /^\s+$/.test(gap) && (next.tags.has('PastTense') || (next.tags.has('Verb') && /s$/.test(next.normal) && !next.tags.has('Plural')) || /^(?:skips|pushes|runs|merges|deploys|deletes|drops|forgets|misses|approves|applies|breaks)$/.test(next.normal));
    const participle = tokens[v + 1];
    const perfect = /^(?:had|has)$/.test(next.normal) && participle !== undefined && (participle.tags.has('PastTense') || participle.tags.has('Participle') || SAME_FORM_PAST.test(participle.normal));
    const spokenTo = i === 0 && VOCATIVE.test(sentence.slice(token.end));
    // "It was Joy who left the flag on": pointed at, and a "who" after it.
    if (/(?:it|that) was\s+$/i.test(sentence.slice(Math.max(0, token.start - 10), token.start)) && relativeWho(sentence, tokens, token.start + word.length)) {
      found.push({ start: token.start, end: token.start + word.length, text: word, source: 'guess' });
      continue;
    }
    if (!possessive && !acts && !perfect && !spokenTo) continue;
    found.push({ start: token.start, end: token.start + word.length, text: word, source: 'guess' });
  }
  return found;
}

/**
 * Chat-style names in lower case ("kavya forgot the version bump", "cuz marek
 * never set the env var"): a listed name that is not an English word, where a
 * subject stands, followed by a verb or a possessive. An unknown name-shaped
 * word ("kasia", "seo-yeon") needs more: an act after it (past, or through
 * "did", "just", "u"), a possessive owning something ("came from rafa's PR"),
 * or a phrase pointing at it ("it was rithy", "the ttl thing is on jarek").
 */
function guessLowercaseSubjects(sentence: string, tokens: Token[]): Mention[] {
  const names = personNames();
  const found: Mention[] = [];
  // Chat style writes the whole line in lower case; in a capitalised sentence a lower-case word is a word.
  if (!/^[^\p{L}]*\p{Ll}/u.test(sentence)) return found;
  const speakerEnd = CHAT_SPEAKER.exec(sentence)?.[0].length ?? 0;
  const words = tokens.filter((t) => t.text !== '');
  for (let i = 0; i < words.length - 1; i++) {
    const token = words[i];
    // "seo-yeon's": compromise splits a hyphenated name; each part is a syllable no lexicon knows.
    let last = i;
    while (last + 1 < words.length && sentence.slice(words[last].end, words[last + 1].start) === '-' && !/['’]s$/.test(words[last].text)) last++;
    const end = words[last];
    const word = sentence.slice(token.start, end.start + end.text.replace(/['’]s$/, '').length);
    const parts = word.split('-');
    if (parts.length > 2 || !parts.every((part) => /^\p{Ll}{2,}$/u.test(part)) || TOOL_NAMES.has(word) || TOOL_NOUNS.has(word) || GROUP_WORDS.has(word)) {
      i = last;
      continue;
    }
    if (['Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Modal', 'Auxiliary', 'QuestionWord'].some((tag) => token.tags.has(tag))) continue;
    const hyphenated = parts.length === 2;
    if (hyphenated && parts.some((part) => lexiconTag(part) !== undefined || part.length > 5)) {
      i = last;
      continue;
    }
    const next = words[last + 1];
    if (!next) break;
    // "bill broke the build", "will's terraform apply": a name that is also a word needs a past tense or a possessive.
    const wordName = !hyphenated && names.isWordName(word);
    const listed = !hyphenated && names.has(word) && lexiconTag(word) === undefined;
    const unknownName = hyphenated || (!names.has(word) && isUnknownNameWord(token, word));
    const possessive = /['’]s$/.test(end.text) && !/^(?:on|in|at|not|been|going|gonna|out|off|up|down|the|a|an|it|fine|ok|okay|here|there)$/.test(next.normal);
    const before = sentence.slice(Math.max(0, token.start - 16), token.start);
    // "it was rithy", "that's on jarek", "the ttl thing is on jarek".
    const pointed = (unknownName || listed) && /(?:(?:it|that) was|(?:is|was|['’]s) (?:all |totally |def(?:initely)? )?on)\s+$/i.test(before);
    const act = actAfter(sentence, words, last + 1);
    const unknownActor =
      (!names.has(word) && lexiconTag(word) === undefined && HUMAN_ONLY_VERB.test(next.normal)) ||
      (unknownName && ((act !== undefined && (!THING_VERBS.test(act.normal) || /^did$/.test(words[words.indexOf(act) - 1].normal)) && !isExonerating(act.normal)) || possessive || pointed));
    if (!wordName && !unknownActor && !listed) continue;
    // A possessive owns wherever it stands ("came from rafa's PR"); an act needs its subject's place.
    const subject = isSubjectPosition(sentence, tokens, token.start) || (speakerEnd > 0 && sentence.slice(speakerEnd, token.start).trim() === '');
    if ((!subject && !pointed && !(possessive && (unknownName || listed))) || /['"‘“]\s*$/.test(sentence.slice(0, token.start))) {
      i = last;
      continue;
    }
    const acts =
      /^\s+(?:fat[- ]?finger|accidentally|mistakenly|forgot|never)/i.test(sentence.slice(end.end)) ||
      (wordName
        ? (next.tags.has('PastTense') || pastByContraction(next)) && !next.tags.has('Auxiliary')
        : act !== undefined || next.tags.has('Verb') || next.tags.has('Adverb') || /^(?:never|just|accidentally|forgot|did|didn['’]t|had|has|was)$/.test(next.normal));
    if (!possessive && !acts && !pointed) continue;
    found.push({ start: token.start, end: token.start + word.length, text: word, source: 'guess' });
    i = last;
  }
  return found;
}

/** "typo'd", "ok'd": compromise reads the word as a noun and the 'd as a past tense of its own. */
function pastByContraction(token: Token): boolean {
  return /^\p{L}+['’]d$/u.test(token.text);
}

/**
 * The past act right after a name in a chat line, through what may stand between: adverbs, "did", "had", "just",
 * and the addressee's "u"/"you" ("hiro u nuked the redis", "kasia did run the migration twice").
 */
function actAfter(sentence: string, words: Token[], from: number): Token | undefined {
  let k = from;
  while (k < words.length - 1 && k - from < 3 && (words[k].tags.has('Adverb') || /^(?:did|had|has|have|just|u|you|then|also|accidentally)$/.test(words[k].normal))) k++;
  const verb = words[k];
  if (!verb) return undefined;
  const helped = k > from && /^(?:did|had|has|have)$/.test(words[k - 1].normal);
  return verb.tags.has('PastTense') || pastByContraction(verb) || (helped && verb.tags.has('Verb') && !verb.tags.has('Auxiliary')) ? verb : undefined;
}

/** Where a capital letter says nothing about the word: the sentence start, after a colon, a quote or a bracket. */
function opensSentence(sentence: string, tokens: Token[], offset: number): boolean {
  const previous = previousToken(tokens, offset);
  const between = sentence.slice(previous ? previous.end : 0, offset);
  return !previous || /[:;"“(\[\u2013\u2014]|\s-\s/.test(between);
}

/**
 * Names compromise does not know ("Jürgen", "Łukasz"): a capitalised word
 * with a letter outside ASCII, or a run of them. Products rarely carry
 * diacritics; names often do.
 */
function guessForeignNames(sentence: string, tokens: Token[]): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].text.replace(/['’]s$/, '');
    if (!CAPITALISED.test(word) || !LETTER_OUTSIDE_ASCII.test(word) || tokens[i].tags.has('Pronoun')) continue;
    const start = tokens[i].start;
    let end = start + word.length;
    while (i + 1 < tokens.length && CAPITALISED.test(tokens[i + 1].text.replace(/['’]s$/, '')) && sentence.slice(end, tokens[i + 1].start) === ' ') {
      i++;
      end = tokens[i].start + tokens[i].text.replace(/['’]s$/, '').length;
    }
    found.push({ start, end, text: sentence.slice(start, end), source: 'guess' });
  }
  return found;
}

/**
 * Names neither the roster nor compromise knows ("Hiroshi forgot..."): a
 * capitalised word, or a run of them, standing where a subject stands and
 * followed by a verb only a person does. Words tagged as anything but a
 * plain noun, and group words ("Security overlooked..."), are left out.
 */
function guessUnknownSubjects(sentence: string, tokens: Token[]): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!isNameLike(first) || !isSubjectPosition(sentence, tokens, first.start)) continue;
    let j = i;
    while (j + 1 < tokens.length && isNameLike(tokens[j + 1]) && sentence.slice(tokens[j].end, tokens[j + 1].start) === ' ') j++;
    let k = j + 1;
    while (k < tokens.length && tokens[k].tags.has('Adverb')) k++;
    const verb = tokens[k];
    if (verb && HUMAN_ONLY_VERB.test(verb.normal) && !/[,;:]/.test(sentence.slice(tokens[j].end, verb.start))) {
      found.push({ start: first.start, end: tokens[j].end, text: sentence.slice(first.start, tokens[j].end), source: 'guess' });
    }
    i = j;
  }
  return found;
}

function isNameLike(token: Token): boolean {
  if (!CAPITALISED.test(token.text) || GROUP_WORDS.has(token.normal) || TOOL_NAMES.has(token.normal)) return false;
  return !NOT_A_NAME_TAGS.some((tag) => token.tags.has(tag));
}

/** "the Jenkins job", "Cassandra cluster", "Kafka": a product, unless only a person could do what follows. */
function looksLikeTool(sentence: string, mention: Mention, tokens: Token[]): boolean {
  const name = mention.text.toLowerCase();
  const words = name.split(/\s+/);
  const next = tokens.find((t) => t.start >= mention.end);
  const gap = next ? sentence.slice(mention.end, next.start) : '';
  const nextWord = next && !/[,;:()]/.test(gap) ? next.normal : undefined;
  // "Mark's deploy" is Mark's; "Jenkins job" is a job.
  const possessive = /^['’]s/.test(sentence.slice(mention.end, mention.end + 2));
  if (nextWord && !possessive && TOOL_NOUNS.has(nextWord)) return true;
  if (TITLE_BEFORE.test(sentence.slice(Math.max(0, mention.start - 8), mention.start))) return false;
  const previous = previousToken(tokens, mention.start);
  if (previous && DETERMINERS.has(previous.normal) && !punctuationBefore(sentence, tokens, mention.start)) return true;
  if (appositiveIsThing(sentence, mention, tokens)) return true;
  const isToolName = TOOL_NAMES.has(name) || words.some((w) => TOOL_NAMES.has(normalise(w)));
  if (!isToolName) return false;
  // "Ruby 3.3", "Julia notebooks", "Ada compiler": the name modifies a thing.
  if (next && !possessive && gap === ' ' && (next.tags.has('Value') || (next.tags.has('Noun') && !next.tags.has('Pronoun') && !next.tags.has('Verb')))) return true;
  // A product that is first of all a given name ("Ruby accidentally disabled the rule") is a person when an act
  // only a person does follows in its clause; coordinated with other tools ("Jenkins, Kafka and Cassandra") it is a tool.
  if (words.length === 1 && (GIVEN_NAME_TOOLS.has(name) || isGivenName(name)) && !coordinatedWithTool(sentence, mention)) {
    const window = verbGroupAfter(sentence, tokens, mention.end, sentence.length);
    if (window !== undefined && HUMAN_SIGNAL.test(window)) return false;
    // "Ada posted the status update in the wrong channel": a finite act right after the bare name, which a tool
    // does not do on its own (not "expired", "crashed"...).
    return !(next && gap === ' ' && next.tags.has('PastTense') && !THING_VERBS.test(next.normal));
  }
  // A verb only a person does, right after the name (adverbs allowed), makes it a person.
  for (const token of tokens) {
    if (token.start < mention.end) continue;
    if (token.tags.has('Adverb')) continue;
    return !HUMAN_ONLY_VERB.test(token.normal);
  }
  return true;
}

/** "Jenkins, Kafka and Cassandra all broke": a name listed with tools is one. */
function coordinatedWithTool(sentence: string, mention: Mention): boolean {
  const before = /(\p{L}+)\s*(?:,|,?\s+(?:and|or|&))\s*$/u.exec(sentence.slice(0, mention.start))?.[1];
  const after = /^\s*(?:,|,?\s*(?:and|or|&))\s+(\p{L}+)/u.exec(sentence.slice(mention.end))?.[1];
  return [before, after].some((w) => w !== undefined && TOOL_NAMES.has(w.toLowerCase()));
}

/**
 * "Grace, the batch scheduler, skipped...", "Jarvis, our deploy bot, ...": an
 * appositive whose head is a thing says the name is a thing ("The on-call
 * engineer, Nina, ..." has the role before the name, and stays a person).
 */
function appositiveIsThing(sentence: string, mention: Mention, tokens: Token[]): boolean {
  const rest = sentence.slice(mention.end);
  const appositive = /^\s*,\s*((?:the|a|an|our|their|its|this)\s[^,;:]{1,60}?)\s*(?:,|$)/iu.exec(rest);
  if (!appositive) return false;
  const head = tokens.filter((t) => t.start >= mention.end && t.end <= mention.end + appositive[0].length && /\p{L}/u.test(t.text)).pop();
  return head !== undefined && TOOL_NOUNS.has(head.normal);
}

/**
 * The mistake model that does not depend on a word of mistake: a person who is the AGENT of an act, in a sentence
 * that states HARM (see ./harm.ts: a general valence lexicon and a small class of incident outcomes), is the one
 * the harm is pinned on: "Ji-woo restarted the primary while the replica was still catching up, losing ~300
 * writes", "The firewall rule that blocked internal DNS was added by Dmytro", "Bogdan's script ... saturated its
 * connection pool", "The script Thandiwe wrote ... deleted three active ones". The agent is the subject of an
 * active verb (not one of finding, reporting or mending: see isExonerating), the agent of a passive whose act does
 * not mend, or the possessor of an act or an artifact. People who receive an act ("was paged", "was given") or are
 * described ("was new to the team") are not agents.
 */
function agentOfHarm(
  sentence: string,
  mention: Mention,
  tokens: Token[],
  harm: TermMatch[],
  terms: TermMatch[],
  clauseOf: (offset: number) => [number, number],
): TermMatch | undefined {
  if (harm.length === 0 || AS_PLANNED.test(sentence)) return undefined;
  // The outcome of the act: after it, in the same sentence part, not in a clause that only dates it ("the week
  // before the outage") unless an outcome link follows ("while the replica was catching up, losing ~300 writes").
  const [clauseStart, clauseEnd] = clauseOf(mention.start);
  // "Because Gerrit lost the vote, the change merged by mistake": a fronted subordinate clause explains the main
  // clause, and pins on its subject only the harm of its own.
  const opener = tokens.find((t) => t.text !== '');
  const fronted = opener !== undefined && opener.start >= clauseStart && opener.start < mention.start && CLAUSE_BREAKS.has(opener.normal);
  const limit = fronted ? clauseEnd : sentence.length;
  const outside = (from: number): TermMatch | undefined =>
    harm.find((h) => h.start >= from && h.end <= limit && (h.end <= mention.start || h.start >= mention.end) && !OTHER_EVENT.test(sentence.slice(from, h.start)) && !FINDING.test(sentence.slice(from, h.start)));
  const by = previousToken(tokens, mention.start);
  // Passive agent: "was added by Dmytro", "by Chase's manual rerun".
  if (by?.normal === 'by' && !punctuationBefore(sentence, tokens, mention.start)) {
    const act = tokens.filter((t) => t.start >= clauseStart && t.end <= by.start && t.tags.has('Verb') && !AUXILIARY.has(t.normal)).pop();
    if (!act || mendsOrReports(sentence, act, terms, harm)) return undefined;
    // Harm before the act counts only inside a relative clause ("the rule that blocked internal DNS was added by"):
    // "the duplicate invoices were voided by" names the state the act dealt with.
    const relative = tokens.find((t) => t.start >= clauseStart && t.end <= act.start && /^(?:that|which)$/.test(t.normal));
    const before = relative ? harm.find((h) => h.start > relative.start && h.end <= act.start) : undefined;
    // The act itself may be the harm: "were overwritten ... by Chase's manual rerun".
    return before ?? outside(act.start);
  }
  const after = tokens.filter((t) => t.start >= mention.end && t.text !== '');
  // Possessor of an act or an artifact: "Bogdan's script kept retrying ... and saturated", "Wojciech's TTL change".
  if (/^['’]s(?![\p{L}\p{N}])/u.test(sentence.slice(mention.end, mention.end + 3))) {
    const k = after.findIndex((t) => !t.tags.has('Adjective') && !t.tags.has('Adverb'));
    const head = k >= 0 && k <= 2 ? after[k] : undefined;
    // After a possessive a bare verb form is a noun: "Lamar's manual edit", "Wojciech's change".
    const nounLike = head !== undefined && (head.tags.has('Noun') || head.tags.has('Infinitive'));
    if (!head || !nounLike || head.tags.has('Pronoun') || NOT_AN_ACT.has(head.normal) || OWNED_NOT_ACTS.has(head.normal)) return undefined;
    // "Wen's monitor caught the expired certificate": what the possessed thing did finds or mends.
    const act = after.slice(k + 1).find((t) => t.tags.has('Verb') && !AUXILIARY.has(t.normal));
    if (act && mendsOrReports(sentence, act, terms, harm)) return undefined;
    return outside(head.start);
  }
  // Subject of an active verb: "Ji-woo restarted ...", "the script Thandiwe wrote ...".
  if (!isSubjectPosition(sentence, tokens, mention.start) && !beforeFiniteVerb(sentence, tokens, mention)) return undefined;
  let k = 0;
  while (k < after.length - 1 && (after[k].tags.has('Adverb') || /^(?:had|has|have|just|then|also|never)$/.test(after[k].normal))) k++;
  const verb = after[k];
  if (!verb || !verb.tags.has('Verb') || verb.tags.has('Auxiliary') || verb.tags.has('Modal') || verb.tags.has('Copula') || AUXILIARY.has(verb.normal)) return undefined;
  if (verb.tags.has('Infinitive') && !verb.tags.has('PastTense') && !SAME_FORM_PAST.test(verb.normal)) return undefined;
  if (mendsOrReports(sentence, verb, terms, harm)) return undefined;
  if (RECIPIENT_PASSIVE.test(sentence.slice(mention.end, mention.end + 40))) return undefined;
  // "Tran Minh has made the rollback": a light verb whose object mends (see subjectTerm).
  const outcome = outside(verb.end);
  return outcome && subjectTerm(after.slice(k), [outcome], true);
}

/** Harm told after a verb of finding is what was found: "ran the load test and found the pool saturated". */
const FINDING = /(?<![\p{L}])(?:found|finds|noticed|notices|saw|sees|spotted|discovered|reported|confirmed|showed|shows|measured|observed|detected)(?![\p{L}])/iu;

/** A part of the sentence about another event: after ";", or a temporal clause with no outcome link after it. */
const OTHER_EVENT = /;|(?<![\p{L}])(?:before|after|until|when|once|since|during)(?![\p{L}])(?![^,]*(?:,|(?<![\p{L}])(?:so|which|causing|and)(?![\p{L}])))/iu;

/**
 * "Andriy to revert his rate-limit change, which is what throttled the partner API": an act a possessive pronoun
 * owns, with harm as its told outcome (after an outcome link) or its own verb ("his script wiped the bucket").
 */
function possessedHarm(sentence: string, tokens: Token[], owner: Token, harm: TermMatch[]): TermMatch | undefined {
  if (owner.normal === 'whose' || AS_PLANNED.test(sentence)) return undefined;
  const after = tokens.filter((t) => t.start >= owner.end && t.text !== '');
  let k = after.findIndex((t) => !t.tags.has('Adjective') && !t.tags.has('Adverb'));
  if (k < 0 || k > 2) return undefined;
  while (k + 1 < after.length && after[k + 1].tags.has('Noun') && !after[k + 1].tags.has('Pronoun') && !after[k + 1].tags.has('Verb')) k++;
  const head = after[k];
  if (!head.tags.has('Noun') || head.tags.has('Pronoun') || NOT_AN_ACT.has(head.normal) || OWNED_NOT_ACTS.has(head.normal)) return undefined;
  const next = after[k + 1];
  return harm.find((h) => h.start >= head.end && (OUTCOME_LINK.test(sentence.slice(head.end, h.start)) || (next !== undefined && h.start === next.start && next.tags.has('PastTense'))));
}

/**
 * Whether an act finds, reports or mends (see isExonerating), and so clears its agent. Not when the act makes
 * something ("the script Thandiwe wrote"), sets a value ("raised to 95%": a setting, not a concern raised), or is a
 * hands-on repair whose own outcome is harm ("restarted the primary while ..., losing ~300 writes").
 */
function mendsOrReports(sentence: string, act: Token, terms: TermMatch[], harm: TermMatch[]): boolean {
  if (!isExonerating(act.normal) || MAKING_VERBS.has(act.normal) || misdirected(act, terms)) return false;
  if (/^\s+(?:\p{L}+\s+){0,3}?to\s+\p{N}/u.test(sentence.slice(act.end, act.end + 40))) return false;
  const handsOn = verbRoot(act.normal).some((root) => HANDS_ON_MENDING.has(root));
  return !(handsOn && harm.some((h) => h.start > act.end && OUTCOME_LINK.test(sentence.slice(act.end, h.start))));
}

/** An outcome told after an act: ", losing ...", "so ...", "which ...", "causing ...". */
const OUTCOME_LINK = /,\s*\p{L}+ing\s*$|(?<![\p{L}])(?:so|which|causing|that['’]s what|and then)(?![\p{L}])/iu;

/** What a possessor may own without acting through it: people, feelings, places. */
const OWNED_NOT_ACTS = new Set(['thinking', 'call', 'calls', 'phone', 'name', 'side', 'desk', 'home', 'family', 'idea', 'suggestion', 'advice', 'input', 'team', 'teammates', 'colleague', 'colleagues', 'handover', 'notes', 'note', 'summary', 'timeline']);

/**
 * A chat line whose speaker admits the act: "<grant> that was me, sorry, thought it was the staging box",
 * "<oana> lol my bad, i ran terraform apply from the old workspace, that's what nuked the dns zone". The speaker is
 * the one blamed when the line also states harm or a mistake.
 */
function selfAdmission(sentence: string, terms: TermMatch[], harm: TermMatch[]): BlameFinding | undefined {
  const speaker = CHAT_NICK.exec(sentence);
  if (!speaker || (terms.length === 0 && harm.length === 0)) return undefined;
  const admission = ADMISSION.exec(sentence.slice(speaker[0].length));
  if (!admission) return undefined;
  const start = speaker.index + speaker[0].indexOf(speaker[1]);
  return { start, end: start + speaker[1].length, name: speaker[1], sentenceStart: false, term: admission[0].trim(), source: 'handle' };
}

const CHAT_NICK = /^\s*(?:\[[^\]\n]{1,24}\]\s*|\d{1,2}:\d{2}(?::\d{2})?\s+)?<@?([^<>\s]{1,40})>/u;
const ADMISSION = /(?<![\p{L}])(?:(?:that|it|this) was (?:me|my (?:bad|fault|mistake|doing))|my (?:bad|fault|mistake)|mea culpa|(?:that|this|it)['’]s on me|i (?:messed|screwed|broke|nuked|wiped|deleted|dropped|fat-?fingered|typo['’]?d|mistyped|forgot|overwrote|misread)|sorry(?: (?:all|everyone|folks|team))?,? i \p{L}+ed)(?![\p{L}])/iu;
