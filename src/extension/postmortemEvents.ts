import * as vscode from 'vscode';
import { isPostmortemDocument as isPostmortemDocumentFacts, SNIFF_LENGTH } from '../core/documentKind';

/** How long the preview waits after a keystroke before asking for a new report. */
const SETTLE_MS = 150;

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

/**
 * Calls `changed` with a post-mortem's URI when its text settled after an edit or its diagnostics
 * changed (the language server linted it again): the moments a report of it may read differently.
 */
export function watchPostmortems(changed: (uri: vscode.Uri) => void): vscode.Disposable {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const textChanged = (document: vscode.TextDocument): void => {
    if (!isPostmortemDocument(document)) return;
    const key = document.uri.toString();
    const existing = timers.get(key);
    if (existing) clearTimeout(existing);
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (!document.isClosed) changed(document.uri);
      }, SETTLE_MS),
    );
  };
  const subscriptions = [
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) textChanged(event.document);
    }),
    vscode.languages.onDidChangeDiagnostics((event) => event.uris.forEach(changed)),
  ];
  return {
    dispose: () => {
      subscriptions.forEach((s) => s.dispose());
      timers.forEach((t) => clearTimeout(t));
    },
  };
}
