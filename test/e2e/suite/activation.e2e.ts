// Smoke test of the extension inside a real VS Code: it is installed under its
// published id, activates for a post-mortem, and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, workspaceFile } from './helpers';

suite('activation', () => {
  test('the extension is present under its published id', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} extensions`);
    assert.equal(extension.packageJSON.name, 'postmortems-as-code');
  });

  test('opening a .pm.yaml file activates it, keeping the yaml language', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('postmortems/2026-03-02-checkout-latency.pm.yaml'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'yaml');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // Activation is asynchronous after the open; activate() returns the same activation.
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('the New Post-Mortem command is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('postmortem.new'), 'command postmortem.new is not registered');
  });
});
