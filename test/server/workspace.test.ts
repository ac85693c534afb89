import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { PostmortemStore } from '../../src/core/store';
import { CLEAN, CLEAN_NAME, copyExamples, DRAFT, DRAFT_NAME, tempWorkspace, TestClient, write } from './client';
import { expectedDiagnostics } from './expected';

const ORIGINAL = `examples/postmortems/${CLEAN_NAME}`;
const COPY = 'postmortems/copy-of-search-ranking.pm.yaml';
const BROKEN = 'postmortems/broken.pm.yaml';
const BROKEN_TEXT = 'id: INC-2026-06-10-001\ntitle: [unclosed\n';
const CLEAN_ID = 'id: INC-2026-06-09-001';

/** The clean post-mortem under another id. */
function withId(id: string): string {
  assert.ok(CLEAN.includes(CLEAN_ID));
  return CLEAN.replace(CLEAN_ID, `id: ${id}`);
}

/** The workspace store as the server builds it from these files (the same id twice). */
function storeOf(dir: string, uri: (relative: string) => string, files: string[]): PostmortemStore {
  const store = new PostmortemStore();
  for (const file of files) store.upsert(uri(file), readFileSync(join(dir, file), 'utf8'));
  return store;
}

describe('language server workspace scan and cross-file findings', () => {
  const workspace = tempWorkspace({ [COPY]: CLEAN, 'node_modules/some-package/vendored.pm.yaml': CLEAN, '.git/stale.pm.yaml': CLEAN });
  copyExamples(workspace.dir);
  const copyUri = workspace.uri(COPY);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start(workspace.folderUri);
  });
  afterEach(async () => {
    await client.close(copyUri);
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  it('scans with work-done progress from begin to end, and registers its file watchers', async () => {
    await client.scanEnded();
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    assert.equal(client.progress[0].value.title, 'Post-mortems');
    // 5 files: the three examples, the draft and the copy; node_modules and .git are skipped.
    assert.ok(client.progress.some((p) => p.value.message === '5 of 5 post-mortems'), JSON.stringify(client.progress));
    const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions as { watchers: Array<{ globPattern: string }> };
    assert.deepEqual(watchers.watchers.map((w) => w.globPattern), ['**/*.pm.yaml', '**/.postmortem.yaml']);
  });

  it('reports an id used by two files of the workspace, pointing at the other one', async () => {
    await client.scanEnded();
    await client.open(copyUri, CLEAN, 1);
    const published = await client.diagnostics(copyUri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'), 0);
    const store = storeOf(workspace.dir, workspace.uri, [COPY, ORIGINAL, `examples/drafts/${DRAFT_NAME}`]);
    assert.deepEqual(published.diagnostics, expectedDiagnostics(CLEAN, copyUri, { workspace: store }));
    const duplicate = published.diagnostics.find((d) => d.code === 'duplicate-id')!;
    assert.deepEqual(duplicate.relatedInformation?.map((r) => r.location.uri), [workspace.uri(ORIGINAL)]);
    assert.match(duplicate.message, /is also used by file:\/\/\S+\/examples\/postmortems\/2026-06-09-search-ranking-bad-deploy\.pm\.yaml\./);
  });

  it('follows the other file on disk: changed, deleted and created again (didChangeWatchedFiles)', async () => {
    await client.scanEnded();
    const opened = client.published.length;
    await client.open(copyUri, CLEAN, 1);
    await client.diagnostics(copyUri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'), opened);

    write(workspace.dir, ORIGINAL, withId('INC-2026-06-09-009'));
    await client.filesChanged([{ uri: workspace.uri(ORIGINAL), type: FileChangeType.Changed }]);
    const renumbered = await client.diagnostics(copyUri, (p) => !p.diagnostics.some((d) => d.code === 'duplicate-id'));
    assert.deepEqual(renumbered.diagnostics, []);

    write(workspace.dir, ORIGINAL, CLEAN);
    await client.filesChanged([{ uri: workspace.uri(ORIGINAL), type: FileChangeType.Changed }]);
    await client.diagnostics(copyUri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'));

    rmSync(join(workspace.dir, ORIGINAL));
    await client.filesChanged([{ uri: workspace.uri(ORIGINAL), type: FileChangeType.Deleted }]);
    assert.deepEqual((await client.diagnostics(copyUri, (p) => !p.diagnostics.some((d) => d.code === 'duplicate-id'))).diagnostics, []);

    write(workspace.dir, ORIGINAL, CLEAN);
    await client.filesChanged([{ uri: workspace.uri(ORIGINAL), type: FileChangeType.Created }]);
    const back = await client.diagnostics(copyUri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'));
    assert.equal(back.diagnostics.filter((d) => d.code === 'duplicate-id').length, 1);
  });

  it('a watcher event under node_modules changes nothing', async () => {
    await client.scanEnded();
    const opened = client.published.length;
    await client.open(copyUri, CLEAN, 1);
    await client.diagnostics(copyUri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'), opened);
    const from = client.published.length;
    await client.filesChanged([{ uri: workspace.uri('node_modules/some-package/vendored.pm.yaml'), type: FileChangeType.Changed }]);
    // A change that matters afterwards shows the first was ignored: only the second re-lints.
    write(workspace.dir, ORIGINAL, withId('INC-2026-06-09-008'));
    await client.filesChanged([{ uri: workspace.uri(ORIGINAL), type: FileChangeType.Changed }]);
    await client.diagnostics(copyUri, (p) => !p.diagnostics.some((d) => d.code === 'duplicate-id'));
    assert.equal(client.published.slice(from).filter((p) => p.uri === copyUri).length, 1);
    write(workspace.dir, ORIGINAL, CLEAN);
  });
});

describe('language server workspace diagnostics and project config', () => {
  const workspace = tempWorkspace({
    [COPY]: CLEAN,
    [BROKEN]: BROKEN_TEXT,
    [`drafts/${DRAFT_NAME}`]: DRAFT,
    '.postmortem.yaml': 'rules:\n  went-well-count: off\n  whys-count: off\n',
  });
  const draftUri = workspace.uri(`drafts/${DRAFT_NAME}`);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start(workspace.folderUri, { settings: { workspaceDiagnostics: 'on', rules: { 'whys-count': 'hint' } } });
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  it('reports a broken post-mortem no editor shows, without a version', async () => {
    const published = await client.diagnostics(workspace.uri(BROKEN), () => true, 0);
    assert.equal(published.version, undefined);
    assert.deepEqual(published.diagnostics, expectedDiagnostics(BROKEN_TEXT, workspace.uri(BROKEN)));
    assert.equal(published.diagnostics[0].code, 'yaml-syntax');
  });

  it('merges .postmortem.yaml under the editor\'s settings, as the extension does', async () => {
    await client.open(draftUri, DRAFT, 1);
    const published = await client.diagnostics(draftUri, (p) => p.version === 1, 0);
    // Off in the file; the editor's `hint` for whys-count wins over the file's `off`.
    assert.equal(published.diagnostics.some((d) => d.code === 'went-well-count'), false);
    assert.equal(published.diagnostics.find((d) => d.code === 'whys-count')?.severity, 4);
  });

  it('follows a changed .postmortem.yaml', async () => {
    await client.open(draftUri, DRAFT, 1);
    await client.diagnostics(draftUri, (p) => p.version === 1, 0);
    write(workspace.dir, '.postmortem.yaml', 'rules:\n  rfc-required: off\n');
    await client.filesChanged([{ uri: workspace.uri('.postmortem.yaml'), type: FileChangeType.Changed }]);
    const published = await client.diagnostics(draftUri, (p) => !p.diagnostics.some((d) => d.code === 'rfc-required'));
    assert.equal(published.diagnostics.some((d) => d.code === 'went-well-count'), true);
  });

  it('keeps a closed file\'s findings from disk when workspace diagnostics are on', async () => {
    const copyUri = workspace.uri(COPY);
    const edited = CLEAN.replace('severity: SEV-2', 'severity: SEV-9');
    await client.open(copyUri, edited, 1);
    const open = await client.diagnostics(copyUri, (p) => p.version === 1);
    assert.equal(open.diagnostics.some((d) => d.code === 'schema'), true);
    await client.close(copyUri);
    // The unsaved edit is gone; the file on disk is clean.
    const closed = await client.diagnostics(copyUri, (p) => p.version === undefined);
    assert.deepEqual(closed.diagnostics, expectedDiagnostics(CLEAN, copyUri));
  });
});
