import { isMap, isPair, isScalar, isSeq, parse, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { ParsedPostmortem, Path } from '../../core/parse';
import type { TextEdit } from '../../core/types';

/**
 * Minimal text edits computed from node ranges. Fixes never re-stringify the
 * document: everything outside the edited range (comments, quoting, blank
 * lines, flow or block style) stays byte for byte.
 */

type NodeRange = [number, number, number];

function rangeOf(node: unknown): NodeRange | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? (r as NodeRange) : undefined;
}

/** The file's own line break (its first one): inserted lines must not turn a CRLF file into a mixed one. */
function eolOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

function mapAt(parsed: ParsedPostmortem, path: Path): YAMLMap | undefined {
  const node = parsed.nodeAt(path);
  return isMap(node) ? node : undefined;
}

function keyName(pair: Pair): string {
  const k = pair.key;
  return isScalar(k) ? String(k.value) : String(k);
}

/**
 * Sets `key: value` in the mapping at `mapPath`: fills an empty value
 * (`owner:`), or adds the key after the mapping's last key, at the same
 * indentation in a block mapping and as `, key: value` in a flow mapping.
 * Undefined when `mapPath` is not a mapping or the key already has a value.
 */
export function insertKeyEdit(parsed: ParsedPostmortem, mapPath: Path, key: string, valueText: string): TextEdit | undefined {
  const map = mapAt(parsed, mapPath);
  if (!map) return undefined;
  const existing = map.items.find((pair) => keyName(pair) === key);
  if (existing) return fillEmptyValueEdit(parsed, existing, valueText);
  return appendPairsEdit(parsed, map, [[key, valueText]]);
}

/** Adds several keys after the last key of the mapping at `mapPath`, in one edit (keys already there are skipped). */
export function insertKeysEdit(parsed: ParsedPostmortem, mapPath: Path, entries: ReadonlyArray<readonly [string, string]>): TextEdit | undefined {
  const map = mapAt(parsed, mapPath);
  if (!map) return undefined;
  const present = new Set(map.items.map(keyName));
  const fresh = entries.filter(([key]) => !present.has(key));
  return fresh.length > 0 ? appendPairsEdit(parsed, map, fresh) : undefined;
}

function appendPairsEdit(parsed: ParsedPostmortem, map: YAMLMap, entries: ReadonlyArray<readonly [string, string]>): TextEdit | undefined {
  const text = parsed.text;
  const at = (offset: number, newText: string): TextEdit => {
    const position = parsed.lines.positionAt(offset);
    return { range: { start: position, end: position }, newText };
  };
  const mapRange = rangeOf(map);
  if (!mapRange) return undefined;
  const last = map.items[map.items.length - 1];

  if (map.flow) {
    const pairs = entries.map(([key, value]) => `${key}: ${value}`).join(', ');
    if (!last) return at(mapRange[0] + 1, ` ${pairs} `);
    const end = rangeOf(last.value)?.[1] ?? rangeOf(last.key)?.[1];
    return end === undefined ? undefined : at(end, `, ${pairs}`);
  }

  const firstKeyRange = rangeOf(map.items[0]?.key);
  const lastEnd = rangeOf(last?.value)?.[1] ?? rangeOf(last?.key)?.[1];
  if (!firstKeyRange || lastEnd === undefined) return undefined;
  const indent = ' '.repeat(parsed.lines.positionAt(firstKeyRange[0]).character);
  const eol = eolOf(text);
  // The text of the mapping ends with its last scalar, however deep in nested block collections.
  const lastLeaf = lastLeafOf(last?.value);
  const leafRange = rangeOf(lastLeaf);
  if (isScalar(lastLeaf) && leafRange && (lastLeaf.type === 'BLOCK_LITERAL' || lastLeaf.type === 'BLOCK_FOLDED')) {
    // `|+` keeps its trailing blank lines as content: insert after them, or the value would change.
    const header = text.slice(leafRange[0], leafRange[1]);
    if (/^[|>](?:[1-9]?\+|\+[1-9])/.test(header) && /[\r\n]$/.test(text.slice(0, leafRange[1]))) {
      return at(leafRange[1], entries.map(([key, value]) => `${indent}${key}: ${value}${eol}`).join(''));
    }
  }
  // Back over the trailing line breaks a block scalar owns, to the last line with content.
  let contentEnd = lastEnd;
  while (contentEnd > firstKeyRange[0] && /\s/.test(text[contentEnd - 1])) contentEnd--;
  const line = parsed.lines.positionAt(contentEnd).line;
  // After the end of that line, so a trailing comment stays with its own key.
  return at(parsed.lines.lineEnd(line), entries.map(([key, value]) => `${eol}${indent}${key}: ${value}`).join(''));
}

