// The preview and export commands inside a real VS Code: the preview panel
// opens beside the editor and follows the active post-mortem; the exports
// write the report next to the file (or to the target a caller gives).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceFile } from './helpers';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => {
    const input = tab.input;
    return input instanceof vscode.TabInputWebview && input.viewType.endsWith('postmortem.preview');
  });
}

async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

suite('preview and export', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Open Preview to the Side opens one panel beside the editor, which follows the active post-mortem', async () => {
    const first = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('postmortems/2026-03-02-checkout-latency.pm.yaml')));
    await vscode.commands.executeCommand('postmortem.openPreviewToSide');
    const tab = await waitFor(() => previewTabs()[0], 'the preview tab');
    assert.notEqual(tab.group.viewColumn, first.viewColumn, 'the preview is beside the editor');
    await waitFor(() => tab.label.includes('INC-'), `a label with the incident id, got "${previewTabs()[0]?.label}"`);
    const firstLabel = previewTabs()[0].label;

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('postmortems/2026-05-10-search-index-stale.pm.yaml')), vscode.ViewColumn.One);
    await waitFor(() => previewTabs()[0]?.label !== firstLabel && previewTabs()[0], 'the preview to follow the active editor');
    assert.equal(previewTabs().length, 1, 'still one preview');

    // Locked, it stays on its document, and opening another preview makes a second panel.
    await vscode.commands.executeCommand('postmortem.togglePreviewLock');
    const locked = await waitFor(() => previewTabs().find((t) => t.label.startsWith('[Preview]')), 'the locked title');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('postmortems/2026-03-02-checkout-latency.pm.yaml')), vscode.ViewColumn.One);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(previewTabs().length, 1, 'the locked preview does not follow');
    assert.equal(previewTabs()[0].label, locked.label);
    await vscode.commands.executeCommand('postmortem.openPreviewToSide');
    await waitFor(() => previewTabs().length === 2, 'a second preview for the other document');
  });

  test('Export as HTML and as Markdown write the report to the given target', async () => {
    const source = workspaceFile('postmortems/2026-03-02-checkout-latency.pm.yaml');
    const htmlTarget = workspaceFile('exported/report.html');
    const mdTarget = workspaceFile('exported/report.md');
    const written = await vscode.commands.executeCommand<vscode.Uri>('postmortem.exportHtml', source, htmlTarget);
    assert.equal(written?.toString(), htmlTarget.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(htmlTarget));
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /<style>[^<]*\.heatmap/, 'styles are inline');
    assert.match(html, /class="heatmap"/);
    await vscode.commands.executeCommand('postmortem.exportMarkdown', source, mdTarget);
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(mdTarget));
    assert.match(markdown, /^# INC-/);
    assert.match(markdown, /^## Action items$/m);
    assert.match(markdown, /^\| Action \| Owner \| Deadline \| Priority \| Status \| Link \|$/m);
  });
});
