import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { PostmortemStore } from '../../../src/core/store';
import { repeatIncident } from '../../../src/rules/repeat-incident';
import { assertRuleMetadataMatchesDocs } from './ruleTester';

function lintIn(files: Record<string, string>, file: string) {
  const store = new PostmortemStore();
  for (const [name, text] of Object.entries(files)) store.upsert(name, text);
  return lintText(files[file], { rules: [repeatIncident], file, workspace: store, today: '2026-11-27' }).diagnostics.filter((d) => d.rule === 'repeat-incident');
}

const pm = (id: string, start: string, category: string, services: string, actions = ''): string =>
  `id: ${id}\nservices: [${services}]\nsummary:\n  start: ${start}\nroot_cause:\n  whys: []\n  category: ${category}   # agreed in the review\n${actions}`;

const EARLIER = pm('INC-2026-05-02-003', '2026-05-02T10:00:00Z', 'capacity', 'orders-db, search',
  'action_items:\n  - action: Alert on pool usage\n    status: done\n  - action: Move limits into code\n    status: open\n  - action: Add a capacity check to CI\n    status: in-progress\n');
const LATER = pm('INC-2026-11-02-001', '2026-11-02T10:00:00Z', 'capacity', 'orders-db, checkout');

describe('PM118 repeat-incident', () => {
  it('valid: a different category on the same service', () => {
    const files = { 'old.pm.yaml': EARLIER, 'new.pm.yaml': LATER.replace('category: capacity', 'category: testing') };
    assert.deepEqual(lintIn(files, 'new.pm.yaml'), []);
  });

  it('valid: the same category on unrelated services', () => {
    const files = { 'old.pm.yaml': EARLIER, 'new.pm.yaml': LATER.replace('orders-db, checkout', 'payments') };
    assert.deepEqual(lintIn(files, 'new.pm.yaml'), []);
  });

  it('valid: the earlier incident is not warned about the later one', () => {
    assert.deepEqual(lintIn({ 'old.pm.yaml': EARLIER, 'new.pm.yaml': LATER }, 'old.pm.yaml'), []);
  });

  it('invalid: warning on the category, related information at the earlier file\'s category, open items counted', () => {
    const [d, ...rest] = lintIn({ 'old.pm.yaml': EARLIER, 'new.pm.yaml': LATER }, 'new.pm.yaml');
    assert.equal(rest.length, 0);
    assert.equal(d.rule, 'repeat-incident');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(d.range, { start: { line: 6, character: 12 }, end: { line: 6, character: 20 } });
    assert.equal(
      d.message,
      '`capacity` was already the root cause of INC-2026-05-02-003 (orders-db; 2 of its action items are still open). Same root cause twice = systemic failure: ask why the earlier fixes did not hold, and link it under `related:`.',
    );
    assert.deepEqual(d.related, [
      {
        file: 'old.pm.yaml',
        range: { start: { line: 6, character: 12 }, end: { line: 6, character: 20 } },
        message: 'Earlier incident INC-2026-05-02-003: root cause `capacity` in orders-db; 2 of its action items are still open',
      },
    ]);
  });

  it('invalid: no open items means no note about them', () => {
    const closed = EARLIER.replace(/status: (open|in-progress)/g, 'status: done');
    const [d] = lintIn({ 'old.pm.yaml': closed, 'new.pm.yaml': LATER }, 'new.pm.yaml');
    assert.match(d.message, /root cause of INC-2026-05-02-003 \(orders-db\)\. Same root cause/);
  });

  it('invalid: without start dates, ids (which embed the date) decide which is earlier', () => {
    const files = {
      'old.pm.yaml': EARLIER.replace(/summary:\n  start: .*\n/, ''),
      'new.pm.yaml': LATER.replace(/summary:\n  start: .*\n/, ''),
    };
    assert.equal(lintIn(files, 'new.pm.yaml').length, 1);
    assert.equal(lintIn(files, 'old.pm.yaml').length, 0);
  });
});

describe('PM118 repeat-incident: order by id when the starts cannot tell', () => {
  it('invalid: id ...-1000 comes after ...-999 of the same day (numbers, not text)', () => {
    const noStart = (id: string): string => `id: ${id}\nservices: [orders-db]\nroot_cause:\n  category: capacity\n`;
    const files = { 'a.pm.yaml': noStart('INC-2026-11-02-999'), 'b.pm.yaml': noStart('INC-2026-11-02-1000') };
    assert.equal(lintIn(files, 'b.pm.yaml').length, 1);
    assert.deepEqual(lintIn(files, 'a.pm.yaml'), []);
  });
});

