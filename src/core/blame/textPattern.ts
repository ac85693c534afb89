/**
 * Regular expressions of the blame lexicon, compiled for the text at hand. A `\p{L}` or `\p{N}` class costs V8
 * 1-3 ms to compile (code for ~700 ranges, more under the `i` flag), and the lexicon has dozens of them: on a
 * one-file `postmortem lint` that was most of the run (issue 12, item 8). On text that is all ASCII, which is most
 * post-mortem prose, the same expression with those classes narrowed to their ASCII members (`\p{L}` -> `a-zA-Z`,
 * `\p{N}` -> `0-9`) finds exactly the same matches: every character the expression can meet is ASCII, and those
 * are the ASCII members. It compiles in microseconds. Text with any other character gets the expression as written.
 * Both are compiled on first use.
 */

const ASCII_TEXT = /^[\u0000-\u007f]*$/;

/** The ASCII members of the Unicode properties the lexicon uses; another property keeps the expression as written. */
const ASCII_MEMBERS: Record<string, string> = { L: 'a-zA-Z', N: '0-9', Lu: 'A-Z', Ll: 'a-z' };

/**
 * `source` with each `\p{...}` replaced by its ASCII members (inside a class: the ranges; outside: a class of them),
 * or undefined where a property is not in ASCII_MEMBERS (or is negated: `\P{...}`).
 */
export function asciiSource(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const property = /^\\([pP])\{([^}]*)\}/.exec(source.slice(i));
      if (property) {
        const members = property[1] === 'p' ? ASCII_MEMBERS[property[2]] : undefined;
        if (members === undefined) return undefined;
        out += inClass ? members : `[${members}]`;
        i += property[0].length - 1;
        continue;
      }
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** Every TextPattern made, so one test can hold each ASCII form to its expression (blame-quick-check.test.ts). */
const everyPattern: TextPattern[] = [];
export const allTextPatterns = (): readonly TextPattern[] => everyPattern;

/**
 * `source` (an ASCII form, without `\p{...}`) for lower-cased text: its literal letters lower-cased, escapes left as
 * they are (`\W`, `\S`, `\B` keep their meaning). On ASCII text, `/source/i` matches where `/folded/` matches the
 * lower-cased text. Undefined for named groups (their names would need the same treatment in `\k<...>`).
 */
export function foldedSource(source: string): string | undefined {
  if (/\(\?<[A-Za-z_$]|\\k</.test(source)) return undefined;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      // An escape stays whole: \uXXXX, \xXX, \cX or one character.
      const length = source[i + 1] === 'u' && source[i + 2] !== '{' ? 6 : source[i + 1] === 'x' ? 4 : source[i + 1] === 'c' ? 3 : 2;
      out += source.slice(i, i + length);
      i += length - 1;
      continue;
    }
    out += c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
  }
  return out;
}

export class TextPattern {
  private ascii?: RegExp;
  private full?: RegExp;
  /** For test() on ASCII text of an `i` expression: the folded form run on the lower-cased text (null: none). */
  private lowered?: RegExp | null;

  constructor(
    readonly source: string,
    readonly flags: string,
  ) {
    everyPattern.push(this);
  }

  /** The expression to run on `text` (reset `lastIndex` before a global loop). */
  for(text: string): RegExp {
    if (ASCII_TEXT.test(text)) {
      if (!this.ascii) {
        const ascii = asciiSource(this.source);
        // Without the `u` flag too (half the compile time again): on ASCII text and an expression without `\p{...}`
        // or `\u{...}`, the flag changes nothing (its case folding differs only for ſ and the Kelvin sign).
        this.ascii = ascii === undefined || ascii.includes('\\u{') ? this.unicode() : new RegExp(ascii, this.flags.replace('u', ''));
      }
      return this.ascii;
    }
    return this.unicode();
  }

  /** The expression as written. */
  unicode(): RegExp {
    this.full ??= new RegExp(this.source, this.flags);
    return this.full;
  }

  test(text: string): boolean {
    // An `i` expression compiles two to three times faster without the flag: on ASCII text, the folded form on the
    // lower-cased text gives the same answer (exec and for() keep the text's own case, so they do not use it).
    if (this.flags.includes('i') && ASCII_TEXT.test(text)) {
      if (this.lowered === undefined) {
        const ascii = asciiSource(this.source);
        const folded = ascii === undefined || ascii.includes('\\u{') ? undefined : foldedSource(ascii);
        this.lowered = folded === undefined ? null : new RegExp(folded, this.flags.replace(/[iugy]/g, ''));
      }
      if (this.lowered) return this.lowered.test(text.toLowerCase());
    }
    const pattern = this.for(text);
    pattern.lastIndex = 0;
    return pattern.test(text);
  }

  exec(text: string): RegExpExecArray | null {
    const pattern = this.for(text);
    pattern.lastIndex = 0;
    return pattern.exec(text);
  }
}

/** A TextPattern of a regular expression literal (kept as a literal in the source, for reading). */
export function textPattern(pattern: RegExp): TextPattern {
  return new TextPattern(pattern.source, pattern.flags);
}
