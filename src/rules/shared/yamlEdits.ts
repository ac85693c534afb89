import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
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

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
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
  const lastValue = last?.value;
  if (isScalar(lastValue) && (lastValue.type === 'BLOCK_LITERAL' || lastValue.type === 'BLOCK_FOLDED')) {
    // `|+` keeps its trailing blank lines as content: insert after them, or the value would change.
    const headerStart = rangeOf(lastValue)![0];
    const headerEnd = text.indexOf('\n', headerStart);
    const header = text.slice(headerStart, headerEnd < 0 ? text.length : headerEnd);
    if (/^[|>][1-9]?\+/.test(header) && /\n$/.test(text.slice(0, lastEnd))) {
      return at(lastEnd, entries.map(([key, value]) => `${indent}${key}: ${value}${eol}`).join(''));
    }
  }
  // Back over the trailing line breaks a block scalar owns, to the last line with content.
  let contentEnd = lastEnd;
  while (contentEnd > firstKeyRange[0] && /\s/.test(text[contentEnd - 1])) contentEnd--;
  const line = parsed.lines.positionAt(contentEnd).line;
  // After the end of that line, so a trailing comment stays with its own key.
  return at(parsed.lines.lineEnd(line), entries.map(([key, value]) => `${eol}${indent}${key}: ${value}`).join(''));
}

/** Gives an empty value (`owner:` or `owner: ""`) a value; undefined when it already has one. */
function fillEmptyValueEdit(parsed: ParsedPostmortem, pair: Pair, valueText: string): TextEdit | undefined {
  const value = pair.value;
  const range = rangeOf(value);
  if (value !== null && value !== undefined && !(isScalar(value) && (value.value === null || value.value === ''))) return undefined;
  if (range && range[1] > range[0]) {
    return { range: parsed.rangeOfOffsets(range[0], range[1]), newText: valueText };
  }
  const keyEnd = rangeOf(pair.key)?.[1];
  if (keyEnd === undefined) return undefined;
  const colon = parsed.text.indexOf(':', keyEnd);
  if (colon < 0) return undefined;
  const position = parsed.lines.positionAt(colon + 1);
  return { range: { start: position, end: position }, newText: ` ${valueText}` };
}

/** Replaces the scalar value at `path`, keeping its quote style. */
export function replaceScalarEdit(parsed: ParsedPostmortem, path: Path, newValue: string): TextEdit | undefined {
  const node = parsed.nodeAt(path);
  const range = rangeOf(node);
  if (!isScalar(node) || !range) return undefined;
  const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
  return { range: parsed.rangeOfOffsets(range[0], range[1]), newText: `${quote}${newValue}${quote}` };
}
