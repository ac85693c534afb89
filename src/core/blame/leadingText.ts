/**
 * What a match of a regular expression can start with, read from its source, so that a list of expressions can be
 * narrowed to the few that may match a text before any of them is compiled (issue 12, item 8: compiling the blame
 * lexicon, ~70 expressions and their 5 KB union, was a third of a one-file `postmortem lint`; V8 compiles a regular
 * expression on its first run, and a text can only be matched by the expressions whose first letters it contains).
 *
 * leadingTexts(source) lists strings of up to LEAD characters such that every match of the expression (under the
 * `i` flag) begins, lower-cased, with one of them. A shorter string stands for "this, then anything" (the match is
 * that short, or the next part of the expression is too broad to list, like `\p{L}+`). Undefined when the
 * expression may start with almost anything. Sound, not exact: lookarounds are skipped (they only narrow), and
 * `x+` is read as "x, then anything". test/unit/blame-leading-text.test.ts holds it to every match of every
 * lexicon expression over the corpora and random text.
 */
import type { TextPattern } from './textPattern';

/** How many leading characters are listed: three tell most words apart ("fai", "for", "fat"). */
const LEAD = 3;
/** Beyond this many strings the listing is dropped: the expression starts too broadly to be worth narrowing. */
const MAX_STRINGS = 512;
/** A character class with more members than this is a wildcard (`[a-z]`, `\p{L}`, `\s`). */
const MAX_CLASS = 8;

/** A listed start: `text`, and whether it is the part's whole match (`whole`: what follows may extend it). */
interface Lead {
  text: string;
  whole: boolean;
}

const EMPTY: Lead[] = [{ text: '', whole: true }];
const ANYTHING: Lead[] = [{ text: '', whole: false }];

class TooBroad extends Error {}

/** The strings every match of `source` starts with (see above), or undefined. */
export function leadingTexts(source: string): string[] | undefined {
  try {
    const parser = new Parser(source);
    const leads = parser.alternation();
    if (parser.at < source.length) return undefined;
    const texts = [...new Set(leads.map((l) => l.text))];
    return texts.includes('') ? undefined : texts;
  } catch (error) {
    if (error instanceof TooBroad) return undefined;
    throw error;
  }
}

function checked(leads: Lead[]): Lead[] {
  if (leads.length > MAX_STRINGS) throw new TooBroad();
  return leads;
}

/** `first`, then `second`: each start of `first` that is its part's whole match goes on with each of `second`. */
function concat(first: readonly Lead[], second: () => Lead[]): Lead[] {
  if (first.every((l) => !l.whole || l.text.length >= LEAD)) return first.map((l) => ({ text: l.text, whole: false }));
  const next = second();
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
    for (const b of next) {
      const text = a.text + b.text;
      add(text.length >= LEAD ? { text: text.slice(0, LEAD), whole: false } : { text, whole: b.whole });
    }
  }
  return checked([...out.values()]);
}

const lower = (c: string): string => c.toLowerCase();
/** An ASCII letter, digit or `_` (lower case: the text is folded first): a match cannot begin right after one. */
const WORD_CHARACTER = /[a-z0-9_]/;

/** A recursive-descent reader of the JavaScript regular expression syntax the lexicon uses. */
class Parser {
  at = 0;
  constructor(private readonly source: string) {}

  alternation(): Lead[] {
    const options: Lead[] = [...this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      options.push(...this.sequence());
      checked(options);
    }
    return options;
  }