/** The last scalar (or flow collection, alias...) of a node, descending through the last entries of block collections. */
function lastLeafOf(node: unknown): unknown {
  let current = node;
  while ((isMap(current) || isSeq(current)) && !current.flow && current.items.length > 0) {
    const item: unknown = current.items[current.items.length - 1];
    current = isPair(item) ? item.value ?? item.key : item;
  }
  return current;
}

/** Gives an empty value (`owner:`, `owner: ""`, `owner: |`) a value; undefined when it already has one. */
function fillEmptyValueEdit(parsed: ParsedPostmortem, pair: Pair, valueText: string): TextEdit | undefined {
  const value = pair.value;
  // A key without a value node (`{owner, x: 1}`, `? owner`) has no colon of its own: the next colon
  // is another key's, and writing after it would change that key's value. No edit then.
  if (!isScalar(value) || (value.value !== null && value.value !== '')) return undefined;
  const range = rangeOf(value);
  if (range && range[1] > range[0]) {
    if (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED') {
      // Only the `|`/`>` indicator is replaced: its comment and the line break after it stay (the old
      // whole-range replacement swallowed the line break and joined the next key onto this line).
      const indicator = /^[|>][1-9+-]*/.exec(parsed.text.slice(range[0], range[1]))![0];
      return { range: parsed.rangeOfOffsets(range[0], range[0] + indicator.length), newText: valueText };
    }
    return { range: parsed.rangeOfOffsets(range[0], range[1]), newText: valueText };
  }
  const keyEnd = rangeOf(pair.key)?.[1];
  if (keyEnd === undefined) return undefined;
  const colon = parsed.text.indexOf(':', keyEnd);
  if (colon < 0) return undefined;
  const position = parsed.lines.positionAt(colon + 1);
  return { range: { start: position, end: position }, newText: ` ${valueText}` };
}

/**
 * Replaces the string scalar at `path` by `newValue`, keeping its style: plain stays plain when the value
 * reads back the same (else it is double-quoted), quotes keep their kind, and a block scalar keeps its
 * header, comment and indentation, with its chomping set to strip so the value has no trailing line break.
 * Undefined when `path` is not a scalar, or is a block scalar the edit cannot rewrite in place.
 */
export function replaceScalarEdit(parsed: ParsedPostmortem, path: Path, newValue: string): TextEdit | undefined {
  const node = parsed.nodeAt(path);
  const range = rangeOf(node);
  if (!isScalar(node) || !range) return undefined;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return replaceBlockScalarEdit(parsed, range, newValue);
  return { range: parsed.rangeOfOffsets(range[0], range[1]), newText: scalarSource(node.type, newValue) };
}

/** `newValue` written as a scalar of `type`, escaped so it reads back as exactly `newValue`. */
function scalarSource(type: Scalar['type'], newValue: string): string {
  if (type === 'QUOTE_SINGLE' && !/[\r\n]/.test(newValue)) return `'${newValue.replace(/'/g, "''")}'`;
  if (type === 'QUOTE_DOUBLE' || !readsBackAsPlain(newValue)) return JSON.stringify(newValue);
  return newValue;
}

/** True when `value` written plain, in a block or a flow collection, parses back as the same string. */
function readsBackAsPlain(value: string): boolean {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_ ./@+-]*$/.test(value) || /\s$/.test(value)) return false;
  try {
    return parse(value, { version: '1.2', schema: 'core' }) === value;
  } catch {
    return false;
  }
}

/**
 * `deadline: >-` + `  2026-05-01`: the header keeps its style and comment, the
 * chomping becomes `-`, and the content lines become `newValue`, on the first content line's indentation.
 * The line breaks after the content are outside the edit, so the next key stays on its own line.
 */
function replaceBlockScalarEdit(parsed: ParsedPostmortem, range: NodeRange, newValue: string): TextEdit | undefined {
  const text = parsed.text;
  if (/[\r\n]/.test(newValue) || /^\s/.test(newValue) || newValue === '') return undefined;
  const header = /^([|>])([1-9]?)[+-]?([1-9]?)/.exec(text.slice(range[0], range[1]));
  if (!header) return undefined;
  const headerLineEnd = text.slice(range[0], range[1]).search(/\r\n|\r|\n/);
  if (headerLineEnd < 0) return undefined;
  let contentEnd = range[1];
  while (contentEnd > range[0] + headerLineEnd && /\s/.test(text[contentEnd - 1])) contentEnd--;
  let contentStart = range[0] + headerLineEnd;
  while (contentStart < contentEnd && /\s/.test(text[contentStart])) contentStart++;
  if (contentStart >= contentEnd) return undefined;
  // An explicit indentation indicator (`|2`) makes leading spaces content: not rewritten in place.
  if (header[2] || header[3]) return undefined;
  const newHeader = `${header[1]}-`;
  const between = text.slice(range[0] + header[0].length, contentStart);
  return { range: parsed.rangeOfOffsets(range[0], contentEnd), newText: `${newHeader}${between}${newValue}` };
}
