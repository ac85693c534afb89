/**
 * Splits free text into sentences with their offsets in the text, so a name
 * found in a sentence can be underlined where it is. "Same sentence" is the
 * unit of the blame rule: a name in one sentence and a failure in the next
 * ("Bob owns the follow-up. The deploy failed.") is not blame.
 */

export interface Sentence {
  text: string;
  /** Offset of the first character in the analysed text. */
  start: number;
}

/**
 * Longer "sentences" (a pasted log line, a list without full stops) are cut
 * into pieces of at most this length, at a `;`, `,` or space when there is
 * one: the analysis of a piece is then bounded, and a document of any size
 * is linted in time proportional to its length.
 */
export const MAX_SENTENCE_LENGTH = 600;

/** Abbreviations whose trailing dot does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'dr', 'mr', 'mrs', 'ms', 'st', 'approx', 'incl', 'no', 'fig', 'jr', 'sr', 'inc', 'ltd', 'co']);

/**
 * Replaces Markdown syntax that is not prose with spaces, keeping every other
 * character at its offset: emphasis markers, inline code spans, link targets,
 * heading and list markers. Names inside code spans (`kubectl --user bob`)
 * are commands, not people.
 */
export function maskMarkdown(text: string): string {
  const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');
  const withoutTargets = maskLinkTargets(text.replace(/```[\s\S]*?(```|$)/g, blank).replace(/`[^`\r\n]*`/g, blank));
  return withoutTargets
    .replace(/[[\]]/g, ' ')
    .replace(/(\*\*|__|\*|~~)/g, blank)
    .replace(/^([ \t]*)(#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d+[.)][ \t])/gm, (_m, indent: string, marker: string) => indent + blank(marker));
}

/**
 * Blanks link targets `](url)` (no space inside, up to the first `)`), as /\]\([^)\s]*\)/g did. A scan: that
 * expression searched the rest of a line again from every `](` of a run (200 KB of `](` took seconds), while a
 * failed search here skips every `](` it passed, which would fail at the same place.
 */
function maskLinkTargets(text: string): string {
  let out = '';
  let copied = 0;
  let from = 0;
  for (let open = text.indexOf('](', from); open >= 0; open = text.indexOf('](', from)) {
    let end = open + 2;
    while (end < text.length && text[end] !== ')' && !/\s/.test(text[end])) end++;
    if (end < text.length && text[end] === ')') {
      out += text.slice(copied, open) + ' '.repeat(end + 1 - open);
      copied = end + 1;
    }
    from = Math.max(end, open + 1);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Sentence boundaries: `.`, `!`, `?` (and runs of them) followed by
 * whitespace and not after an abbreviation, an initial ("J. Smith") or inside
 * a number or address; a blank line; a line that starts a Markdown list item.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') for (const piece of cutLong(trimmed, start + lead)) sentences.push(piece);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      // A blank line, or a new list item / heading, starts a new sentence.
      const rest = text.slice(i + 1, i + 12);
      if (/^[ \t]*(\r?\n|$)/.test(rest) || /^[ \t]*([-*+][ \t]|\d+[.)][ \t]|#{1,6}[ \t])/.test(rest)) {
        push(i);
        start = i + 1;
      }
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < text.length && /[.!?)"'’”]/.test(text[end])) end++;
    if (end < text.length && !/\s/.test(text[end])) {
      i = end - 1; // 1.5, example.com, v1.2: the rest of this run of marks ends at the same place (no rescan)
      continue;
    }
    if (ch === '.' && isAbbreviationBefore(text, i)) continue;
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return sentences;
}

function cutLong(text: string, start: number): Sentence[] {
  if (text.length <= MAX_SENTENCE_LENGTH) return [{ text, start }];
  const pieces: Sentence[] = [];
  let from = 0;
  while (text.length - from > MAX_SENTENCE_LENGTH) {
    const window = text.slice(from, from + MAX_SENTENCE_LENGTH);
    const cut = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '), window.lastIndexOf(' '));
    const end = cut > MAX_SENTENCE_LENGTH / 2 ? from + cut + 1 : from + MAX_SENTENCE_LENGTH;
    const piece = text.slice(from, end);
    const lead = piece.length - piece.trimStart().length;
    if (piece.trim() !== '') pieces.push({ text: piece.trim(), start: start + from + lead });
    from = end;
  }
  const rest = text.slice(from);
  const lead = rest.length - rest.trimStart().length;
  if (rest.trim() !== '') pieces.push({ text: rest.trim(), start: start + from + lead });
  return pieces;
}

function isAbbreviationBefore(text: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (word === '') return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // A single capital letter is an initial: "J. Smith forgot...".
  return /^\p{Lu}$/u.test(word);
}
