/**
 * The outline and breadcrumbs of a post-mortem: its top-level sections, their
 * keys, and one symbol per timeline entry (its time and event), action item
 * (its action, with the owner beside it), contributing factor (its score),
 * why and list entry. Read from the YAML tree, so a half-typed document still
 * shows what parses; never throws.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { DocumentSymbol, SymbolKind, type Range } from 'vscode-languageserver-types';
import type { ParsedPostmortem, PathSegment } from '../core/parse';
import { oneLine } from './oneLine';

/** Longer names and details are cut with an ellipsis: the outline is one line per symbol. */
export const MAX_SYMBOL_TEXT = 60;

/** Mappings nested deeper than this (sections count as 1) get no children: a post-mortem nests 3 levels. */
const MAX_DEPTH = 3;

/**
 * A list of more entries than this is outlined in groups of consecutive entries ("Entries 1-100"), at most this
 * many groups, instead of one symbol per entry. The editor asks for the outline again after every keystroke
 * (breadcrumbs, sticky scroll), and VS Code's extension host carries the whole answer in one synchronous step
 * each way: 10,000 entries are 2.7 MB of JSON and blocked it for 200 ms per keystroke.
 */
export const MAX_LIST_SYMBOLS = 200;

export function documentSymbols(parsed: ParsedPostmortem): DocumentSymbol[] {
  try {
    const contents = parsed.document?.contents;
    if (!isMap(contents)) return [];
    return contents.items.flatMap((pair) => pairSymbol(parsed, [], pair, 1, sectionChildren) ?? []);
  } catch {
    return []; // an outline is never worth an error in the editor
  }
}

type Children = (parsed: ParsedPostmortem, path: PathSegment[], value: unknown, depth: number) => DocumentSymbol[];

/** A key and its value as a symbol: the range runs from the key to the end of the value, the selection is the key. */
function pairSymbol(parsed: ParsedPostmortem, parentPath: PathSegment[], pair: Pair, depth: number, children: Children): DocumentSymbol | undefined {
  const key = pair.key as Node | null;
  if (!key?.range) return undefined;
  const name = isScalar(key) ? String(key.value) : keyText(parsed, key);
  const value = pair.value as Node | null;
  const selectionRange = parsed.rangeOfOffsets(key.range[0], key.range[1]);
  const end = value?.range ? contentEnd(parsed.text, value.range[0], value.range[1]) : key.range[1];
  const range = parsed.rangeOfOffsets(key.range[0], Math.max(end, key.range[1]));
  return symbol(name, scalarDetail(value), kindOf(value), range, selectionRange, children(parsed, [...parentPath, name], value, depth));
}

/** The children of a section: its keys, or one per list entry named for what the entry is. */
function sectionChildren(parsed: ParsedPostmortem, path: PathSegment[], value: unknown, depth: number): DocumentSymbol[] {
  if (depth >= MAX_DEPTH) return [];
  const section = String(path[path.length - 1]);
  if (isMap(value)) {
    const childrenOf: Children = section === 'contributing_factors' ? () => [] : sectionChildren;
    return value.items.flatMap((pair) => {
      const child = pairSymbol(parsed, path, pair, depth + 1, childrenOf);
      if (child && section === 'contributing_factors') child.detail = factorDetail(pair.value);
      return child ?? [];
    });
  }
  if (isSeq(value)) {
    const items = value.items as Array<Node | null>;
    if (items.length > MAX_LIST_SYMBOLS) return groupSymbols(parsed, path, items);
    return items.flatMap((item, index) => itemSymbol(parsed, path, item, index) ?? []);
  }
  return [];
}

/**
 * A long list as runs of consecutive entries, each run one symbol: "Entries 101-200", its detail the first
 * entry's name, its range from the first entry to the last, its selection the first entry's. Runs are a
 * power of ten long, so that there are at most MAX_LIST_SYMBOLS of them.
 */
function groupSymbols(parsed: ParsedPostmortem, path: PathSegment[], items: Array<Node | null>): DocumentSymbol[] {
  let size = 10;
  while (Math.ceil(items.length / size) > MAX_LIST_SYMBOLS) size *= 10;
  const groups: DocumentSymbol[] = [];
  for (let first = 0; first < items.length; first += size) {
    const last = Math.min(first + size, items.length) - 1;
    let head: DocumentSymbol | undefined;
    for (let index = first; index <= last && !head; index++) head = itemSymbol(parsed, path, items[index], index);
    let tail: DocumentSymbol | undefined;
    for (let index = last; index >= first && !tail; index--) tail = itemSymbol(parsed, path, items[index], index);
    if (!head || !tail) continue;
    const range = { start: head.range.start, end: tail.range.end };
    groups.push(symbol(`Entries ${first + 1}-${last + 1}`, head.name, SymbolKind.Array, range, head.selectionRange));
  }
  return groups;
}

