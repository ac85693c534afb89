import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { lastStartingBy } from './lookup';
import { MAX_CHECKED_LENGTH, MAX_NESTING_DEPTH, ParsedPostmortem, parsePostmortem } from './parse';

/**
 * Re-parsing after an edit without parsing the whole text again: when the edit stays inside one item of a
 * top-level block list (a timeline entry, an action item) or inside one top-level section, only that part is
 * parsed, alone, and its nodes and data are spliced into the previous parse. YAML block structure is decided by
 * indentation: a part whose lines after the first are all indented deeper than its first line, that parses alone
 * with no problem at all, reads the same inside the document. Whenever that cannot be shown (the previous text had
 * any syntax finding, anchors or aliases, the edit touches a part's first line or spans parts, the part's lines
 * escape its indentation, a control character or lone carriage return, a renamed section) the whole text is parsed.
 *
 * The previous parse is consumed: its YAML document is updated in place (a copy would cost what a parse costs),
 * so the caller must not read it afterwards. Its text, data and diagnostics stay as they were.
 */
export function reparse(previous: ParsedPostmortem, text: string): ParsedPostmortem {
  try {
    return splice(previous, text) ?? parsePostmortem(text);
  } catch {
    // A splice that cannot finish is no result: the full parse is always right.
    return parsePostmortem(text);
  }
}

/** Whether a parse's document has anchors or aliases (then a part is not self-contained), per document, once. */
const hasAnchors = new WeakMap<Document.Parsed, boolean>();

function anchorsIn(document: Document.Parsed): boolean {
  let found = hasAnchors.get(document);
  if (found === undefined) {
    found = false;
    visit(document, (_key, node) => {
      if (isAlias(node) || ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    });
    hasAnchors.set(document, found);
  }
  return found;
}

/** Characters a part may not hold: control characters (checked over the whole text), lone carriage returns, line separators, a byte-order mark. */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]|\r(?!\n)/;

/** Deeper parts are parsed with the whole text, which counts their depth from the root (MAX_NESTING_DEPTH). */
const MAX_PART_DEPTH = MAX_NESTING_DEPTH / 2;

interface Part {
  /** Offsets of the part in the previous text: from the start of its first line to the start of the next part. */
  start: number;
  end: number;
  /** Columns of its first line's indentation. */
  indent: number;
  /** The top-level pair the part is, or holds. */
  pair: Pair;
  pairIndex: number;
  /** The item of the pair's block list the part is, when it is one. */
  itemIndex?: number;
}