describe('PM118 repeat-incident: many earlier incidents', () => {
  const noStart = (n: number): string =>
    `id: INC-2026-01-${String(n).padStart(2, '0')}-001\nservices: [orders-db]\nsummary:\n  start: 2026-01-${String(n).padStart(2, '0')}T10:00:00Z\nroot_cause:\n  category: capacity\n`;

  it('names the three most recent and counts the rest; related information links the same three', () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 9; n++) files[`p${n}.pm.yaml`] = noStart(n);
    files['last.pm.yaml'] = noStart(28);
    const [d, ...rest] = lintIn(files, 'last.pm.yaml');
    assert.equal(rest.length, 0);
    assert.equal(
      d.message,
      '`capacity` was already the root cause of INC-2026-01-09-001 (orders-db), INC-2026-01-08-001 (orders-db), INC-2026-01-07-001 (orders-db) and 6 more. Same root cause twice = systemic failure: ask why the earlier fixes did not hold, and link it under `related:`.',
    );
    assert.deepEqual(d.related?.map((r) => r.file), ['p9.pm.yaml', 'p8.pm.yaml', 'p7.pm.yaml']);
  });

  it('the index follows edits: a file whose category changes stops being a match', () => {
    const store = new PostmortemStore();
    store.upsert('a.pm.yaml', EARLIER);
    store.upsert('b.pm.yaml', LATER);
    const lintB = () => lintText(LATER, { rules: [repeatIncident], file: 'b.pm.yaml', workspace: store }).diagnostics.filter((d) => d.rule === 'repeat-incident');
    assert.equal(lintB().length, 1);
    store.upsert('a.pm.yaml', EARLIER.replace('category: capacity', 'category: testing'));
    assert.equal(lintB().length, 0);
    store.upsert('a.pm.yaml', EARLIER);
    assert.equal(lintB().length, 1);
    store.remove('a.pm.yaml');
    assert.equal(lintB().length, 0);
  });

  it('a workspace without lookups (a plain list of entries) gives the same result', () => {
    const store = new PostmortemStore();
    store.upsert('a.pm.yaml', EARLIER);
    store.upsert('b.pm.yaml', LATER);
    const plain = { entries: () => store.entries() };
    const withIndex = lintText(LATER, { rules: [repeatIncident], file: 'b.pm.yaml', workspace: store }).diagnostics.filter((d) => d.rule === 'repeat-incident');
    const withList = lintText(LATER, { rules: [repeatIncident], file: 'b.pm.yaml', workspace: plain }).diagnostics.filter((d) => d.rule === 'repeat-incident');
    assert.equal(withIndex.length, 1);
    assert.deepEqual(withList, withIndex);
  });
});

describe('PM118 repeat-incident: what the message and the links say', () => {
  it('id, slug, severity (cross-file) and description match the docs page and the README table', () => assertRuleMetadataMatchesDocs(repeatIncident));

  it('one open action item is counted in the singular', () => {
    const oneOpen = EARLIER.replace('status: in-progress', 'status: done');
    const [d] = lintIn({ 'old.pm.yaml': oneOpen, 'new.pm.yaml': LATER }, 'new.pm.yaml');
    assert.match(d.message, /root cause of INC-2026-05-02-003 \(orders-db; 1 of its action items is still open\)\. Same/);
  });

  it('every shared service is named, in the message and in the link', () => {
    const [d] = lintIn({ 'old.pm.yaml': EARLIER, 'new.pm.yaml': LATER.replace('orders-db, checkout', 'search, orders-db') }, 'new.pm.yaml');
    assert.match(d.message, /root cause of INC-2026-05-02-003 \(orders-db, search; 2 of its/);
    assert.equal(d.related?.[0].message, 'Earlier incident INC-2026-05-02-003: root cause `capacity` in orders-db, search; 2 of its action items are still open');
  });

  it('the stored copy of the file being linted is not an earlier incident, even when it is stale', () => {
    // The editor lints the buffer (November) while the index still holds the saved file (May): the same file, not a repeat.
    const store = new PostmortemStore();
    store.upsert('new.pm.yaml', EARLIER);
    const found = lintText(LATER, { rules: [repeatIncident], file: 'new.pm.yaml', workspace: store, today: '2026-11-27' }).diagnostics;
    assert.deepEqual(found.filter((d) => d.rule === 'repeat-incident'), []);
  });

  it('earlier incidents that tie on start and id are listed by file name, whatever the index order', () => {
    const noId = `services: [orders-db]\nsummary:\n  start: 2026-01-05T10:00:00Z\nroot_cause:\n  category: capacity\n`;
    for (const order of [['c.pm.yaml', 'a.pm.yaml', 'b.pm.yaml'], ['b.pm.yaml', 'c.pm.yaml', 'a.pm.yaml'], ['a.pm.yaml', 'b.pm.yaml', 'c.pm.yaml']]) {
      const files: Record<string, string> = {};
      for (const name of order) files[name] = noId;
      files['last.pm.yaml'] = LATER;
      const [d] = lintIn(files, 'last.pm.yaml');
      assert.deepEqual(d.related?.map((r) => r.file), ['a.pm.yaml', 'b.pm.yaml', 'c.pm.yaml'], `index order ${order.join(', ')}`);
      assert.match(d.message, /root cause of a\.pm\.yaml \(orders-db\), b\.pm\.yaml \(orders-db\), c\.pm\.yaml \(orders-db\)\. Same/);
    }
  });
});
