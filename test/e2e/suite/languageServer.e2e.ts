// The extension as a thin client of the language server (issue 11): diagnostics come
// from a Node process of its own (dist/server.js), which survives being killed (the
// client restarts it), and the server's `source.fixAll.postmortem` action runs on save
// through `editor.codeActionsOnSave`. Which process the server runs in is read through
// the internal command `postmortem._languageServer` (not contributed, not documented).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, expectedDeadlineFix, waitFor, withRule, workspaceFile } from './helpers';

interface ServerInfo {
  running: boolean;
  pid: number | undefined;
  outputChannel: string;
}

const serverInfo = async (): Promise<ServerInfo> => (await vscode.commands.executeCommand<ServerInfo>('postmortem._languageServer'))!;

/** The running server's process id, once the client has started it (and is not `not`). */
async function runningServer(not?: number): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const info = await serverInfo();
    if (info.running && info.pid !== undefined && info.pid !== not) return info.pid;
    if (Date.now() > deadline) throw new Error(`no running language server (last: ${JSON.stringify(info)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

suite('language server', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });
  teardown(closeAllEditors);

  test('diagnostics come from dist/server.js, a process of its own, logging to its own output channel', async () => {
    const uri = workspaceFile('diagnostics/wrong-severity.pm.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the schema diagnostic', () => withRule(uri, 'schema')[0]);
    const pid = await runningServer();
    assert.notEqual(pid, process.pid, 'not the extension host');
    // The process's command line (Linux, where these tests run): node running the server bundle.
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    assert.ok(
      commandLine.some((arg) => arg.endsWith('/dist/server.js')),
      `the server process runs dist/server.js: ${commandLine.join(' ')}`,
    );
    assert.equal((await serverInfo()).outputChannel, 'Post-Mortem Language Server');
  });

  test('a killed server is restarted, and diagnostics follow edits again', async () => {
    const uri = workspaceFile('diagnostics/wrong-severity.pm.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor('the schema diagnostic', () => withRule(uri, 'schema')[0]);
    const before = await runningServer();
    process.kill(before, 'SIGKILL');
    const after = await runningServer(before);
    assert.notEqual(after, before);
    // The restarted server was sent the open document again: an edit is linted by it.
    const line = document.lineAt(7);
    assert.match(line.text, /^ {2}severity: /);
    const value = new vscode.Range(7, '  severity: '.length, 7, line.text.length);
    const fix = new vscode.WorkspaceEdit();
    fix.replace(uri, value, 'SEV-2');
    assert.equal(await vscode.workspace.applyEdit(fix), true);
    await waitFor('the schema diagnostic to clear', () => (withRule(uri, 'schema').length === 0 ? true : undefined));
    const breakAgain = new vscode.WorkspaceEdit();
    breakAgain.replace(uri, new vscode.Range(7, '  severity: '.length, 7, '  severity: SEV-2'.length), 'SEV-7');
    assert.equal(await vscode.workspace.applyEdit(breakAgain), true);
    await waitFor('the schema diagnostic back', () => withRule(uri, 'schema')[0]);
  });

  test('with editor.codeActionsOnSave asking for source.fixAll.postmortem, saving applies the safe fixes only', async () => {
    const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('codeActions/owner-missing.pm.yaml')));
    const draft = source.replace(/^status: in-review$/m, 'status: draft');
    assert.notEqual(draft, source, 'the fixture is turned into a draft');
    const uri = workspaceFile('fixall/owner-missing-draft.pm.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(draft));
    const editor = vscode.workspace.getConfiguration('editor');
    await editor.update('codeActionsOnSave', { 'source.fixAll.postmortem': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await waitFor('the missing-deadline finding', () => withRule(uri, 'action-deadline-missing')[0]);
      await waitFor('the missing-owner finding', () => withRule(uri, 'action-owner-missing')[0]);
      // A change makes the save a real one (VS Code skips the participants of a save without changes).
      const touch = new vscode.WorkspaceEdit();
      touch.insert(uri, new vscode.Position(0, 0), '# saved with fix-all\n');
      assert.equal(await vscode.workspace.applyEdit(touch), true);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the save', () => (document.isDirty ? undefined : true));
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      // The deadline fix is safe (the rule vouches for it): applied. The owner fix, a placeholder, is not.
      const { date } = expectedDeadlineFix('2026-05-10', 'P2');
      const item = '    owner: Data platform team\n    priority: P2\n    status: open\n';
      assert.ok(draft.includes(item));
      assert.equal(saved, `# saved with fix-all\n${draft.replace(item, `${item}    deadline: ${date}\n`)}`);
      assert.ok(!saved.includes('TODO-owner'), 'the unsafe placeholder owner was not inserted');
    } finally {
      await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      await closeAllEditors();
      await vscode.workspace.fs.delete(workspaceFile('fixall'), { recursive: true });
    }
  });
});
