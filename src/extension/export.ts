import * as vscode from 'vscode';
import { EXPORT_REQUEST, type ExportParams, type ExportResult } from '../server/featureProtocol';
import { basename, readExtensionFile, type FeatureServer } from './featureServer';
import type { CommandRegistry } from './lazy';

/**
 * "Export as HTML" (one self-contained file: styles inline, no script) and
 * "Export as Markdown". Both take the post-mortem (default: the active editor)
 * and, for tests and other extensions, an optional target Uri that skips the save dialog.
 * They return the Uri written, or undefined when cancelled. The language server renders
 * the report (`postmortem/export`); the file is written through `vscode.workspace.fs`, so
 * the same code exports on the desktop and in the browser (save dialog there too).
 */
export function registerExport(context: vscode.ExtensionContext, server: FeatureServer, commands: CommandRegistry): void {
  commands.register('postmortem.exportHtml', (resource?: vscode.Uri, target?: vscode.Uri) => exportReport('html', context, server, resource, target));
  commands.register('postmortem.exportMarkdown', (resource?: vscode.Uri, target?: vscode.Uri) => exportReport('markdown', context, server, resource, target));
}

const EXTENSIONS: Record<'html' | 'markdown', { ext: string; filter: Record<string, string[]> }> = {
  html: { ext: '.html', filter: { HTML: ['html', 'htm'] } },
  markdown: { ext: '.md', filter: { Markdown: ['md', 'markdown'] } },
};

async function exportReport(
  format: 'html' | 'markdown',
  context: vscode.ExtensionContext,
  server: FeatureServer,
  resource: vscode.Uri | undefined,
  target: vscode.Uri | undefined,
): Promise<vscode.Uri | undefined> {
  const source = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
  if (!source) {
    void vscode.window.showInformationMessage('Open a .pm.yaml file to export it.');
    return undefined;
  }
  // Open, so the server lints the editor's current text (with the settings and workspace of the Problems panel).
  await vscode.workspace.openTextDocument(source);
  const { ext, filter } = EXTENSIONS[format];
  const suggested = source.with({ path: source.path.replace(/(\.pm)?\.ya?ml$/i, '') + ext });
  const destination =
    target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({ defaultUri: suggested, filters: filter, saveLabel: 'Export' });
  if (!destination) return undefined;
  // The exported HTML carries the preview's stylesheet inline: one self-contained file.
  const css = format === 'html' ? new TextDecoder().decode(await readExtensionFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'preview.css'))) : undefined;
  const result = await server.sendRequest<ExportResult | null>(EXPORT_REQUEST, { uri: source.toString(), format, css } satisfies ExportParams);
  if (!result) {
    void vscode.window.showErrorMessage(`Cannot export ${basename(source)}: the language server could not read it.`);
    return undefined;
  }
  const content = result.content;
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(content));
  if (!(target instanceof vscode.Uri)) {
    void vscode.window.showInformationMessage(`Exported ${basename(destination)}.`, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', destination);
    });
  }
  return destination;
}
