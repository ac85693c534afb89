import * as vscode from 'vscode';
import { DID_CHANGE_INDEX_NOTIFICATION, REVIEW_REQUEST, type ReviewParams, type ReviewResult } from '../../server/featureProtocol';
import type { FeatureServer } from '../featureServer';

export type { ReviewOpenItem as OpenActionItem, ReviewIncident, ReviewResult as ReviewSnapshot } from '../../server/featureProtocol';

/** How long to wait for more changes before asking again (a branch switch changes many files at once). */
const SETTLE_MS = 150;

/** Before the server's first answer: nothing counted yet. */
const EMPTY: ReviewResult = { files: 0, openCount: 0, openItems: [], overdueCount: 0, incidents: [], skipped: [] };

/**
 * The quarterly review's figures for the status bar and the tree, from the language server's
 * workspace index (`postmortem/review`): asked again when the server says a post-mortem or the
 * settings changed, and when the day turns (overdue counts depend on the date). Only the counts are
 * asked unless something shows the lists (the tree while visible, `withLists`): the lists are megabytes
 * at 10,000 files, and the extension host parses an answer in one step.
 */
export class ReviewModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ReviewResult>();
  readonly onDidUpdate = this.emitter.event;
  private current: ReviewResult = EMPTY;
  /** Whether `current` has its lists (open items, incidents, skipped files), not only the counts. */
  private listed = false;
  /** Views that show the lists now (the tree while visible): while any does, every refresh asks for them. */
  private listViewers = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;
  /** Overdue counts depend on the date: a window left open overnight must see the new day. */
  private readonly dayWatch: ReturnType<typeof setInterval>;
  private day = new Date().toDateString();
  /** Answers arrive out of order: only the latest request's is kept. */
  private requests = 0;
  /** Settles with the first answer after the server's first workspace scan. */
  readonly ready: Promise<void>;
  /** Drafts are left out of the figures unless the dashboard's "Count drafts" toggle asks for them. */
  includeDrafts = false;

  constructor(private readonly server: FeatureServer) {
    this.subscription = server.onNotification(DID_CHANGE_INDEX_NOTIFICATION, () => this.schedule());
    this.ready = this.refresh({ waitForScan: true }).then(() => undefined);
    this.dayWatch = setInterval(() => {
      if (new Date().toDateString() !== this.day) void this.refresh();
    }, 10 * 60_000);
  }

  get snapshot(): ReviewResult {
    return this.current;
  }

  setIncludeDrafts(include: boolean): void {
    if (include === this.includeDrafts) return;
    this.includeDrafts = include;
    void this.refresh();
  }

  /** Ask now (the refresh command, and tests); keeps the last answer when the server cannot answer. */
  async refresh(options: Pick<ReviewParams, 'waitForScan'> & { lists?: boolean } = {}): Promise<ReviewResult> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const request = ++this.requests;
    this.day = new Date().toDateString();
    const lists = options.lists === true || this.listViewers > 0;
    const result = await this.ask({ includeDrafts: this.includeDrafts, waitForScan: options.waitForScan, countsOnly: !lists });
    if (result && request === this.requests) {
      this.current = result;
      this.listed = lists;
      this.emitter.fire(result);
    }
    return this.current;
  }

  /** The latest review with its lists: the current one if it has them, else asked now (after the first answer). */
  async withLists(): Promise<ReviewResult> {
    // Not before: a newer request would make the first one's answer (after the scan) count for nothing.
    await this.ready;
    if (this.listed) return this.current;
    const result = await this.refresh({ lists: true });
    // The server could not answer: no lists rather than stale ones.
    return this.listed ? result : { ...result, openItems: [], incidents: [], skipped: [] };
  }

  /** A view starts (true) or stops (false) showing the lists; one that starts gets them asked at once. */
  showsLists(shown: boolean): void {
    this.listViewers = Math.max(0, this.listViewers + (shown ? 1 : -1));
    if (shown) void this.withLists();
  }

  /** The review with its HTML (the dashboard), with the model's drafts toggle. */
  ask(params: ReviewParams): Promise<ReviewResult | undefined> {
    return this.server.sendRequest<ReviewResult | null>(REVIEW_REQUEST, { ...params, includeDrafts: this.includeDrafts }).then(
      (result) => result ?? undefined,
      () => undefined, // the server restarts: its next change notification asks again
    );
  }

  /** Whether a file is one of the review's (a webview message names no other file to open). */
  async knows(file: string): Promise<boolean> {
    const review = await this.withLists();
    return review.incidents.some((i) => i.file === file) || review.skipped.some((s) => s.file === file);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), SETTLE_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    clearInterval(this.dayWatch);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
