/**
 * The custom requests through which the editor's features (preview, export, quarterly review,
 * status bar, tree, New Post-Mortem: src/extension/features.ts) ask the language server for their
 * data, on the desktop (Node server over IPC) and on the web (the server's web worker) alike: the
 * server already holds every open document's lint and the workspace index, so the client parses
 * nothing and its bundle carries no core. Plain method names and types, no import: the client's
 * bundle includes this file. Served by src/server/featureRequests.ts.
 */

/** Where the preview's webview loads its stylesheet and script from, and the nonce of its one script. */
export interface WebviewPageOptions {
  nonce: string;
  cspSource: string;
  styleUri: string;
  scriptUri: string;
}

/** `postmortem/preview`: the report of a post-mortem, as the whole webview page (`page` given) or its body. */
export const PREVIEW_REQUEST = 'postmortem/preview';
export interface PreviewParams {
  uri: string;
  page?: WebviewPageOptions;
}
export interface PreviewResult {
  /** The document's version the report is of (0 when read from disk). */
  version: number;
  /** The incident's id, when it has one (the panel's title). */
  id: string | null;
  html: string;
}

/** `postmortem/export`: the report as one self-contained HTML file (styles inlined, no script) or Markdown. */
export const EXPORT_REQUEST = 'postmortem/export';
export interface ExportParams {
  uri: string;
  format: 'html' | 'markdown';
  /** media/preview.css, inlined into the HTML export (the server has no access to the extension's files). */
  css?: string;
}
export interface ExportResult {
  content: string;
}

/** `postmortem/pathAt`: the data path (`summary.impact`, `timeline.3`) at an offset of the document's current text. */
export const PATH_AT_REQUEST = 'postmortem/pathAt';
export interface PathAtParams {
  uri: string;
  offset: number;
}

/**
 * `postmortem/rangeOf`: where a part of a post-mortem is in its current text. `dataPath` is the
 * preview's (`timeline.3`; empty: the document's start), `segments` the dashboard's (the value
 * preferred, or the nearest part of the path that exists).
 */
export const RANGE_OF_REQUEST = 'postmortem/rangeOf';
export interface RangeOfParams {
  uri: string;
  dataPath?: string;
  segments?: Array<string | number>;
}
export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** `postmortem/review`: the quarterly review of the workspace index, and what the status bar and the tree show. */
export const REVIEW_REQUEST = 'postmortem/review';
export interface ReviewParams {
  includeDrafts: boolean;
  /** The dashboard's quarter. */
  selected?: string;
  /** `page`: the whole dashboard page; `body`: its body (an update); absent: no HTML (status bar, tree). */
  render?: 'page' | 'body';
  page?: WebviewPageOptions;
  /** Answer once the server's first workspace scan has finished (tests, the status bar's first count). */
  waitForScan?: boolean;
  /**
   * Only the figures (`files`, `openCount`, `overdueCount`): `openItems`, `incidents` and `skipped` come back
   * empty. What a status bar needs, a few bytes instead of megabytes at 10,000 files.
   */
  countsOnly?: boolean;
}
export interface ReviewOpenItem {
  file: string;
  id: string;
  title: string;
  index: number;
  action: string;
  owner: string;
  deadline: string | null;
  state: 'open' | 'in-progress';
  overdue: boolean;
  daysOverdue: number | null;
}
/** An incident as the tree shows it. */
export interface ReviewIncident {
  file: string;
  id: string;
  title: string;
  severity: string | null;
  quarter: string | null;
  startMs: number;
  open: number;
  overdue: number;
}
export interface ReviewResult {
  html?: string;
  /** Post-mortem files in the index. */
  files: number;
  /** Open (and in-progress) action items: `openItems.length` unless `countsOnly` was asked. */
  openCount: number;
  openItems: ReviewOpenItem[];
  overdueCount: number;
  incidents: ReviewIncident[];
  skipped: Array<{ file: string; reason: string }>;
}

/** `postmortem/newPostmortem`: a new post-mortem's file name and text, given the folder's files (names, and texts where read). */
export const NEW_POSTMORTEM_REQUEST = 'postmortem/newPostmortem';
export interface NewPostmortemParams {
  title: string;
  severity: string;
  date: string;
  now: string;
  existing: Array<{ name: string; text?: string }>;
}
export interface NewPostmortemResult {
  id: string;
  fileName: string;
  text: string;
}

/** `postmortem/didChangeIndex` (server to client): a post-mortem of the workspace or the settings changed; the review is worth asking again. */
export const DID_CHANGE_INDEX_NOTIFICATION = 'postmortem/didChangeIndex';
