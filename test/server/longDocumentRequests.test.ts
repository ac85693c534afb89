// The outline and links of a long document (over 64 KB) come from its lint's parse once the lint caught up
// with the edits, not from a parse of the whole text per request: the editor asks for both after every
// keystroke, and at 10,000 entries each whole parse took seconds while the keystroke's own lint waited.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentLink, DocumentSymbol } from 'vscode-languageserver-protocol';
import { serverFor, tempWorkspace } from './client';

const ENTRIES = 1_500;
const entry = (i: number): string =>
  `  - at: 2026-03-02T${String(9 + Math.floor(i / 60) % 10).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z\n    event: Step ${i} of the rollback\n    kind: action\n${i % 100 === 0 ? `    source: https://grafana.example.com/d/checkout?from=${i}\n` : ''}`;
const TEXT = `id: INC-2026-03-02-001\ntitle: A long incident\ntimeline:\n${Array.from({ length: ENTRIES }, (_, i) => entry(i)).join('')}`;
/** Line of entry `i`'s `event:` (three lines an entry, four with a source; the timeline starts on line 3). */
const eventLine = (i: number): number => 3 + i * 3 + Math.ceil(i / 100) + 1;

describe('requests on a long document while its lint runs', () => {
  const workspace = tempWorkspace({ 'postmortems/long.pm.yaml': TEXT });
  const uri = workspace.uri('postmortems/long.pm.yaml');
  const server = serverFor(workspace);

  it('answer for the text as of the request, edits included, right after each edit', async () => {
    const client = server();
    await client.scanEnded();
    assert.ok(TEXT.length > 64 * 1024);
    const firstLint = client.diagnostics(uri, (p) => p.version === 1);
    await client.open(uri, TEXT, 1);
    await firstLint;
    const line = eventLine(1_490);
    const symbolsAt = () => client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    // Two edits in a row, each followed at once by the requests the editor sends: nothing linted them yet.
    await client.change(uri, 2, [{ range: { start: { line, character: '    event: '.length }, end: { line, character: '    event: '.length } }, text: 'x' }]);
    const afterFirst = symbolsAt();
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# moved down a line\n' }]);
    const [symbols, links] = await Promise.all([
      symbolsAt(),
      client.connection.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } }),
    ]);
    // Both edits are in: the last run of entries starts with the edited entry 1,491, one line further down.
    const timeline = symbols.find((s) => s.name === 'timeline')!;
    const last = timeline.children!.at(-1)!;
    assert.equal(last.name, 'Entries 1491-1500');
    assert.match(last.detail ?? '', /xStep 1490 of the rollback$/);
    assert.equal(last.selectionRange.start.line, line, 'its `at:` line (one above the event), one line further down');
    assert.equal(last.range.end.line, eventLine(1_499) + 2);
    assert.equal(links.length, ENTRIES / 100);
    assert.equal(links[0].range.start.line, eventLine(0) + 3);
    assert.equal(links[0].target, 'https://grafana.example.com/d/checkout?from=0');
    // The request sent between the edits is answered too (the editor cancels such a one; nothing hangs).
    assert.ok(Array.isArray(await afterFirst));
  });
});
