/**
 * Where the cursor is in a post-mortem while the user types: the YAML path of
 * the key or value being written, what is typed so far, and what the mapping
 * or list already holds. Half-typed text rarely parses (`sev`, `severity: `,
 * a new `- `), so this reads the lines' indentation rather than the YAML tree:
 * a forward pass keeps a stack of the open keys and list items, skipping
 * comments and block scalars, and the cursor's line is read up to the cursor,
 * including a flow collection (`related: [INC-..., IN`) written on it.
 */
import type { LineIndex } from '../core/lines';
import type { Path, PathSegment } from '../core/parse';
import type { Position, Range } from '../core/types';

export interface CursorContext {
  /** The mapping a key typed here would belong to; absent when no key can be typed here. */
  mappingPath?: Path;
  /** The value typed here; absent when no value can be typed here. */
  valuePath?: Path;
  /** What a completion replaces: the text typed so far and the rest of that word after the cursor. */
  replace: Range;
  /** The text typed so far, from the start of `replace` to the cursor (without an opening quote). */
  typed: string;
  /** Keys the mapping already has, the one being typed excepted. */
  presentKeys: ReadonlySet<string>;
  /** Scalar items the list already has, when the value is a list item; the one being typed excepted. */
  presentValues: readonly string[];
  /** A `:` already follows the key being typed: a completion inserts the name only. */
  colonFollows: boolean;
  /** The value was opened with this quote: a completion inserts escaped text and no quotes. */
  quote?: '"' | "'";
  /** Inside a flow collection (`[a, b]`, `{ k: v }`), where `,`, `]` and `}` end a plain value. */
  inFlow: boolean;
}

/** An open node of the pass: the value of a key, or a list item. */
interface Frame {
  /** Column of the key or of the item's `-`; -1 for the document. */
  col: number;
  kind: 'root' | 'key' | 'item';
  /** The node this one is in, and this one's key or index there: the path is built only when asked (deep nesting stays linear). */
  parent?: Frame;
  segment?: PathSegment;
  /** Keys of the mapping this node is. */
  keys: Set<string>;
  /** Scalar items of the list this node is. */
  values: string[];
  itemCount: number;
  /** A key with its value on the same line, or a scalar item: it owns no lines below. */
  closed: boolean;
}

/** A line's structure: its `- ` markers and its first key. */
interface LineTokens {
  dashes: number[];
  /** Column after the markers and their spaces: where a key or value starts. */
  contentCol: number;
  key?: { name: string; col: number; end: number; colonEnd: number };
  /** More `- ` markers than MAX_LINE_DASHES: the line is not followed (a post-mortem nests a few levels). */
  unreadable?: boolean;
}

const MAX_LINE_DASHES = 32;

const BLOCK_SCALAR = /^[|>][-+0-9]*$/;
const KEY_LIKE = /^[A-Za-z0-9_-]*$/;

function pathOf(frame: Frame): PathSegment[] {
  const path: PathSegment[] = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) path.push(at.segment!);
  return path.reverse();
}

function tokenize(line: string): LineTokens {
  const dashes: number[] = [];
  let p = 0;
  while (line[p] === ' ') p++;
  while (line[p] === '-' && (p + 1 === line.length || line[p + 1] === ' ')) {
    if (dashes.length === MAX_LINE_DASHES) return { dashes, contentCol: p, unreadable: true };
    dashes.push(p);
    p++;
    while (line[p] === ' ') p++;
  }
  const key = keyAt(line, p);
  return key ? { dashes, contentCol: p, key } : { dashes, contentCol: p };
}

/**
 * The key written at column `p` (plain or quoted, up to the first `:` followed by a blank or the line's end), or
 * undefined. A loop, not a regular expression: a lazy pattern backtracks quadratically on a long line of blanks.
 */
