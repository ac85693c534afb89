import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostmortemStore } from '../../src/core/store';
import { completionSourcesOf, incidentResolver, incidentsOf, MAX_TITLE_LENGTH, ownersOf } from '../../src/language/workspaceFacts';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

function storeOf(files: Record<string, string>): PostmortemStore {
  const store = new PostmortemStore();
  for (const [file, text] of Object.entries(files)) store.upsert(file, text);
  return store;
}

const STORE = storeOf({
  'file:///r/a.pm.yaml': 'id: INC-2023-08-15-001\ntitle: Orders database outage\naction_items:\n  - owner: Priya Natarajan\n  - owner: database-platform\n',
  'file:///r/b.pm.yaml': '# b\n\nid: " INC-2023-05-02-003 "\ntitle: "Checkout\\nlatency\\u0000"\naction_items:\n  - owner: database-platform\n  - owner: "  "\n  - owner: 7\n  - nothing\n',
  'file:///r/c.pm.yaml': 'title: no id here\naction_items:\n  - owner: Ann Lee\n',
  'file:///r/broken.pm.yaml': 'id: [\n',
});

test('incidents: one per file with an id, trimmed, with its title on one line and where the id is written', () => {
  assert.deepEqual(incidentsOf(STORE), [
    { id: 'INC-2023-08-15-001', title: 'Orders database outage', uri: 'file:///r/a.pm.yaml', range: range(0, 4, 22) },
    { id: 'INC-2023-05-02-003', title: 'Checkout latency', uri: 'file:///r/b.pm.yaml', range: range(2, 4, 26) },
  ]);
});

test('a long title is cut; a missing title is left out', () => {
  const store = storeOf({ 'x.pm.yaml': `id: INC-2023-01-01-001\ntitle: ${'t'.repeat(500)}\n`, 'y.pm.yaml': 'id: INC-2023-01-01-002\n' });
  const [long, untitled] = incidentsOf(store);
  assert.equal(long.title!.length, MAX_TITLE_LENGTH);
  assert.equal('title' in untitled, false);
});

test('owners: most used first, then by name; then repository people not already listed', () => {
  assert.deepEqual(ownersOf(STORE), ['database-platform', 'Ann Lee', 'Priya Natarajan']);
  assert.deepEqual(ownersOf(STORE, ['@octo', 'Priya Natarajan', ' ', '@octo']), ['database-platform', 'Ann Lee', 'Priya Natarajan', '@octo']);
  assert.deepEqual(completionSourcesOf(STORE, ['@octo']), { owners: ownersOf(STORE, ['@octo']), incidents: incidentsOf(STORE) });
});

test('resolving an id: its file and the range of its id; unknown ids and other files only', () => {
  const resolve = incidentResolver(STORE);
  assert.deepEqual(resolve('INC-2023-05-02-003'), { uri: 'file:///r/b.pm.yaml', range: range(2, 4, 26) });
  assert.deepEqual(resolve(' INC-2023-08-15-001 '), { uri: 'file:///r/a.pm.yaml', range: range(0, 4, 22) });
  assert.equal(resolve('INC-2000-01-01-001'), undefined);
  // A document asking for its own id gets no link to itself.
  assert.equal(incidentResolver(STORE, 'file:///r/a.pm.yaml')('INC-2023-08-15-001'), undefined);
});

test('a duplicated id resolves to the same file whatever the scan order', () => {
  const text = 'id: INC-2023-01-01-001\n';
  const forward = storeOf({ 'file:///r/z.pm.yaml': text, 'file:///r/m.pm.yaml': `# m\n${text}` });
  const backward = storeOf({ 'file:///r/m.pm.yaml': `# m\n${text}`, 'file:///r/z.pm.yaml': text });
  assert.deepEqual(incidentResolver(forward)('INC-2023-01-01-001'), { uri: 'file:///r/m.pm.yaml', range: range(1, 4, 22) });
  assert.deepEqual(incidentResolver(backward)('INC-2023-01-01-001'), { uri: 'file:///r/m.pm.yaml', range: range(1, 4, 22) });
  assert.deepEqual(incidentResolver(forward, 'file:///r/m.pm.yaml')('INC-2023-01-01-001'), { uri: 'file:///r/z.pm.yaml', range: range(0, 4, 22) });
});

test('a plain list of entries is an index too', () => {
  const entries = [{ file: 'f.pm.yaml', doc: { id: 'INC-2023-01-01-001', title: 'T' } }];
  assert.deepEqual(incidentsOf({ entries: () => entries }), [{ id: 'INC-2023-01-01-001', title: 'T', uri: 'f.pm.yaml', range: range(0, 0, 0) }]);
  assert.deepEqual(incidentResolver({ entries: () => entries })('INC-2023-01-01-001'), { uri: 'f.pm.yaml', range: range(0, 0, 0) });
});
