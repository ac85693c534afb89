import type { Diagnostic, Position, Range } from './types';
import { RULES } from '../rules/index';

const RULES_BY_SLUG = new Map(RULES.map((rule) => [rule.slug, rule]));

export interface RuleHover {
  markdown: string;
  /** Where every diagnostic of the hover overlaps. */
  range: Range;
}

/**
 * What a diagnostic's hover adds to the editor's own problem hover, which already shows the
 * message, the source and the slug: the rule's id, its one-line description, the quick fixes on
 * offer and the link to its doc page. Shared by the extension and the language server.
 */
export function ruleHover(diagnostics: readonly Diagnostic[], position: Position, docUri: (slug: string) => string): RuleHover | undefined {
  const here = diagnostics.filter((d) => RULES_BY_SLUG.has(d.rule) && contains(d.range, position));
  if (here.length === 0) return undefined;
  const parts: string[] = [];
  // Two diagnostics of one rule at one place (two overdue dates on a line) need the rule's text once.
  const shown = new Set<string>();
  for (const d of here) {
    const fixTitles = (d.fixes ?? []).filter((fix) => fix.edits.length > 0).map((fix) => fix.title);
    const key = `${d.rule}\n${fixTitles.join('\n')}`;
    if (shown.has(key)) continue;
    shown.add(key);
    const rule = RULES_BY_SLUG.get(d.rule)!;
    let part = `**${rule.id}** \`${rule.slug}\`: ${escapeMarkdown(rule.description)}`;
    if (fixTitles.length > 0) part += `\n\nQuick fix${fixTitles.length > 1 ? 'es' : ''}: ${fixTitles.map(escapeMarkdown).join('; ')}`;
    part += `\n\n[Learn about ${rule.slug}](${docUri(rule.slug)})`;
    parts.push(part);
  }
  return { markdown: parts.join('\n\n---\n\n'), range: here.map((d) => d.range).reduce((a, b) => intersection(a, b) ?? a) };
}

/** Messages use `code` spans on purpose; everything outside them is shown literally. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_{}[\]<>#|!]/g, (c) => `\\${c}`)))
    .join('');
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function contains(range: Range, position: Position): boolean {
  return compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
}

/** As vscode.Range.intersection: undefined when the ranges do not touch. */
function intersection(a: Range, b: Range): Range | undefined {
  const start = compare(a.start, b.start) >= 0 ? a.start : b.start;
  const end = compare(a.end, b.end) <= 0 ? a.end : b.end;
  return compare(start, end) > 0 ? undefined : { start, end };
}