function splice(previous: ParsedPostmortem, text: string): ParsedPostmortem | undefined {
  const document = previous.document;
  const root = document?.contents;
  if (!document || previous.syntaxDiagnostics.length > 0 || previous.data === undefined) return undefined;
  if (!isMap(root) || root.flow || !isRecordData(previous.data) || text.length > MAX_CHECKED_LENGTH || text.charCodeAt(0) === 0xfeff) return undefined;
  const old = previous.text;
  if (old === text) return new ParsedPostmortem(text, document, previous.data, []);
  const { start: changeStart, oldEnd: changeEnd, delta } = changedSpan(old, text);
  const part = partAround(old, root, changeStart, changeEnd);
  if (!part || anchorsIn(document)) return undefined;
  const partText = text.slice(part.start, part.end + delta);
  if (UNSAFE_CHARACTERS.test(partText) || !staysIndented(partText, part.indent)) return undefined;

  const alone = parsePostmortem(partText);
  const contents = alone.document?.contents;
  if (alone.syntaxDiagnostics.length > 0 || alone.data === undefined || !alone.document || anchorsIn(alone.document)) return undefined;
  if (depthOf(contents) > MAX_PART_DEPTH) return undefined;
  let replacement: Node | Pair;
  let value: unknown;
  if (part.itemIndex !== undefined) {
    if (!isSeq(contents) || contents.flow || contents.items.length !== 1 || !Array.isArray(alone.data)) return undefined;
    const values = previous.data[keyName(part.pair) ?? ''];
    if (!Array.isArray(values) || values.length !== (part.pair.value as YAMLSeq).items.length) return undefined;
    replacement = contents.items[0] as Node;
    value = alone.data[0];
  } else {
    if (!isMap(contents) || contents.flow || contents.items.length !== 1 || !isRecordData(alone.data)) return undefined;
    const pair = contents.items[0];
    const key = keyName(pair);
    if (key === undefined || key === '__proto__' || key !== keyName(part.pair) || Object.keys(alone.data).length !== 1) return undefined;
    replacement = pair;
    value = alone.data[key];
  }

  // The part's containers (the root map, the part's list) may end inside the part, after the change: their ends move
  // with it. One that ends inside the changed text or right at it (text typed after a list's last character may or
  // may not belong to it: "\n " at the end of the file does not) cannot be placed without a parse.
  const containers = [root.range, document.range, part.itemIndex !== undefined ? (part.pair.value as YAMLSeq).range : undefined];
  if (containers.some((range) => range?.some((offset) => offset >= changeStart && offset <= changeEnd))) return undefined;

  // From here on the previous document changes: nothing may fail.
  shiftRanges(replacement, part.start, 0);
  if (delta !== 0) {
    // Every offset from the end of the change on: the rest of the document, and the containers' ends inside the part
    // (the part's own old nodes move too, but they are replaced below).
    shiftRanges(document.contents, delta, changeEnd);
    if (document.range) shiftRange(document.range, delta, changeEnd);
  }
  const key = keyName(part.pair)!;
  const data: Record<string, unknown> = { ...previous.data };
  if (part.itemIndex !== undefined) {
    const list = part.pair.value as YAMLSeq;
    list.items[part.itemIndex] = replacement;
    const values = [...(previous.data[key] as unknown[])];
    values[part.itemIndex] = value;
    data[key] = values;
  } else {
    // A new array: the lookup index of the root's pairs (parse.ts findPair) is per array.
    root.items = root.items.slice();
    root.items[part.pairIndex] = replacement as (typeof root.items)[number];
    data[key] = value;
  }
  return new ParsedPostmortem(text, document, data, []);
}

function isRecordData(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}

/** A plain or quoted string key's name; other keys (numbers, collections, none) are not spliced. */
function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  return isScalar(key) && typeof key.value === 'string' ? key.value : undefined;
}

/** Compared a block at a time: a block comparison is a memory compare, a character loop on an edited (concatenated) string is not. */
const BLOCK = 4096;

