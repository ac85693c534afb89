import * as vscode from 'vscode';
import { lintText, type LintResult } from '../core/lint';
import type { LintSettings } from '../core/settings';
import type { Diagnostic, Range, Severity } from '../core/types';
import { SettingsSource } from './settings';
import { WorkspaceIndexer, type PostmortemIndex } from './workspaceIndex';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { documentsToRelint } from '../core/storeChange';
import { KeyedDebounce } from '../core/keyedDebounce';
import { isPostmortemDocument as isPostmortemDocumentFacts, SNIFF_LENGTH } from '../core/documentKind';

/** Internal, undocumented: hands the end-to-end tests `onDidLint`, so they can count which documents a change re-lints. */
export const LINT_EVENTS_COMMAND = 'postmortem._onDidLint';

/** What other features of the shell need from the diagnostics feature. */
export interface DiagnosticsFeature {
  /** The latest lint result of an open post-mortem document, if any. */
  resultFor(uri: vscode.Uri): LintResult | undefined;
  /** A lint of the document's current text now, published nowhere (for a quick fix asked before the scheduled lint ran). */
  lintNow(document: vscode.TextDocument): Promise<LintResult | undefined>;
  /** The document version that latest result was linted from: older than the document's while a lint is pending. */
  lintedVersionFor(uri: vscode.Uri): number | undefined;
  /** Fires after each lint of a document (open, edit, settings or workspace change). */
  onDidLint: vscode.Event<{ document: vscode.TextDocument; result: LintResult }>;
  /**
   * The settings the latest lint of a document used (`.postmortem.yaml`, repository people and
   * VS Code settings merged): what the preview and export need to agree with the Problems panel.
   */
  settingsUsedFor(uri: vscode.Uri): LintSettings | undefined;
  /** The merged settings for any document, as a lint of it would use them (for documents not linted here). */
  settingsFor(uri: vscode.Uri): Promise<LintSettings>;
  /** Every post-mortem of the workspace (open documents with their live text), for the review and the status bar. */
  index: PostmortemIndex;
  /** True for documents this extension checks (see `isPostmortemDocument`). */
  isPostmortem(document: vscode.TextDocument): boolean;
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

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

export function registerDiagnostics(context: vscode.ExtensionContext): DiagnosticsFeature {
  const collection = vscode.languages.createDiagnosticCollection('postmortem');
  const lintEmitter = new vscode.EventEmitter<{ document: vscode.TextDocument; result: LintResult }>();
  const settings = new SettingsSource();
  const index = new WorkspaceIndexer();
  const results = new Map<string, LintResult>();
  const resultSettings = new Map<string, LintSettings>();
  const resultVersions = new Map<string, number>();
  const timers = new KeyedDebounce();
  /** Documents still open in the extension host whose last tab was closed: not linted again until shown or edited. */
  const dismissed = new Set<string>();
  // A lint timer that fires after deactivation would write into the disposed collection.
  const stopTimers = { dispose: () => timers.dispose() };
  context.subscriptions.push(collection, lintEmitter, settings, index, stopTimers);

  const ruleDocUri = (slug: string): vscode.Uri => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${slug}.md`);

  const toVscodeRange = (range: Range): vscode.Range =>
    new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);

  const toVscodeDiagnostic = (d: Diagnostic, uri: vscode.Uri): vscode.Diagnostic => {
    const diagnostic = new vscode.Diagnostic(toVscodeRange(d.range), d.message, SEVERITY[d.severity]);
    diagnostic.source = 'postmortem';
    diagnostic.code = { value: d.rule, target: ruleDocUri(d.rule) };
    if (d.related && d.related.length > 0) {
      diagnostic.relatedInformation = d.related.map(
        (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(fileUri(r.file, uri), toVscodeRange(r.range)), r.message),
      );
    }
    return diagnostic;
  };

  /** The latest lint started per document: an older lint still waiting for its settings must not overwrite a newer one. */
  const lintGenerations = new Map<string, number>();
  let lintsStarted = 0;

  const clear = (uri: vscode.Uri): void => {
    const key = uri.toString();
    timers.cancel(key);
    results.delete(key);
    resultSettings.delete(key);
    resultVersions.delete(key);
    lintGenerations.delete(key);
    collection.delete(uri);
  };

  const lintNow = async (document: vscode.TextDocument): Promise<void> => {
    if (document.isClosed) return;
    const file = document.uri.toString();
    if (!isPostmortemDocument(document)) {
      // An untitled buffer that stopped looking like a post-mortem loses its old diagnostics.
      if (results.has(file)) clear(document.uri);
      return;
    }
    const generation = ++lintsStarted;
    lintGenerations.set(file, generation);
    const lintSettings = await settings.settingsFor(document.uri);
    // Closed, or its last tab closed, while the settings were loading; or a later lint (newer settings) started meanwhile.
    if (document.isClosed || dismissed.has(file) || lintGenerations.get(file) !== generation) return;
    const result = lintText(document.getText(), { file, settings: lintSettings, workspace: index.store });
    results.set(file, result);
    resultSettings.set(file, lintSettings);
    resultVersions.set(file, document.version);
    collection.set(document.uri, result.diagnostics.map((d) => toVscodeDiagnostic(d, document.uri)));
    index.updateFromDocument(document, result.parsed);
    lintEmitter.fire({ document, result });
  };

  /** True while an editor's document owns a file's diagnostics (linted, or a lint pending). */
  const isShown = (key: string): boolean => results.has(key) || timers.has(key) || lintGenerations.has(key);
  const workspace = new WorkspaceDiagnostics(collection, index, settings, isShown, toVscodeDiagnostic);
  context.subscriptions.push(workspace);

  /** Debounced per document: typing only resets a timer; the lint runs when the keys pause. */
  const schedule = (document: vscode.TextDocument, delay: number): void => {
    const key = document.uri.toString();
    workspace.fileShown(document.uri);
    timers.schedule(key, delay, () => {
      lintNow(document).catch((error: unknown) => console.error('postmortem: lint failed', error));
    });
  };

  const relintOpen = (except?: Set<string>, only?: (key: string) => boolean): void => {
    for (const document of vscode.workspace.textDocuments) {
      const key = document.uri.toString();
      if (except?.has(key) || dismissed.has(key) || (only && !only(key))) continue;
      if (isPostmortemDocument(document)) schedule(document, 0);
    }
  };

  /** Whether a document's latest diagnostics link (related information) into one of `files`. */
  const pointsInto = (key: string, files: Set<string>): boolean =>
    results.get(key)?.diagnostics.some((d) => d.related?.some((r) => files.has(r.file))) ?? false;

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isPostmortemDocument(document)) schedule(document, 0);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return; // dirty-state or save-only events
      const document = event.document;
      // Output channels and other files change often; only post-mortems (or ones that just stopped being one) matter.
      if (!isPostmortemDocument(document) && !results.has(document.uri.toString())) return;
      // No tab shows it (its file changed on disk, the host reloaded it): with workspace diagnostics it is linted as a
      // closed file. The index still takes its text (it holds open documents' text, not the disk's).
      if (dismissed.has(document.uri.toString()) && workspace.enabled()) {
        index.updateFromDocument(document);
        workspace.fileClosed(document.uri);
        return;
      }
      dismissed.delete(document.uri.toString());
      schedule(document, settings.lintDelayFor(document.uri));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      clear(document.uri);
      dismissed.delete(document.uri.toString());
      // Once the index holds the disk's text again, the file is linted from disk (workspace diagnostics).
      void index.documentClosed(document).then(() => workspace.fileClosed(document.uri));
    }),
    // VS Code closes a document (onDidCloseTextDocument) lazily, sometimes minutes after its last
    // editor tab: the Problems panel follows the tabs, so a post-mortem no tab shows is cleared at once,
    // and linted again when a tab shows it again.
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      const shown = urisWithTabs();
      for (const tab of event.closed) {
        for (const uri of tabUris(tab)) {
          if (shown.has(uri.toString())) continue;
          clear(uri);
          dismissed.add(uri.toString());
          workspace.fileClosed(uri);
        }
      }
      for (const tab of [...event.opened, ...event.changed]) {
        for (const uri of tabUris(tab)) {
          const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (!document || results.has(uri.toString()) || timers.has(uri.toString()) || !isPostmortemDocument(document)) continue;
          dismissed.delete(uri.toString());
          schedule(document, 0);
        }
      }
    }),
    settings.onDidChange(() => {
      relintOpen();
      workspace.refreshAll();
    }),
    // Another file's id, category or services changed: cross-file rules of the open documents may change too.
    // When only the lines of its id or category moved, the findings stay; only the links into it must follow.
    index.onDidChange((change) => {
      workspace.indexChanged(change);
      const plan = documentsToRelint(change, pointsInto);
      if (plan) relintOpen(plan.except, plan.only);
    }),
    vscode.commands.registerCommand(LINT_EVENTS_COMMAND, () => lintEmitter.event),
  );

  // Documents already open when the extension wakes up; after activation returns.
  relintOpen();
  // Then every post-mortem no editor shows, once the first scan has read them.
  void index.ready.then(() => workspace.refreshAll());

  return {
    resultFor: (uri) => results.get(uri.toString()),
    lintNow: async (document) => {
      if (!isPostmortemDocument(document)) return undefined;
      const lintSettings = await settings.settingsFor(document.uri);
      return lintText(document.getText(), { file: document.uri.toString(), settings: lintSettings, workspace: index.store });
    },
    lintedVersionFor: (uri) => resultVersions.get(uri.toString()),
    settingsUsedFor: (uri) => resultSettings.get(uri.toString()),
    settingsFor: (uri) => settings.settingsFor(uri),
    onDidLint: lintEmitter.event,
    index,
    isPostmortem: isPostmortemDocument,
  };
}

function tabUris(tab: vscode.Tab): vscode.Uri[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return [input.uri];
  if (input instanceof vscode.TabInputTextDiff) return [input.original, input.modified];
  return [];
}

function urisWithTabs(): Set<string> {
  const uris = new Set<string>();
  for (const group of vscode.window.tabGroups.all) for (const tab of group.tabs) for (const uri of tabUris(tab)) uris.add(uri.toString());
  return uris;
}

/** A related location's file: the index names files by URI string; anything else is taken as this document. */
function fileUri(file: string, fallback: vscode.Uri): vscode.Uri {
  if (file === fallback.toString()) return fallback;
  try {
    return vscode.Uri.parse(file, true);
  } catch {
    return fallback;
  }
}
