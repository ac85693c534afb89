import {
  Composer,
  Parser,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  YAMLParseError,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
  type CST,
} from 'yaml';

type CstToken = CST.Token;
import { LineIndex } from './lines';
import { checkText, textForParsing } from './textChecks';
import type { Diagnostic, Range } from './types';

/** One step into the document: a mapping key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/**
 * Larger texts are not checked: parsing 10 MB takes seconds on every
 * keystroke, and a post-mortem is normally well under 100 KB (the benchmark's
 * 10,000-entry timeline is about 1 MB).
 */
export const MAX_CHECKED_LENGTH = 4_000_000;
/** The largest file the CLI and the editors read, in bytes (UTF-8 takes up to 3 per character). */
export const MAX_FILE_BYTES = MAX_CHECKED_LENGTH * 3;

/** More syntax errors than this are summarised in one last diagnostic. */
const MAX_SYNTAX_DIAGNOSTICS = 50;

/** Aliases may be expanded this many times in total; more is an alias bomb. */
const MAX_ALIAS_EXPANSIONS = 200;

const PARSE_OPTIONS = {
  // YAML 1.2 core schema: dates and times stay strings (the schema checks
  // their format), `yes`/`no` stay strings, `10:25` is not sexagesimal.
  version: '1.2',
  schema: 'core',
  // The library compares each key with every earlier one of its mapping (100,000 keys: minutes);
  // duplicateKeyErrors() finds the same duplicates with one set per mapping.
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
  // The `yaml` library would print process warnings (a collection used as a key, say) into the extension host's log.
  logLevel: 'error',
} as const;

/**
 * A post-mortem file parsed once, with everything later stages need: the
 * plain data for validation and rules, and the YAML nodes for exact ranges.
 */
export class ParsedPostmortem {
  private lineIndex?: LineIndex;

  constructor(
    readonly text: string,
    /** The first YAML document, if the stream had one. */
    readonly document: Document.Parsed | undefined,
    /** The plain JavaScript value, or undefined when it could not be built (syntax or alias errors). */
    readonly data: unknown,
    /** `yaml-syntax` diagnostics: syntax errors, duplicate keys, extra documents, alias bombs. */
    readonly syntaxDiagnostics: Diagnostic[],
  ) {}

  /** Built on first use: a clean document never pays for it. */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /** True when the file has syntax errors (warnings aside). */
  get hasSyntaxErrors(): boolean {
    return this.syntaxDiagnostics.some((d) => d.severity === 'error');
  }

  rangeOfOffsets(start: number, end: number): Range {
    return this.lines.rangeOf(start, end);
  }

  /** The YAML node at `path`, or undefined when the path does not exist. */
  nodeAt(path: Path): Node | undefined {
    let node: unknown = this.document?.contents ?? undefined;
    for (const segment of path) {
      node = childNode(node, segment);
      if (node === undefined) return undefined;
    }
    return (node ?? undefined) as Node | undefined;
  }

  /** The mapping pair whose key is the last segment of `path`, when the parent is a mapping. */
  pairAt(path: Path): Pair | undefined {
    if (path.length === 0) return undefined;
    const parent = this.nodeAt(path.slice(0, -1));
    const parentNode = isAlias(parent) ? undefined : parent;
    if (!isMap(parentNode)) return undefined;
    return findPair(parentNode.items, path[path.length - 1]);
  }

  /** Range of the value at `path` (a block scalar or collection spans all its lines). */
  valueRange(path: Path): Range | undefined {
    const node = this.nodeAt(path);
    if (node?.range && node.range[1] > node.range[0]) return this.rangeOfOffsets(node.range[0], node.range[1]);
    // A key with no value (`severity:`) has a null value node with an empty range or none: point at the key.
    return this.keyRange(path);
  }

  /**
   * Range of the key that names `path` (`severity` in `severity: SEV-9`); for a
   * sequence item, the range of the item itself, since it has no key.
   */
  keyRange(path: Path): Range | undefined {
    const pair = this.pairAt(path);
    const key = pair?.key as Node | undefined;
    if (key?.range) return this.rangeOfOffsets(key.range[0], key.range[1]);
    if (typeof path[path.length - 1] === 'number') {
      const node = this.nodeAt(path);
      if (node?.range) return this.headRange(node);
    }
    return undefined;
  }

