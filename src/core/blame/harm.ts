/**
 * Harm: the words by which a sentence says that something went badly, whoever did it. Two sources, neither
 * drawn from the evaluation corpora:
 *  - a general-purpose valence lexicon (AFINN-165, words rated -2 or lower: "lost", "failed", "corrupted",
 *    "wrong", "outage", "damage"), see scripts/gen-harm-lexicon.mjs;
 *  - a small class of incident outcomes that general English rates neutral: what a system suffers (deleted,
 *    wiped, saturated, overwrote, throttled, down, stale, duplicate, silently, storm...) and a system that
 *    stopped ("fell over", "cannot connect"); harm denied or ended ("without losing", "errors dropped") is none.
 * The detector pins harm on a person only where the person is the agent of the act (see agentOfHarm in detect.ts).
 */
import { AFINN_NEGATIVE } from './afinnNegative.generated';
import type { TermMatch } from './lexicon';
import { TextPattern, textPattern } from './textPattern';

let valence: ReadonlySet<string> | undefined;
const negativeWords = (): ReadonlySet<string> => (valence ??= new Set(AFINN_NEGATIVE.split(' ')));

/** Outcomes of incidents, by stem: what a system suffers, or what was left unprotected. */
const INCIDENT_OUTCOME = new TextPattern(
  String.raw`^(?:` +
    [
      // Data and state destroyed or replaced.
      String.raw`delet(?:es?|ed|ing)|wip(?:ed|ing)|purg(?:ed|ing)|truncat(?:ed|ing)|nuk(?:ed|ing)|overwr(?:ote|itten|iting)|clobber(?:ed|ing)|erased|corrupt(?:ed|ing|ion)|duplicat(?:ed|es?|ing)`,
      // Capacity and availability.
      String.raw`saturat(?:ed|ing)|exhaust(?:ed|ing)|overload(?:ed|ing)|throttl(?:ed|ing)|starv(?:ed|ing)|stampede|storm|flood(?:ed|ing)|timeouts?|timed|crawling|down|downtime|offline|unreachable|unavailable|blocked|blocking|locked|hung|stalled|crashed|crashing`,
      // Exposure and drift.
      String.raw`leaked|exposed|public|stale|outdated|silently|unnoticed|unmonitored|untested|unreviewed|expired|dead`,
    ].join('|') +
    String.raw`)$`,
  'u',
);

/**
 * Outcomes in more than one word: a system that stopped ("the db fell over", "went down", "cannot connect").
 * Not "nobody was paged": as often good news ("so nobody was paged overnight") as a missed alarm.
 */
const NOTHING_HAPPENED = textPattern(/(?<![\p{L}])(?:(?:fell|falls|falling|fall) over|(?:went|goes|going) down|ground to a halt|(?:cannot|can['’]t|could(?:n['’]t| not)) (?:connect|reach|start|serve|load|log in|write|read))(?![\p{L}])/giu);

const WORD = textPattern(/[\p{L}][\p{L}'’-]*/gu);

/** Answers per word as written: the prefilter sees every word of every scalar, and prose repeats its words. */
const harmWordMemo = new Map<string, boolean>();

function isHarmWord(word: string): boolean {
  let answer = harmWordMemo.get(word);
  if (answer === undefined) {
    const w = word.toLowerCase().replace(/['’]s$/, '');
    answer = negativeWords().has(w) || INCIDENT_OUTCOME.test(w);
    if (harmWordMemo.size >= 50_000) harmWordMemo.clear();
    harmWordMemo.set(word, answer);
  }
  return answer;
}

const DETERMINER_BEFORE = textPattern(/(?:^|[^\p{L}])(?:the|a|an|its|their|our|his|her|my|your|these|those|some|any)\s+$/iu);
const WORD_AFTER = textPattern(/^\s+\p{L}/u);

/**
 * A general valence word used as a modifier after a determiner ("the angry customer calls", "the failed payments",
 * "the corrupted rows") describes the state something was in, not what an act did to it.
 */
function describesState(text: string, start: number, end: number, word: string): boolean {
  if (INCIDENT_OUTCOME.test(word.toLowerCase())) return false;
  return DETERMINER_BEFORE.test(text.slice(Math.max(0, start - 8), start)) && WORD_AFTER.test(text.slice(end, end + 3));
}

/**
 * Harm that is denied or ended is no harm: "without losing data", "no data was lost", "errors dropped to zero",
 * "the timeouts stopped", "the outage was avoided".
 */
const DENIED_BEFORE = textPattern(/(?<![\p{L}])(?:no|not|never|without|zero|nor|avoid(?:ed|ing)?|prevent(?:ed|ing)?|stopp(?:ed|ing)|end(?:ed|ing)|fix(?:ed|ing)?|clear(?:ed|ing)|reduc(?:ed|ing)|cut|eliminat(?:ed|ing))\s+(?:\p{L}+\s+)?$/iu);
const ENDED_AFTER = textPattern(/^\s+(?:(?:had|have|has)\s+)?(?:dropped|fell|stopped|ceased|cleared|disappeared|subsided|recovered|went away|vanished|ended|returned to|back to|were (?:gone|resolved|fixed)|was (?:gone|resolved|fixed|avoided|prevented))(?![\p{L}])/iu);

function denied(text: string, start: number, end: number): boolean {
  return DENIED_BEFORE.test(text.slice(Math.max(0, start - 30), start)) || ENDED_AFTER.test(text.slice(end, end + 30));
}

/** Every harm word or phrase in `text`, in order. */
export function findHarm(text: string): TermMatch[] {
  const found: TermMatch[] = [];
  const word = WORD.for(text);
  word.lastIndex = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) if (isHarmWord(m[0]) && !describesState(text, m.index, m.index + m[0].length, m[0]) && !denied(text, m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], strong: false });
  const nothingHappened = NOTHING_HAPPENED.for(text);
  nothingHappened.lastIndex = 0;
  for (let m = nothingHappened.exec(text); m; m = nothingHappened.exec(text)) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], strong: false });
  return found.sort((a, b) => a.start - b.start);
}

/** Cheap check for the prefilter: any harm at all in `text`. */
export function mayContainHarm(text: string): boolean {
  const word = WORD.for(text);
  word.lastIndex = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) if (isHarmWord(m[0])) return true;
  return NOTHING_HAPPENED.test(text);
}
