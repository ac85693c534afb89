import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DRAFT, DRAFT_NAME, tempWorkspace, TestClient } from './client';
import { expectedDiagnostics } from './expected';
import { LintResultRequest } from '../../src/server/server';

/** `Marco` in the draft's timeline (line 36, 0-based 35), where blame-named-individual reports. */
const MARCO = { start: { line: 35, character: 11 }, end: { line: 35, character: 16 } };

describe('language server diagnostics', () => {
  const workspace = tempWorkspace({ [`drafts/${DRAFT_NAME}`]: DRAFT });
  const uri = workspace.uri(`drafts/${DRAFT_NAME}`);
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start(workspace.folderUri);
  });
  afterEach(async () => {
    await client.stop();
  });
  after(() => workspace.cleanup());

  it('publishes exactly what lintText finds, with the document version', async () => {
    await client.open(uri, DRAFT, 1);
    const published = await client.diagnostics(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics, expectedDiagnostics(DRAFT, uri));
    // Real values, not only agreement with the core: the draft's blame finding where the name is.
    const blame = published.diagnostics.find((d) => d.code === 'blame-named-individual');
    assert.deepEqual(blame?.range, MARCO);
    assert.equal(blame?.severity, 2);
    assert.equal(blame?.source, 'postmortem');
    assert.match(blame?.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/blame-named-individual\.md$/);
    assert.equal(published.diagnostics.length, 14);
  });

  it('applies incremental changes and publishes the new version\'s findings', async () => {
    await client.open(uri, DRAFT, 1);
    await client.diagnostics(uri, (p) => p.version === 1);
    const edit = { range: MARCO, text: 'The on-call engineer' };
    await client.change(uri, 2, [edit]);
    const published = await client.diagnostics(uri, (p) => p.version === 2);
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, DRAFT), [{ range: edit.range, newText: edit.text }]);
    assert.deepEqual(published.diagnostics, expectedDiagnostics(edited, uri));
    assert.equal(published.diagnostics.some((d) => d.code === 'blame-named-individual'), false);
    assert.equal(published.diagnostics.length, 13);
  });

  it('never publishes a version that a newer one replaced before its lint finished', async () => {
    await client.open(uri, DRAFT, 1);
    await client.diagnostics(uri, (p) => p.version === 1);
    const from = client.published.length;
    // Versions 2 and 3 arrive together, as fast typing sends them.
    client.writeRaw([
      { method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: MARCO, text: 'Someone' }] } },
      { method: 'textDocument/didChange', params: { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: MARCO.start, end: { line: 35, character: 18 } }, text: 'An engineer' }] } },
    ]);
    const latest = await client.diagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(
      client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version),
      [3],
    );
    const text = DRAFT.split('\n');
    text[35] = `${text[35].slice(0, 11)}An engineer${text[35].slice(18)}`;
    assert.deepEqual(latest.diagnostics, expectedDiagnostics(text.join('\n'), uri));
  });

  it('follows workspace/configuration: a rule turned off disappears, a severity changes', async () => {
    await client.open(uri, DRAFT, 1);
    const first = await client.diagnostics(uri);
    assert.ok(first.diagnostics.some((d) => d.code === 'blame-named-individual'));
    assert.deepEqual(client.configurationRequests.at(-1), { items: [{ scopeUri: workspace.folderUri, section: 'postmortem' }] });
    const from = client.published.length;
    await client.changeSettings({ rules: { 'blame-named-individual': 'off', 'rfc-required': 'error' } });
    const after = await client.diagnostics(uri, () => true, from);
    assert.equal(after.diagnostics.some((d) => d.code === 'blame-named-individual'), false);
    assert.equal(after.diagnostics.find((d) => d.code === 'rfc-required')?.severity, 1);
    assert.deepEqual(after.diagnostics, expectedDiagnostics(DRAFT, uri, { settings: { rules: { 'blame-named-individual': 'off', 'rfc-required': 'error' } } }));
  });

  it('reads VS Code\'s dotted per-rule settings and keeps `default` as the rule\'s own severity', async () => {
    await client.changeSettings({ rules: { 'whys-count': 'default', 'went-well-count': 'hint' }, 'timelineGapMinutes.sev2and3': 120 });
    await client.open(uri, DRAFT, 1);
    const published = await client.diagnostics(uri);
    assert.equal(published.diagnostics.find((d) => d.code === 'whys-count')?.severity, 2);
    assert.equal(published.diagnostics.find((d) => d.code === 'went-well-count')?.severity, 4);
    // The 1 h 30 min gap is within 120 minutes.
    assert.equal(published.diagnostics.some((d) => d.code === 'timeline-granularity'), false);
  });

  it('clears a document\'s diagnostics when it closes (workspace diagnostics off)', async () => {
    await client.open(uri, DRAFT, 1);
    await client.diagnostics(uri);
    await client.close(uri);
    const cleared = await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('checks an untitled YAML buffer that reads like a post-mortem, and no other', async () => {
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, DRAFT, 1);
    const published = await client.diagnostics(untitled);
    assert.deepEqual(published.diagnostics, expectedDiagnostics(DRAFT, untitled));
    const scratch = 'untitled:Untitled-2';
    await client.open(scratch, 'name: scratch\nitems: [1, 2]\n', 1);
    assert.equal(await client.connection.sendRequest(LintResultRequest, { uri: scratch }), null);
    // Plain YAML in a named file is not a post-mortem either.
    assert.equal(await client.connection.sendRequest(LintResultRequest, { uri: workspace.uri('config.yaml') }), null);
  });

  it('postmortem/lintResult gives the latest diagnostics and the settings used', async () => {
    await client.changeSettings({ people: ['Priya Raman'], holidays: ['2026-12-25'] });
    await client.open(uri, DRAFT, 1);
    const published = await client.diagnostics(uri);
    const result = await client.connection.sendRequest(LintResultRequest, { uri });
    assert.equal(result?.version, 1);
    assert.deepEqual(result?.diagnostics, published.diagnostics);
    assert.deepEqual(result?.settings.people, ['Priya Raman']);
    assert.deepEqual(result?.settings.holidays, ['2026-12-25']);
    assert.deepEqual(result?.settings.timelineGapMinutes, { 'SEV-1': 15, 'SEV-2': 60, 'SEV-3': 60 });
  });
});
