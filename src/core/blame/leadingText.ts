/**
 * What a match of a regular expression must start with and contain, read from its source, so that a list of
 * expressions can be narrowed to the few that may match a text before any of them is compiled (issue 12, item 8:
 * compiling the blame lexicon, ~70 expressions and their 5 KB union, was a third of a one-file `postmortem lint`;
 * V8 compiles a regular expression on its first run, and a text can only be matched by the expressions whose first
 * letters, and one of whose required words, it contains).
 *
 * leadingTexts(source) lists strings of up to LEAD characters such that every match of the expression (under the
 * `i` flag) begins, lower-cased, with one of them. A shorter string stands for "this, then anything" (the match is
 * that short, or the next part of the expression is too broad to list, like `\p{L}+`). Undefined when the
 * expression may start with almost anything. requiredTexts(source) lists strings one of which every match contains
 * somewhere ("prod", "primary", "live" for "on the prod...", "in the primary..."). Both are sound, not exact:
 * lookarounds are skipped (they only narrow), and `x+` is read as "x, then anything".
 * test/unit/blame-leading-text.test.ts holds them to every match of every lexicon expression over the corpora and
 * random text.
 */
import type { TextPattern } from './textPattern';

/** How many leading characters are listed: three tell most words apart ("fai", "for", "fat"). */
const LEAD = 3;
/** Beyond this many strings a listing is dropped: the expression is too broad to be worth narrowing. */
const MAX_STRINGS = 512;
/** A character class with more members than this is a wildcard (`[a-z]`, `\p{L}`, `\s`). */
const MAX_CLASS = 8;
/** The longest whole-match listing kept for requiredTexts (every string of a part that matches few strings). */
const MAX_EXACT = 64;

/** The source read as a tree: a sequence, alternatives, one character of a set (null: too many), a repeat, nothing. */
type Node =
  | { kind: 'sequence'; items: Node[] }
  | { kind: 'alternatives'; options: Node[] }
  | { kind: 'character'; members: string[] | null }
  | { kind: 'repeat'; atom: Node; min: number; max: number }
  | { kind: 'empty' };

const EMPTY_NODE: Node = { kind: 'empty' };
const ANY_CHARACTER: Node = { kind: 'character', members: null };

class TooBroad extends Error {}

/** The tree of `source`, or undefined where the reader does not follow it. */
function parse(source: string): Node | undefined {
  try {
    const parser = new Parser(source);
    const node = parser.alternation();
    return parser.at < source.length ? undefined : node;
  } catch (error) {
    if (error instanceof TooBroad) return undefined;
    throw error;
  }
}

/** A listed start: `text`, and whether it is the part's whole match (`whole`: what follows may extend it). */
interface Lead {
  text: string;
  whole: boolean;
}

const EMPTY_LEADS: Lead[] = [{ text: '', whole: true }];
const ANYTHING: Lead[] = [{ text: '', whole: false }];

/** The strings every match of `source` starts with (see above), or undefined. */
export function leadingTexts(source: string): string[] | undefined {
  const node = parse(source);
  if (!node) return undefined;
  try {
    const texts = [...new Set(leadsOf(node).map((l) => l.text))];
    return texts.includes('') ? undefined : texts;
  } catch (error) {
    if (error instanceof TooBroad) return undefined;
    throw error;
  }
}

function checked<T>(list: T[]): T[] {
  if (list.length > MAX_STRINGS) throw new TooBroad();
  return list;
}

function leadsOf(node: Node): Lead[] {
  switch (node.kind) {
    case 'empty':
      return EMPTY_LEADS;
    case 'character':
      return node.members ? node.members.map((text) => ({ text, whole: true })) : ANYTHING;
    case 'alternatives':
      return checked(node.options.flatMap(leadsOf));
    case 'repeat': {
      const atom = leadsOf(node.atom);
      if (node.min === 1 && node.max === 1) return atom;
      // Once the atom has matched, what follows is left open (sound: a listed start is then a prefix of the match).
      const once = atom.map((l) => ({ text: l.text, whole: node.max === 1 ? l.whole : false }));
      return node.min === 0 ? checked([...EMPTY_LEADS, ...once]) : once;
    }
    case 'sequence': {
      let leads = EMPTY_LEADS;
      for (const item of node.items) {
        if (leads.every((l) => !l.whole || l.text.length >= LEAD)) break;
        leads = concat(leads, leadsOf(item));
      }
      return leads.map((l) => (l.text.length >= LEAD ? { text: l.text.slice(0, LEAD), whole: false } : l));
    }
  }
}

