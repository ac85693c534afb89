import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { CLEAN, CLEAN_NAME, serverFor, tempWorkspace, TestClient, write } from './client';
import { expectedDiagnostics } from './expected';

/** Ten levels of nine aliases each: a billion expansions if anything expanded them. */
function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level <= 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

const BINARY = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
/** Over the 4 million characters the parser checks. */
const HUGE = `id: INC-2026-01-01-001\nsummary: |\n${'  x'.repeat(1_400_000)}\n`;

describe('language server on hostile documents', () => {
  const workspace = tempWorkspace({ [`postmortems/${CLEAN_NAME}`]: CLEAN });
  // Bad files on disk too: the scan must read past them.
  write(workspace.dir, 'postmortems/binary-on-disk.pm.yaml', Buffer.from(BINARY, 'latin1'));
  write(workspace.dir, 'postmortems/bomb-on-disk.pm.yaml', aliasBomb());
  const server = serverFor(workspace);

  const cases: Array<[string, string, RegExp]> = [
    ['an alias bomb', aliasBomb(), /^Too many alias expansions/],
    ['binary data', BINARY, /^This file holds binary data/],
    ['a document over the size limit', HUGE, /^This file is too large to check/],
  ];
  for (const [name, text, message] of cases) {
    it(`${name} gives a diagnostic and the server keeps answering`, async () => {
      const uri = workspace.uri(`open/${name.replace(/\W+/g, '-')}.pm.yaml`);
      await server().open(uri, text, 1);
      const published = await server().diagnostics(uri, (p) => p.version === 1);
      assert.deepEqual(published.diagnostics, expectedDiagnostics(text, uri));
      assert.equal(published.diagnostics[0].code, 'yaml-syntax');
      assert.match(published.diagnostics[0].message as string, message);
      // Still answering, and still linting other documents.
      assert.equal(await server().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
      const clean = workspace.uri(`postmortems/${CLEAN_NAME}`);
      await server().open(clean, CLEAN, 1);
      assert.deepEqual((await server().diagnostics(clean, (p) => p.version === 1)).diagnostics, []);
      await server().close(clean);
      await server().close(uri);
      assert.ok(server().alive);
    });
  }

  it('the scan read past the bad files on disk', async () => {
    await server().scanEnded();
    assert.ok(server().progress.some((p) => p.value.message === '3 of 3 post-mortems'), JSON.stringify(server().progress));
    assert.ok(server().alive);
  });
});
