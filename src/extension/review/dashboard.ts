import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CommandRegistry } from '../lazy';
import { renderReviewBody, renderReviewPage } from '../../review/html';
import type { PostmortemStore } from '../../core/store';
import type { ReviewModel } from './model';
import { revealInPostmortem } from './reveal';

export const QUARTERLY_REVIEW = 'postmortem.quarterlyReview';
export const REVIEW_VIEW_TYPE = 'postmortem.review';

/**
 * The quarterly review dashboard: one panel, rendered by src/review/html.ts,
 * updated in place (a message with the new body, no reload) when a
 * post-mortem changes, is created or deleted.
 */
export class ReviewDashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private selected: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly model: ReviewModel,
    private readonly store: PostmortemStore,
  ) {
    this.disposables.push(model.onDidUpdate(() => this.update()));
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(REVIEW_VIEW_TYPE, 'Quarterly Review', vscode.ViewColumn.Active, this.webviewOptions());
    this.attach(panel);
  }

  /** A panel VS Code restored after a window reload. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const quarter = (state as { quarter?: unknown } | undefined)?.quarter;
    if (typeof quarter === 'string') this.selected = quarter;
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    const webview = panel.webview;
    const media = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', name)).toString();
    webview.html = renderReviewPage(
      this.model.snapshot.review,
      { mode: 'webview', nonce: randomBytes(16).toString('base64'), cspSource: webview.cspSource, styleUri: media('review.css'), scriptUri: media('review.js') },
      this.selected,
    );
    const listeners = [
      webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      panel.onDidDispose(() => {
        listeners.forEach((l) => l.dispose());
        if (this.panel === panel) this.panel = undefined;
      }),
    ];
  }

  private onMessage(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const { type, file, path, quarter, value } = message as Record<string, unknown>;
    if (type === 'reveal') void revealInPostmortem(this.store, file, path);
    else if (type === 'includeDrafts' && typeof value === 'boolean') this.model.setIncludeDrafts(value);
    // The script is listening now: send the current review in case the index settled while the page loaded.
    else if (type === 'ready') this.update();
    else if (type === 'quarter' && typeof quarter === 'string') this.selected = quarter;
  }

  private update(): void {
    if (!this.panel) return;
    const html = renderReviewBody(this.model.snapshot.review, { interactive: true, selected: this.selected });
    void this.panel.webview.postMessage({ type: 'update', html });
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

export function registerDashboard(context: vscode.ExtensionContext, model: ReviewModel, store: PostmortemStore, commands: CommandRegistry): ReviewDashboard {
  const dashboard = new ReviewDashboard(context, model, store);
  context.subscriptions.push(dashboard);
  commands.register(QUARTERLY_REVIEW, () => dashboard.show());
  commands.restore(REVIEW_VIEW_TYPE, (panel, state) => dashboard.restore(panel, state));
  return dashboard;
}
