import * as vscode from 'vscode';
import { parsePostmortem, type ParsedPostmortem } from '../core/parse';
import type { LintSettings } from '../core/settings';
import type { Diagnostic, Severity } from '../core/types';
import { isPostmortemDocument as isPostmortemDocumentFacts, SNIFF_LENGTH } from '../core/documentKind';
import { SettingsSource } from './settings';
import { WorkspaceIndexer, type PostmortemIndex } from './workspaceIndex';

/** How long the index and the preview wait after a keystroke: the status bar need not count every key. */
const SETTLE_MS = 150;

/** The diagnostics' `source`, as the language server sets it. */
export const DIAGNOSTIC_SOURCE = 'postmortem';

/** A document's parse and the diagnostics the language server published for it. */
export interface DocumentView {
  parsed: ParsedPostmortem;
  diagnostics: Diagnostic[];
}

/**
 * What the preview, export and review need, now that the language server lints: the parse of an
 * open document's current text (made here, only when one of them asks) with the server's
 * diagnostics of it, the merged settings, and the workspace index of the review and status bar.
 */
export interface PostmortemData {
  /** An open post-mortem's current text parsed, with the diagnostics the Problems panel shows for it. */
  resultFor(uri: vscode.Uri): DocumentView | undefined;
  /** Fires when a post-mortem's text (after the lint delay) or its diagnostics changed. */
  onDidChange: vscode.Event<vscode.Uri>;
  /** The merged settings for a document (`.postmortem.yaml`, repository people and VS Code settings). */
  settingsFor(uri: vscode.Uri): Promise<LintSettings>;
  /** Fires when any layer of the settings may have changed. */
  onDidChangeSettings: vscode.Event<void>;
  /** Every post-mortem of the workspace (open documents with their live text), for the review and the status bar. */
  index: PostmortemIndex;
  isPostmortem(document: vscode.TextDocument): boolean;
}

/**
 * Which documents are post-mortems: see `isPostmortemDocument` in src/core/documentKind.ts (shared
 * with the language server). Only the head of an untitled buffer is copied: this runs on every
 * keystroke in any untitled YAML buffer, however long.
 */
export function isPostmortemDocument(document: vscode.TextDocument): boolean {
  return isPostmortemDocumentFacts({
    scheme: document.uri.scheme,
    path: document.uri.path,
    languageId: document.languageId,
    head: () => document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(SNIFF_LENGTH))),
  });
}

const SEVERITY: Record<number, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The server's diagnostics of `uri` as the core's type (rule, severity, message, range): what a report lists. */
export function serverDiagnostics(uri: vscode.Uri): Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .map((d) => ({
      rule: String(typeof d.code === 'object' && d.code !== null ? d.code.value : (d.code ?? '')),
      severity: SEVERITY[d.severity] ?? 'error',
      message: d.message,
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
    }));
}

export function createPostmortemData(context: vscode.ExtensionContext): PostmortemData {
  const settings = new SettingsSource();
  const index = new WorkspaceIndexer();
  const emitter = new vscode.EventEmitter<vscode.Uri>();
  const parses = new Map<string, { version: number; parsed: ParsedPostmortem }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  context.subscriptions.push(settings, index, emitter, { dispose: () => timers.forEach((t) => clearTimeout(t)) });

  const find = (uri: vscode.Uri): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

  /** The index holds open documents' live text (the status bar counts unsaved edits); typing only resets a timer. */
  const textChanged = (document: vscode.TextDocument): void => {
    if (!isPostmortemDocument(document)) return;
    const key = document.uri.toString();
    const existing = timers.get(key);
    if (existing) clearTimeout(existing);
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (document.isClosed) return;
        index.updateFromDocument(document);
        emitter.fire(document.uri);
      }, SETTLE_MS),
    );
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(textChanged),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) textChanged(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      parses.delete(key);
      const timer = timers.get(key);
      if (timer) clearTimeout(timer);
      timers.delete(key);
      void index.documentClosed(document);
    }),
    vscode.languages.onDidChangeDiagnostics((event) => {
      for (const uri of event.uris) if (parses.has(uri.toString()) || find(uri)) emitter.fire(uri);
    }),
  );
  for (const document of vscode.workspace.textDocuments) if (isPostmortemDocument(document)) index.updateFromDocument(document);

  return {
    resultFor: (uri) => {
      const document = find(uri);
      if (!document) return undefined;
      const key = uri.toString();
      let cached = parses.get(key);
      if (cached?.version !== document.version) {
        cached = { version: document.version, parsed: parsePostmortem(document.getText()) };
        parses.set(key, cached);
      }
      return { parsed: cached.parsed, diagnostics: serverDiagnostics(uri) };
    },
    onDidChange: emitter.event,
    settingsFor: (uri) => settings.settingsFor(uri),
    onDidChangeSettings: settings.onDidChange,
    index,
    isPostmortem: isPostmortemDocument,
  };
}
