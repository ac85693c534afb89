import * as vscode from 'vscode';
import { formatCalendarDate, todayDate } from '../../core/time';
import type { PostmortemIndex } from '../workspaceIndex';
import { FactsCache, type IncidentFacts } from '../../review/incident';
import { collectFacts, reviewFromFacts, type Review } from '../../review/review';
import type { CurrencyConversion } from '../../core/settings';

export interface OpenActionItem {
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

export interface ReviewSnapshot {
  review: Review;
  incidents: IncidentFacts[];
  openItems: OpenActionItem[];
  overdueCount: number;
}

/** How long to wait for more changes before recomputing (a branch switch changes many files at once). */
const SETTLE_MS = 150;

/**
 * The quarterly review of the workspace, kept current from the workspace index
 * (the diagnostics feature's, so there is one watcher and one parse per file).
 * Recomputing reuses the facts of unchanged files (FactsCache), so an edit
 * costs one file's figures plus the per-quarter sums.
 */
export class ReviewModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ReviewSnapshot>();
  readonly onDidUpdate = this.emitter.event;
  private readonly cache = new FactsCache();
  private current: ReviewSnapshot | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;
  /** Overdue counts depend on the date: a window left open overnight must see the new day. */
  private readonly dayWatch: ReturnType<typeof setInterval>;
  private day = formatCalendarDate(todayDate());

  constructor(
    private readonly index: PostmortemIndex,
    private readonly currencyOf?: () => CurrencyConversion | null,
  ) {
    this.subscription = index.onDidChange(() => this.schedule());
    void index.ready.then(() => this.refresh());
    this.dayWatch = setInterval(() => {
      if (formatCalendarDate(todayDate()) !== this.day) this.refresh();
    }, 10 * 60_000);
  }

  get snapshot(): ReviewSnapshot {
    return (this.current ??= this.compute());
  }

  /** Drafts are left out of the figures unless the dashboard's "Count drafts" toggle asks for them. */
  private includeDrafts = false;

  setIncludeDrafts(include: boolean): void {
    if (include === this.includeDrafts) return;
    this.includeDrafts = include;
    this.refresh();
  }

  /** Recompute now (the refresh command, and tests). */
  refresh(): ReviewSnapshot {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.current = this.compute();
    this.emitter.fire(this.current);
    return this.current;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), SETTLE_MS);
  }

  private compute(): ReviewSnapshot {
    const today = todayDate();
    this.day = formatCalendarDate(today);
    const options = { today, cache: this.cache };
    const facts = collectFacts(this.index.store.entries(), options);
    const review = reviewFromFacts(facts, { includeDrafts: this.includeDrafts, currency: this.currency() });
    const openItems: OpenActionItem[] = [];
    for (const incident of facts.incidents) {
      for (const item of incident.actions) {
        if (item.state !== 'open' && item.state !== 'in-progress') continue;
        openItems.push({
          file: incident.file,
          id: incident.id,
          title: incident.title,
          index: item.index,
          action: item.action,
          owner: item.owner,
          deadline: item.deadline,
          state: item.state,
          overdue: item.overdue,
          daysOverdue: item.daysOverdue,
        });
      }
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
    return { review, incidents: facts.incidents, openItems, overdueCount: openItems.filter((i) => i.overdue).length };
  }

  /** `.postmortem.yaml` `currency` of the first workspace folder: the review spans the workspace, so one report currency. */
  private currency(): CurrencyConversion | null {
    return this.currencyOf?.() ?? null;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    clearInterval(this.dayWatch);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
