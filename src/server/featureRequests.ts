/**
 * The server's side of src/server/featureProtocol.ts: the preview, export, quarterly review, status
 * bar, tree and New Post-Mortem ask here for what they show, so the same client code runs on the
 * desktop and on the web, and the client never parses or lints. Every answer comes from the lint the
 * server already keeps for an open document (or a lint of the file read from the workspace) and from
 * its workspace index. No Node built-in: the web worker bundles this file too. Nothing here throws
 * at the client: a failure is logged and answered with null.
 */
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, type LintResult } from '../core/lint';
import { planNewPostmortem } from '../core/newPostmortem';
import type { CurrencyConversion, LintSettings } from '../core/settings';
import type { PostmortemStore } from '../core/store';
import { todayDate } from '../core/time';
import { renderHtml, renderReportBody } from '../render/html';
import { renderMarkdown } from '../render/markdown';
import { buildReportModel, parseDataPath, type ReportModel } from '../render/model';
import { pathAtOffset } from '../render/pathAt';
import { renderReviewBody, renderReviewPage } from '../review/html';
import { FactsCache } from '../review/incident';
import { collectFacts, reviewFromFacts } from '../review/review';
import {
  DID_CHANGE_INDEX_NOTIFICATION,
  EXPORT_REQUEST,
  NEW_POSTMORTEM_REQUEST,
  PATH_AT_REQUEST,
  PREVIEW_REQUEST,
  RANGE_OF_REQUEST,
  REVIEW_REQUEST,
  type ExportParams,
  type ExportResult,
  type NewPostmortemParams,
  type NewPostmortemResult,
  type PathAtParams,
  type PreviewParams,
  type PreviewResult,
  type RangeOfParams,
  type ReviewIncident,
  type ReviewOpenItem,
  type ReviewParams,
  type ReviewResult,
  type WireRange,
} from './featureProtocol';

/** What the server lends these handlers (src/server/server.ts). */
export interface FeatureContext {
  /** The open document of a client URI, if the client synced it. */
  document(uri: string): TextDocument | undefined;
  /** The latest lint of an open post-mortem (made now if stale), with the settings it used. */
  currentLint(uri: string): Promise<{ version: number; result: LintResult; settings: LintSettings } | undefined>;
  /** The store's key for a client URI. */
  keyOf(uri: string): string;
  /** A closed file's text, read as the workspace scan reads it. */
  readText(key: string): Promise<string | undefined>;
  settingsFor(key: string): Promise<LintSettings>;
  /** `.postmortem.yaml` `currency` of the first workspace folder: the review spans the workspace. */
  reviewCurrency(): Promise<CurrencyConversion | null>;
  store: PostmortemStore;
  log(message: string, error?: unknown): void;
}

export interface FeatureRequests {
  /** A post-mortem of the index, or the settings, changed: tell the client (once per burst). */
  changed(): void;
  /** The first workspace scan, which `waitForScan` requests wait for. */
  scanning(scan: Promise<void>): void;
}

/** Bursts of index changes (a branch switch) become one notification. */
const NOTIFY_SETTLE_MS = 100;