  private sequence(): Lead[] {
    let leads: Lead[] = EMPTY;
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.quantified();
      // Parse the rest even when the start is already known: the reader must reach the end of the group.
      leads = concat(leads, () => atom);
    }
    return leads;
  }

  private quantified(): Lead[] {
    const atom = this.atom();
    const c = this.source[this.at];
    let min = 1;
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      this.at++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (m) {
        this.at += m[0].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      }
    }
    if (min !== max || max !== 1) {
      if (this.source[this.at] === '?') this.at++; // lazy
    }
    if (min === 1 && max === 1) return atom;
    // Once the atom has matched, what follows is left open (sound: a listed start is then a prefix of the match).
    const once = atom.map((l) => ({ text: l.text, whole: max === 1 ? l.whole : false }));
    return min === 0 ? checked([...EMPTY, ...once]) : once;
  }

  private atom(): Lead[] {
    const c = this.source[this.at];
    if (c === '(') return this.group();
    if (c === '[') return this.characterClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') {
      this.at++;
      return EMPTY;
    }
    if (c === '.') {
      this.at++;
      return ANYTHING;
    }
    this.at++;
    return [{ text: lower(c), whole: true }];
  }

  private group(): Lead[] {
    const rest = this.source.slice(this.at);
    const lookaround = /^\(\?<?[=!]/.exec(rest);
    const opener = lookaround ?? /^\(\?:|^\(\?<[A-Za-z_$][\w$]*>|^\(/.exec(rest);
    this.at += opener![0].length;
    const inner = this.alternation();
    if (this.source[this.at] !== ')') throw new TooBroad();
    this.at++;
    // A lookaround takes no characters: the match goes on as if it were not there (it can only narrow).
    return lookaround ? EMPTY : inner;
  }

  private characterClass(): Lead[] {
    this.at++;
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    const members = new Set<string>();
    let broad = negated;
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      let member: string | undefined;
      if (this.source[this.at] === '\\') {
        const escaped = this.escape();
        if (escaped.length !== 1 || !escaped[0].whole || escaped[0].text.length !== 1) broad = true;
        else member = escaped[0].text;
      } else {
        member = this.source[this.at++];
      }
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']' && member !== undefined) {
        // A range: listed when short ("a-c"), broad otherwise.
        this.at++;
        const endLeads = this.source[this.at] === '\\' ? this.escape() : [{ text: this.source[this.at++], whole: true }];
        const end = endLeads[0]?.text;
        if (end === undefined || end.length !== 1 || end.charCodeAt(0) - member.charCodeAt(0) > MAX_CLASS) broad = true;
        else for (let code = member.charCodeAt(0); code <= end.charCodeAt(0); code++) members.add(lower(String.fromCharCode(code)));
        continue;
      }
      if (member !== undefined) members.add(lower(member));
    }
    this.at++; // ]
    if (broad || members.size > MAX_CLASS) return ANYTHING;
    return [...members].map((text) => ({ text, whole: true }));
  }

  private escape(): Lead[] {
    const rest = this.source.slice(this.at);
    const property = /^\\[pP]\{[^}]*\}/.exec(rest);
    if (property) {
      this.at += property[0].length;
      return ANYTHING;
    }
    const code = /^\\u\{([0-9a-fA-F]+)\}|^\\u([0-9a-fA-F]{4})|^\\x([0-9a-fA-F]{2})/.exec(rest);
    if (code) {
      this.at += code[0].length;
      return [{ text: lower(String.fromCodePoint(parseInt(code[1] ?? code[2] ?? code[3], 16))), whole: true }];
    }
    const c = rest[1];
    this.at += 2;
    if (c === 'b' || c === 'B') return EMPTY;
    if ('dDwWsS'.includes(c) || /[1-9k]/.test(c)) return ANYTHING;
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
    return [{ text: lower(controls[c] ?? c), whole: true }];
  }
}

/**
 * A list of expressions, each with its leading texts, asked which may match a text: an expression is left out only
 * when no place in the text where a match could begin starts with one of its leading texts.
 */
export class LeadingIndex<T extends { pattern: TextPattern }> {
  private readonly always: number[] = [];
  private readonly byLead = new Map<string, number[]>();

  /**
   * `wordStart`: every entry's match begins where the character before is not a letter, digit or `_` (the lexicon
   * wraps each term in `(?<![\p{L}\p{N}_])`), so the places after an ASCII letter, digit or `_` are not looked at.
   */
  /**
   * `known`: leading texts computed ahead of time, by source (reading ~70 sources costs more than the lint of a
   * small file, so the lexicon's are generated: ./lexiconLeads.generated.ts); a source it lacks is read here.
   */
  constructor(
    readonly entries: readonly T[],
    private readonly wordStart = false,
    known: Readonly<Record<string, readonly string[] | null>> = {},
  ) {
    entries.forEach((entry, i) => {
      const source = entry.pattern.source;
      const leads = Object.prototype.hasOwnProperty.call(known, source) ? (known[source] ?? undefined) : leadingTexts(source);
      if (!leads) {
        this.always.push(i);
        return;
      }
      for (const lead of leads) {
        const list = this.byLead.get(lead);
        if (list) list.push(i);
        else this.byLead.set(lead, [i]);
      }
    });
  }

  /** The entries that may match somewhere in `text`, in their order. */
  candidates(text: string): T[] {
    // Case folding under `iu` maps two characters outside ASCII onto ASCII letters (ſ to s, the Kelvin sign to k):
    // lower-casing does not, so such a text keeps every entry.
    if (/[\u017f\u212a\u0131]/.test(text)) return [...this.entries];
    const folded = text.toLowerCase();
    // toLowerCase keeps positions except for a few characters outside ASCII ("İ" becomes two): then every entry.
    if (folded.length !== text.length) return [...this.entries];
    const hit = new Set<number>(this.always);
    for (let i = 0; i < folded.length; i++) {
      if (this.wordStart && i > 0 && WORD_CHARACTER.test(folded[i - 1])) continue;
      const lead = folded.slice(i, i + LEAD);
      for (let length = 1; length <= lead.length; length++) {
        const found = this.byLead.get(length === lead.length ? lead : lead.slice(0, length));
        if (found) for (const index of found) hit.add(index);
      }
    }
    return [...hit].sort((a, b) => a - b).map((i) => this.entries[i]);
  }
}
