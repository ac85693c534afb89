import * as vscode from 'vscode';
import type { CommandRegistry } from '../lazy';
import type { FeatureServer } from '../featureServer';
import type { ReviewModel, ReviewSnapshot } from './model';
import { revealInPostmortem } from './reveal';

export const SHOW_ACTION_ITEMS = 'postmortem.showActionItems';

export function statusText(snapshot: ReviewSnapshot): string {
  return `Action items: ${snapshot.openCount} open, ${snapshot.overdueCount} overdue`;
}

/**
 * "Action items: N open, M overdue" for the whole workspace; a click lists
 * the open items (overdue first) and opens the chosen one at its place.
 * Returns a function reading the item's text, for the internal test command.
 */
export function registerStatusBar(context: vscode.ExtensionContext, model: ReviewModel, server: FeatureServer, commands: CommandRegistry): () => string {
  const item = vscode.window.createStatusBarItem('postmortem.actionItems', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Post-Mortem Action Items';
  item.command = SHOW_ACTION_ITEMS;
  const update = (snapshot: ReviewSnapshot): void => {
    item.text = statusText(snapshot);
    item.tooltip = 'Open action items of the workspace post-mortems; click to list them';
    item.backgroundColor = snapshot.overdueCount > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    // Nothing to say in a workspace without post-mortems.
    if (snapshot.files > 0) item.show();
    else item.hide();
  };
  context.subscriptions.push(
    item,
    model.onDidUpdate(update),
  );
  commands.register(SHOW_ACTION_ITEMS, () => showActionItems(model, server));
  update(model.snapshot);
  return () => item.text;
}

interface ActionPick extends vscode.QuickPickItem {
  file: string;
  index: number;
}

async function showActionItems(model: ReviewModel, server: FeatureServer): Promise<void> {
  const snapshot = await model.withLists();
  if (snapshot.openItems.length === 0) {
    void vscode.window.showInformationMessage('No open action items in the workspace post-mortems.');
    return;
  }
  const picks: ActionPick[] = snapshot.openItems.map((i) => ({
    label: `${i.overdue ? '$(warning) ' : ''}${i.action || `Action item ${i.index + 1}`}`,
    description: `${i.owner || 'no owner'} · ${i.deadline ? `due ${i.deadline}` : 'no deadline'}${i.overdue && i.daysOverdue !== null ? ` · ${i.daysOverdue} days overdue` : ''}`,
    detail: `${i.id}${i.title ? ` — ${i.title}` : ''} (${i.state})`,
    file: i.file,
    index: i.index,
  }));
  const chosen = await vscode.window.showQuickPick(picks, {
    title: statusText(snapshot),
    placeHolder: 'Open an action item',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (chosen) await revealInPostmortem(model, server, chosen.file, ['action_items', chosen.index, 'action']);
}
