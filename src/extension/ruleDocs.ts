import * as vscode from 'vscode';

/**
 * Opens a rule's doc page or a fix's guidance link: the command of the language server's
 * "Learn about <rule>" code actions. Internal, so not listed in package.json.
 */
export const OPEN_DOC_COMMAND = 'postmortem.openRuleDoc';

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_DOC_COMMAND, (target: vscode.Uri | string) =>
      openDoc(typeof target === 'string' ? resolveLink(target, context.extensionUri) : target),
    ),
  );
}

/** A link: an absolute URI as is; a path like `docs/rules/x.md` inside the extension. */
export function resolveLink(link: string, extensionUri: vscode.Uri): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return vscode.Uri.parse(link);
  const [path, fragment] = link.split('#', 2);
  const uri = vscode.Uri.joinPath(extensionUri, ...path.split('/').filter(Boolean));
  return fragment ? uri.with({ fragment }) : uri;
}

async function openDoc(uri: vscode.Uri): Promise<void> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    await vscode.env.openExternal(uri);
    return;
  }
  try {
    // The rendered page reads better than the Markdown source.
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.commands.executeCommand('vscode.open', uri);
  }
}