/** `first`, then `second`: each start of `first` that is its part's whole match goes on with each of `second`. */
function concat(first: readonly Lead[], second: readonly Lead[]): Lead[] {
  const out = new Map<string, Lead>();
  const add = (lead: Lead): void => {
    const key = `${lead.whole ? 1 : 0}${lead.text}`;
    if (!out.has(key)) out.set(key, lead);
  };
  for (const a of first) {
    if (!a.whole || a.text.length >= LEAD) {
      add({ text: a.text.slice(0, LEAD), whole: false });
      continue;
    }
    for (const b of second) {
      const text = a.text + b.text;
      add(text.length >= LEAD ? { text: text.slice(0, LEAD), whole: false } : { text, whole: b.whole });
    }
  }
  return checked([...out.values()]);
}

/** What requiredTexts knows of a part: the few strings it matches whole (`exact`), strings one of which it contains. */
interface Contents {
  exact?: string[];
  required?: string[];
}

/** Strings one of which every match of `source` contains (lower case), or undefined when none can be named. */
export function requiredTexts(source: string): string[] | undefined {
  const node = parse(source);
  if (!node) return undefined;
  const found = best(contentsOf(node));
  return found && found.length > 0 ? found : undefined;
}

/** The better of a part's own listings (strings that are all non-empty): see preferred. */
function best(contents: Contents): string[] | undefined {
  return preferred([contents.exact, contents.required].filter((list): list is string[] => list !== undefined));
}

/**
 * Of listings that each hold for every match, the one a text is cheapest to test against and still rarely contains:
 * the fewest strings among those whose strings all have 4 characters or more ("prod", "primary", "live" rather than
 * 100 spellings of "on the prod"), else the longest shortest string.
 */
function preferred(lists: readonly string[][]): string[] | undefined {
  const usable = lists.filter((list) => list.length > 0 && !list.includes(''));
  const long = usable.filter((list) => shortest(list) >= 4);
  if (long.length > 0) return [...long].sort((a, b) => a.length - b.length || shortest(b) - shortest(a))[0];
  return [...usable].sort((a, b) => shortest(b) - shortest(a) || a.length - b.length)[0];
}

const shortest = (list: readonly string[]): number => Math.min(...list.map((s) => s.length));

function product(first: readonly string[], second: readonly string[]): string[] | undefined {
  if (first.length * second.length > MAX_EXACT) return undefined;
  return [...new Set(first.flatMap((a) => second.map((b) => a + b)))];
}

function contentsOf(node: Node): Contents {
  switch (node.kind) {
    case 'empty':
      return { exact: [''] };
    case 'character':
      return node.members ? { exact: node.members } : {};
    case 'alternatives': {
      const parts = node.options.map(contentsOf);
      const exact = parts.every((p) => p.exact) ? [...new Set(parts.flatMap((p) => p.exact!))] : undefined;
      const each = parts.map(best);
      const required = each.every((list) => list !== undefined) ? [...new Set(each.flatMap((list) => list!))] : undefined;
      return { exact: exact && exact.length <= MAX_EXACT ? exact : undefined, required };
    }
    case 'repeat': {
      const atom = contentsOf(node.atom);
      if (node.min === 1 && node.max === 1) return atom;
      if (node.min === 0) return { exact: node.max === 1 && atom.exact ? [...new Set(['', ...atom.exact])] : undefined };
      return { required: best(atom) };
    }
    case 'sequence': {
      // Runs of parts that each match few strings make the strings of the run; any part's own listing counts too.
      const listings: string[][] = [];
      let run: string[] | undefined = [''];
      let whole: string[] | undefined = [''];
      for (const item of node.items) {
        const contents = contentsOf(item);
        const own = best(contents);
        if (own) listings.push(own);
        if (contents.exact) {
          run = run ? product(run, contents.exact) : [...contents.exact];
          whole = whole ? product(whole, contents.exact) : undefined;
        } else {
          if (run) listings.push(run);
          run = undefined;
          whole = undefined;
        }
      }
      if (run) listings.push(run);
      return { exact: whole, required: preferred(listings) };
    }
  }
}

