/**
 * What is wrong with a file as text, before it is read as YAML: it is not
 * text at all (binary), it is UTF-16 read as UTF-8, it breaks lines with lone
 * carriage returns, or it holds control characters YAML does not allow. The
 * `yaml` library accepts control characters silently and reads lone carriage
 * returns as part of a line, so without these checks such files pass with no
 * diagnostic or bury the cause under dozens of syntax errors.
 *
 * All scans are single passes over the text (no regular expressions with
 * backtracking), so a 4-million-character file costs one linear read.
 */

/** A problem found in the raw text, as offsets into it. */
export interface TextProblem {
  kind: 'binary' | 'utf16' | 'lone-cr' | 'control-character';
  start: number;
  end: number;
  message: string;
  /** Binary and UTF-16 files are not parsed further: every line would be an error. */
  fatal: boolean;
}

/** Control characters reported one by one; beyond this, one summary. */
const MAX_CONTROL_REPORTS = 10;
/** How much of the head of a file decides "binary" or "UTF-16". */
const SNIFF_LENGTH = 8192;

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x0b: 'VT', 0x0c: 'FF', 0x1b: 'ESC', 0x7f: 'DEL',
};

/** `U+0000 (NUL)`: how a message names a control character. */
export function describeCodePoint(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_NAMES[code];
  return name ? `${hex} (${name})` : hex;
}

/**
 * Characters YAML 1.2 does not allow in a stream: C0 controls other than tab,
 * line feed and carriage return; DEL; C1 controls other than NEL (U+0085).
 */
export function isDisallowedControl(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code === 0x7f) return true;
  return code >= 0x80 && code <= 0x9f && code !== 0x85;
}

/** UTF-16 read as UTF-8: a UTF-16 byte-order mark, or NULs between most letters of the head. */
function looksUtf16(text: string): boolean {
  const first = text.charCodeAt(0);
  const head = text.slice(first === 0xfeff || first === 0xfffe ? 1 : 0, SNIFF_LENGTH);
  if (first === 0xfffe) return true;
  // Two replacement characters are how an FF FE or FE FF byte-order mark decodes as UTF-8.
  if (text.startsWith('\ufffd\ufffd') && head.length > 2 && head.charCodeAt(3) === 0) return true;
  if (head.length < 4) return false;
  let nulAtOdd = 0;
  let nulAtEven = 0;
  for (let i = 0; i < head.length; i++) {
    if (head.charCodeAt(i) !== 0) continue;
    if (i % 2 === 1) nulAtOdd++;
    else nulAtEven++;
  }
  // ASCII text in UTF-16 has a NUL in every other place and letters in the others; mostly-NUL data is binary.
  const half = head.length / 2;
  return (nulAtOdd > half * 0.6 && nulAtEven < half * 0.1) || (nulAtEven > half * 0.6 && nulAtOdd < half * 0.1);
}

/** Many control characters in the head: a binary file, not a post-mortem. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, SNIFF_LENGTH);
  let controls = 0;
  for (let i = 0; i < head.length; i++) if (isDisallowedControl(head.charCodeAt(i))) controls++;
  return controls >= 8 && controls > head.length * 0.05;
}

/** Every problem of the text as text; a fatal one comes alone. */
export function checkText(text: string): TextProblem[] {
  if (text.length === 0) return [];
  if (looksUtf16(text)) {
    return [{
      kind: 'utf16',
      start: 0,
      end: Math.min(text.length, 1),
      fatal: true,
      message: 'This file is UTF-16 text (a UTF-16 byte-order mark or a NUL byte between letters); post-mortems are read as UTF-8. Save it with UTF-8 encoding (in VS Code: the encoding in the status bar, then "Save with Encoding").',
    }];
  }
  if (looksBinary(text)) {
    return [{
      kind: 'binary',
      start: 0,
      end: Math.min(text.length, 1),
      fatal: true,
      message: 'This file holds binary data (many control characters), not YAML text. Was another file saved under a .pm.yaml name?',
    }];
  }

  const problems: TextProblem[] = [];
  let controls = 0;
  let firstLoneCr = -1;
  let loneCrs = 0;
  let lineFeeds = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) lineFeeds++;
    else if (code === 0x0d) {
      if (text.charCodeAt(i + 1) !== 0x0a) {
        loneCrs++;
        if (firstLoneCr === -1) firstLoneCr = i;
      }
    } else if (isDisallowedControl(code)) {
      controls++;
      if (controls <= MAX_CONTROL_REPORTS) {
        problems.push({
          kind: 'control-character',
          start: i,
          end: i + 1,
          fatal: false,
          message: `The control character ${describeCodePoint(code)} is not allowed in YAML and is invisible in most editors; delete it.`,
        });
      }
    }
  }
  if (controls > MAX_CONTROL_REPORTS) {
    const last = problems[problems.length - 1];
    problems.push({
      kind: 'control-character',
      start: last.start,
      end: last.end,
      fatal: false,
      message: `${controls - MAX_CONTROL_REPORTS} more control characters after this one are not shown; delete them too.`,
    });
  }
  if (loneCrs > 0) {
    problems.push({
      kind: 'lone-cr',
      start: firstLoneCr,
      end: firstLoneCr + 1,
      fatal: false,
      message:
        lineFeeds === 0
          ? 'This file breaks lines with lone carriage returns (classic Mac line endings); it is read with them as line breaks, but git, diff tools and many YAML readers see one long line. Save it with LF or CRLF line endings.'
          : `This file mixes lone carriage returns (${loneCrs}) with line feeds; the lone ones are read as line breaks. Save it with one line ending, LF or CRLF.`,
    });
  }
  return problems;
}

/**
 * The text the YAML parser reads: lone carriage returns become line feeds
 * (YAML 1.2 and VS Code both break lines there; the `yaml` library does not).
 * One character for one, so every offset stays valid for the original text.
 */
export function textForParsing(text: string): string {
  if (text.indexOf('\r') === -1) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) !== 0x0a) {
      out += text.slice(from, i) + '\n';
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
