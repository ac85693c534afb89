import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostmortemStore, textFingerprint } from '../../src/core/store';
import { parsePostmortem } from '../../src/core/parse';

const text = (id: string): string => `id: ${id}\nstatus: draft\nroot_cause:\n  category: config\n`;

test('an unchanged text keeps its entry; an edit of the same length replaces it', () => {
  const store = new PostmortemStore();
  const first = store.upsert('a.pm.yaml', text('INC-2026-01-01-001'));
  assert.equal(first.doc.id, 'INC-2026-01-01-001');
  // A copy of the same text (not the same string object) is recognized as unchanged.
  assert.equal(store.upsert('a.pm.yaml', `${text('INC-2026-01-01-001')}`.slice(0)), first);
  const edited = store.upsert('a.pm.yaml', text('INC-2026-01-01-002'));
  assert.notEqual(edited, first);
  assert.equal(edited.doc.id, 'INC-2026-01-01-002');
  assert.equal(store.get('a.pm.yaml'), edited);
});

test('a removed file is summarized again when it comes back', () => {
  const store = new PostmortemStore();
  const first = store.upsert('a.pm.yaml', text('INC-2026-01-01-001'));
  assert.equal(store.remove('a.pm.yaml'), true);
  assert.equal(store.size, 0);
  const again = store.upsert('a.pm.yaml', text('INC-2026-01-01-001'));
  assert.notEqual(again, first);
  assert.deepEqual(again, first);
});

test('a parse passed along is used only when it is of the same text', () => {
  const store = new PostmortemStore();
  const parsed = parsePostmortem(text('INC-2026-01-01-003'));
  assert.equal(store.upsert('a.pm.yaml', text('INC-2026-01-01-004'), parsed).doc.id, 'INC-2026-01-01-004');
  assert.equal(store.upsert('b.pm.yaml', text('INC-2026-01-01-003'), parsed).doc.id, 'INC-2026-01-01-003');
});

test('fingerprints tell texts apart, even of the same length, and agree on equal texts', () => {
  assert.equal(textFingerprint('abc'), textFingerprint(['a', 'b', 'c'].join('')));
  assert.notEqual(textFingerprint('abc'), textFingerprint('abd'));
  assert.notEqual(textFingerprint('ab'), textFingerprint('ba'));
  assert.notEqual(textFingerprint(''), textFingerprint('\0'));
  assert.match(textFingerprint('x'.repeat(140_000)), /^140000:[0-9a-z]+$/);
  // One-character edits at every position of a text: no two of them share a fingerprint.
  const base = text('INC-2026-01-01-001');
  const seen = new Set<string>([textFingerprint(base)]);
  for (let i = 0; i < base.length; i++) {
    for (const c of ['x', '1', ' ']) {
      if (base[i] === c) continue;
      const fingerprint = textFingerprint(base.slice(0, i) + c + base.slice(i + 1));
      assert.ok(!seen.has(fingerprint), `collision at ${i} with ${JSON.stringify(c)}`);
      seen.add(fingerprint);
    }
  }
});

test('the stored data equals the parsed data, with aliases still shared and odd keys kept as data', () => {
  const text = [
    'id: INC-2026-01-01-001',
    'title: A title long enough to be a slice of the file text',
    'services: &svc [orders-api-with-a-long-name, checkout]',
    'summary:',
    '  severity: SEV-2',
    '  __proto__: { polluted: yes }',
    'root_cause: { category: config, services: *svc }',
    'timeline:',
    '  - { at: "10:00", event: "Deploy of the new ranking model started", kind: trigger }',
    '',
  ].join('\n');
  const entry = new PostmortemStore().upsert('a.pm.yaml', text);
  assert.deepEqual(entry.doc, parsePostmortem(text).data);
  const doc = entry.doc as Record<string, any>;
  assert.equal(doc.root_cause.services, doc.services, 'an alias is one value, not a copy per use');
  assert.equal(Object.getPrototypeOf(doc.summary), Object.prototype);
  assert.deepEqual(Object.keys(doc.summary), ['severity', '__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('deeply nested or self-referencing data is stored without exhausting the stack', () => {
  // 150 levels: deeper than the copy goes (64), within what the parser composes (200).
  const deep = `id: INC-2026-01-01-001\nnotes: ${'['.repeat(150)}${']'.repeat(150)}\n`;
  const entry = new PostmortemStore().upsert('deep.pm.yaml', deep);
  assert.notEqual(parsePostmortem(deep).data, undefined);
  assert.deepEqual(entry.doc, parsePostmortem(deep).data);
  const cyclic = 'id: INC-2026-01-01-001\ntree: &t\n  name: root-node-with-a-long-name\n  child: *t\n';
  const parsed = parsePostmortem(cyclic);
  const stored = new PostmortemStore().upsert('cyclic.pm.yaml', cyclic, parsed).doc as Record<string, any>;
  assert.equal(stored.id, 'INC-2026-01-01-001');
  assert.equal((parsed.data as Record<string, any>).tree.child, (parsed.data as Record<string, any>).tree, 'the parser builds a cycle');
  assert.equal(stored.tree.child, stored.tree, 'the copy keeps it a cycle');
});
