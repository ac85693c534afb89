/**
 * In-file suppressions, as ESLint's `eslint-disable-*` and markdownlint's `markdownlint-disable` comments:
 *
 *   # postmortem-disable-next-line <slug>[, <slug>...] [-- reason]   the next content line
 *   key: value  # postmortem-disable-line <slug>... [-- reason]      this line
 *   # postmortem-disable <slug>... [-- reason]                        from this line on ...
 *   # postmortem-enable [<slug>...]                                   ... until this line
 *
 * No slug means every rule. Directives are YAML comments as the `yaml` parser finds them, so a `#` inside a
 * quoted string or a block scalar is never one. `yaml-syntax` problems cannot be suppressed. A directive that
 * suppresses nothing, names an unknown rule or is misspelt is itself reported (`unused-suppression`).
 * See docs/suppressions.md.
 */
import { lastStartingBy } from './lookup';
import { Parser, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { RULES } from '../rules/index';
import type { ParsedPostmortem } from './parse';
import { closestMatch } from './suggest';
import { textForParsing } from './textChecks';
import type { Diagnostic, Fix, Range, Severity } from './types';

/** The slug of the findings about suppression comments themselves. */
export const SUPPRESSION_RULE = 'unused-suppression';

export const DIRECTIVE_KINDS = ['disable-next-line', 'disable-line', 'disable', 'enable'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

/** The slugs a directive may name: every review rule and `schema`. */
export const SUPPRESSIBLE_SLUGS: readonly string[] = ['schema', ...RULES.map((rule) => rule.slug)];
const SUPPRESSIBLE = new Set(SUPPRESSIBLE_SLUGS);
const DIRECTIVE_NAMES = DIRECTIVE_KINDS.map((kind) => `postmortem-${kind}`);

export interface DirectiveSlug {
  slug: string;
  /** Where the slug is written in the comment. */
  range: Range;
}

export interface SuppressionDirective {
  kind: DirectiveKind;
  /** The comment, from `#` to its last non-blank character. */
  range: Range;
  /** The rules named; empty for all rules. Unknown slugs are left out (and reported). */
  slugs: DirectiveSlug[];
  /** The text after ` -- `, trimmed; undefined when there is none. */
  reason?: string;
  /** Line directives: the first and last line they cover (a value spanning several lines is covered whole). */
  lines?: { first: number; last: number };
}

export interface SuppressionReading {
  directives: SuppressionDirective[];
  /** Unknown slugs, unknown directive names, slugs that cannot be suppressed: reported under SUPPRESSION_RULE. */
  problems: Array<{ message: string; range: Range }>;
}

/** Cheap test before any parsing: a text without the word has no directive (nearly every file). */
const DIRECTIVE_HINT = /postmortem-(?:dis|en)/i;
/** `postmortem-<word>` at the start of a comment; the word is checked against the known names. */
const DIRECTIVE_START = /^#[ \t]*(postmortem-[A-Za-z-]*)/;
/** ESLint's separator of the reason: two or more dashes with blanks around (or at the end). */
const REASON_SEPARATOR = /\s--+(?:\s|$)/;

const readings = new WeakMap<ParsedPostmortem, SuppressionReading>();

/** Every suppression directive of the document, with the problems of the ill-formed ones. Cached per parse. */
export function readSuppressions(parsed: ParsedPostmortem): SuppressionReading {
  let reading = readings.get(parsed);
  if (!reading) {
    reading = DIRECTIVE_HINT.test(parsed.text) ? readDirectives(parsed) : { directives: [], problems: [] };
    readings.set(parsed, reading);
  }
  return reading;
}

function readDirectives(parsed: ParsedPostmortem): SuppressionReading {
  const directives: SuppressionDirective[] = [];
  const problems: SuppressionReading['problems'] = [];
  const comments = yamlComments(parsed.text);
  const commentOnlyLines = new Set<number>();
  for (const comment of comments) {
    const { line, character } = parsed.lines.positionAt(comment.offset);
    if (parsed.lines.lineText(line).slice(0, character).trim() === '') commentOnlyLines.add(line);
  }
  // The first line from `line` on that is neither blank nor only a comment; remembered for every line passed,
  // so 20,000 directives stacked above one line cost one scan, not 20,000.
  const nextContent = new Map<number, number>();
  const nextContentLine = (line: number): number => {
    const passed: number[] = [];
    let target = line;
    while (target < parsed.lines.lineCount && !nextContent.has(target) && (commentOnlyLines.has(target) || parsed.lines.lineText(target).trim() === '')) passed.push(target++);
    const found = nextContent.get(target) ?? target;
    for (const l of passed) nextContent.set(l, found);
    return found;
  };
  for (const comment of comments) {
    const start = DIRECTIVE_START.exec(comment.source);
    if (!start) continue;
    const name = start[1].toLowerCase();
    const at = (from: number, to: number): Range => parsed.rangeOfOffsets(comment.offset + from, comment.offset + to);
    const nameStart = start[0].length - start[1].length;
    if (!DIRECTIVE_NAMES.includes(name)) {
      // `# postmortem-notes` is just a comment; only near-misses of a directive name are reported.
      const kindGuess = closestMatch(name.slice('postmortem-'.length), DIRECTIVE_KINDS);
      const guess = kindGuess && `postmortem-${kindGuess}`;
      if (guess) problems.push({ message: `Unknown directive \`${start[1]}\`; did you mean \`${guess}\`? This comment suppresses nothing.`, range: at(nameStart, start[0].length) });
      continue;
    }
    const kind = name.slice('postmortem-'.length) as DirectiveKind;
    const rest = comment.source.slice(start[0].length);
    const separator = REASON_SEPARATOR.exec(rest);
    const list = separator ? rest.slice(0, separator.index) : rest;
    const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : undefined;
    const slugs: DirectiveSlug[] = [];
    let named = 0;
    for (const match of list.matchAll(/[^\s,]+/g)) {
      named++;
      const slug = match[0];
      const from = start[0].length + match.index!;
      const range = at(from, from + slug.length);
      if (SUPPRESSIBLE.has(slug)) slugs.push({ slug, range });
      else problems.push({ message: unsuppressibleMessage(slug, name), range });
    }
    // Every slug named was unknown: the directive must not turn into "all rules".
    if (named > 0 && slugs.length === 0) continue;
    const directive: SuppressionDirective = { kind, range: at(0, comment.source.trimEnd().length), slugs, ...(reason === undefined ? {} : { reason }) };
    const line = directive.range.start.line;
    if (kind === 'disable-line') directive.lines = { first: line, last: coveredUntil(parsed, line) };
    if (kind === 'disable-next-line') {
      const target = nextContentLine(line + 1);
      if (target < parsed.lines.lineCount) directive.lines = { first: target, last: coveredUntil(parsed, target) };
    }
    directives.push(directive);
  }
  return { directives, problems };
}

function unsuppressibleMessage(slug: string, directive: string): string {
  if (slug === 'yaml-syntax') return '`yaml-syntax` problems cannot be suppressed: the rest of the file is only checked once the YAML is fixed.';
  if (slug === SUPPRESSION_RULE) return `\`${SUPPRESSION_RULE}\` cannot be suppressed in the file; set its level in the settings (\`rules: { ${SUPPRESSION_RULE}: off }\`).`;
  const guess = closestMatch(slug, SUPPRESSIBLE_SLUGS);
  return `Unknown rule \`${slug}\` in \`${directive}\`${guess ? `; did you mean \`${guess}\`?` : '.'} It suppresses nothing.`;
}

/** The comment tokens of the text, from the parser's concrete syntax tree (an explicit stack: no recursion). */
function yamlComments(text: string): Array<{ offset: number; source: string }> {
  const found: Array<{ offset: number; source: string }> = [];
  const pending: unknown[] = [...new Parser().parse(textForParsing(text))];
  while (pending.length > 0) {
    const token = pending.pop();
    if (token === null || typeof token !== 'object') continue;
    if (Array.isArray(token)) {
      for (const item of token) pending.push(item);
      continue;
    }
    const { type, offset, source } = token as { type?: string; offset?: number; source?: string };
    if (type === 'comment' && typeof offset === 'number' && typeof source === 'string') found.push({ offset, source });
    for (const value of Object.values(token)) if (value !== null && typeof value === 'object') pending.push(value);
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * The outermost value around `offset` that spans several lines (a block scalar, a string over several lines, a flow
 * list or mapping) and starts before it, as its first and last lines. A comment line inside one would change it (a
 * block scalar takes it as text) or break it, so a directive covers such a value whole, from the line it starts on.
 * One descent from the root, a binary search per level: a finding in a 10,000-entry timeline costs no walk.
 */
function enclosingValue(parsed: ParsedPostmortem, offset: number): { first: number; last: number } | undefined {
  let node: unknown = parsed.document?.contents;
  while (isMap(node) || isSeq(node)) {
    if (node.flow) return spanAround(parsed, node, offset);
    const items = node.items as unknown[];
    const item = items[lastStartingBy(items, offset, (candidate) => itemStart(candidate) ?? -1)];
    if (isPair(item)) node = isScalar(item.value) || isMap(item.value) || isSeq(item.value) ? item.value : undefined;
    else node = item;
  }
  return isScalar(node) ? spanAround(parsed, node, offset) : undefined;
}

function itemStart(item: unknown): number | undefined {
  if (isPair(item)) return (item.key as Node | null)?.range?.[0] ?? (item.value as Node | null)?.range?.[0];
  return (item as Node | undefined)?.range?.[0];
}

function spanAround(parsed: ParsedPostmortem, node: Node, offset: number): { first: number; last: number } | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  let last = end;
  // A block scalar's range ends after its line break (and kept blank lines): its last line is its last text.
  while (last > start && /\s/.test(parsed.text[last - 1])) last--;
  if (offset <= start || offset >= last) return undefined;
  const first = parsed.lines.positionAt(start).line;
  const lastLine = parsed.lines.positionAt(last - 1).line;
  return lastLine > first ? { first, last: lastLine } : undefined;
}

/** The last line a directive aimed at `line` covers: the last of a multi-line value that starts on it. */
function coveredUntil(parsed: ParsedPostmortem, line: number): number {
  if (line + 1 >= parsed.lines.lineCount) return line;
  const value = enclosingValue(parsed, parsed.lines.lineStart(line + 1));
  return value?.first === line ? value.last : line;
}

export interface SuppressionOptions {
  /** The rules that ran on this document (and `schema` when it was checked): only their suppressions can be judged unused. */
  ran: ReadonlySet<string>;
  /** The configured level of SUPPRESSION_RULE; undefined keeps the default (warning). */
  level?: 'off' | Severity;
}

/** A directive's use: per slug, or the whole directive when it names none. */
interface Use {
  directive: SuppressionDirective;
  slug?: DirectiveSlug;
  used: boolean;
}

/**
 * The diagnostics without the suppressed ones, plus the reports of unused and ill-formed directives.
 * `yaml-syntax` diagnostics always stay.
 */
export function applySuppressions(parsed: ParsedPostmortem, diagnostics: Diagnostic[], options: SuppressionOptions): Diagnostic[] {
  const { directives, problems } = readSuppressions(parsed);
  if (directives.length === 0 && problems.length === 0) return diagnostics;
  const uses = directives.flatMap((directive): Use[] => (directive.slugs.length === 0 ? [{ directive, used: false }] : directive.slugs.map((slug) => ({ directive, slug, used: false }))));
  // Line directives by the first line they cover; stacked directives share it. No line-by-line expansion: a
  // directive above a 50,000-line block scalar costs one entry.
  const lineTargets = new Map<number, LineTarget>();
  for (const use of uses) {
    const lines = use.directive.lines;
    if (!lines) continue;
    let target = lineTargets.get(lines.first);
    if (!target) lineTargets.set(lines.first, (target = { last: lines.last, bySlug: new Map() }));
    target.last = Math.max(target.last, lines.last);
    if (!use.slug) target.all ??= use;
    else if (!target.bySlug.has(use.slug.slug)) target.bySlug.set(use.slug.slug, use);
  }
  const ranges = new RangeStates(uses.filter((use) => use.directive.kind === 'disable' || use.directive.kind === 'enable'));

  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const line = diagnostic.range.start.line;
    const use = diagnostic.rule === 'yaml-syntax' || diagnostic.rule === SUPPRESSION_RULE ? undefined : lineUse(parsed, lineTargets, line, diagnostic.rule) ?? ranges.disabling(line, diagnostic.rule);
    if (use) use.used = true;
    else kept.push(diagnostic);
  }

  if (options.level === 'off') return kept;
  const severity: Severity = options.level ?? 'warning';
  const report = (message: string, range: Range): void => void kept.push({ rule: SUPPRESSION_RULE, severity, message, range });
  for (const problem of problems) report(problem.message, problem.range);
  for (const use of uses) {
    const { directive, slug } = use;
    const name = `postmortem-${directive.kind}`;
    if (directive.kind === 'enable') {
      if (!ranges.enabledSomething(use)) report(`Unused \`${name}\` directive (${slug ? `\`${slug.slug}\` was not disabled here` : 'nothing was disabled here'}); remove it.`, slug?.range ?? directive.range);
      continue;
    }
    if (use.used || (slug && !options.ran.has(slug.slug))) continue;
    report(`Unused \`${name}\` directive (no problems were reported${slug ? ` from \`${slug.slug}\`` : ''}); remove it.`, slug?.range ?? directive.range);
  }
  return kept;
}

interface LineTarget {
  last: number;
  all?: Use;
  bySlug: Map<string, Use>;
}

/** The line directive that suppresses `rule` at `line`: aimed at the line, or at the start of a multi-line value around it. */
function lineUse(parsed: ParsedPostmortem, targets: ReadonlyMap<number, LineTarget>, line: number, rule: string): Use | undefined {
  if (targets.size === 0) return undefined;
  let target = targets.get(line);
  if (!target) {
    const first = enclosingValue(parsed, parsed.lines.lineStart(line))?.first;
    target = first === undefined ? undefined : targets.get(first);
    if (!target || target.last < line) return undefined;
  }
  return target.bySlug.get(rule) ?? target.all;
}

/** What `postmortem-disable` / `postmortem-enable` directives disable from each line on. */
interface RangeState {
  /** From this line on (up to the next state's line). */
  line: number;
  all?: Use;
  /** Rules enabled again while `all` holds. */
  except: ReadonlySet<string>;
  rules: ReadonlyMap<string, Use>;
}

class RangeStates {
  private readonly states: RangeState[] = [];
  private readonly effective = new Set<Use>();

  constructor(uses: readonly Use[]) {
    let all: Use | undefined;
    let except = new Set<string>();
    let rules = new Map<string, Use>();
    for (const use of uses) {
      const line = use.directive.range.start.line;
      const name = use.slug?.slug;
      if (use.directive.kind === 'disable') {
        if (name === undefined) [all, except, rules] = [use, new Set(), new Map()];
        else {
          rules = new Map(rules).set(name, use);
          except = new Set(except);
          except.delete(name);
        }
      } else if (name === undefined) {
        if (all || rules.size > 0) this.effective.add(use);
        [all, except, rules] = [undefined, new Set(), new Map()];
      } else if (rules.has(name)) {
        this.effective.add(use);
        rules = new Map(rules);
        rules.delete(name);
      } else if (all && !except.has(name)) {
        this.effective.add(use);
        except = new Set(except).add(name);
      }
      // One comment per line: a later directive of the same line is a later slug of the same comment.
      if (this.states.at(-1)?.line === line) this.states.pop();
      this.states.push({ line, all, except, rules });
    }
  }

  /** The disable directive in force for `rule` at `line`, if any. */
  disabling(line: number, rule: string): Use | undefined {
    let low = 0;
    let high = this.states.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.states[mid].line <= line) [found, low] = [mid, mid + 1];
      else high = mid - 1;
    }
    if (found < 0) return undefined;
    const state = this.states[found];
    return state.rules.get(rule) ?? (state.all && !state.except.has(rule) ? state.all : undefined);
  }

  enabledSomething(use: Use): boolean {
    return this.effective.has(use);
  }
}

/**
 * "Disable <slug> for this line": a `postmortem-disable-next-line` comment above the diagnostic's line, indented
 * like it. Inside a value spanning several lines (a block scalar: a comment line there would become text) it goes
 * above the line the value starts on, which the directive then covers whole. Never safe: `--fix` and fix-all do
 * not apply it. It promises to change no data (`changes: []`), which the fix check holds it to.
 */
export function disableFix(parsed: ParsedPostmortem, diagnostic: Diagnostic): Fix | undefined {
  if (!SUPPRESSIBLE.has(diagnostic.rule)) return undefined;
  const lines = parsed.lines;
  const diagnosticLine = Math.min(diagnostic.range.start.line, lines.lineCount - 1);
  const line = enclosingValue(parsed, parsed.lines.lineStart(diagnosticLine))?.first ?? diagnosticLine;
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const start = { line, character: 0 };
  return {
    title: `Disable ${diagnostic.rule} for this line`,
    edits: [{ range: { start, end: start }, newText: `${indent}# postmortem-disable-next-line ${diagnostic.rule} -- ${lineBreakOf(parsed, line)}` }],
    safe: false,
    changes: [],
    suppresses: diagnostic.rule,
  };
}

/** The line break that ends `line` (the document's first one for a last line without one). */
function lineBreakOf(parsed: ParsedPostmortem, line: number): string {
  const lines = parsed.lines;
  if (line + 1 < lines.lineCount) return parsed.text.slice(lines.lineEnd(line), lines.lineStart(line + 1));
  return /\r\n|\r|\n/.exec(parsed.text)?.[0] ?? '\n';
}