  /**
   * The best range for something at `path`: its key when it has one, else its
   * value, else the nearest existing ancestor. Never undefined: a document
   * with no usable node gets the first line.
   */
  anchorRange(path: Path, prefer: 'key' | 'value' = 'key'): Range {
    for (let depth = path.length; depth >= 0; depth--) {
      const prefix = path.slice(0, depth);
      const range = prefer === 'key' ? this.keyRange(prefix) ?? this.valueRange(prefix) : this.valueRange(prefix) ?? this.keyRange(prefix);
      if (range && depth > 0) return range;
      if (depth === 0) break;
    }
    return this.documentStartRange();
  }

  /**
   * The first line of a node, up to the end of its first entry's content: a
   * list item `- regime: OSHA   # note` is shown as `regime: OSHA`, without the
   * comment or trailing blanks.
   */
  private headRange(node: Node): Range {
    const [start, valueEnd] = node.range!;
    const lineEnd = firstLineEnd(this.text, start, valueEnd);
    let end = lineEnd;
    if ((isMap(node) || isSeq(node)) && node.flow) {
      end = Math.min(lineEnd, valueEnd);
    } else if ((isMap(node) || isSeq(node)) && node.items.length > 0) {
      const first: unknown = node.items[0];
      const parts = isPair(first) ? [first.key, first.value] : [first];
      let contentEnd = -1;
      for (const part of parts) {
        const range = (part as Node | null | undefined)?.range;
        if (range && range[1] <= lineEnd) contentEnd = Math.max(contentEnd, range[1]);
      }
      if (contentEnd > start) end = contentEnd;
    }
    while (end > start && /\s/.test(this.text[end - 1])) end--;
    return this.rangeOfOffsets(start, end);
  }

  /** The first non-empty line (or the start of the file): where whole-document problems are shown. */
  documentStartRange(): Range {
    const contents = this.document?.contents as Node | null | undefined;
    if (contents?.range) return this.headRange(contents);
    const lines = this.lines;
    for (let line = 0; line < lines.lineCount; line++) {
      const text = lines.lineText(line);
      if (text.trim() !== '') return { start: { line, character: 0 }, end: { line, character: text.length } };
    }
    return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  }
}

function childNode(node: unknown, segment: PathSegment): unknown {
  if (isAlias(node)) return undefined; // never follow aliases for ranges: the range would be elsewhere
  if (isMap(node)) {
    const pair = findPair(node.items, segment);
    return pair ? pair.value ?? null : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return undefined;
}

/** Each mapping's pairs by key name (the first pair of a name), built on the first lookup: a lookup per key of a big mapping stays linear. */
const pairIndexes = new WeakMap<Pair[], { size: number; byName: Map<string, Pair> }>();

function findPair(items: Pair[], key: PathSegment): Pair | undefined {
  let index = pairIndexes.get(items);
  if (!index || index.size !== items.length) {
    const byName = new Map<string, Pair>();
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const k = pair.key;
      const name = isScalar(k) ? String(k.value) : k == null ? '' : String(k);
      if (!byName.has(name)) byName.set(name, pair);
    }
    pairIndexes.set(items, (index = { size: items.length, byName }));
  }
  return index.byName.get(String(key));
}

/**
 * The library's DUPLICATE_KEY errors (a scalar key whose value equals an earlier key's of the same mapping),
 * found with one set per mapping instead of comparing each key with all earlier ones. An explicit stack:
 * a deeply nested document must not exhaust the call stack.
 */
