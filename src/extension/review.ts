import * as vscode from 'vscode';
import type { FeatureServer } from './featureServer';
import type { CommandRegistry } from './lazy';
import { registerDashboard } from './review/dashboard';
import { ReviewModel } from './review/model';
import { registerStatusBar } from './review/statusBar';
import { registerTree } from './review/tree';

/** Internal, undocumented: lets the end-to-end tests read what the status bar shows (the extension host has no DOM). */
export const STATUS_TEXT_COMMAND = 'postmortem._statusText';

/**
 * The quarterly review in the editor: the dashboard (`postmortem.quarterlyReview`),
 * the action-items status bar item and the "Post-Mortems" explorer tree. All
 * three read one ReviewModel, which asks the language server (its workspace index).
 */
export function registerReview(context: vscode.ExtensionContext, server: FeatureServer, commands: CommandRegistry): void {
  const model = new ReviewModel(server);
  context.subscriptions.push(model);
  registerDashboard(context, model, server, commands);
  registerTree(context, model, commands);
  const statusText = registerStatusBar(context, model, server, commands);
  commands.register(STATUS_TEXT_COMMAND, async (options?: { refresh?: boolean }) => {
    await model.ready;
    if (options?.refresh) await model.refresh();
    return statusText();
  });
}
