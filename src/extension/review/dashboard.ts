import * as vscode from 'vscode';
import { makeNonce, type FeatureServer } from '../featureServer';
import type { CommandRegistry } from '../lazy';
import type { ReviewModel } from './model';
import { revealInPostmortem } from './reveal';

export const QUARTERLY_REVIEW = 'postmortem.quarterlyReview';
export const REVIEW_VIEW_TYPE = 'postmortem.review';

/**
 * The quarterly review dashboard: one panel, rendered by the language server
 * (`postmortem/review`, src/review/html.ts there), updated in place (a message
 * with the new body, no reload) when a post-mortem changes, is created or deleted.
 */
export class ReviewDashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private selected: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly model: ReviewModel,
    private readonly server: FeatureServer,
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
    webview.html = '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\';"></head><body><p>Loading the quarterly review…</p></body></html>';
    void this.model
      .ask({ includeDrafts: false, render: 'page', selected: this.selected, waitForScan: true, page: { nonce: makeNonce(), cspSource: webview.cspSource, styleUri: media('review.css'), scriptUri: media('review.js') } })
      .then((result) => {
        if (result?.html !== undefined && this.panel === panel) webview.html = result.html;
      });
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
    if (type === 'reveal') void revealInPostmortem(this.model, this.server, file, path);
    else if (type === 'includeDrafts' && typeof value === 'boolean') this.model.setIncludeDrafts(value);
    // The script is listening now: send the current review in case the index settled while the page loaded.
    else if (type === 'ready') this.update();
    else if (type === 'quarter' && typeof quarter === 'string') this.selected = quarter;
  }

  private update(): void {
    const panel = this.panel;
    if (!panel) return;
    void this.model.ask({ includeDrafts: false, render: 'body', selected: this.selected }).then((result) => {
      if (result?.html !== undefined && this.panel === panel) void panel.webview.postMessage({ type: 'update', html: result.html });
    });
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

export function registerDashboard(context: vscode.ExtensionContext, model: ReviewModel, server: FeatureServer, commands: CommandRegistry): ReviewDashboard {
  const dashboard = new ReviewDashboard(context, model, server);
  context.subscriptions.push(dashboard);
  commands.register(QUARTERLY_REVIEW, () => dashboard.show());
  commands.restore(REVIEW_VIEW_TYPE, (panel, state) => dashboard.restore(panel, state));
  return dashboard;
}
