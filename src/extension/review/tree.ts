import * as vscode from 'vscode';
import type { CommandRegistry } from '../lazy';
import type { ReviewIncident, ReviewModel, ReviewSnapshot } from './model';
import { SEVERITY_CODICONS } from './severityIcons';

export const EXPLORER_VIEW = 'postmortem.explorer';
export const REFRESH_TREE = 'postmortem.refreshTree';

type SkippedFile = ReviewSnapshot['skipped'][number];
type Node =
  | { kind: 'quarter'; quarter: string; incidents: ReviewIncident[] }
  | { kind: 'incident'; incident: ReviewIncident }
  | { kind: 'skipped-group'; skipped: SkippedFile[] }
  | { kind: 'skipped'; skipped: SkippedFile };

const SEVERITY_ICONS: Record<string, vscode.ThemeIcon> = Object.fromEntries(
  Object.entries(SEVERITY_CODICONS).map(([severity, icon]) => [severity, new vscode.ThemeIcon(icon.id, new vscode.ThemeColor(icon.color))]),
);
const UNKNOWN_SEVERITY = new vscode.ThemeIcon('circle-large-outline');

/** "Post-Mortems" in the explorer: quarters, newest first, each with its incidents and their open action items. */
export class PostmortemTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly model: ReviewModel) {}

  /** The review changed: the view asks for its rows again. */
  update(): void {
    this.emitter.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const snapshot = await this.model.withLists();
      const byQuarter = new Map<string, ReviewIncident[]>();
      for (const incident of snapshot.incidents) {
        if (incident.quarter === null) continue;
        const list = byQuarter.get(incident.quarter) ?? [];
        list.push(incident);
        byQuarter.set(incident.quarter, list);
      }
      const quarters: Node[] = [...byQuarter]
        .sort((a, b) => (a[0] < b[0] ? 1 : -1))
        .map(([quarter, incidents]) => ({ kind: 'quarter', quarter, incidents: incidents.sort((a, b) => b.startMs - a.startMs) }));
      if (snapshot.skipped.length > 0) quarters.push({ kind: 'skipped-group', skipped: snapshot.skipped });
      return quarters;
    }
    if (node.kind === 'quarter') return node.incidents.map((incident) => ({ kind: 'incident', incident }));
    if (node.kind === 'skipped-group') return node.skipped.map((skipped) => ({ kind: 'skipped', skipped }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'quarter': {
        const item = new vscode.TreeItem(node.quarter, vscode.TreeItemCollapsibleState.Expanded);
        const open = node.incidents.reduce((sum, i) => sum + i.open, 0);
        item.description = `${node.incidents.length} incident${node.incidents.length === 1 ? '' : 's'}, ${open} open action${open === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.contextValue = 'postmortemQuarter';
        item.id = `quarter:${node.quarter}`;
        return item;
      }
      case 'incident': {
        const { incident } = node;
        const item = new vscode.TreeItem(incident.id, vscode.TreeItemCollapsibleState.None);
        const { open, overdue } = incident;
        item.description = `${incident.title}${incident.title ? ' · ' : ''}${open} open${overdue ? `, ${overdue} overdue` : ''}`;
        item.tooltip = `${incident.id}${incident.title ? `: ${incident.title}` : ''}\n${incident.severity ?? 'no severity'} · ${open} open action item${open === 1 ? '' : 's'}${overdue ? ` (${overdue} overdue)` : ''}`;
        item.iconPath = (incident.severity && SEVERITY_ICONS[incident.severity]) || UNKNOWN_SEVERITY;
        item.resourceUri = vscode.Uri.parse(incident.file);
        item.command = { command: 'vscode.open', title: 'Open Post-Mortem', arguments: [item.resourceUri] };
        item.contextValue = 'postmortemIncident';
        item.id = `incident:${incident.file}`;
        return item;
      }
      case 'skipped-group': {
        const item = new vscode.TreeItem(`Skipped files (${node.skipped.length})`, vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('warning');
        item.tooltip = 'Post-mortems the review cannot place in a quarter';
        item.id = 'skipped';
        return item;
      }
      case 'skipped': {
        const uri = vscode.Uri.parse(node.skipped.file);
        const item = new vscode.TreeItem(uri.path.split('/').pop() || node.skipped.file, vscode.TreeItemCollapsibleState.None);
        item.description = node.skipped.reason;
        item.tooltip = `${node.skipped.file}\n${node.skipped.reason}`;
        item.iconPath = new vscode.ThemeIcon('circle-slash');
        item.command = { command: 'vscode.open', title: 'Open File', arguments: [uri] };
        item.id = `skipped:${node.skipped.file}`;
        return item;
      }
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export function registerTree(context: vscode.ExtensionContext, model: ReviewModel, commands: CommandRegistry): PostmortemTreeProvider {
  const provider = new PostmortemTreeProvider(model);
  const view = vscode.window.createTreeView(EXPLORER_VIEW, { treeDataProvider: provider });
  // The rows need the review's lists: asked with every refresh while the view shows, not while it is hidden.
  let shown = view.visible;
  if (shown) model.showsLists(true);
  context.subscriptions.push(
    provider,
    view,
    view.onDidChangeVisibility(({ visible }) => {
      if (visible !== shown) model.showsLists((shown = visible));
    }),
    { dispose: () => shown && model.showsLists(false) },
    model.onDidUpdate(() => provider.update()),
  );
  commands.register(REFRESH_TREE, async () => {
    await model.refresh({ lists: true });
    provider.update();
  });
  return provider;
}
