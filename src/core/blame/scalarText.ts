/**
 * Maps offsets in a YAML string's value to offsets in the file, so a name
 * found in the value is underlined exactly where it is written, whatever the
 * scalar style: plain and folded scalars join lines, block scalars drop their
 * indentation, quoted ones have escapes (`\"`, `''`, `\u00fc`).
 */
import { isScalar } from 'yaml';
import type { ParsedPostmortem, Path } from '../parse';
import type { Range } from '../types';
import { escapeRegExp } from '../regexp';

export interface ScalarText {
  /** The string value, as the data holds it. */
  value: string;
  /** The file offset of the value character at `offset` (or just after the last one). */
  sourceOffset(offset: number): number;
  /** The file range of value[start, end), checked against the source; undefined when it cannot be placed. */
  sourceRange(start: number, end: number): Range | undefined;
}

/** The string scalar at `path`, with its value-to-source offset map; undefined for anything else. */
export function scalarText(parsed: ParsedPostmortem, path: Path): ScalarText | undefined {
  const node = parsed.nodeAt(path);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const value = node.value;
  const [nodeStart, valueEnd] = node.range;
  const text = parsed.text;
  let j = nodeStart;
  const type = node.type;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    // Skip the header line (`|`, `>-`, `|2` and any comment after it).
    const newline = text.slice(nodeStart, valueEnd).search(/\r?\n/);
    j = newline === -1 ? valueEnd : nodeStart + newline;
  } else if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') {
    const quote = type === 'QUOTE_DOUBLE' ? '"' : "'";
    const open = text.indexOf(quote, nodeStart);
    j = open === -1 || open >= valueEnd ? nodeStart : open + 1;
  }
  const map = alignValue(value, text, j, valueEnd, type === 'QUOTE_DOUBLE', type === 'QUOTE_SINGLE');
  const sourceOffset = (offset: number): number => {
    if (offset <= 0) return map[0] ?? j;
    if (offset >= value.length) return (map[value.length - 1] ?? valueEnd - 1) + 1;
    return map[offset];
  };
  return {
    value,
    sourceOffset,
    sourceRange(start, end) {
      const want = value.slice(start, end);
      const from = sourceOffset(start);
      const to = map[end - 1] === undefined ? -1 : map[end - 1] + 1;
      if (to > from && sameText(text.slice(from, to), want)) return parsed.rangeOfOffsets(from, to);
      // The aligned text differs (an escape inside the name): look for the name in the raw source instead.
      const located = searchSource(text, j, valueEnd, want, occurrenceIndex(value, want, start));
      if (located) return parsed.rangeOfOffsets(located[0], located[1]);
      // Not written literally either (`J\u00fcrgen`): the aligned span still covers the escapes that spell it.
      return to > from ? parsed.rangeOfOffsets(from, to) : undefined;
    },
  };
}

/** Greedy alignment of value characters to source characters between `from` and `to`. */
function alignValue(value: string, text: string, from: number, to: number, doubleQuoted: boolean, singleQuoted: boolean): number[] {
  const map: number[] = new Array(value.length);
  let i = 0;
  let j = from;
  while (i < value.length && j < to) {
    const v = value[i];
    const s = text[j];
    if (singleQuoted && s === "'" && text[j + 1] === "'" && v === "'") {
      map[i++] = j;
      j += 2;
    } else if (v === s) {
      map[i++] = j++;
    } else if (doubleQuoted && s === '\\') {
      // An escape sequence produces one value character (two for an astral \U).
      const kind = text[j + 1];
      const length = kind === 'x' ? 4 : kind === 'u' ? 6 : kind === 'U' ? 10 : kind === '\r' || kind === '\n' ? 0 : 2;
      if (length === 0) {
        // Escaped line break: no value character; skip it and the next line's indentation.
        j += 2;
        while (j < to && /[ \t\r\n]/.test(text[j])) j++;
        continue;
      }
      map[i++] = j;
      if (kind === 'U' && i < value.length && value.charCodeAt(i - 1) >= 0xd800 && value.charCodeAt(i - 1) < 0xdc00) map[i++] = j;
      j += length;
    } else if (/[ \t\r\n]/.test(s)) {
      j++; // indentation, or a line break folded into a space
    } else if (/\s/.test(v)) {
      map[i++] = j; // a space or newline the source wrote as a line break that was already consumed
    } else {
      j++; // unexpected: resynchronise
    }
  }
  for (; i < value.length; i++) map[i] = to;
  return map;
}

function sameText(source: string, value: string): boolean {
  return source.replace(/\s+/g, ' ') === value.replace(/\s+/g, ' ');
}

function occurrenceIndex(value: string, needle: string, start: number): number {
  let count = 0;
  for (let at = value.indexOf(needle); at !== -1 && at < start; at = value.indexOf(needle, at + 1)) count++;
  return count;
}

function searchSource(text: string, from: number, to: number, needle: string, occurrence: number): [number, number] | undefined {
  if (needle.trim() === '') return undefined;
  const pattern = new RegExp(escapeRegExp(needle).replace(/\s+/g, String.raw`\s+`), 'gu');
  const slice = text.slice(from, to);
  const hits: Array<[number, number]> = [];
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) hits.push([from + m.index, from + m.index + m[0].length]);
  if (hits.length === 0) return undefined;
  return hits[Math.min(occurrence, hits.length - 1)];
}
