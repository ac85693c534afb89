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
import { parseDataPath } from '../render/dataPath';
import { pathAtOffset } from '../render/pathAt';
import type { CurrencyConversion, LintSettings } from '../core/settings';
import type { PostmortemStore } from '../core/store';
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
  /**
   * Post-mortems of the index (`files`), or the settings (no files), changed: tell the client (once per burst),
   * unless what the review reads of each of those files is what it was when the client was last told.
   */
  changed(files?: readonly string[]): void;
  /** The first workspace scan, which `waitForScan` requests wait for. */
  scanning(scan: Promise<void>): void;
}

/** The renderers, required on the first request that needs them (dist/server-features.js beside the Node server). */
let renderModule: typeof import('./featureRender') | undefined;
function render(): typeof import('./featureRender') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (renderModule ??= require('./featureRender') as typeof import('./featureRender'));
}

/** Bursts of index changes (a branch switch) become one notification. */
const NOTIFY_SETTLE_MS = 100;

export function registerFeatureRequests(connection: Connection, context: FeatureContext): FeatureRequests {
  let scanned: Promise<void> = Promise.resolve();
  /** Until a client asks for the review, changes are announced unfiltered: the renderers stay unloaded (other editors never ask). */
  let reviewAsked = false;

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

  connection.onRequest(
    PREVIEW_REQUEST,
    guarded<PreviewParams, PreviewResult>('preview', async ({ uri, page }) => {
      const lint = await lintOf(String(uri));
      if (!lint) return null;
      return { version: lint.version, ...render().previewOf(lint, page) };
    }),
  );

  connection.onRequest(
    EXPORT_REQUEST,
    guarded<ExportParams, ExportResult>('export', async ({ uri, format, css }) => {
      const lint = await lintOf(String(uri));
      if (!lint) return null;
      return { content: render().exportOf(lint, format === 'markdown' ? 'markdown' : 'html', typeof css === 'string' ? css : '') };
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
      reviewAsked = true;
      if (params.waitForScan) await scanned;
      return render().reviewOf(context.store.entries(), context.store.size, await context.reviewCurrency(), params);
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
  /**
   * Each file's review fingerprint as of the last change announced. A keystroke in a post-mortem changes the
   * index, but rarely the review: without this, every keystroke made the client ask for the whole review (5 MB
   * at 10,000 files, parsed on the editor's extension host) and the server compute it.
   */
  const announced = new Map<string, string>();
  /** Whether any of `files` reads differently for the review now; records what it reads. */
  const reviewChanged = (files: readonly string[]): boolean => {
    let different = false;
    for (const file of files) {
      const fingerprint = render().reviewFingerprint(context.store.get(file));
      if (announced.get(file) === fingerprint) continue;
      different = true;
      if (fingerprint === 'absent') announced.delete(file);
      else announced.set(file, fingerprint);
    }
    return different;
  };
  return {
    changed: (files) => {
      if (files && reviewAsked) {
        let different = true;
        try {
          different = reviewChanged(files);
        } catch (error) {
          // Unfiltered, then: the client asks again rather than keeps stale figures.
          context.log('postmortem: comparing the review facts of changed files failed', error);
        }
        if (!different) return;
      }
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
