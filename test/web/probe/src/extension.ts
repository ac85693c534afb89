// A test-only web extension: its manifest has only a `browser` entry, so VS Code
// can run it nowhere but in the web worker extension host. On activation it
// publishes one diagnostic on every open `*.pm.yaml`, whose message says where it runs.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const host = [
    `uiKind=${vscode.env.uiKind === vscode.UIKind.Web ? 'Web' : 'Desktop'}`,
    `process=${typeof (globalThis as { process?: unknown }).process}`,
    `importScripts=${typeof (globalThis as { importScripts?: unknown }).importScripts}`,
    `remoteName=${vscode.env.remoteName ?? 'none'}`,
  ].join(' ');
  const diagnostics = vscode.languages.createDiagnosticCollection('web-probe');
  const publish = (document: vscode.TextDocument) => {
    if (!document.uri.path.endsWith('.pm.yaml')) return;
    diagnostics.set(document.uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), `web-probe ${host}`, vscode.DiagnosticSeverity.Warning)]);
  };
  vscode.workspace.textDocuments.forEach(publish);
  context.subscriptions.push(diagnostics, vscode.workspace.onDidOpenTextDocument(publish));
}
