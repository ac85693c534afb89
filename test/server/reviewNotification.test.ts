// postmortem/didChangeIndex is sent when the quarterly review may read differently, not on every edit:
// the client answers it by asking for the whole review (megabytes at 10,000 files), on the editor's extension host.
import assert from 'node:assert/strict';
import { beforeEach, describe, it, mock } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { PostmortemStore } from '../../src/core/store';
import { DID_CHANGE_INDEX_NOTIFICATION, REVIEW_REQUEST } from '../../src/server/featureProtocol';
import { registerFeatureRequests, type FeatureRequests } from '../../src/server/featureRequests';
import { CLEAN } from './client';

const FILE = 'file:///ws/postmortems/clean.pm.yaml';

describe('postmortem/didChangeIndex', () => {
  let store: PostmortemStore;
  let features: FeatureRequests;
  let sent: string[];
  let review: (params: unknown) => Promise<unknown>;

  beforeEach(() => {
    store = new PostmortemStore();
    store.upsert(FILE, CLEAN);
    sent = [];
    const handlers = new Map<string, (params: unknown) => Promise<unknown>>();
    const connection = {
      onRequest: (method: string, handler: (params: unknown) => Promise<unknown>) => void handlers.set(method, handler),
      sendNotification: async (method: string) => void sent.push(method),
    } as unknown as Connection;
    features = registerFeatureRequests(connection, {
      document: () => undefined,
      currentLint: async () => undefined,
      keyOf: (uri) => uri,
      readText: async () => undefined,
      settingsFor: async () => ({}) as never,
      reviewCurrency: async () => null,
      store,
      log: (message, error) => assert.fail(`${message}: ${String(error)}`),
    });
    review = handlers.get(REVIEW_REQUEST)!;
  });

  /** `changed(files)` (null: the settings) after the edit, and what was sent once the notification's settling time passed. */
  function notifiedAfter(edit: () => void, files: string[] | null = [FILE]): boolean {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const before = sent.length;
      edit();
      features.changed(files ?? undefined);
      mock.timers.tick(1_000);
      return sent.length > before && sent.at(-1) === DID_CHANGE_INDEX_NOTIFICATION;
    } finally {
      mock.timers.reset();
    }
  }

  it('is sent for every change until a client asks for the review (the renderers stay unloaded)', () => {
    assert.equal(notifiedAfter(() => store.upsert(FILE, CLEAN.replace('Ranking service v4.12.0 deployed', 'Ranking service v4.12.0 rolled out'))), true);
  });

  it('once the review was asked: not for an edit the review does not read (an event), and for one it does (an action item, a removal, the settings)', async () => {
    await review({ includeDrafts: false });
    // The first change of a file the client was told nothing about yet is announced.
    assert.equal(notifiedAfter(() => undefined), true);
    assert.equal(notifiedAfter(() => store.upsert(FILE, CLEAN.replace('Ranking service v4.12.0 deployed', 'Ranking service v4.12.0 rolled out'))), false);
    const reopened = CLEAN.replace(/^( {4}status: )done$/m, '$1open');
    assert.notEqual(reopened, CLEAN);
    assert.equal(notifiedAfter(() => store.upsert(FILE, reopened)), true);
    assert.equal(notifiedAfter(() => store.upsert(FILE, reopened.replace('First customer ticket', 'The first customer ticket'))), false);
    assert.equal(notifiedAfter(() => undefined, null), true, 'settings: no files named');
    assert.equal(notifiedAfter(() => store.remove(FILE)), true);
  });
});
