/** The render entry points shared by the CLI, the export commands and the preview. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedPostmortem } from '../core/parse';
import type { Figures } from '../core/figures';
import { buildReportModel, type ReportInput, type ReportModel } from './model';
import { renderHtml, type Theme } from './html';
import { renderMarkdown } from './markdown';

export { buildReportModel, bestEffortData, parseDataPath, type ReportModel, type ReportInput } from './model';
export { renderHtml, renderReportBody, themeVariables, type HtmlOptions, type Theme } from './html';
export { renderMarkdown, escapeMarkdown } from './markdown';
export { escapeHtml, safeHref } from '../core/html';

export type RenderFormat = 'html' | 'markdown' | 'json';

/** The figures exactly as `postmortem render --format json` prints them. */
export function renderJson(figures: Figures): string {
  return JSON.stringify(figures, null, 2) + '\n';
}

let cachedCss: string | undefined;

/**
 * media/preview.css, inlined into exported HTML. Looked up next to the bundle
 * (dist/ -> ../media) and next to the sources (src/render -> ../../media).
 */
export function previewCss(): string {
  if (cachedCss !== undefined) return cachedCss;
  for (const candidate of [join(__dirname, '..', 'media', 'preview.css'), join(__dirname, '..', '..', 'media', 'preview.css')]) {
    if (existsSync(candidate)) return (cachedCss = readFileSync(candidate, 'utf8'));
  }
  return (cachedCss = '');
}

/** One call for exports and the CLI: model, then the format asked for. */
export function renderReport(input: ReportInput, format: RenderFormat, theme?: Theme): string {
  const model: ReportModel = buildReportModel(input);
  if (format === 'json') return renderJson(model.figures);
  if (format === 'markdown') return renderMarkdown(model);
  return renderHtml(model, { mode: 'export', css: previewCss(), theme });
}

/**
 * The path of the deepest node at `offset` (a cursor in the editor), for
 * highlighting the matching part of the preview. Undefined outside the document's mapping.
 */
export function pathAtOffset(parsed: ParsedPostmortem, offset: number): Array<string | number> | undefined {
  let node: unknown = parsed.document?.contents;
  if (!isMap(node) && !isSeq(node)) return undefined;
  const path: Array<string | number> = [];
  for (let depth = 0; depth < 32; depth++) {
    if (isMap(node)) {
      let next: unknown;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        const start = key?.range?.[0] ?? value?.range?.[0];
        const end = value?.range?.[1] ?? key?.range?.[1];
        if (start === undefined || end === undefined || offset < start || offset > end) continue;
        path.push(isScalar(key) ? String(key.value) : String(key));
        next = value;
        break;
      }
      if (next === undefined) return path;
      node = next;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => {
        const range = (item as Node | null)?.range;
        // A block item starts after its "- ": count the dash as part of the item.
        return range != null && offset >= range[0] - 2 && offset <= range[1];
      });
      if (index === -1) return path;
      path.push(index);
      node = node.items[index];
    } else {
      return path;
    }
    if (isAlias(node)) return path;
  }
  return path;
}
