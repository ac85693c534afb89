// Workspace-wide diagnostics (issue 10, item 14): the Problems panel covers every
// *.pm.yaml of the workspace, also files no editor has shown, as ESLint and
// markdownlint can. Opening and closing a file never changes what is reported
// for the same text, and a change on disk is picked up by the file watcher.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, ours, plainRange, ruleOf, waitFor, workspaceFile } from './helpers';

const BROKEN = 'id: INC-2026-12-01-001\ntitle: Never opened\nstatus: draft\nsummary:\n  start: 2026-12-01T10:00:00Z\n  end: 2026-12-01T11:00:00Z\n  severity: SEV-9\n';
const FIXED = BROKEN.replace('SEV-9', 'SEV-3');

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
/** What the Problems panel lists for a file: rule and range, in order. */
const listed = (uri: vscode.Uri): string[] => ours(uri).map((d) => `${ruleOf(d)} ${plainRange(d.range).join(',')}`);
/** The schema error on `severity: SEV-9`, from the global list: the Problems panel's own source. */
const severityError = (uri: vscode.Uri): vscode.Diagnostic | undefined =>
  vscode.languages
    .getDiagnostics()
    .find(([u]) => u.toString() === uri.toString())?.[1]
    .find((d) => d.source === 'postmortem' && ruleOf(d) === 'schema' && d.range.start.line === 6);

suite('workspace diagnostics', () => {
  const uri = workspaceFile('closed/never-opened.pm.yaml');

  suiteSetup(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.createDirectory(workspaceFile('closed'));
    await write(uri, BROKEN);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration('postmortem').update('workspaceDiagnostics', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('a broken file no editor has shown is in vscode.languages.getDiagnostics()', async () => {
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file was never opened');
    const error = await waitFor('the schema error of the closed file', () => severityError(uri));
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
  });

  test('opening and closing the file keeps the same diagnostics', async () => {
    await waitFor('the closed file\'s diagnostics', () => severityError(uri));
    const closed = listed(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // The document's own lint replaces the disk's: the same findings for the same text. Each lint of the
    // language server publishes, and every publish reaches onDidChangeDiagnostics.
    await new Promise<void>((resolve) => {
      const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
        if (!event.uris.some((u) => u.toString() === uri.toString())) return;
        subscription.dispose();
        resolve();
      });
      setTimeout(resolve, 5000);
    });
    assert.deepEqual(listed(uri), closed);
    await closeAllEditors();
    await waitFor('the diagnostics from disk after closing', () => (severityError(uri) ? true : undefined));
    assert.deepEqual(listed(uri), closed);
  });

  test('a change on disk is picked up without opening the file', async () => {
    await waitFor('the schema error', () => severityError(uri));
    await write(uri, FIXED);
    await waitFor('the error to clear after the fix on disk', () => (severityError(uri) ? undefined : true));
    await write(uri, BROKEN);
    await waitFor('the error back after breaking it on disk', () => severityError(uri));
  });

  test('the setting turns it off (open files only) and on again', async () => {
    await waitFor('the schema error', () => severityError(uri));
    const config = vscode.workspace.getConfiguration('postmortem');
    await config.update('workspaceDiagnostics', 'off', vscode.ConfigurationTarget.Workspace);
    await waitFor('closed-file diagnostics to clear', () => (ours(uri).length === 0 ? true : undefined));
    await config.update('workspaceDiagnostics', 'on', vscode.ConfigurationTarget.Workspace);
    await waitFor('closed-file diagnostics back', () => severityError(uri));
  });
});
