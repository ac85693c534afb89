/** The render entry points shared by the CLI, the export commands and the preview. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figures } from '../core/figures';
import { buildReportModel, type ReportInput, type ReportModel } from './model';
import { renderHtml, type Theme } from './html';
import { renderMarkdown } from './markdown';

export { buildReportModel, bestEffortData, parseDataPath, type ReportModel, type ReportInput } from './model';
export { renderHtml, renderReportBody, themeVariables, type HtmlOptions, type Theme } from './html';
export { renderMarkdown, escapeMarkdown } from './markdown';
export { escapeHtml, safeHref } from '../core/html';
export { pathAtOffset } from './pathAt';

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