function keyAt(line: string, p: number): LineTokens['key'] {
  const first = line[p];
  if (first === '"' || first === "'") {
    const close = closingQuote(line, p);
    if (close === -1) return undefined;
    let colon = close + 1;
    while (line[colon] === ' ' || line[colon] === '\t') colon++;
    if (line[colon] !== ':' || !isBlankOrEnd(line, colon + 1)) return undefined;
    const inner = line.slice(p + 1, close);
    return { name: first === '"' ? unescapeDouble(inner) : inner.replace(/''/g, "'"), col: p, end: close + 1, colonEnd: colon + 1 };
  }
  if (first === undefined || /[\s#"'[\]{},&*!|>%@`]/.test(first)) return undefined;
  for (let i = p; i < line.length; i++) {
    const c = line[i];
    if (c === '#' && (line[i - 1] === ' ' || line[i - 1] === '\t')) return undefined;
    if (c === ':' && isBlankOrEnd(line, i + 1)) {
      const name = line.slice(p, i).trimEnd();
      return { name, col: p, end: p + name.length, colonEnd: i + 1 };
    }
  }
  return undefined;
}

function isBlankOrEnd(line: string, at: number): boolean {
  return at >= line.length || line[at] === ' ' || line[at] === '\t';
}

function unescapeDouble(inner: string): string {
  try {
    return JSON.parse(`"${inner}"`) as string;
  } catch {
    return inner;
  }
}

/** A scalar as written (plain, single- or double-quoted, comment already removed) as its text. */
function unquote(written: string): string {
  const s = written.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) return unescapeDouble(s.slice(1, -1));
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/** Where a comment starts in a value written from column `from` (a `#` at its start or after a blank, outside a quoted scalar), or -1. */
function commentStart(line: string, from: number): number {
  let i = from;
  while (line[i] === ' ' || line[i] === '\t') i++;
  let quote: string | undefined;
  let tokenStart = true;
  for (; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if ((c === '"' || c === "'") && tokenStart) quote = c;
    else if (c === '#' && (i === from || line[i - 1] === ' ' || line[i - 1] === '\t')) return i;
    tokenStart = c === ' ' || c === '\t' || c === '[' || c === '{' || c === ',' || c === ':';
  }
  return -1;
}

/** The value written from `from` to the end of the line, without a comment or surrounding blanks. */
function valueText(line: string, from: number): string {
  const comment = commentStart(line, from);
  return line.slice(from, comment === -1 ? line.length : comment).trim();
}

/** The top-level elements of a one-line flow sequence `[a, "b", c]`, as texts; [] when it is not closed on the line. */
function flowSequenceItems(written: string): string[] {
  if (!written.startsWith('[') || !written.endsWith(']')) return [];
  const inner = written.slice(1, -1);
  if (/[[\]{}]/.test(inner)) return [];
  return inner
    .split(',')
    .map(unquote)
    .filter((item) => item !== '');
}

/** The keys of a one-line flow mapping `{ score: 2, notes: x }`. */
function flowMappingKeys(written: string): string[] {
  if (!written.startsWith('{')) return [];
  return [...written.matchAll(/(?:^\{|,)\s*([A-Za-z0-9_-]+)\s*:/g)].map((m) => m[1]);
}

/**
 * The context at `position`, or undefined where nothing can be completed: in a comment,
 * in a block scalar, after a closed quote, on a tag or alias.
 */
export function cursorContext(lines: LineIndex, position: Position): CursorContext | undefined {
  if (position.line < 0 || position.line >= lines.lineCount) return undefined;
  const root: Frame = { col: -1, kind: 'root', keys: new Set(), values: [], itemCount: 0, closed: false };
  const stack: Frame[] = [root];
  const top = (): Frame => stack[stack.length - 1];
  const popFor = (col: number, kind: 'key' | 'item'): void => {
    while (stack.length > 1) {
      const frame = top();
      // A list may sit at its key's own column (`timeline:` then `- at:`); a key or item at a column ends the nodes there.
      if (frame.col > col || (frame.col === col && (kind === 'key' || frame.kind === 'item' || frame.closed))) stack.pop();
      else break;
    }
  };
  const open = (kind: 'key' | 'item', col: number, segment: PathSegment, parent: Frame): Frame => {
    const frame: Frame = { col, kind, parent, segment, keys: new Set(), values: [], itemCount: 0, closed: false };
    stack.push(frame);
    return frame;
  };

  /** Reads one whole line into the stack; returns the frames it opened and the parent of its key. */
  const readLine = (line: string, tokens: LineTokens, registerValues: boolean): { items: Frame[]; keyParent?: Frame; keyFrame?: Frame } => {
    const items: Frame[] = [];
    for (const col of tokens.dashes) {
      popFor(col, 'item');
      const parent = top();
      items.push(open('item', col, parent.itemCount++, parent));
    }
    if (tokens.key) {
      popFor(tokens.key.col, 'key');
      const keyParent = top();
      keyParent.keys.add(tokens.key.name);
      const keyFrame = open('key', tokens.key.col, tokens.key.name, keyParent);
      const value = valueText(line, tokens.key.colonEnd);
      if (BLOCK_SCALAR.test(value)) blockCol = tokens.key.col;
      else if (value !== '') {
        keyFrame.closed = true;
        if (registerValues) keyFrame.values.push(...flowSequenceItems(value));
        for (const key of flowMappingKeys(value)) keyFrame.keys.add(key);
      }
      return { items, keyParent, keyFrame };
    }
    const item = items[items.length - 1];
    if (item) {
      const value = valueText(line, tokens.contentCol);
      if (BLOCK_SCALAR.test(value)) blockCol = item.col;
      else if (value !== '') {
        item.closed = true;
        if (registerValues && !/^[[{]/.test(value)) stack[stack.length - 2].values.push(unquote(value));
      }
    }
    return { items };
  };

  /** Inside a block scalar whose key or item is at this column: deeper lines are its text. */
  let blockCol: number | undefined;
  let context: CursorContext | undefined;
  let contextFrame: Frame | undefined;
  let ownKey: string | undefined;

  for (let lineNumber = 0; lineNumber < lines.lineCount; lineNumber++) {
    const line = lines.lineText(lineNumber);
    const isCursorLine = lineNumber === position.line;
    const trimmed = line.trim();
    if (blockCol !== undefined) {
      const indent = isCursorLine && line.slice(0, position.character).trim() === '' ? Math.min(position.character, line.length) : line.length - line.trimStart().length;
      if (trimmed === '' && !isCursorLine) continue;
      if (indent > blockCol) {
        if (isCursorLine) return undefined;
        continue;
      }
      blockCol = undefined;
    }
    if (isCursorLine) {
      const cursorCol = Math.min(position.character, line.length);
      const tokens = tokenize(line);
      if (tokens.unreadable) return undefined;
      const read = readLine(line, tokens, false);
      const result = analyzeCursorLine(line, lineNumber, cursorCol, tokens, read);
      if (!result) return undefined;
      ({ context, frame: contextFrame, ownKey } = result);
      if (!contextFrame) return context;
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#') || /^(?:---|\.\.\.)(?:\s|$)/.test(line)) continue;
    const tokens = tokenize(line);
    if (!tokens.unreadable) readLine(line, tokens, true);
    // Past the cursor, only the keys of the cursor's mapping are still wanted: stop once it has ended.
    if (contextFrame && !stack.includes(contextFrame)) break;
  }
  if (context && contextFrame && context.mappingPath) {
    const keys = new Set(contextFrame.keys);
    if (ownKey !== undefined) keys.delete(ownKey);
    context.presentKeys = keys;
  }
  return context;

  function analyzeCursorLine(
    line: string,
    lineNumber: number,
    cursorCol: number,
    tokens: LineTokens,
    read: { items: Frame[]; keyParent?: Frame; keyFrame?: Frame },
  ): { context: CursorContext; frame?: Frame; ownKey?: string } | undefined {
    const prefix = line.slice(0, cursorCol);
    const range = (start: number, end: number): Range => ({ start: { line: lineNumber, character: start }, end: { line: lineNumber, character: end } });
    const prefixTokens = tokenize(prefix);
    if (prefix.trim() === '' && line.slice(cursorCol).trim() !== '') return undefined;
    if (/(?:^|\s)-$/.test(prefix) && prefix.trim() !== '') return undefined; // `-` not yet followed by a blank is no list item yet

    if (prefixTokens.key) {
      // A value after `key: ` (the same key the whole line's pass read: the first `: ` of the line).
      const keyFrame = read.keyFrame;
      const colonEnd = prefixTokens.key.colonEnd;
      if (!keyFrame || colonEnd >= cursorCol) return undefined;
      return valueContext(line, lineNumber, colonEnd, cursorCol, pathOf(keyFrame), [], range);
    }
    const item = read.items[prefixTokens.dashes.length - 1];
    const rest = prefix.slice(prefixTokens.contentCol);
    if (item) {
      // A new or half-written list item: a scalar value or the first key of a mapping.
      const value = valueContext(line, lineNumber, prefixTokens.contentCol, cursorCol, pathOf(item), stack.includes(item) ? parentValues(item) : [], range);
      if (!value) return undefined;
      if (value.context.quote === undefined && !value.context.inFlow && KEY_LIKE.test(rest)) {
        const { context } = keyContext(line, lineNumber, prefixTokens.contentCol, cursorCol, pathOf(item), tokens);
        // Either may follow `- `: the schema of the item decides (a mapping's key, or a scalar such as an incident id).
        return { context: { ...context, valuePath: pathOf(item), presentValues: value.context.presentValues }, frame: item, ownKey: tokens.key?.name };
      }
      return value;
    }
    if (!KEY_LIKE.test(rest)) return undefined;
    let parent = read.keyParent;
    if (!parent) {
      popFor(prefixTokens.contentCol, 'key');
      parent = top();
    }
    const { context } = keyContext(line, lineNumber, prefixTokens.contentCol, cursorCol, pathOf(parent), tokens);
    // Under a key whose value is a list, a line with no `-` yet may start an item: the list's values are present.
    return { context: { ...context, presentValues: parent.values }, frame: parent, ownKey: tokens.key?.name };
  }

  function parentValues(item: Frame): string[] {
    const index = stack.indexOf(item);
    return index > 0 ? stack[index - 1].values : [];
  }
}

/** A key being typed from `start`: the word up to the cursor and its rest after it. */
function keyContext(line: string, lineNumber: number, start: number, cursorCol: number, mappingPath: Path, tokens: LineTokens): { context: CursorContext } {
  const after = /^[A-Za-z0-9_-]*/.exec(line.slice(cursorCol))![0];
  const end = cursorCol + after.length;
  return {
    context: {
      mappingPath,
      replace: { start: { line: lineNumber, character: start }, end: { line: lineNumber, character: end } },
      typed: line.slice(start, cursorCol),
      presentKeys: new Set(),
      presentValues: [],
      colonFollows: tokens.key !== undefined || /^[ \t]*:/.test(line.slice(end)),
      inFlow: false,
    },
  };
}

/** A value being typed from column `from` (blanks before it skipped): plain, quoted, or inside a flow collection. */
function valueContext(
  line: string,
  lineNumber: number,
  from: number,
  cursorCol: number,
  valuePath: Path,
  presentValues: readonly string[],
  range: (start: number, end: number) => Range,
): { context: CursorContext } | undefined {
  let start = from;
  while (start < cursorCol && (line[start] === ' ' || line[start] === '\t')) start++;
  const first = line[start];
  if (start < cursorCol && (first === '[' || first === '{')) return flowContext(line, lineNumber, start, cursorCol, valuePath);
  if (start < cursorCol && /[|>&*!%@`]/.test(first)) return undefined;
  const comment = commentStart(line, from);
  if (comment !== -1 && comment < cursorCol) return undefined;
  const lineEnd = comment === -1 ? line.length : comment;
  if (start < cursorCol && (first === '"' || first === "'")) {
    const close = closingQuote(line, start);
    if (close !== -1 && close < cursorCol) return undefined;
    return {
      context: {
        valuePath,
        replace: range(start + 1, close === -1 ? line.slice(0, lineEnd).trimEnd().length : close),
        typed: line.slice(start + 1, cursorCol),
        presentKeys: new Set(),
        presentValues,
        colonFollows: false,
        quote: first,
        inFlow: false,
      },
    };
  }
  const end = Math.max(cursorCol, line.slice(0, lineEnd).trimEnd().length);
  return { context: { valuePath, replace: range(start, end), typed: line.slice(start, cursorCol), presentKeys: new Set(), presentValues, colonFollows: false, inFlow: false } };
}

/** The column of the quote closing the one at `open`, or -1 when it is not closed on the line. */
function closingQuote(line: string, open: number): number {
  const quote = line[open];
  for (let i = open + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Flow collections nested deeper than this on one line are not followed (a post-mortem nests two). */
const MAX_FLOW_DEPTH = 16;

interface FlowFrame {
  kind: '[' | '{';
  path: Path;
  index: number;
  key?: string;
  entryStart: number;
  /** Only blanks since entryStart: a quote here opens a quoted scalar. */
  blank: boolean;
  keys: Set<string>;
  values: string[];
}

/** The cursor inside `[a, b` or `{ k: v` opened at column `open`. */
function flowContext(line: string, lineNumber: number, open: number, cursorCol: number, basePath: Path): { context: CursorContext } | undefined {
  const stack: FlowFrame[] = [];
  const range = (start: number, end: number): Range => ({ start: { line: lineNumber, character: start }, end: { line: lineNumber, character: end } });
  for (let i = open; i < cursorCol; i++) {
    const c = line[i];
    const frame = stack[stack.length - 1];
    if (c === '[' || c === '{') {
      if (stack.length >= MAX_FLOW_DEPTH) return undefined;
      const path = !frame ? basePath : frame.kind === '[' ? [...frame.path, frame.index] : [...frame.path, frame.key ?? ''];
      stack.push({ kind: c, path, index: 0, entryStart: i + 1, blank: true, keys: new Set(), values: [] });
    } else if (!frame) {
      return undefined; // after the collection closed
    } else if (c === ']' || c === '}') {
      stack.pop();
      if (stack.length === 0) return undefined;
    } else if (c === ',') {
      if (frame.kind === '[') frame.values.push(unquote(line.slice(frame.entryStart, i)));
      frame.index++;
      frame.key = undefined;
      frame.entryStart = i + 1;
      frame.blank = true;
    } else if (c === ':' && frame.kind === '{' && frame.key === undefined && (line[i + 1] === ' ' || i + 1 === line.length || i + 1 === cursorCol)) {
      frame.key = unquote(line.slice(frame.entryStart, i));
      frame.keys.add(frame.key);
      frame.entryStart = i + 1;
      frame.blank = true;
    } else if ((c === '"' || c === "'") && frame.blank) {
      const close = closingQuote(line, i);
      if (close === -1 || close >= cursorCol) {
        const valuePath = frame.kind === '[' ? [...frame.path, frame.index] : frame.key !== undefined ? [...frame.path, frame.key] : undefined;
        if (!valuePath) return undefined;
        const end = close === -1 ? i + 1 + /^[^,\]}]*/.exec(line.slice(i + 1))![0].trimEnd().length : close;
        return { context: { valuePath, replace: range(i + 1, end), typed: line.slice(i + 1, cursorCol), presentKeys: new Set(), presentValues: frame.values, colonFollows: false, quote: c, inFlow: true } };
      }
      i = close;
      frame.blank = false;
    } else if (c === '#' && (line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return undefined;
    } else if (c !== ' ' && c !== '\t') {
      frame.blank = false;
    }
  }
  const frame = stack[stack.length - 1];
  if (!frame) return undefined;
  let start = frame.entryStart;
  while (start < cursorCol && (line[start] === ' ' || line[start] === '\t')) start++;
  const rest = line.slice(cursorCol);
  const tail = /^[^,\]}#]*/.exec(rest)![0];
  const end = cursorCol + (start === cursorCol && /^\s/.test(tail) ? 0 : tail.trimEnd().length);
  const typed = line.slice(start, cursorCol);
  const closeAt = rest.search(frame.kind === '[' ? /\]/ : /\}/);
  const later = closeAt === -1 ? '' : rest.slice(tail.length, closeAt);
  if (frame.kind === '[') {
    const values = [...frame.values, ...later.split(',').map(unquote).filter((v) => v !== '')];
    return { context: { valuePath: [...frame.path, frame.index], replace: range(start, end), typed, presentKeys: new Set(), presentValues: values, colonFollows: false, inFlow: true } };
  }
  if (frame.key !== undefined) {
    return { context: { valuePath: [...frame.path, frame.key], replace: range(start, end), typed, presentKeys: new Set(), presentValues: [], colonFollows: false, inFlow: true } };
  }
  if (!KEY_LIKE.test(typed)) return undefined;
  const keys = new Set([...frame.keys, ...flowMappingKeys(`{${later}`)]);
  const word = /^[A-Za-z0-9_-]*/.exec(rest)![0];
  return {
    context: {
      mappingPath: frame.path,
      replace: range(start, cursorCol + word.length),
      typed,
      presentKeys: keys,
      presentValues: [],
      colonFollows: /^[ \t]*:/.test(rest.slice(word.length)),
      inFlow: true,
    },
  };
}