const lower = (c: string): string => c.toLowerCase();
/** An ASCII letter, digit or `_` (lower case: the text is folded first): a match cannot begin right after one. */
const isWordCharacter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
const FOLDS_TO_ASCII = /[\u017f\u212a\u0131]/;

/** A number for the `length` (1 to 3) characters of `text` at `start`: exact, as each UTF-16 unit takes 16 bits. */
function leadKey(text: string, start: number, length: number): number {
  let key = 0;
  for (let i = length - 1; i >= 0; i--) key = key * 65536 + text.charCodeAt(start + i);
  return key * 4 + length;
}

/** A recursive-descent reader of the JavaScript regular expression syntax the lexicon uses. */
class Parser {
  at = 0;
  constructor(private readonly source: string) {}

  alternation(): Node {
    const options: Node[] = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alternatives', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') items.push(this.quantified());
    return { kind: 'sequence', items };
  }

  private quantified(): Node {
    const atom = this.atom();
    const c = this.source[this.at];
    let min = 1;
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      this.at++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at, this.at + 16));
      if (m) {
        this.at += m[0].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      }
    }
    if ((min !== 1 || max !== 1) && this.source[this.at] === '?') this.at++; // lazy
    return min === 1 && max === 1 ? atom : { kind: 'repeat', atom, min, max };
  }

  private atom(): Node {
    const c = this.source[this.at];
    if (c === '(') return this.group();
    if (c === '[') return this.characterClass();
    if (c === '\\') return this.escape();
    this.at++;
    if (c === '^' || c === '$') return EMPTY_NODE;
    if (c === '.') return ANY_CHARACTER;
    return { kind: 'character', members: [lower(c)] };
  }

  private group(): Node {
    const rest = this.source.slice(this.at, this.at + 64);
    const lookaround = /^\(\?<?[=!]/.exec(rest);
    const opener = lookaround ?? /^\(\?:|^\(\?<[A-Za-z_$][\w$]*>|^\(/.exec(rest);
    this.at += opener![0].length;
    const inner = this.alternation();
    if (this.source[this.at] !== ')') throw new TooBroad();
    this.at++;
    // A lookaround takes no characters: the match goes on as if it were not there (it can only narrow).
    return lookaround ? EMPTY_NODE : inner;
  }

  private characterClass(): Node {
    this.at++;
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    const members = new Set<string>();
    let broad = negated;
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      let member: string | undefined;
      if (this.source[this.at] === '\\') {
        const escaped = this.escape();
        if (escaped.kind !== 'character' || escaped.members?.length !== 1) broad = true;
        else member = escaped.members[0];
      } else {
        member = this.source[this.at++];
      }
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']' && member !== undefined) {
        // A range: listed when short ("a-c"), broad otherwise.
        this.at++;
        const endNode = this.source[this.at] === '\\' ? this.escape() : { kind: 'character' as const, members: [this.source[this.at++]] };
        const end = endNode.kind === 'character' && endNode.members?.length === 1 ? endNode.members[0] : undefined;
        if (end === undefined || end.length !== 1 || end.charCodeAt(0) - member.charCodeAt(0) > MAX_CLASS) broad = true;
        else for (let code = member.charCodeAt(0); code <= end.charCodeAt(0); code++) members.add(lower(String.fromCharCode(code)));
        continue;
      }
      if (member !== undefined) members.add(lower(member));
    }
    this.at++; // ]
    if (broad || members.size > MAX_CLASS) return ANY_CHARACTER;
    return { kind: 'character', members: [...members] };
  }

  private escape(): Node {
    const rest = this.source.slice(this.at, this.at + 32);
    const property = /^\\[pP]\{[^}]*\}/.exec(rest);
    if (property) {
      this.at += property[0].length;
      return ANY_CHARACTER;
    }
    const code = /^\\u\{([0-9a-fA-F]+)\}|^\\u([0-9a-fA-F]{4})|^\\x([0-9a-fA-F]{2})/.exec(rest);
    if (code) {
      this.at += code[0].length;
      return { kind: 'character', members: [lower(String.fromCodePoint(parseInt(code[1] ?? code[2] ?? code[3], 16)))] };
    }
    const c = rest[1];
    this.at += 2;
    if (c === 'b' || c === 'B') return EMPTY_NODE;
    if ('dDwWsS'.includes(c) || /[1-9k]/.test(c)) return ANY_CHARACTER;
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
    return { kind: 'character', members: [lower(controls[c] ?? c)] };
  }
}

