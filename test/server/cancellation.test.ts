import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempWorkspace, TestClient } from './client';
import { expectedDiagnostics } from './expected';
import { generatePostmortem } from '../../bench/generate';

/** A long timeline, where every 50th entry names a person next to a mistake: the lint of one version takes many slices. */
const ENTRIES = 1_000;
const BLAMED_EVERY = 50;
const NAMES = ['Marta', 'Daniel', 'Priya', 'Kenji'];
const LONG = (() => {
  let n = 0;
  return generatePostmortem(ENTRIES).replace(/^ {4}event: .*$/gm, () => {
    const i = n++;
    return i % BLAMED_EVERY === 0 ? `    event: ${NAMES[i % NAMES.length]} forgot to drain pod checkout-api-${i % 40} before step ${i}` : `    event: Pod checkout-api-${i % 40} drained before step ${i}`;
  });
})();

describe('language server cancellation', () => {
  const workspace = tempWorkspace({});
  const uri = workspace.uri('postmortems/long.pm.yaml');
  let client: TestClient;
  const traces: string[] = [];

  before(async () => {
    client = await TestClient.start(workspace.folderUri);
    client.connection.onNotification('$/logTrace', (params: { message: string }) => void traces.push(params.message));
    await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  it('stops a lint in progress when a newer version arrives, never publishes it, and publishes the newer one', async () => {
    await client.open(uri, LONG, 1);
    // The first lint of 1,000 entries loads the language analysis: longer than the client's usual wait on a busy machine.
    await waitFor(() => client.published.some((p) => p.uri === uri && p.version === 1));
    const from = client.published.length;
    // Version 2 adds a top-level key: the whole text is parsed again, and its rules run in many slices.
    const added = `extra_notes: written during the review\n`;
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: added }]);
    await waitFor(() => traces.some((t) => t === `linting ${uri} version 2`));
    // Version 3 arrives while version 2 is being linted.
    await client.change(uri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    await waitFor(() => client.published.some((p) => p.uri === uri && p.version === 3));
    const latest = client.published.find((p) => p.uri === uri && p.version === 3)!;
    assert.ok(traces.includes(`stopped linting ${uri} version 2: a newer version arrived`), traces.join('\n'));
    assert.deepEqual(
      client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version),
      [3],
    );
    assert.deepEqual(latest.diagnostics, expectedDiagnostics(LONG, uri));
    assert.equal(latest.diagnostics.filter((d) => d.code === 'blame-named-individual').length, ENTRIES / BLAMED_EVERY);
  });
});

/** Polls: for a bound far above any expected time (a hung server), not a timing assertion. */
async function waitFor(condition: () => boolean, timeoutMs = 120_000, traces: string[] = []): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; traces: ${traces.join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