function itemSymbol(parsed: ParsedPostmortem, path: PathSegment[], item: Node | null, index: number): DocumentSymbol | undefined {
  if (!item?.range) return undefined;
  const section = path.length === 1 || path[path.length - 1] === 'whys' ? path[path.length - 1] : undefined;
  const range = parsed.rangeOfOffsets(item.range[0], Math.max(item.range[0], contentEnd(parsed.text, item.range[0], item.range[1])));
  const head = parsed.keyRange([...path, index]);
  const selectionRange = head && contains(range, head) ? head : range;
  const fields = isMap(item) ? scalarFields(item) : undefined;
  const own = isScalar(item) ? short(String(item.value ?? '')) : isAlias(item) ? `*${item.source}` : undefined;
  switch (section) {
    case 'timeline': {
      const name = [fields?.get('at'), fields?.get('event')].filter((part) => part !== undefined && part !== '').join(' ');
      return symbol(name || own || `Entry ${index + 1}`, fields?.get('kind'), SymbolKind.Event, range, selectionRange);
    }
    case 'action_items':
      return symbol(fields?.get('action') || own || `Action item ${index + 1}`, fields?.get('owner'), SymbolKind.Function, range, selectionRange);
    case 'regulatory':
      return symbol(fields?.get('regime') || own || `Obligation ${index + 1}`, fields?.get('discovered'), SymbolKind.Object, range, selectionRange);
    case 'whys':
      return symbol(`Why ${index + 1}`, own, SymbolKind.String, range, selectionRange);
    default:
      return symbol(own || firstValue(fields) || `Item ${index + 1}`, undefined, own !== undefined ? SymbolKind.String : kindOf(item), range, selectionRange);
  }
}

/** The short texts of a mapping's scalar values, by key. */
function scalarFields(map: Node): Map<string, string> {
  const fields = new Map<string, string>();
  if (!isMap(map)) return fields;
  for (const pair of map.items) {
    if (isPair(pair) && isScalar(pair.key) && isScalar(pair.value) && pair.value.value !== null) {
      const key = String(pair.key.value);
      if (!fields.has(key)) fields.set(key, short(String(pair.value.value)));
    }
  }
  return fields;
}

function firstValue(fields: Map<string, string> | undefined): string | undefined {
  return fields ? [...fields.values()].find((value) => value !== '') : undefined;
}

function factorDetail(value: unknown): string | undefined {
  const score = scalarFields(value as Node).get('score');
  return score !== undefined ? `score ${score}` : undefined;
}

function scalarDetail(value: Node | null): string | undefined {
  if (isScalar(value) && value.value !== null && value.value !== undefined) return short(String(value.value));
  if (isAlias(value)) return `*${value.source}`;
  if (isSeq(value)) return `${value.items.length} ${value.items.length === 1 ? 'entry' : 'entries'}`;
  return undefined;
}

function kindOf(value: unknown): SymbolKind {
  if (isMap(value)) return SymbolKind.Module;
  if (isSeq(value)) return SymbolKind.Array;
  if (isScalar(value)) {
    if (typeof value.value === 'number') return SymbolKind.Number;
    if (typeof value.value === 'boolean') return SymbolKind.Boolean;
    if (value.value === null) return SymbolKind.Null;
  }
  return SymbolKind.String;
}

/** A symbol whose name is never empty (VS Code rejects an empty name) and whose detail is dropped when empty. */
function symbol(name: string, detail: string | undefined, kind: SymbolKind, range: Range, selectionRange: Range, children?: DocumentSymbol[]): DocumentSymbol {
  const shown = short(name) || '(empty)';
  return DocumentSymbol.create(shown, detail || undefined, kind, range, selectionRange, children && children.length > 0 ? children : undefined);
}

/** One line of at most MAX_SYMBOL_TEXT characters. */
export function short(text: string): string {
  return oneLine(text, MAX_SYMBOL_TEXT);
}

/** A key that is itself a collection (`? [a, b]`), named by its text on the first line. */
function keyText(parsed: ParsedPostmortem, key: Node): string {
  return short(parsed.text.slice(key.range![0], key.range![1]));
}

/** The end of a node's text without the line breaks and blanks the parser counts into block collections. */
function contentEnd(text: string, start: number, end: number): number {
  let at = Math.min(end, text.length);
  while (at > start && /\s/.test(text[at - 1])) at--;
  return at;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