/** What the index knows of one expression ahead of time (null: nothing to narrow by). */
export interface KnownTexts {
  leads: readonly string[] | null;
  required: readonly string[] | null;
}

/** leadingTexts and requiredTexts of `source`, as the generated table holds them. */
export function knownTexts(source: string): KnownTexts {
  return { leads: leadingTexts(source) ?? null, required: requiredTexts(source) ?? null };
}

/**
 * A list of expressions, each with its leading and required texts, asked which may match a text: an expression is
 * left out when no place in the text where a match could begin starts with one of its leading texts, or when the text
 * contains none of its required texts.
 */
export class LeadingIndex<T extends { pattern: TextPattern }> {
  private readonly always: number[] = [];
  /** By leadKey: numbers, not strings, so looking a place up allocates nothing. */
  private readonly byLead = new Map<number, number[]>();
  /** The last text asked about and its answer: the lexicon asks twice in a row (is there a term, which terms). */
  private last?: { text: string; answer: T[] };
  private readonly required: Array<readonly string[] | null> = [];

  /**
   * `wordStart`: every entry's match begins where the character before is not a letter, digit or `_` (the lexicon
   * wraps each term in `(?<![\p{L}\p{N}_])`), so the places after an ASCII letter, digit or `_` are not looked at.
   * `known`: the texts computed ahead of time, by source (reading ~70 sources costs more than the lint of a small
   * file, so the lexicon's are generated: ./lexiconLeads.generated.ts); a source it lacks is read here.
   */
  constructor(
    readonly entries: readonly T[],
    private readonly wordStart = false,
    known: Readonly<Record<string, KnownTexts>> = {},
  ) {
    entries.forEach((entry, i) => {
      const source = entry.pattern.source;
      const texts = Object.prototype.hasOwnProperty.call(known, source) ? known[source] : knownTexts(source);
      this.required.push(texts.required);
      if (!texts.leads) {
        this.always.push(i);
        return;
      }
      for (const lead of texts.leads) {
        const key = leadKey(lead, 0, lead.length);
        const list = this.byLead.get(key);
        if (list) list.push(i);
        else this.byLead.set(key, [i]);
      }
    });
  }

  /** The entries that may match somewhere in `text`, in their order. */
  candidates(text: string): T[] {
    if (this.last?.text === text) return this.last.answer;
    const answer = this.narrow(text);
    this.last = { text, answer };
    return answer;
  }

  private narrow(text: string): T[] {
    // Case folding under `iu` maps two characters outside ASCII onto ASCII letters (ſ to s, the Kelvin sign to k):
    // lower-casing does not, so such a text keeps every entry.
    if (FOLDS_TO_ASCII.test(text)) return [...this.entries];
    const folded = text.toLowerCase();
    // toLowerCase keeps positions except for a few characters outside ASCII ("İ" becomes two): then every entry.
    if (folded.length !== text.length) return [...this.entries];
    const hit: number[] = [];
    const seen = new Uint8Array(this.entries.length);
    const consider = (index: number): void => {
      if (seen[index]) return;
      seen[index] = 1;
      const required = this.required[index];
      if (required === null || required.some((r) => folded.includes(r))) hit.push(index);
    };
    for (const index of this.always) consider(index);
    for (let i = 0; i < folded.length; i++) {
      if (this.wordStart && i > 0 && isWordCharacter(folded.charCodeAt(i - 1))) continue;
      for (let length = 1; length <= LEAD && i + length <= folded.length; length++) {
        const found = this.byLead.get(leadKey(folded, i, length));
        if (found) for (const index of found) consider(index);
      }
    }
    return hit.sort((a, b) => a - b).map((i) => this.entries[i]);
  }
}
