import * as vscode from 'vscode';
import { escapeHtml } from '../core/html';
import { PATH_AT_REQUEST, PREVIEW_REQUEST, RANGE_OF_REQUEST, type PathAtParams, type PreviewParams, type PreviewResult, type RangeOfParams, type WireRange } from '../server/featureProtocol';
import { basename, makeNonce, type FeatureServer } from './featureServer';
import type { CommandRegistry } from './lazy';
import { isPostmortemDocument, watchPostmortems } from './postmortemEvents';

const VIEW_TYPE = 'postmortem.preview';

/** What the webview keeps across a window reload (media/preview.js stores it with setState). */
interface PreviewState {
  uri?: string;
  locked?: boolean;
  scrollY?: number;
}

/**
 * The live preview: a webview beside the YAML that shows the report and
 * follows the active post-mortem editor, like the Markdown preview. A locked
 * preview stays on its document; there is one per document. The language
 * server renders the report from its lint of the document's current text
 * (`postmortem/preview`), escaped and under the page's CSP as before; an update
 * is sent as a message and media/preview.js patches the DOM.
 */
export function registerPreview(context: vscode.ExtensionContext, server: FeatureServer, commands: CommandRegistry): void {
  const manager = new PreviewManager(context, server);
  context.subscriptions.push(manager);
  commands.register('postmortem.openPreview', (uri?: vscode.Uri) => manager.open(uri, vscode.ViewColumn.Active));
  commands.register('postmortem.openPreviewToSide', (uri?: vscode.Uri) => manager.open(uri, vscode.ViewColumn.Beside));
  commands.register('postmortem.togglePreviewLock', () => manager.toggleLock());
  commands.restore(VIEW_TYPE, (panel, state) => manager.restore(panel, state as PreviewState | undefined));
}

