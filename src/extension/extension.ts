import type * as vscode from 'vscode';
import { registerDiagnostics } from './diagnostics';
import { registerCommands } from './commands';
import { registerCodeActions } from './codeActions';
import { registerPreview } from './preview';
import { registerReview } from './review';

/**
 * The VS Code shell: each feature lives in its own file and only wires editor
 * events to the core (src/core, src/rules, src/render, src/review) and core
 * results back to the editor. Nothing here parses or checks anything itself.
 */
export function activate(context: vscode.ExtensionContext): void {
  const diagnostics = registerDiagnostics(context);
  registerCommands(context);
  registerCodeActions(context, diagnostics);
  registerPreview(context, diagnostics);
  registerReview(context, diagnostics);
}

export function deactivate(): void {
  // Everything registered is in context.subscriptions and disposed by VS Code.
}
