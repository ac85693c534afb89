/**
 * What src/server/featureRequests.ts renders and computes: the report (preview, export) and the
 * quarterly review, with the Markdown renderer of descriptions. Required on the first feature request
 * only: the Node server keeps it in a file of its own (dist/server-features.js, scripts/build.mjs), so
 * starting the server (and the npm package for other editors, which do not ask for it) does not
 * carry the renderers. No Node built-in: the web worker bundles it.
 */
import type { LintResult } from '../core/lint';
import type { CurrencyConversion, LintSettings } from '../core/settings';
import type { WorkspaceEntry } from '../core/workspace';
import { todayDate } from '../core/time';
import { renderHtml, renderReportBody } from '../render/html';
import { renderMarkdown } from '../render/markdown';
import { buildReportModel, type ReportModel } from '../render/model';
import { renderReviewBody, renderReviewPage } from '../review/html';
import { FactsCache } from '../review/incident';
import { collectFacts, reviewFromFacts } from '../review/review';
import type { ReviewIncident, ReviewOpenItem, ReviewParams, ReviewResult, WebviewPageOptions } from './featureProtocol';


export interface Lint {
  result: LintResult;
  settings: LintSettings;
}

function reportModel(lint: Lint): ReportModel {
  return buildReportModel({
    parsed: lint.result.parsed,
    diagnostics: lint.result.diagnostics,
    today: todayDate(),
    holidays: lint.settings.holidays,
    timelineGapMinutes: lint.settings.timelineGapMinutes,
  });
}

/** The preview: the whole webview page (`page` given) or its body, and the incident's id. */
export function previewOf(lint: Lint, page: WebviewPageOptions | undefined): { id: string | null; html: string } {
  const model = reportModel(lint);
  const html = page ? renderHtml(model, { mode: 'webview', nonce: page.nonce, cspSource: page.cspSource, styleUri: page.styleUri, scriptUri: page.scriptUri }) : renderReportBody(model, 'webview');
  return { id: model.header.id ?? null, html };
}

export function exportOf(lint: Lint, format: 'html' | 'markdown', css: string): string {
  const model = reportModel(lint);
  return format === 'markdown' ? renderMarkdown(model) : renderHtml(model, { mode: 'export', css });
}

/** Reused across requests: an unchanged file's facts are not computed again. */
const facts = new FactsCache();

/**
 * What the review reads of one file (its facts, or why it is skipped), as text to compare: an edit that leaves
 * it the same (an event's wording) changes no figure, row or chart. Computed through the review's own cache.
 */
export function reviewFingerprint(entry: (WorkspaceEntry & { problem?: string }) | undefined): string {
  if (!entry) return 'absent';
  if (entry.problem) return `problem ${entry.problem}`;
  return JSON.stringify(facts.get(entry, { today: todayDate() }));
}

/** The review of the index's entries: figures, open action items (overdue first), tree rows, dashboard HTML when asked. */
export function reviewOf(entries: Iterable<WorkspaceEntry>, files: number, currency: CurrencyConversion | null, params: ReviewParams): ReviewResult {
  const collected = collectFacts(entries, { today: todayDate(), cache: facts });
  const review = reviewFromFacts(collected, { includeDrafts: params.includeDrafts === true, currency });
  const openItems: ReviewOpenItem[] = [];
  const incidents: ReviewIncident[] = [];
  for (const incident of collected.incidents) {
    let open = 0;
    let overdue = 0;
    for (const item of incident.actions) {
      if (item.overdue) overdue += 1;
      if (item.state !== 'open' && item.state !== 'in-progress') continue;
      open += 1;
      openItems.push({ file: incident.file, id: incident.id, title: incident.title, index: item.index, action: item.action, owner: item.owner, deadline: item.deadline, state: item.state, overdue: item.overdue, daysOverdue: item.daysOverdue });
    }
    incidents.push({ file: incident.file, id: incident.id, title: incident.title, severity: incident.severity, quarter: incident.quarter, startMs: incident.startMs, open, overdue });
  }
  // Overdue first (most overdue on top), then by deadline: the order someone would work through them.
  openItems.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) ||
      (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
      a.id.localeCompare(b.id) ||
      a.index - b.index,
  );
  const selected = typeof params.selected === 'string' ? params.selected : undefined;
  const page = params.page;
  const html =
    params.render === 'page' && page
      ? renderReviewPage(review, { mode: 'webview', nonce: page.nonce, cspSource: page.cspSource, styleUri: page.styleUri, scriptUri: page.scriptUri }, selected)
      : params.render === 'body'
        ? renderReviewBody(review, { interactive: true, selected })
        : undefined;
  const overdueCount = openItems.filter((i) => i.overdue).length;
  if (params.countsOnly === true) return { html, files, openCount: openItems.length, overdueCount, openItems: [], incidents: [], skipped: [] };
  return { html, files, openCount: openItems.length, openItems, overdueCount, incidents, skipped: review.skipped };
}