function duplicateKeyErrors(document: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          // `===` as the library compares: NaN is never equal to itself.
          const value = key.value;
          if (seen.has(value) && !Number.isNaN(value)) errors.push(new YAMLParseError([key.range?.[0] ?? 0, (key.range?.[0] ?? 0) + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          seen.add(value);
        } else if (key !== null && typeof key === 'object') {
          pending.push(key);
        }
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
  return errors;
}

function firstLineEnd(text: string, start: number, end: number): number {
  const newline = text.slice(start, end).search(/[\r\n]/);
  return newline === -1 ? end : start + newline;
}

/**
 * Deeper collections are not composed. The library composes recursively: thousands of levels (`- - - ...`)
 * exhaust the stack, and when that happens while V8 compiles a regular expression the whole process aborts
 * ("RegExpCompiler Allocation failed") instead of throwing. A post-mortem nests about five levels.
 */
export const MAX_NESTING_DEPTH = 200;

/** The offset of the first collection nested deeper than MAX_NESTING_DEPTH in the parser's tokens, if any (an explicit stack). */
function firstTooDeep(tokens: readonly CstToken[]): number | undefined {
  const pending: Array<[CstToken | undefined, number]> = tokens.map((token) => [token, 0]);
  while (pending.length > 0) {
    const [token, depth] = pending.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      pending.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= MAX_NESTING_DEPTH) return token.offset;
      for (const item of token.items) {
        if ('key' in item) pending.push([item.key ?? undefined, depth + 1]);
        pending.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/** Turns the `yaml` library's terse messages into sentences for a person. */
function describeYamlError(error: YAMLError): string {
  const raw = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same mapping; YAML keeps only one of them. Remove or rename the duplicate.';
    case 'TAB_AS_INDENT':
      return 'Tabs cannot indent YAML; use spaces.';
    case 'BAD_INDENT':
      if (/end with a ([\]}])/.test(raw)) {
        const close = /end with a ([\]}])/.exec(raw)![1];
        return `The ${close === ']' ? 'list opened with `[`' : 'mapping opened with `{`'} is not closed: end it with \`${close}\`, or indent its continuation lines more than its key.`;
      }
      return `Indentation is off here: ${lowerFirst(raw)}`;
    case 'MULTIPLE_DOCS':
      return 'A post-mortem file holds one YAML document; remove the extra `---` separator and what follows, or move it to its own file.';
    case 'BAD_DQ_ESCAPE':
      return `Invalid escape in a double-quoted string: ${lowerFirst(raw)}`;
    case 'TAG_RESOLVE_FAILED': {
      const tag = /unresolved tag:\s*(\S+)/i.exec(raw)?.[1] ?? 'this tag';
      const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      return `The YAML tag \`${shown}\` is not used in post-mortems and is ignored; remove it and write the plain value.`;
    }
    default:
      if (/call stack/i.test(raw)) return 'The YAML nests too deeply to read (thousands of levels); a post-mortem needs only a few.';
      return `YAML syntax error: ${lowerFirst(raw)}`;
  }
}

/**
 * Nodes with an explicit tag the core schema resolves but a post-mortem has no
 * use for (`!!binary` turns `id` into bytes, `!!set` a list into a mapping):
 * the value silently changes type. `!!str` only says what the value is anyway.
 */
function explicitTags(doc: Document.Parsed): Array<{ tag: string; range: [number, number] }> {
  const found: Array<{ tag: string; range: [number, number] }> = [];
  visit(doc, (_key, node) => {
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag && node.range && !PLAIN_TAGS.has(node.tag)) {
      found.push({ tag: node.tag, range: [node.range[0], node.range[1]] });
    }
  });
  return found;
}

const PLAIN_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

function describeTag(tag: string): string {
  const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
  return `The YAML tag \`${shown}\` changes what this value is read as; post-mortems use plain values: remove the tag.`;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}

