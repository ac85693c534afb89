/**
 * Showing user text safely: in a terminal, a CI log or a message. A value
 * from a file (an id, a title, a file name) can hold escape sequences that
 * rewrite the screen, a newline that forges a line of output, or bidi
 * controls that reorder what is read; and a value can be a whole secret file.
 * Every message that quotes a value quotes `excerpt(value)`, and every
 * human-readable output passes through `printable` (one line) or
 * `escapeTerminal` (keeps its line breaks).
 */

/** The most characters of a value a message quotes. */
export const EXCERPT_LENGTH = 60;

/**
 * C0 controls, DEL, C1 controls (CSI and OSC among them), the line and
 * paragraph separators, and the bidi marks, embeddings, overrides and
 * isolates ("Trojan Source").
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same without tab and line feed, for output that keeps its lines. */
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of text with every control character written as an escape (`\x1b`, `\n`, `\u202e`): for file names and values. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** Multi-line output (a report, a Markdown page): line breaks and tabs stay, every other control character is escaped. */
export function escapeTerminal(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE_IN_LINES, escapeOne);
}

/**
 * A value as a message quotes it: on one line (runs of white space become one
 * space), at most `max` characters with an ellipsis after a cut, control
 * characters escaped. Never the whole of a long value: a linked secret file
 * shows its first words at most.
 */
export function excerpt(value: string, max = EXCERPT_LENGTH): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  // Two code units at most per character: this slice keeps more than `max` characters whenever it cuts.
  const characters = Array.from(oneLine.slice(0, max * 2 + 2));
  const cut = characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : characters.join('');
  return printable(cut);
}

/**
 * JSON output for a terminal: the characters `escapeTerminal` escapes, as `\uXXXX` escapes, which
 * JSON reads back as the same characters (JSON.stringify already escapes C0, not DEL, C1 or bidi).
 * Only for text made by JSON.stringify: outside its strings there is nothing to escape.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(UNSAFE_IN_LINES, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Any output of a command by its format: JSON stays JSON, HTML is left to its escaping (it is for a browser), the rest keeps its lines. */
export function escapeOutput(text: string, format: string): string {
  if (format === 'json' || format === 'sarif') return escapeJsonForTerminal(text);
  if (format === 'html') return text;
  return escapeTerminal(text);
}
