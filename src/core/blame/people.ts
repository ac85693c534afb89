/**
 * Who counts as a person for the blameless rules, and where people are named
 * in a sentence. Known names come from the document (`authors`, action
 * `owner`s) and the settings (`postmortem.people`, which the host merges with
 * CODEOWNERS and git authors); unknown ones are @handles, e-mail addresses,
 * and names a language library recognises.
 */
import { ROLE_MAILBOX, TEAM_WORDS } from './lexicon';
import { asArray, asRecord, asString, asStringArray, type Postmortem } from '../model';

export type MentionSource = 'roster' | 'handle' | 'email' | 'nlp' | 'guess';

export interface Mention {
  start: number;
  end: number;
  text: string;
  source: MentionSource;
  /** A guess the detector's rules do not trust (a capitalised unknown word with no act only a person does). */
  doubtful?: boolean;
}

/** A known name split into words (case-folded), with its rank: the longest name wins where several start at one place. */
interface RosterName {
  words: string[];
  rank: number;
}

/**
 * Known names, looked up by their first word. One regular expression of all the names grew with the roster:
 * 50,000 names cost seconds and a gigabyte per file, and V8 refused 100,000. The lookup matches as that
 * expression did (case-insensitive, any run of whitespace between words, not inside a word, an address or a
 * handle; at one place the longest name) in time proportional to the text.
 */
export class Roster {
  readonly names: readonly string[];
  /** Multi-word names by their first word; single-word names by the word. */
  private readonly byFirstWord = new Map<string, RosterName[]>();
  private readonly singleWords = new Map<string, RosterName>();
  /** The lengths of the single-word names, longest first: the prefixes of a text chunk to look up. */
  private readonly singleLengths: number[];

  constructor(names: Iterable<string>) {
    const unique = new Map<string, string>();
    for (const raw of names) {
      const name = cleanName(raw);
      if (name.length < 2 || name.length > 80) continue;
      unique.set(name.toLowerCase(), name);
    }
    this.names = [...unique.values()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    this.key = this.names.join('\u0001');
    const lengths = new Set<number>();
    this.names.forEach((name, rank) => {
      const words = foldCase(name).split(' ');
      if (words.length === 1) {
        if (!this.singleWords.has(words[0])) this.singleWords.set(words[0], { words, rank });
        lengths.add(words[0].length);
        return;
      }
      const group = this.byFirstWord.get(words[0]);
      if (group) group.push({ words, rank });
      else this.byFirstWord.set(words[0], [{ words, rank }]);
    });
    this.singleLengths = [...lengths].sort((a, b) => b - a);
  }

  /** A stable string for caches keyed by roster. */
  readonly key: string;

  find(text: string): Mention[] {
    const found: Mention[] = [];
    if (this.names.length === 0) return found;
    const folded = foldCase(text);
    let at = 0;
    while (at < text.length) {
      const end = startsNameAt(text, at) ? this.matchAt(text, folded, at) : -1;
      if (end > at) {
        found.push({ start: at, end, text: text.slice(at, end), source: 'roster' });
        at = end;
      } else {
        at += isHighSurrogateAt(text, at) ? 2 : 1;
      }
    }
    return found;
  }

  /** The end of the highest-ranked name written at `at`, or -1. */
  private matchAt(text: string, folded: string, at: number): number {
    let chunkEnd = at;
    while (chunkEnd < text.length && !WHITESPACE.test(text[chunkEnd])) chunkEnd++;
    let best: { rank: number; end: number } | undefined;
    const consider = (rank: number, end: number): void => {
      if (end > 0 && (!best || rank < best.rank)) best = { rank, end };
    };
    // A multi-word name's first word is followed by whitespace, so it is the whole chunk.
    for (const name of this.byFirstWord.get(folded.slice(at, chunkEnd)) ?? []) {
      if (!best || name.rank < best.rank) consider(name.rank, matchWords(text, folded, chunkEnd, name.words));
    }
    for (const length of this.singleLengths) {
      if (length > chunkEnd - at) continue;
      const name = this.singleWords.get(folded.slice(at, at + length));
      if (name && (!best || name.rank < best.rank) && endsNameAt(text, at + length)) consider(name.rank, at + length);
    }
    return best?.end ?? -1;
  }
}

const WHITESPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Words after the first of a name, from `at` (just past the first word): each after a run of whitespace; the end or -1. */
function matchWords(text: string, folded: string, at: number, words: readonly string[]): number {
  let position = at;
  for (let i = 1; i < words.length; i++) {
    const spaceStart = position;
    while (position < text.length && WHITESPACE.test(text[position])) position++;
    if (position === spaceStart || !folded.startsWith(words[i], position)) return -1;
    position += words[i].length;
  }
  return endsNameAt(text, position) ? position : -1;
}

/** Not inside a word, an address, a handle or a dotted name. */
function startsNameAt(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = codePointBefore(text, at);
  return !(WORD_CHAR.test(before) || before === '@' || before === '.');
}

/** Not followed by a word character, nor by `@` and a letter (the start of an address). */
function endsNameAt(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const after = String.fromCodePoint(text.codePointAt(at) ?? 0);
  if (WORD_CHAR.test(after)) return false;
  return !(after === '@' && at + 1 < text.length && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(at + 1) ?? 0)));
}

function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  if (at >= 2 && low >= 0xdc00 && low <= 0xdfff && isHighSurrogateAt(text, at - 2)) return text.slice(at - 2, at);
  return text[at - 1];
}

function isHighSurrogateAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length;
}

/**
 * Lower case, one UTF-16 unit for one, so offsets in the folded text are offsets in the text. A character whose
 * lower case is longer (İ) stays as it is; final sigma folds to sigma, as a case-insensitive expression matches it.
 */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length && !lower.includes('ς')) return lower;
  let folded = '';
  for (const ch of text) {
    const low = ch.toLowerCase();
    folded += low.length === ch.length ? (low === 'ς' ? 'σ' : low) : ch;
  }
  return folded;
}

/**
 * Everyone the document and the settings name: authors, owners that are
 * people (not teams), and the configured people. For an e-mail address the
 * address itself and, with "Name <mail>", the name are both known.
 */
export function rosterFor(doc: Postmortem, settingsPeople: readonly string[]): Roster {
  // Two rules ask for it in each lint, with the same document object and settings list: build the regexp once.
  const cached = rosters.get(doc);
  if (cached?.settingsPeople === settingsPeople) return cached.roster;
  const roster = buildRoster(doc, settingsPeople);
  rosters.set(doc, { settingsPeople, roster });
  return roster;
}

const rosters = new WeakMap<Postmortem, { settingsPeople: readonly string[]; roster: Roster }>();

function buildRoster(doc: Postmortem, settingsPeople: readonly string[]): Roster {
  const names: string[] = [];
  const add = (value: string): void => {
    for (const part of splitPersonEntry(value)) names.push(part);
  };
  for (const author of asStringArray(doc.authors)) add(author);
  if (typeof doc.authors === 'string') add(doc.authors);
  for (const item of asArray(doc.action_items)) {
    const owner = asString(asRecord(item)?.owner);
    if (owner && !TEAM_WORDS.test(owner)) add(owner);
  }
  for (const person of settingsPeople) if (typeof person === 'string') add(person);
  const roster = new Roster(names);
  rosterThings.set(roster, thingsNamedBy(doc));
  return roster;
}

/**
 * The services and components a document names (`services: [Hermes, orders-db]`):
 * things, not people, wherever the prose names them ("Hermes misread a stale metric").
 * Kept beside the roster it was built with, so detectBlame sees them through the roster.
 */
const rosterThings = new WeakMap<Roster, ReadonlySet<string>>();

export function thingsOf(roster: Roster): ReadonlySet<string> {
  return rosterThings.get(roster) ?? NO_THINGS;
}

const NO_THINGS: ReadonlySet<string> = new Set();

function thingsNamedBy(doc: Postmortem): ReadonlySet<string> {
  const things = new Set<string>();
  for (const service of asStringArray(doc.services)) {
    const name = cleanName(service).toLowerCase();
    if (name === '') continue;
    things.add(name);
    // "orders-db" names "orders" too; "Otto scheduler" names "Otto".
    for (const part of name.split(/[\s_./-]+/)) if (part.length >= 3) things.add(part);
  }
  return things;
}

/** "Priya Natarajan <priya@example.com>" -> the name and the address; "@kbrandt" -> itself. */
function splitPersonEntry(value: string): string[] {
  const trimmed = value.trim();
  const angle = nameAndAddress(trimmed);
  if (angle) return angle.filter((s) => s.trim() !== '');
  return [trimmed];
}

/**
 * "Name <address>": the text before the first `<` after the last inner `>`, and what is between it and the final
 * `>`; undefined when the entry has no such form or the name spans lines. A scan, where the expression
 * /^(.*?)\s*<([^>]+)>\s*$/ that says the same took quadratic time on a run of `<`.
 */
function nameAndAddress(trimmed: string): [string, string] | undefined {
  const close = trimmed.length - 1;
  if (close < 0 || trimmed[close] !== '>') return undefined;
  const open = trimmed.indexOf('<', trimmed.lastIndexOf('>', close - 1) + 1);
  if (open < 0 || open + 1 >= close) return undefined;
  const name = trimmed.slice(0, open).trimEnd();
  if (/[\n\r\u2028\u2029]/.test(name)) return undefined;
  return [name, trimmed.slice(open + 1, close)];
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

const HANDLE = /(?<![\p{L}\p{N}_.@`/])@[A-Za-z0-9](?:[A-Za-z0-9_-]|[.](?=[A-Za-z0-9]))*(?![\p{L}\p{N}_/@])/gu;
const EMAIL = /(?<![\p{L}\p{N}_.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\p{L}\p{N}_])/gu;

/** @handles (a GitHub/Slack user; `@org/team` is a team and is left out). */
export function findHandles(text: string): Mention[] {
  const found: Mention[] = [];
  HANDLE.lastIndex = 0;
  for (let m = HANDLE.exec(text); m; m = HANDLE.exec(text)) {
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], source: 'handle' });
  }
  return found;
}

/** Personal e-mail addresses; role mailboxes (`alerts@`, `noreply@`) are systems. */
export function findEmails(text: string): Mention[] {
  const found: Mention[] = [];
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
    const local = m[0].slice(0, m[0].indexOf('@'));
    if (ROLE_MAILBOX.test(local)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], source: 'email' });
  }
  return found;
}

/** Keeps the first of overlapping mentions (callers list the most trusted sources first). */
export function mergeMentions(groups: Mention[][]): Mention[] {
  const kept: Mention[] = [];
  for (const group of groups) {
    for (const m of group) {
      if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
      kept.push(m);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
