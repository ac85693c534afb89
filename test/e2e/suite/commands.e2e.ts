// The New Post-Mortem command and the snippets inside a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, workspaceFile } from './helpers';

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

suite('New Post-Mortem command', () => {
  const created: vscode.Uri[] = [];
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('with arguments: creates postmortems/DATE-slug.pm.yaml with the next free id and opens it', async () => {
    // The workspace holds postmortems/2026-05-05-seed-incident.pm.yaml with id INC-2026-05-05-001.
    assert.match(await readText(workspaceFile('postmortems/2026-05-05-seed-incident.pm.yaml')), /^id: INC-2026-05-05-001$/m);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.new', { title: 'Queue backlog after failover', severity: 'SEV-2', date: '2026-05-05' });
    assert.ok(uri, 'the command returns the new file');
    created.push(uri);
    assert.equal(uri.toString(), workspaceFile('postmortems/2026-05-05-queue-backlog-after-failover.pm.yaml').toString());
    const text = await readText(uri);
    assert.match(text, /^id: INC-2026-05-05-002$/m);
    assert.match(text, /^title: Queue backlog after failover$/m);
    assert.match(text, /^ {2}severity: SEV-2\b/m);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new file is opened');
  });

  test('the same title again: a suffixed name and the id after that, nothing overwritten', async () => {
    const first = workspaceFile('postmortems/2026-05-05-queue-backlog-after-failover.pm.yaml');
    const before = await readText(first);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.new', { title: 'Queue backlog after failover', severity: 'SEV-3', date: '2026-05-05' });
    created.push(uri);
    assert.equal(uri.toString(), workspaceFile('postmortems/2026-05-05-queue-backlog-after-failover-2.pm.yaml').toString());
    assert.match(await readText(uri), /^id: INC-2026-05-05-003$/m);
    assert.equal(await readText(first), before);
  });

  test('the created file is linted: no syntax or schema problems, nothing is an error in the draft', async () => {
    const uri = created[0];
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
    const structural = () => ours().filter((d) => ['schema', 'yaml-syntax'].includes(String((d.code as { value: string }).value)));
    const waitFor = async (what: string, done: () => boolean) => {
      const deadline = Date.now() + 15_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    // An empty list cannot tell "clean" from "not linted yet": break the file, see the lint, then restore it.
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('  severity: '));
    const value = new vscode.Range(line, 12, line, 17);
    assert.equal(editor.document.getText(value), 'SEV-2');
    await editor.edit((b) => b.replace(value, 'SEV-7'));
    await waitFor('the schema error on the broken severity', () => structural().length === 1);
    await editor.edit((b) => b.replace(value, 'SEV-2'));
    await waitFor('the schema error to clear', () => structural().length === 0);
    assert.ok(ours().every((d) => d.severity !== vscode.DiagnosticSeverity.Error), ours().map((d) => d.message).join('\n'));
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  test('a folder argument that is a path creates postmortems/ there', async () => {
    const folder = workspaceFile('diagnostics/nested-root');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.new', { title: 'Nested', severity: 'SEV-3', date: '2026-05-06', folder: folder.fsPath });
    created.push(uri);
    assert.equal(uri.toString(), vscode.Uri.joinPath(folder, 'postmortems', '2026-05-06-nested.pm.yaml').toString());
    assert.ok(await exists(uri));
    assert.match(await readText(uri), /^id: INC-2026-05-06-001$/m);
  });
});

suite('snippets', () => {
  test('completion on a YAML document lists the pm- snippets with their bodies', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'pm-' });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 3));
    const snippets = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet);
    const labels = snippets.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const prefix of ['pm-action', 'pm-summary', 'pm-timeline', 'pm-whys', 'pm-factors', 'pm-went-well', 'pm-recurrence', 'pm-cost', 'pm-regulatory', 'pm-postmortem']) {
      assert.ok(labels.includes(prefix), `${prefix} missing from ${labels.join(', ')}`);
    }
    const action = snippets.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'pm-action')!;
    const body = action.insertText instanceof vscode.SnippetString ? action.insertText.value : String(action.insertText);
    assert.match(body, /owner: \$\{\d+:/);
    assert.match(body, /priority: \$\{\d+\|P0,P1,P2\|\}/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
