import * as vscode from 'vscode';
import type { PostmortemData } from './documentData';
import type { CommandRegistry } from './lazy';
import { registerDashboard } from './review/dashboard';
import { ReviewModel } from './review/model';
import { registerStatusBar } from './review/statusBar';
import { registerTree } from './review/tree';
import type { CurrencyConversion } from '../core/settings';

/** Internal, undocumented: lets the end-to-end tests read what the status bar shows (the extension host has no DOM). */
export const STATUS_TEXT_COMMAND = 'postmortem._statusText';

/**
 * The quarterly review in the editor: the dashboard (`postmortem.quarterlyReview`),
 * the action-items status bar item and the "Post-Mortems" explorer tree. All
 * three read one ReviewModel, fed by the extension's workspace index (src/extension/workspaceIndex.ts).
 */
export function registerReview(context: vscode.ExtensionContext, data: PostmortemData, commands: CommandRegistry): void {
  const { index } = data;
  // `.postmortem.yaml` `currency` (of the first folder: the review spans the workspace) converts costs into one currency.
  let currency: CurrencyConversion | null = null;
  const model = new ReviewModel(index, () => currency);
  const loadCurrency = async (): Promise<void> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return;
    const next = (await data.settingsFor(folder.uri)).currency;
    if (JSON.stringify(next) === JSON.stringify(currency)) return;
    currency = next;
    model.refresh();
  };
  const reloadCurrency = (): void => void loadCurrency().catch(() => undefined);
  reloadCurrency();
  context.subscriptions.push(model, data.onDidChangeSettings(reloadCurrency));
  registerDashboard(context, model, index.store, commands);
  registerTree(context, model, commands);
  const statusText = registerStatusBar(context, model, index.store, commands);
  commands.register(STATUS_TEXT_COMMAND, async (options?: { refresh?: boolean }) => {
    await index.ready;
    if (options?.refresh) model.refresh();
    return statusText();
  });
}
