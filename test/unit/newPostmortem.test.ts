import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  freeFileName,
  idsInFiles,
  isIsoDate,
  newPostmortemFileName,
  newPostmortemText,
  nextId,
  planNewPostmortem,
  slugify,
} from '../../src/core/newPostmortem';
import { lintText } from '../../src/core/lint';

test('nextId starts at 001 for a date with no incidents', () => {
  assert.equal(nextId([], '2026-03-02'), 'INC-2026-03-02-001');
  assert.equal(nextId(['INC-2026-03-01-004'], '2026-03-02'), 'INC-2026-03-02-001');
});

test('nextId takes one more than the highest number of that date, never refilling gaps', () => {
  assert.equal(nextId(['INC-2026-03-02-001'], '2026-03-02'), 'INC-2026-03-02-002');
  assert.equal(nextId(['INC-2026-03-02-001', 'INC-2026-03-02-003'], '2026-03-02'), 'INC-2026-03-02-004');
  assert.equal(nextId(['INC-2026-03-02-007', 'INC-2026-03-02-002'], '2026-03-02'), 'INC-2026-03-02-008');
});

test('nextId grows past 999 instead of wrapping or failing', () => {
  assert.equal(nextId(['INC-2026-03-02-999'], '2026-03-02'), 'INC-2026-03-02-1000');
  assert.equal(nextId(['INC-2026-03-02-1000'], '2026-03-02'), 'INC-2026-03-02-1001');
});

test('nextId counts only its own prefix and ignores ids that merely contain the pattern', () => {
  assert.equal(nextId(['OPS-2026-03-02-005', 'XINC-2026-03-02-009', 'INC-2026-03-02-002-old'], '2026-03-02'), 'INC-2026-03-02-001');
  assert.equal(nextId(['OPS-2026-03-02-005'], '2026-03-02', 'OPS'), 'OPS-2026-03-02-006');
  assert.equal(nextId(['  INC-2026-03-02-004  '], '2026-03-02'), 'INC-2026-03-02-005');
});

test('idsInFiles reads the top-level id line, quoted or commented, and ids in file names', () => {
  const ids = idsInFiles([
    { name: '2026-03-02-a.pm.yaml', text: 'id: INC-2026-03-02-001\ntitle: A\n' },
    { name: '2026-03-02-b.pm.yaml', text: "title: B\nid: 'INC-2026-03-02-004'   # kept\n" },
    { name: '2026-03-02-c.pm.yaml', text: 'id: "INC-2026-03-02-002"\r\n' },
    { name: 'INC-2026-03-02-007.pm.yaml' },
    { name: 'nested.pm.yaml', text: 'summary:\n  id: INC-2026-03-02-050\n' },
  ]);
  assert.deepEqual(ids.sort(), ['INC-2026-03-02-001', 'INC-2026-03-02-002', 'INC-2026-03-02-004', 'INC-2026-03-02-007']);
});

test('slugify folds accents, drops punctuation and cuts long titles at a word', () => {
  assert.equal(slugify('Orders database outage'), 'orders-database-outage');
  assert.equal(slugify('  Paiement échoué: 502s on /checkout!! '), 'paiement-echoue-502s-on-checkout');
  assert.equal(slugify("Let's Encrypt cert expired"), 'lets-encrypt-cert-expired');
  assert.equal(slugify('!!!'), 'incident');
  assert.equal(slugify('日本語のみ'), 'incident');
  const long = slugify('word '.repeat(40));
  assert.ok(long.length <= 60, long);
  assert.ok(!long.endsWith('-'));
  assert.equal(slugify('x'.repeat(100)).length, 60);
});

test('file names: date and slug, with a numeric suffix when taken', () => {
  assert.equal(newPostmortemFileName('2026-03-02', 'db-outage'), '2026-03-02-db-outage.pm.yaml');
  assert.equal(freeFileName('2026-03-02', 'db-outage', new Set()), '2026-03-02-db-outage.pm.yaml');
  assert.equal(
    freeFileName('2026-03-02', 'db-outage', new Set(['2026-03-02-db-outage.pm.yaml', '2026-03-02-db-outage-2.pm.yaml'])),
    '2026-03-02-db-outage-3.pm.yaml',
  );
});

