import * as vscode from 'vscode';
import { lintText } from '../core/lint';
import { todayDate } from '../core/time';
import { renderReport, type RenderFormat } from '../render/index';
import type { PostmortemData } from './documentData';
import type { CommandRegistry } from './lazy';

/**
 * "Export as HTML" (one self-contained file: styles inline, no script) and
 * "Export as Markdown". Both take the post-mortem (default: the active editor)
 * and, for tests and other extensions, an optional target Uri that skips the save dialog.
 * They return the Uri written, or undefined when cancelled.
 */
export function registerExport(data: PostmortemData, commands: CommandRegistry): void {
  commands.register('postmortem.exportHtml', (resource?: vscode.Uri, target?: vscode.Uri) => exportReport('html', data, resource, target));
  commands.register('postmortem.exportMarkdown', (resource?: vscode.Uri, target?: vscode.Uri) => exportReport('markdown', data, resource, target));
}

const EXTENSIONS: Record<'html' | 'markdown', { ext: string; filter: Record<string, string[]> }> = {
  html: { ext: '.html', filter: { HTML: ['html', 'htm'] } },
  markdown: { ext: '.md', filter: { Markdown: ['md', 'markdown'] } },
};

async function exportReport(
  format: Extract<RenderFormat, 'html' | 'markdown'>,
  data: PostmortemData,
  resource: vscode.Uri | undefined,
  target: vscode.Uri | undefined,
): Promise<vscode.Uri | undefined> {
  const source = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
  if (!source) {
    void vscode.window.showInformationMessage('Open a .pm.yaml file to export it.');
    return undefined;
  }
  // One lint here, with the settings and workspace the language server uses, so the report's findings
  // are the Problems panel's, also for a file the server has not linted (not open, workspace diagnostics off).
  const settings = await data.settingsFor(source);
  const document = await vscode.workspace.openTextDocument(source);
  const result = lintText(document.getText(), { file: source.toString(), settings, workspace: data.index.store });
  const { ext, filter } = EXTENSIONS[format];
  const suggested = source.with({ path: source.path.replace(/(\.pm)?\.ya?ml$/i, '') + ext });
  const destination =
    target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({ defaultUri: suggested, filters: filter, saveLabel: 'Export' });
  if (!destination) return undefined;
  const content = renderReport(
    { parsed: result.parsed, diagnostics: result.diagnostics, today: todayDate(), holidays: settings.holidays, timelineGapMinutes: settings.timelineGapMinutes },
    format,
  );
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(content));
  if (!(target instanceof vscode.Uri)) {
    void vscode.window.showInformationMessage(`Exported ${destination.path.split('/').pop()}.`, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', destination);
    });
  }
  return destination;
}
