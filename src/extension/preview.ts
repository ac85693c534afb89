import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { mergeSettings, type LintSettings } from '../core/settings';
import { todayDate } from '../core/time';
import { buildReportModel, escapeHtml, parseDataPath, pathAtOffset, renderHtml, renderReportBody, type ReportModel } from '../render/index';
import type { DocumentView, PostmortemData } from './documentData';
import type { CommandRegistry } from './lazy';
import { readVscodeSettings } from './settings';

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
 * preview stays on its document; there is one per document. The report is
 * built from the document's parse (made here, only while a preview shows it)
 * and the language server's diagnostics, rendered in the extension host and
 * sent as a message; media/preview.js patches the DOM.
 */
export function registerPreview(context: vscode.ExtensionContext, data: PostmortemData, commands: CommandRegistry): void {
  const manager = new PreviewManager(context, data);
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
    private readonly data: PostmortemData,
  ) {
    this.disposables.push(
      data.onDidChange((uri) => {
        for (const preview of this.previews) if (preview.uri.toString() === uri.toString()) preview.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !data.isPostmortem(editor.document)) return;
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
    this.add(new Preview(panel, uri, false, this.context, this.data));
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
    this.add(new Preview(panel, uri, state?.locked === true, this.context, this.data));
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
  private lastResult?: DocumentView;
  /** The merged settings of our document (holidays and gap limits of the report); VS Code's own until they load. */
  private lastSettings?: LintSettings;
  /** False while the panel shows the "Loading" placeholder instead of the report page. */
  private showsReport = false;
  private disposed = false;
  private pendingHighlight?: ReturnType<typeof setTimeout>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public uri: vscode.Uri,
    public locked: boolean,
    private readonly context: vscode.ExtensionContext,
    private readonly data: PostmortemData,
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
    this.uri = uri;
    this.lastResult = undefined;
    this.lastSettings = undefined;
    this.renderFull();
    // The merged settings load once per folder; the report is built again with them.
    void this.data.settingsFor(uri).then(
      (settings) => {
        if (this.disposed || this.uri.toString() !== uri.toString()) return;
        this.lastSettings = settings;
        this.refresh();
      },
      () => undefined, // keep VS Code's settings
    );
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.renderFull();
  }

  /** Our document's text (after the lint delay) or its diagnostics changed: send the new report body; the webview patches its DOM. */
  refresh(): void {
    const result = this.currentResult();
    if (!result || this.disposed || !this.panel.visible) return;
    // The placeholder page has no script to receive messages: build the report page instead.
    if (!this.showsReport) return this.renderFull();
    const model = this.model(result);
    void this.panel.webview.postMessage({
      type: 'update',
      html: renderReportBody(model, 'webview'),
      title: this.title(model),
      uri: this.uri.toString(),
      version: ++this.version,
    });
    this.panel.title = this.title(model);
  }

  highlightAt(offset: number): void {
    // Cursor moves come in bursts (holding an arrow key): highlight where it settles.
    if (this.pendingHighlight) clearTimeout(this.pendingHighlight);
    this.pendingHighlight = setTimeout(() => {
      this.pendingHighlight = undefined;
      if (this.disposed) return;
      // The parse of the document's current text: the offset is always one of its own.
      const result = this.currentResult();
      if (!result) return;
      const path = pathAtOffset(result.parsed, offset);
      void this.panel.webview.postMessage({ type: 'highlight', path: path ? path.join('.') : '' });
    }, 30);
  }

  /** The open document's current parse with the server's diagnostics; the last one while the document is not open. */
  private currentResult(): DocumentView | undefined {
    const current = this.data.resultFor(this.uri);
    if (current) this.lastResult = current;
    return this.lastResult;
  }

  private renderFull(): void {
    const result = this.currentResult();
    const webview = this.panel.webview;
    const media = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', name)).toString();
    const nonce = makeNonce();
    if (!result) {
      this.panel.title = `Preview ${basename(this.uri)}`;
      this.showsReport = false;
      void vscode.workspace.openTextDocument(this.uri).then(
        // Open now: its parse fills the panel, and the server's diagnostics of it follow.
        () => {
          if (!this.showsReport) this.renderFull();
        },
        (error: unknown) => {
          webview.html = `<!DOCTYPE html><html><body><p>Cannot open ${escapeHtml(this.uri.toString())}: ${escapeHtml(String((error as Error)?.message ?? error))}</p></body></html>`;
        },
      );
      webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>Loading ${escapeHtml(basename(this.uri))}…</p></body></html>`;
      return;
    }
    const model = this.model(result);
    this.panel.title = this.title(model);
    this.showsReport = true;
    const html = renderHtml(model, { mode: 'webview', nonce, cspSource: webview.cspSource, styleUri: media('preview.css'), scriptUri: media('preview.js') });
    // The state the serializer needs after a reload travels on the body; preview.js stores it.
    webview.html = html.replace('<body class="', `<body data-uri="${escapeHtml(this.uri.toString())}" data-locked="${this.locked}" data-version="${++this.version}" class="`);
  }

  private model(result: DocumentView): ReportModel {
    const settings = this.lastSettings ?? mergeSettings(readVscodeSettings(this.uri));
    return buildReportModel({
      parsed: result.parsed,
      diagnostics: result.diagnostics,
      today: todayDate(),
      holidays: settings.holidays,
      timelineGapMinutes: settings.timelineGapMinutes,
    });
  }

  private title(model: ReportModel): string {
    const name = model.header.id ?? basename(this.uri);
    return this.locked ? `[Preview] ${name}` : `Preview ${name}`;
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { type?: unknown; path?: unknown; range?: unknown };
    if (m.type === 'reveal' && typeof m.path === 'string') {
      const result = this.currentResult();
      if (!result) return;
      const path = parseDataPath(m.path);
      const range = path.length === 0 ? result.parsed.documentStartRange() : result.parsed.valueRange(path) ?? result.parsed.anchorRange(path);
      await this.reveal(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
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

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

function makeNonce(): string {
  return randomBytes(18).toString('base64');
}