test('isIsoDate accepts only existing dates', () => {
  assert.equal(isIsoDate('2026-02-28'), true);
  assert.equal(isIsoDate('2026-02-30'), false);
  assert.equal(isIsoDate('2026-2-3'), false);
  assert.equal(isIsoDate('tomorrow'), false);
});

test('the template is valid YAML with every section and the given values', () => {
  for (const title of ['Orders database outage', 'Checkout: 502 errors', '"quoted" # not a comment', 'true', '123', '- dash']) {
    const text = newPostmortemText({ id: 'INC-2026-03-02-001', title, severity: 'SEV-2', date: '2026-03-02', now: '2026-03-02T10:00:00+01:00' });
    const data = parse(text);
    assert.equal(data.title, title, `title ${title} survives the round trip`);
    assert.equal(data.id, 'INC-2026-03-02-001');
    assert.equal(data.summary.severity, 'SEV-2');
    assert.equal(data.status, 'draft');
    for (const section of ['summary', 'timeline', 'root_cause', 'contributing_factors', 'went_well', 'action_items', 'recurrence_prevention', 'cost', 'regulatory']) {
      assert.ok(section in data, `section ${section}`);
    }
    assert.equal(Object.keys(data.contributing_factors).length, 10);
    assert.equal(data.root_cause.whys.length, 5);
  }
});

test('the template has no YAML syntax or schema errors', () => {
  const text = newPostmortemText({ id: 'INC-2026-03-02-001', title: 'Orders database outage', severity: 'SEV-1', date: '2026-03-02', now: '2026-03-02T10:00:00+01:00' });
  const blocking = lintText(text, { today: '2026-03-02' }).diagnostics.filter((d) => d.rule === 'yaml-syntax' || d.rule === 'schema');
  assert.deepEqual(blocking, []);
});

test('planNewPostmortem picks the next id and a free file name from the folder', () => {
  const plan = planNewPostmortem({
    title: 'Orders database outage',
    severity: 'SEV-1',
    date: '2026-03-02',
    now: '2026-03-02T10:00:00Z',
    existing: [{ name: '2026-03-02-orders-database-outage.pm.yaml', text: 'id: INC-2026-03-02-001\n' }, { name: 'README.md' }],
  });
  assert.equal(plan.id, 'INC-2026-03-02-002');
  assert.equal(plan.fileName, '2026-03-02-orders-database-outage-2.pm.yaml');
  assert.match(plan.text, /^id: INC-2026-03-02-002$/m);
});

test('the 1000th incident of a day gets an id the schema accepts', () => {
  const plan = planNewPostmortem({
    title: 'Orders database outage',
    severity: 'SEV-2',
    date: '2026-01-01',
    now: '2026-01-01T10:00:00Z',
    existing: [{ name: 'busy-day.pm.yaml', text: 'id: INC-2026-01-01-999\n' }],
  });
  assert.equal(plan.id, 'INC-2026-01-01-1000');
  const diagnostics = lintText(plan.text, { today: '2026-01-01' }).diagnostics;
  assert.deepEqual(diagnostics.filter((d) => d.rule === 'yaml-syntax' || d.rule === 'schema'), []);
  assert.deepEqual(diagnostics.filter((d) => d.range.start.line === 0), [], 'nothing is reported on the id line');
});

test('the examples and the `new` template use one currency, so a first review never mixes currencies (issue 10, item 1)', () => {
  const template = parse(newPostmortemText({ id: 'INC-2026-11-28-001', title: 'T', severity: 'SEV-2', date: '2026-11-28', now: '2026-11-28T10:00:00Z' }));
  const currencies = new Set<string>([template.cost.currency]);
  for (const folder of ['postmortems', 'drafts']) {
    const dir = join(__dirname, '..', '..', 'examples', folder);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.pm.yaml'))) {
      const doc = parse(readFileSync(join(dir, name), 'utf8'));
      if (doc.cost) currencies.add(doc.cost.currency);
    }
  }
  assert.deepEqual([...currencies], ['USD']);
});
