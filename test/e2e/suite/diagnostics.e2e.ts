// Diagnostics inside a real VS Code: what the Problems panel gets from
// `vscode.languages.getDiagnostics`, at the exact ranges, for files on disk and
// untitled buffers; edits, closing, settings and other files update them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, ours, plainRange, ruleOf, waitFor, withRule, workspaceFile } from './helpers';
import { lintText } from '../../../src/core/lint';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  teardown(closeAllEditors);

  test('a schema error appears at the exact range of the wrong value, with source, code and doc link', async () => {
    const uri = workspaceFile('diagnostics/wrong-severity.pm.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const [diagnostic] = await waitFor('the schema diagnostic', () => (withRule(uri, 'schema').length > 0 ? withRule(uri, 'schema') : undefined));
    assert.equal(withRule(uri, 'schema').length, 1);
    // Line 8 of the file, "  severity: SEV-9": the value, not the key or the line.
    assert.deepEqual(plainRange(diagnostic.range), [7, 12, 7, 17]);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /`summary\.severity` must be one of SEV-1, SEV-2, SEV-3/);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'schema');
    assert.ok(code.target instanceof vscode.Uri);
    assert.ok(code.target.path.endsWith('/docs/rules/schema.md'), code.target.toString());
  });

  test('fixing the text with a WorkspaceEdit clears the diagnostic, breaking it again brings it back', async () => {
    const uri = workspaceFile('diagnostics/wrong-severity.pm.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor('the schema diagnostic', () => (withRule(uri, 'schema').length > 0 ? true : undefined));

    const fix = new vscode.WorkspaceEdit();
    fix.replace(uri, new vscode.Range(7, 12, 7, 17), 'SEV-2');
    assert.equal(await vscode.workspace.applyEdit(fix), true);
    assert.equal(document.lineAt(7).text, '  severity: SEV-2');
    await waitFor('the schema diagnostic to clear', () => (withRule(uri, 'schema').length === 0 ? true : undefined));

    const breakAgain = new vscode.WorkspaceEdit();
    breakAgain.replace(uri, new vscode.Range(7, 12, 7, 17), 'high');
    await vscode.workspace.applyEdit(breakAgain);
    const [diagnostic] = await waitFor('the schema diagnostic to come back', () => (withRule(uri, 'schema').length > 0 ? withRule(uri, 'schema') : undefined));
    assert.deepEqual(plainRange(diagnostic.range), [7, 12, 7, 16]);
  });

  test('a YAML syntax error is reported as yaml-syntax, at the range the core computes', async () => {
    const uri = workspaceFile('diagnostics/unclosed-list.pm.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const shown = await waitFor('the yaml-syntax diagnostic', () => (withRule(uri, 'yaml-syntax').length > 0 ? withRule(uri, 'yaml-syntax') : undefined));
    const expected = lintText(document.getText()).diagnostics.filter((d) => d.rule === 'yaml-syntax');
    assert.ok(expected.length > 0);
    assert.deepEqual(
      shown.map((d) => [...plainRange(d.range), d.severity]),
      expected.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning]),
    );
    // With the syntax broken, no schema or rule findings on a guessed document.
    assert.deepEqual(ours(uri).filter((d) => ruleOf(d) !== 'yaml-syntax'), []);
  });

  test('with workspace diagnostics off, closing the document clears its diagnostics', async () => {
    // On (the default for small workspaces), a closed file keeps its diagnostics from disk: workspaceDiagnostics.e2e.ts.
    const config = vscode.workspace.getConfiguration('postmortem');
    await config.update('workspaceDiagnostics', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      const uri = workspaceFile('diagnostics/wrong-severity.pm.yaml');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor('the schema diagnostic', () => (withRule(uri, 'schema').length > 0 ? true : undefined));
      await closeAllEditors();
      // VS Code disposes a document lazily after its last tab closes; the Problems panel must not wait for that.
      await waitFor('the diagnostics to clear after close', () => (ours(uri).length === 0 ? true : undefined));
      // Shown again (the host may still hold the same document, so no open event): linted again.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor('the diagnostics after reopening', () => (withRule(uri, 'schema').length > 0 ? true : undefined));
    } finally {
      await config.update('workspaceDiagnostics', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('an untitled YAML buffer that reads like a post-mortem is linted; a plain YAML buffer is not', async () => {
    const plain = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'name: build\non: [push]\nseverity: SEV-9\n' });
    const text = [
      'id: INC-2026-02-12-001',
      'title: Written in an untitled buffer',
      'status: in-review',
      'summary:',
      '  start: 2026-02-12T10:00:00Z',
      '  end: 2026-02-12T11:00:00Z',
      '  severity: SEV-7',
      '',
    ].join('\n');
    const untitled = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    assert.equal(untitled.uri.scheme, 'untitled');
    await vscode.window.showTextDocument(untitled);
    const [diagnostic] = await waitFor('the untitled buffer diagnostic', () =>
      withRule(untitled.uri, 'schema').length > 0 ? withRule(untitled.uri, 'schema') : undefined,
    );
    assert.deepEqual(plainRange(diagnostic.range), [6, 12, 6, 17]);
    // Both buffers were opened before the post-mortem one was linted, so the plain one had its chance.
    assert.deepEqual(ours(plain.uri), []);
  });

  test('an untitled buffer becomes a post-mortem when its text does, and stops being one', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'id: INC-2026-02-13-001\ntitle: Typed in\nstatus: sometimes\nsummary: {}\n'));
    const [diagnostic] = await waitFor('diagnostics after typing a post-mortem', () =>
      withRule(document.uri, 'schema').some((d) => d.range.start.line === 2) ? withRule(document.uri, 'schema').filter((d) => d.range.start.line === 2) : undefined,
    );
    assert.deepEqual(plainRange(diagnostic.range), [2, 8, 2, 17]);
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, 1, 0), 'name: not a post-mortem any more\n'));
    await waitFor('diagnostics to clear once it is no post-mortem', () => (ours(document.uri).length === 0 ? true : undefined));
  });

  test('settings change the severity at once (postmortem.rules)', async () => {
    const uri = workspaceFile('diagnostics/wrong-severity.pm.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the schema error', () => (withRule(uri, 'schema')[0]?.severity === vscode.DiagnosticSeverity.Error ? true : undefined));
    const config = vscode.workspace.getConfiguration('postmortem');
    await config.update('rules.schema', 'info', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the schema finding as information', () =>
        withRule(uri, 'schema')[0]?.severity === vscode.DiagnosticSeverity.Information ? true : undefined,
      );
    } finally {
      await config.update('rules.schema', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the schema error again', () => (withRule(uri, 'schema')[0]?.severity === vscode.DiagnosticSeverity.Error ? true : undefined));
  });

  test('another file with the same id, created on disk, is reported without reopening; deleting it clears it', async () => {
    const uri = workspaceFile('diagnostics/wrong-severity.pm.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the first lint', () => (ours(uri).length > 0 ? true : undefined));
    assert.deepEqual(withRule(uri, 'duplicate-id'), []);

    const twin = workspaceFile('diagnostics/twin.pm.yaml');
    await vscode.workspace.fs.writeFile(twin, new TextEncoder().encode('id: INC-2026-02-10-001\ntitle: Twin\nstatus: draft\n'));
    try {
      const [duplicate] = await waitFor('duplicate-id from the file watcher', () =>
        withRule(uri, 'duplicate-id').length > 0 ? withRule(uri, 'duplicate-id') : undefined,
      );
      // The id's value on line 2 ("id: INC-2026-02-10-001").
      assert.equal(duplicate.range.start.line, 1);
      const related = duplicate.relatedInformation ?? [];
      assert.ok(related.some((r) => r.location.uri.toString() === twin.toString()), JSON.stringify(related.map((r) => r.location.uri.toString())));
    } finally {
      await vscode.workspace.fs.delete(twin);
    }
    await waitFor('duplicate-id to clear after the delete', () => (withRule(uri, 'duplicate-id').length === 0 ? true : undefined));
  });

  test('the repository\'s .postmortem.yaml turns a rule off, and deleting it turns the rule back on', async () => {
    const uri = workspaceFile('diagnostics/wrong-severity.pm.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the schema error', () => (withRule(uri, 'schema').length > 0 ? true : undefined));
    const config = workspaceFile('.postmortem.yaml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  schema: off\n'));
    try {
      await waitFor('the schema error to go with the config file', () => (withRule(uri, 'schema').length === 0 ? true : undefined));
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitFor('the schema error back after the delete', () => (withRule(uri, 'schema').length > 0 ? true : undefined));
  });

  test('a folder opened below the repository root takes the nearest .postmortem.yaml above it, as the CLI does', async () => {
    const uri = workspaceFile('diagnostics/wrong-severity.pm.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the schema error', () => (withRule(uri, 'schema').length > 0 ? true : undefined));
    // The run folder holding the workspace copy has no .git: the search goes on upwards, where this is the nearest config.
    const above = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '..', '.postmortem.yaml');
    const own = workspaceFile('.postmortem.yaml');
    await vscode.workspace.fs.writeFile(above, new TextEncoder().encode('rules:\n  schema: off\n'));
    try {
      // The watcher sees only the workspace: a config of the folder itself (nearer, so it wins) and then its
      // deletion make the extension look again. Each step waits for its effect, so no watcher event is coalesced away.
      await vscode.workspace.fs.writeFile(own, new TextEncoder().encode('rules:\n  schema: info\n'));
      await waitFor('the folder\'s own config', () => (withRule(uri, 'schema')[0]?.severity === vscode.DiagnosticSeverity.Information ? true : undefined));
      await vscode.workspace.fs.delete(own);
      await waitFor('the schema error to go with the config above the folder', () => (withRule(uri, 'schema').length === 0 ? true : undefined));
    } finally {
      await vscode.workspace.fs.delete(above);
      await vscode.workspace.fs.writeFile(own, new TextEncoder().encode('rules:\n  schema: error\n'));
      await waitFor('the schema error back', () => (withRule(uri, 'schema')[0]?.severity === vscode.DiagnosticSeverity.Error ? true : undefined));
      await vscode.workspace.fs.delete(own);
    }
  });
});
