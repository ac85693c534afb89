import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePostmortem } from '../../src/core/parse';
import type { IndexChange } from '../../src/core/storeChange';
import type { ServerHost } from '../../src/server/host';
import { WorkspaceIndex } from '../../src/server/workspaceIndex';

const FOLDER = 'file:///w';
const DRAFT = `${FOLDER}/draft.pm.yaml`;
const OTHER = `${FOLDER}/other.pm.yaml`;
const text = (id: string) => `id: ${id}\ntitle: T\nroot_cause:\n  category: testing\n`;

// A slow file system (a browser's, read through the editor): the scan is still reading when the editor opens a document.
test('a document linted while the scan reads is re-linted when the scan ends (it is not one of the changed files)', async () => {
  let releaseReads!: () => void;
  const readsReleased = new Promise<void>((resolve) => (releaseReads = resolve));
  const host: ServerHost = {
    packageRootUri: 'file:///pkg',
    canonicalUri: (uri) => uri,
    findPostmortems: async () => [DRAFT, OTHER],
    readPostmortem: async (uri) => {
      await readsReleased;
      return uri === DRAFT ? text('INC-1') : text('INC-2');
    },
    projectSettings: async () => ({}),
    repositoryPeople: async () => [],
  };
  const changes: IndexChange[] = [];
  const index = new WorkspaceIndex(host, () => [FOLDER], (change) => changes.push(change), () => new Promise((resolve) => setImmediate(resolve)));
  const scan = index.scan({ report: () => {} });
  await new Promise((resolve) => setImmediate(resolve));
  index.updateFromDocument(DRAFT, parsePostmortem(text('INC-1')));
  releaseReads();
  await scan;
  assert.equal(changes.length, 1);
  assert.deepEqual(changes[0].files, [OTHER]);
  assert.equal(changes[0].crossFile, true);
  assert.equal(index.store.size, 2);
});

// The review, status bar and tree read the figures of every file from the index; a closed file's text is not kept.
test('the scan keeps each file\'s data for the review (timeline and action items included), not its text', async () => {
  const full = `${text('INC-7')}services: [api]\ntimeline:\n  - time: 2026-03-02T14:05:00Z\n    kind: trigger\n    event: A long story of what happened\naction_items:\n  - title: Fix it\n    owner: Ana\n    status: open\n`;
  const host: ServerHost = {
    packageRootUri: 'file:///pkg',
    canonicalUri: (uri) => uri,
    findPostmortems: async () => [DRAFT],
    readPostmortem: async () => full,
    projectSettings: async () => ({}),
    repositoryPeople: async () => [],
  };
  const index = new WorkspaceIndex(host, () => [FOLDER], () => {}, () => new Promise((resolve) => setImmediate(resolve)));
  await index.scan({ report: () => {} });
  const entry = index.store.get(DRAFT);
  assert.deepEqual((entry?.doc as { timeline?: unknown }).timeline, [{ time: '2026-03-02T14:05:00Z', kind: 'trigger', event: 'A long story of what happened' }]);
  assert.deepEqual((entry?.doc as { action_items?: unknown }).action_items, [{ title: 'Fix it', owner: 'Ana', status: 'open' }]);
  assert.equal(JSON.stringify(entry).includes(full), false);
});