export function registerFeatureRequests(connection: Connection, context: FeatureContext): FeatureRequests {
  let scanned: Promise<void> = Promise.resolve();
  const facts = new FactsCache();

  const guarded =
    <P, R>(name: string, handler: (params: P) => Promise<R | null>) =>
    async (params: P): Promise<R | null> => {
      try {
        return await handler(params);
      } catch (error) {
        context.log(`postmortem: ${name} failed`, error);
        return null;
      }
    };

  /** The document's current lint; for a file the client has not synced, a lint of its text in the workspace. */
  const lintOf = async (uri: string): Promise<{ version: number; result: LintResult; settings: LintSettings } | undefined> => {
    const open = await context.currentLint(uri);
    if (open) return open;
    if (context.document(uri)) return undefined; // open, but no post-mortem
    const key = context.keyOf(uri);
    const text = await context.readText(key);
    if (text === undefined) return undefined;
    const settings = await context.settingsFor(key);
    return { version: 0, result: lintText(text, { file: key, settings, workspace: context.store }), settings };
  };

  const reportModel = (lint: { result: LintResult; settings: LintSettings }): ReportModel =>
    buildReportModel({
      parsed: lint.result.parsed,
      diagnostics: lint.result.diagnostics,
      today: todayDate(),
      holidays: lint.settings.holidays,
      timelineGapMinutes: lint.settings.timelineGapMinutes,
    });

  connection.onRequest(
    PREVIEW_REQUEST,
    guarded<PreviewParams, PreviewResult>('preview', async ({ uri, page }) => {
      const lint = await lintOf(String(uri));
      if (!lint) return null;
      const model = reportModel(lint);
      const html = page ? renderHtml(model, { mode: 'webview', nonce: page.nonce, cspSource: page.cspSource, styleUri: page.styleUri, scriptUri: page.scriptUri }) : renderReportBody(model, 'webview');
      return { version: lint.version, id: model.header.id ?? null, html };
    }),
  );

  connection.onRequest(
    EXPORT_REQUEST,
    guarded<ExportParams, ExportResult>('export', async ({ uri, format, css }) => {
      const lint = await lintOf(String(uri));
      if (!lint) return null;
      const model = reportModel(lint);
      return { content: format === 'markdown' ? renderMarkdown(model) : renderHtml(model, { mode: 'export', css: typeof css === 'string' ? css : '' }) };
    }),
  );

  /** The parse of the document's current text: the client's offsets and ranges are of that text. */
  const parsedOf = async (uri: string) => (await lintOf(uri))?.result.parsed;

  connection.onRequest(
    PATH_AT_REQUEST,
    guarded<PathAtParams, string>('pathAt', async ({ uri, offset }) => {
      const parsed = await parsedOf(String(uri));
      if (!parsed || !Number.isInteger(offset) || offset < 0) return null;
      return pathAtOffset(parsed, offset)?.join('.') ?? '';
    }),
  );

  connection.onRequest(
    RANGE_OF_REQUEST,
    guarded<RangeOfParams, WireRange>('rangeOf', async ({ uri, dataPath, segments }) => {
      const parsed = await parsedOf(String(uri));
      if (!parsed) return null;
      if (typeof dataPath === 'string') {
        const path = parseDataPath(dataPath);
        return path.length === 0 ? parsed.documentStartRange() : parsed.valueRange(path) ?? parsed.anchorRange(path);
      }
      // A webview names the path: plain keys and indexes only, and not too deep.
      const path = Array.isArray(segments)
        ? segments.filter((s): s is string | number => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0)).slice(0, 8)
        : [];
      return parsed.anchorRange(path, 'value');
    }),
  );

  connection.onRequest(
    REVIEW_REQUEST,
    guarded<ReviewParams, ReviewResult>('review', async (params) => {
      if (params.waitForScan) await scanned;
      const today = todayDate();
      const collected = collectFacts(context.store.entries(), { today, cache: facts });
      const review = reviewFromFacts(collected, { includeDrafts: params.includeDrafts === true, currency: await context.reviewCurrency() });
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
      return { html, files: context.store.size, openItems, overdueCount: openItems.filter((i) => i.overdue).length, incidents, skipped: review.skipped };
    }),
  );

  connection.onRequest(
    NEW_POSTMORTEM_REQUEST,
    guarded<NewPostmortemParams, NewPostmortemResult>('newPostmortem', async ({ title, severity, date, now, existing }) => {
      const files = Array.isArray(existing) ? existing.filter((f) => typeof f?.name === 'string').map((f) => ({ name: f.name, text: typeof f.text === 'string' ? f.text : undefined })) : [];
      return planNewPostmortem({ title: String(title), severity: String(severity), date: String(date), now: String(now), existing: files });
    }),
  );

  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    changed: () => {
      notifyTimer ??= setTimeout(() => {
        notifyTimer = undefined;
        void connection.sendNotification(DID_CHANGE_INDEX_NOTIFICATION).catch((error: unknown) => context.log('postmortem: telling the client about an index change failed', error));
      }, NOTIFY_SETTLE_MS);
    },
    scanning: (scan) => {
      scanned = scan.catch(() => undefined);
    },
  };
}
