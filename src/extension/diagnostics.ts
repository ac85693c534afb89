import * as vscode from 'vscode';
import type { LintResult } from '../core/lint';

/** What other features of the shell need from the diagnostics feature. PLACEHOLDER until the diagnostics work lands. */
export interface DiagnosticsFeature {
  /** The latest lint result of an open post-mortem document, if any. */
  resultFor(uri: vscode.Uri): LintResult | undefined;
  /** Fires after each lint of a document (open, edit, settings or workspace change). */
  onDidLint: vscode.Event<{ document: vscode.TextDocument; result: LintResult }>;
}

export function registerDiagnostics(context: vscode.ExtensionContext): DiagnosticsFeature {
  const emitter = new vscode.EventEmitter<{ document: vscode.TextDocument; result: LintResult }>();
  context.subscriptions.push(emitter);
  return { resultFor: () => undefined, onDidLint: emitter.event };
}
