import * as vscode from 'vscode';
import type { DiagnosticsFeature } from './diagnostics';
import { registerDashboard } from './review/dashboard';
import { ReviewModel } from './review/model';
import { registerStatusBar } from './review/statusBar';
import { registerTree } from './review/tree';

/** Internal, undocumented: lets the end-to-end tests read what the status bar shows (the extension host has no DOM). */
export const STATUS_TEXT_COMMAND = 'postmortem._statusText';

/**
 * The quarterly review in the editor: the dashboard (`postmortem.quarterlyReview`),
 * the action-items status bar item and the "Post-Mortems" explorer tree. All
 * three read one ReviewModel, fed by the diagnostics feature's workspace index.
 */
export function registerReview(context: vscode.ExtensionContext, diagnostics: DiagnosticsFeature): void {
  const { index } = diagnostics;
  const model = new ReviewModel(index);
  context.subscriptions.push(model);
  registerDashboard(context, model, index.store);
  registerTree(context, model);
  const statusText = registerStatusBar(context, model, index.store);
  context.subscriptions.push(
    vscode.commands.registerCommand(STATUS_TEXT_COMMAND, async (options?: { refresh?: boolean }) => {
      await index.ready;
      if (options?.refresh) model.refresh();
      return statusText();
    }),
  );
}
