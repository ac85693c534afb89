import * as vscode from 'vscode';
import { lintText, type LintResult } from '../core/lint';
import { todayDate } from '../core/time';
import { renderReport, type RenderFormat } from '../render/index';
import type { DiagnosticsFeature } from './diagnostics';

/**
 * "Export as HTML" (one self-contained file: styles inline, no script) and
 * "Export as Markdown". Both take the post-mortem (default: the active editor)
 * and, for tests and other extensions, an optional target Uri that skips the save dialog.
 * They return the Uri written, or undefined when cancelled.
 */
export function registerExport(context: vscode.ExtensionContext, diagnostics: DiagnosticsFeature): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.exportHtml', (resource?: vscode.Uri, target?: vscode.Uri) => exportReport('html', diagnostics, resource, target)),
    vscode.commands.registerCommand('postmortem.exportMarkdown', (resource?: vscode.Uri, target?: vscode.Uri) =>
      exportReport('markdown', diagnostics, resource, target),
    ),
  );
}

const EXTENSIONS: Record<'html' | 'markdown', { ext: string; filter: Record<string, string[]> }> = {
  html: { ext: '.html', filter: { HTML: ['html', 'htm'] } },
  markdown: { ext: '.md', filter: { Markdown: ['md', 'markdown'] } },
};

async function exportReport(
  format: Extract<RenderFormat, 'html' | 'markdown'>,
  diagnostics: DiagnosticsFeature,
  resource: vscode.Uri | undefined,
  target: vscode.Uri | undefined,
): Promise<vscode.Uri | undefined> {
  const source = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
  if (!source) {
    void vscode.window.showInformationMessage('Open a .pm.yaml file to export it.');
    return undefined;
  }
  // The settings of the lint shown in the Problems panel, so the report's highlights agree with it.
  let result: LintResult | undefined = diagnostics.resultFor(source);
  let settings = diagnostics.settingsUsedFor(source);
  if (!result || !settings) {
    settings = await diagnostics.settingsFor(source);
    const document = await vscode.workspace.openTextDocument(source);
    result = lintText(document.getText(), { file: source.toString(), settings });
  }
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