/** Parse a post-mortem file. Never throws: every problem becomes a diagnostic. */
export function parsePostmortem(input: string): ParsedPostmortem {
  // The editor never shows a byte-order mark, so positions are counted without it.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const diagnostics: Diagnostic[] = [];
  if (text.length > MAX_CHECKED_LENGTH) return tooLarge(text);
  const documents: Document.Parsed[] = [];
  let parsed: ParsedPostmortem | undefined;
  const rangeOf = (start: number, end: number): Range => {
    parsed ??= new ParsedPostmortem(text, undefined, undefined, []);
    return parsed.rangeOfOffsets(start, Math.max(end, start));
  };

  // Binary, UTF-16, control characters, lone carriage returns: said once, plainly, before YAML speaks.
  for (const problem of checkText(text)) {
    diagnostics.push({ rule: 'yaml-syntax', severity: problem.kind === 'lone-cr' ? 'warning' : 'error', message: problem.message, range: rangeOf(problem.start, problem.end) });
    if (problem.fatal) return new ParsedPostmortem(text, undefined, undefined, diagnostics);
  }

  // Binary junk or 100,000 duplicate keys make the library build an error per problem; the stack trace
  // each error would capture cost more than the parse (seconds per megabyte) and is never read.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // Lone carriage returns read as line breaks, one character for one: offsets stay those of `text`.
    const source = textForParsing(text);
    const tokens = [...new Parser().parse(source)];
    const tooDeep = firstTooDeep(tokens);
    if (tooDeep !== undefined) {
      diagnostics.push({
        rule: 'yaml-syntax',
        severity: 'error',
        message: `The YAML nests more than ${MAX_NESTING_DEPTH} levels deep here; a post-mortem needs only a few. Is this a YAML file?`,
        range: widen(rangeOf, text, [tooDeep, tooDeep + 1]),
      });
      return new ParsedPostmortem(text, undefined, undefined, diagnostics);
    }
    const composer = new Composer(PARSE_OPTIONS);
    for (const doc of composer.compose(tokens, true, source.length)) {
      documents.push(doc as Document.Parsed);
    }
  } catch (error) {
    diagnostics.push({
      rule: 'yaml-syntax',
      severity: 'error',
      message: `The file could not be parsed as YAML: ${(error as Error).message}`,
      range: rangeOf(0, 0),
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }

  const document = documents[0];
  if (document) {
    Error.stackTraceLimit = 0;
    try {
      // A loop, not push(...errors): 100,000 duplicates as call arguments overflow the stack.
      for (const error of duplicateKeyErrors(document)) document.errors.push(error);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    document.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  for (const doc of documents.slice(0, 1)) {
    // Binary junk yields an error per byte; the first ones are what a person can act on.
    for (const error of doc.errors.slice(0, MAX_SYNTAX_DIAGNOSTICS)) {
      const pos = error.code === 'DUPLICATE_KEY' ? keyTokenAt(text, error.pos) : error.code === 'BAD_DQ_ESCAPE' ? escapeAt(text, error.pos) : error.pos;
      diagnostics.push({ rule: 'yaml-syntax', severity: 'error', message: describeYamlError(error), range: widen(rangeOf, text, pos) });
    }
    if (doc.errors.length > MAX_SYNTAX_DIAGNOSTICS) {
      const last = doc.errors[MAX_SYNTAX_DIAGNOSTICS];
      diagnostics.push({
        rule: 'yaml-syntax',
        severity: 'error',
        message: `${doc.errors.length - MAX_SYNTAX_DIAGNOSTICS} more YAML syntax errors from here on are not shown; fix the ones above first. Is this a YAML file?`,
        range: widen(rangeOf, text, last.pos),
      });
    }
    for (const warning of doc.warnings.slice(0, MAX_SYNTAX_DIAGNOSTICS)) {
      diagnostics.push({ rule: 'yaml-syntax', severity: 'warning', message: describeYamlError(warning), range: widen(rangeOf, text, warning.pos) });
    }
    if (doc.errors.length === 0) {
      // An unresolved tag was reported above, at the tag itself.
      const unresolved = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED').map((w) => w.message);
      for (const { tag, range } of explicitTags(doc).slice(0, MAX_SYNTAX_DIAGNOSTICS)) {
        if (unresolved.some((message) => message.includes(tag))) continue;
        diagnostics.push({ rule: 'yaml-syntax', severity: 'warning', message: describeTag(tag), range: rangeOf(range[0], range[1]) });
      }
    }
  }
  if (documents.length > 1) {
    const extra = documents[1];
    const start = extra.range?.[0] ?? text.length;
    diagnostics.push({
      rule: 'yaml-syntax',
      severity: 'error',
      message: `A post-mortem file holds one YAML document, but this file has ${documents.length}. Remove the \`---\` separator and what follows, or move each incident to its own file.`,
      range: widen(rangeOf, text, [Math.max(0, text.lastIndexOf('---', start + 3)), start]),
    });
  }

  let data: unknown;
  if (document && document.errors.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
    } catch (error) {
      const unresolved = /^Unresolved alias[^:]*:\s*(.*)$/.exec((error as Error).message)?.[1];
      const alias = firstAliasOffset(document, unresolved);
      diagnostics.push({
        rule: 'yaml-syntax',
        severity: 'error',
        message: describeToJsError(error as Error),
        range: widen(rangeOf, text, alias ?? [0, 0]),
      });
      data = undefined;
    }
  }

  return new ParsedPostmortem(text, document, data, diagnostics);
}

function tooLarge(text: string): ParsedPostmortem {
  const parsed = new ParsedPostmortem(text, undefined, undefined, []);
  const megabytes = (text.length / 1_000_000).toFixed(1);
  parsed.syntaxDiagnostics.push({
    rule: 'yaml-syntax',
    severity: 'error',
    message: `This file is too large to check (${megabytes} million characters; the limit is ${MAX_CHECKED_LENGTH / 1_000_000} million). A post-mortem is normally well under 100 KB: move logs and data out of it and link them with \`source\`.`,
    range: parsed.rangeOfOffsets(0, Math.min(text.length, firstLineEnd(text, 0, Math.min(text.length, 200)))),
  });
  return parsed;
}

/** Explains why the YAML could not become data: an alias bomb, or an alias with no anchor. */
function describeToJsError(error: Error): string {
  const unresolved = /^Unresolved alias[^:]*:\s*(.*)$/.exec(error.message);
  if (unresolved) {
    return `The alias \`*${unresolved[1]}\` refers to no anchor: define \`&${unresolved[1]}\` on a value before this point, or write the value out.`;
  }
  if (/alias/i.test(error.message)) {
    return 'Too many alias expansions: the anchors and aliases in this file would expand to an enormous document (an "alias bomb"). Write the values out instead of nesting aliases.';
  }
  return `The YAML could not be read: ${error.message}`;
}

/** The whole key written at `pos` (plain or quoted), up to its `:`, so a duplicate key is underlined entirely. */
function keyTokenAt(text: string, pos: readonly [number, number]): [number, number] {
  const start = pos[0];
  const line = text.slice(start, start + 1024).split(/\r\n|\r|\n/, 1)[0];
  const key = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^#]+?)(?=[ \t]*:(?:[ \t]|$))/.exec(line);
  return key ? [start, start + key[0].length] : [pos[0], pos[1]];
}

/** The whole escape sequence (`\q`, `\x4`, `\u12G4`) at `pos`, not just its backslash. */
function escapeAt(text: string, pos: readonly [number, number]): [number, number] {
  const escape = /^\\(?:x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|U[0-9a-fA-F]{0,8}|[^\r\n])/.exec(text.slice(pos[0], pos[0] + 10));
  return escape ? [pos[0], pos[0] + escape[0].length] : [pos[0], pos[1]];
}

/** An empty error range becomes the rest of the token (or one character) so it is visible. */
function widen(rangeOf: (s: number, e: number) => Range, text: string, pos: readonly [number, number]): Range {
  let [start, end] = pos;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  if (end === start) {
    const rest = text.slice(start, start + 200).search(/[\s,\]}]/);
    end = rest > 0 ? start + rest : Math.min(text.length, start + 1);
  }
  return rangeOf(start, end);
}

/** The first alias (named `source`, when given) in the document, to point at. */
function firstAliasOffset(document: Document.Parsed, source?: string): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(document, {
    Alias(_key, node) {
      if (source !== undefined && node.source !== source) return undefined;
      if (node.range) found = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return found;
}