class PreviewManager implements vscode.Disposable {
  private readonly previews = new Set<Preview>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly server: FeatureServer,
  ) {
    this.disposables.push(
      watchPostmortems((uri) => {
        for (const preview of this.previews) if (preview.uri.toString() === uri.toString()) preview.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isPostmortemDocument(editor.document)) return;
        // Like the Markdown preview: the unlocked preview follows the active post-mortem.
        for (const preview of this.previews) if (!preview.locked && preview.uri.toString() !== editor.document.uri.toString()) preview.show(editor.document.uri);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        const document = event.textEditor.document;
        const uri = document.uri.toString();
        for (const preview of this.previews) if (preview.uri.toString() === uri) preview.highlightAt(document.offsetAt(event.selections[0].active));
      }),
    );
  }

  async open(resource: vscode.Uri | undefined, column: vscode.ViewColumn): Promise<void> {
    const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a .pm.yaml file to preview it.');
      return;
    }
    const existing =
      [...this.previews].find((p) => p.locked && p.uri.toString() === uri.toString()) ?? [...this.previews].find((p) => !p.locked);
    if (existing) {
      existing.show(uri);
      existing.panel.reveal(existing.panel.viewColumn ?? column, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: true }, this.webviewOptions());
    this.add(new Preview(panel, uri, false, this.context, this.server));
  }

  restore(panel: vscode.WebviewPanel, state: PreviewState | undefined): void {
    let uri: vscode.Uri | undefined;
    try {
      uri = state?.uri ? vscode.Uri.parse(state.uri) : undefined;
    } catch {
      uri = undefined;
    }
    uri ??= vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.add(new Preview(panel, uri, state?.locked === true, this.context, this.server));
  }

  toggleLock(): void {
    const active = [...this.previews].find((p) => p.panel.active) ?? [...this.previews][0];
    active?.setLocked(!active.locked);
  }

  private add(preview: Preview): void {
    this.previews.add(preview);
    preview.panel.onDidDispose(() => this.previews.delete(preview));
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')],
    };
  }

  dispose(): void {
    for (const preview of this.previews) preview.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

class Preview {
  private version = 0;
  /** Answers arrive out of order: only the latest request's may change the panel. */
  private requests = 0;
  /** False while the panel shows the "Loading" placeholder instead of the report page. */
  private showsReport = false;
  private disposed = false;
  private pendingHighlight?: ReturnType<typeof setTimeout>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public uri: vscode.Uri,
    public locked: boolean,
    private readonly context: vscode.ExtensionContext,
    private readonly server: FeatureServer,
  ) {
    panel.webview.onDidReceiveMessage((message: unknown) =>
      // The document may be gone (deleted, renamed) when a click asks to reveal a part of it.
      this.onMessage(message).catch((error: unknown) => void vscode.window.showErrorMessage(`Cannot show ${basename(this.uri)}: ${(error as Error)?.message ?? String(error)}`)),
    );
    // A hidden webview is rebuilt from `webview.html` when shown again: give it the current report, not the first one.
    let wasVisible = panel.visible;
    panel.onDidChangeViewState(() => {
      if (panel.visible && !wasVisible) this.renderFull();
      wasVisible = panel.visible;
    });
    panel.onDidDispose(() => {
      this.disposed = true;
      if (this.pendingHighlight) clearTimeout(this.pendingHighlight);
    });
    this.show(uri);
  }

  show(uri: vscode.Uri): void {
    // The page shown stays until the new document's report replaces it (no "Loading" flash while following editors).
    this.uri = uri;
    this.renderFull();
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.renderFull();
  }

  /** Our document's text (after the settle delay) or its diagnostics changed: send the new report body; the webview patches its DOM. */
  refresh(): void {
    if (this.disposed || !this.panel.visible) return;
    // The placeholder page has no script to receive messages: build the report page instead.
    if (!this.showsReport) return this.renderFull();
    const uri = this.uri;
    void this.report(undefined).then((result) => {
      if (!result || this.uri.toString() !== uri.toString()) return;
      void this.panel.webview.postMessage({ type: 'update', html: result.html, title: this.title(result), uri: uri.toString(), version: ++this.version });
      this.panel.title = this.title(result);
    });
  }

  highlightAt(offset: number): void {
    // Cursor moves come in bursts (holding an arrow key): highlight where it settles.
    if (this.pendingHighlight) clearTimeout(this.pendingHighlight);
    this.pendingHighlight = setTimeout(() => {
      this.pendingHighlight = undefined;
      if (this.disposed) return;
      // The path in the document's current text: the client sends the server pending edits before a request.
      void this.server.sendRequest<string | null>(PATH_AT_REQUEST, { uri: this.uri.toString(), offset } satisfies PathAtParams).then(
        (path) => {
          if (typeof path === 'string' && !this.disposed) void this.panel.webview.postMessage({ type: 'highlight', path });
        },
        () => undefined,
      );
    }, 30);
  }

  /** The report from the server: the whole page (`page` given) or its body; undefined when this answer is stale or the server has none. */
  private async report(page: PreviewParams['page']): Promise<PreviewResult | undefined> {
    const request = ++this.requests;
    try {
      const result = await this.server.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, { uri: this.uri.toString(), page } satisfies PreviewParams);
      return result && request === this.requests && !this.disposed ? result : undefined;
    } catch {
      return undefined; // the server restarts: the next change asks again
    }
  }

  private renderFull(): void {
    const webview = this.panel.webview;
    const uri = this.uri;
    const media = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', name)).toString();
    if (!this.showsReport) {
      this.panel.title = `Preview ${basename(uri)}`;
      webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>Loading ${escapeHtml(basename(uri))}…</p></body></html>`;
    }
    void (async () => {
      // Open first, so the language server has the document's current text; then ask for the report.
      try {
        await vscode.workspace.openTextDocument(uri);
      } catch (error) {
        if (this.uri.toString() === uri.toString() && !this.disposed) {
          webview.html = `<!DOCTYPE html><html><body><p>Cannot open ${escapeHtml(uri.toString())}: ${escapeHtml(String((error as Error)?.message ?? error))}</p></body></html>`;
        }
        return;
      }
      const result = await this.report({ nonce: makeNonce(), cspSource: webview.cspSource, styleUri: media('preview.css'), scriptUri: media('preview.js') });
      if (!result || this.uri.toString() !== uri.toString()) return;
      this.panel.title = this.title(result);
      this.showsReport = true;
      // The state the serializer needs after a reload travels on the body; preview.js stores it.
      webview.html = result.html.replace('<body class="', `<body data-uri="${escapeHtml(uri.toString())}" data-locked="${this.locked}" data-version="${++this.version}" class="`);
    })();
  }

  private title(result: PreviewResult): string {
    const name = result.id ?? basename(this.uri);
    return this.locked ? `[Preview] ${name}` : `Preview ${name}`;
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { type?: unknown; path?: unknown; range?: unknown };
    if (m.type === 'reveal' && typeof m.path === 'string') {
      const range = await this.server.sendRequest<WireRange | null>(RANGE_OF_REQUEST, { uri: this.uri.toString(), dataPath: m.path } satisfies RangeOfParams);
      if (range) await this.reveal(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
    } else if (m.type === 'revealRange' && Array.isArray(m.range) && m.range.length === 4 && m.range.every((n) => Number.isInteger(n) && n >= 0)) {
      const [a, b, c, d] = m.range as number[];
      await this.reveal(new vscode.Range(a, b, c, d));
    }
  }

  /** Select `range` in an editor of our document: the visible one if any, else open it beside the preview. */
  private async reveal(range: vscode.Range): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(this.uri));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
    });
    // A block node's range runs to the start of the next line: stop at the end of its own text.
    let end = range.end;
    while (end.line > range.start.line && end.character === 0) end = document.lineAt(end.line - 1).range.end;
    const trimmed = new vscode.Range(range.start, end);
    // The cursor goes to the start (anchor at the end), so the editor shows where the part begins.
    editor.selection = new vscode.Selection(trimmed.end, trimmed.start);
    // Reveal the start only: revealing the whole range would scroll sideways to the end of its last line.
    editor.revealRange(new vscode.Range(trimmed.start, trimmed.start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
