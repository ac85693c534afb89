/**
 * `.postmortem.yaml` in the editor (issue 12 item 6): its problems are diagnostics in that file, at
 * their place, with the message the CLI prints for the same file; fixing the file clears them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readProjectConfig } from '../../src/core/config';
import { tempWorkspace, TestClient } from './client';

const CONFIG = `rules:
  action-vague: off
  no-such-rule: warning
  timeline-order: loud
holidays: [2026-12-25, not-a-date]
`;

describe('language server: .postmortem.yaml problems', () => {
  const workspace = tempWorkspace({ '.postmortem.yaml': CONFIG });
  const uri = workspace.uri('.postmortem.yaml');
  let client: TestClient;
  before(async () => {
    client = await TestClient.start(workspace.folderUri);
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  it('shows each problem at its place, with the CLI message, and clears when fixed', async () => {
    const expected = readProjectConfig(CONFIG).warnings;
    assert.ok(expected.length >= 3, `the config has problems to show: ${expected.map((w) => w.message).join(' | ')}`);
    await client.open(uri, CONFIG, 1);
    const published = await client.diagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(
      published.diagnostics,
      expected.map((w) => ({ range: w.range, severity: 2, source: 'postmortem', code: 'config', message: w.message })),
    );
    // The unknown rule is underlined where it is written (line 3, "no-such-rule").
    const unknown = published.diagnostics.find((d) => String(d.message).includes('no-such-rule'));
    assert.equal(unknown?.range.start.line, 2);
    assert.equal(unknown?.range.start.character, 2);

    await client.change(uri, 2, [{ text: 'rules:\n  action-vague: off\n' }]);
    const fixed = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(fixed.diagnostics, []);

    await client.close(uri);
    const closed = await client.diagnostics(uri, (p) => p.version === undefined);
    assert.deepEqual(closed.diagnostics, []);
  });
});