/** The first differing offset, and where the differing span ends in the old text; delta = new length - old length. */
export function changedSpan(old: string, text: string): { start: number; oldEnd: number; delta: number } {
  const shorter = Math.min(old.length, text.length);
  let start = 0;
  while (start + BLOCK <= shorter && old.slice(start, start + BLOCK) === text.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  const room = shorter - start;
  let suffix = 0;
  while (suffix + BLOCK <= room && old.slice(old.length - suffix - BLOCK, old.length - suffix) === text.slice(text.length - suffix - BLOCK, text.length - suffix)) suffix += BLOCK;
  while (suffix < room && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { start, oldEnd: old.length - suffix, delta: text.length - old.length };
}

/**
 * The part of the previous text that holds the changed span [from, to): the item of a top-level block list, else the
 * top-level section. Undefined when the span touches a part's first line before its content, or crosses parts.
 */
function partAround(old: string, root: YAMLMap, from: number, to: number): Part | undefined {
  const pairs = root.items;
  const starts = pairs.map((pair) => lineStartOfKey(old, pair));
  let pairIndex = -1;
  for (let i = 0; i < pairs.length; i++) if (starts[i] !== undefined && starts[i]! <= from) pairIndex = i;
  if (pairIndex === -1) return undefined;
  const pair = pairs[pairIndex];
  const start = starts[pairIndex]!;
  if (start !== keyStart(pair) || keyName(pair) === undefined) return undefined; // a top-level key not at column 0, or not a name
  const end = pairIndex + 1 < pairs.length ? starts[pairIndex + 1] : old.length;
  if (end === undefined || !inside(from, to, start, end, old.length)) return undefined;
  const section: Part = { start, end, indent: 0, pair, pairIndex };
  const list = pair.value;
  if (!isSeq(list) || list.flow || list.items.length === 0) return section;
  // The last item whose content starts at or before the change (items are in text order).
  const items = list.items as unknown[];
  const itemIndex = lastStartingBy(items, from, (item) => (item as Node | null)?.range?.[0]);
  const item = itemIndex === -1 ? undefined : dashLineStart(old, items[itemIndex]);
  const itemEnd = itemIndex + 1 < items.length ? dashLineStart(old, items[itemIndex + 1])?.lineStart : end;
  if (!item || itemEnd === undefined || from < item.contentStart || !inside(from, to, item.lineStart, itemEnd, old.length)) return section;
  return { start: item.lineStart, end: itemEnd, indent: item.contentStart - item.lineStart - 2, pair, pairIndex, itemIndex };
}

/** The span lies within [start, end), or ends at the end of a text that a part ends too. */
function inside(from: number, to: number, start: number, end: number, length: number): boolean {
  return from > start && (to < end || (to === end && end === length));
}

function keyStart(pair: Pair): number | undefined {
  return (pair.key as Node | null)?.range?.[0];
}

function lineStartOfKey(text: string, pair: Pair): number | undefined {
  const start = keyStart(pair);
  return start === undefined ? undefined : text.lastIndexOf('\n', start - 1) + 1;
}

/** The start of the line `- ` of a list item and where its content begins, when the item's content is on that line after `- `. */
function dashLineStart(text: string, item: unknown): { lineStart: number; contentStart: number } | undefined {
  if (!isNode(item) || !item.range) return undefined;
  const contentStart = item.range[0];
  const lineStart = text.lastIndexOf('\n', contentStart - 1) + 1;
  return /^ *- $/.test(text.slice(lineStart, contentStart)) ? { lineStart, contentStart } : undefined;
}

/** Every line after the first is blank or indented deeper than the first: the part cannot end its parent early. */
function staysIndented(part: string, indent: number): boolean {
  if (!new RegExp(`^ {${indent}}[^ \\t\\r\\n#]`).test(part)) return false;
  let lineStart = part.indexOf('\n') + 1;
  while (lineStart > 0 && lineStart < part.length) {
    let column = lineStart;
    while (part.charCodeAt(column) === 32) column++;
    const next = part.charCodeAt(column);
    const blank = column >= part.length || next === 10 || next === 13;
    if (!blank && column - lineStart <= indent) return false;
    if (!blank && next === 9) return false;
    lineStart = part.indexOf('\n', column) + 1;
  }
  return true;
}

function depthOf(node: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[node, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (isMap(current) || isSeq(current)) {
      deepest = Math.max(deepest, depth);
      for (const item of current.items as unknown[]) {
        if (isPair(item)) {
          pending.push([item.key, depth + 1]);
          pending.push([item.value, depth + 1]);
        } else pending.push([item, depth + 1]);
      }
    }
  }
  return deepest;
}

/** Moves the offsets of `range` at or after `from` by `by`, in place (each node has a range array of its own). */
function shiftRange(range: [number, number, number], by: number, from: number): void {
  if (range[0] >= from) range[0] += by;
  if (range[1] >= from) range[1] += by;
  if (range[2] >= from) range[2] += by;
}

/** Moves every offset at or after `from` by `by`, in `node` and all it holds (an explicit stack). */
function shiftRanges(node: unknown, by: number, from: number): void {
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const current = pending.pop();
    if (isPair(current)) {
      pending.push(current.key, current.value);
      continue;
    }
    if (!isNode(current)) continue;
    const range = current.range;
    if (range) {
      if (range[2] < from) continue; // ends before the change: so does all it holds
      shiftRange(range, by, from);
    }
    if (isMap(current) || isSeq(current)) for (const item of current.items as unknown[]) pending.push(item);
  }
}
