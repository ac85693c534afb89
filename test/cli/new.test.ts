import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli, tempProject } from './helpers';
import { localIsoDate } from '../../src/core/newPostmortem';

test('new creates postmortems/DATE-slug.pm.yaml with the first id of the date and prints its path', async () => {
  const p = tempProject({});
  try {
    const run = await runCli(['new', '--title', 'Orders database outage', '--severity', 'SEV-1', '--date', '2026-03-02'], p.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'postmortems/2026-03-02-orders-database-outage.pm.yaml\n');
    const data = parse(readFileSync(join(p.dir, 'postmortems/2026-03-02-orders-database-outage.pm.yaml'), 'utf8'));
    assert.equal(data.id, 'INC-2026-03-02-001');
    assert.equal(data.title, 'Orders database outage');
    assert.equal(data.summary.severity, 'SEV-1');
    assert.match(data.summary.start, /^2026-03-02T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
  } finally {
    p.cleanup();
  }
});

test('new takes the next free id of the date (scanning ids and file names) and never overwrites', async () => {
  const p = tempProject({
    'incidents/2026-03-02-orders-database-outage.pm.yaml': 'id: INC-2026-03-02-001\ntitle: Earlier\n',
    'incidents/2026-03-02-other.pm.yaml': "id: 'INC-2026-03-02-004'\n",
    'incidents/INC-2026-03-02-006.pm.yaml': 'title: named by id\n',
    'incidents/2026-03-01-older.pm.yaml': 'id: INC-2026-03-01-009\n',
  });
  try {
    const run = await runCli(['new', '--title=Orders database outage', '--severity=sev-2', '--dir', 'incidents', '--date', '2026-03-02'], p.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'incidents/2026-03-02-orders-database-outage-2.pm.yaml\n');
    assert.equal(readFileSync(join(p.dir, 'incidents/2026-03-02-orders-database-outage.pm.yaml'), 'utf8'), 'id: INC-2026-03-02-001\ntitle: Earlier\n');
    const created = parse(readFileSync(join(p.dir, 'incidents/2026-03-02-orders-database-outage-2.pm.yaml'), 'utf8'));
    assert.equal(created.id, 'INC-2026-03-02-007');
    assert.equal(created.summary.severity, 'SEV-2');
  } finally {
    p.cleanup();
  }
});

test('new without --date uses today and creates the folder', async () => {
  const p = tempProject({});
  try {
    const run = await runCli(['new', '--title', 'CI runners out of disk', '--severity', 'SEV-3'], p.dir);
    assert.equal(run.code, 0, run.stderr);
    const today = localIsoDate();
    assert.deepEqual(readdirSync(join(p.dir, 'postmortems')), [`${today}-ci-runners-out-of-disk.pm.yaml`]);
  } finally {
    p.cleanup();
  }
});

test('the created file lints with no syntax or schema errors', async () => {
  const p = tempProject({});
  try {
    await runCli(['new', '--title', 'Checkout: 502 errors "again"', '--severity', 'SEV-2', '--date', '2026-03-02'], p.dir);
    const run = await runCli(['lint', '--format', 'json', '--today', '2026-03-02'], p.dir);
    const [entry] = JSON.parse(run.stdout);
    assert.equal(entry.file, 'postmortems/2026-03-02-checkout-502-errors-again.pm.yaml');
    assert.deepEqual(entry.diagnostics.filter((d: { rule: string }) => d.rule === 'schema' || d.rule === 'yaml-syntax'), []);
    // A draft: the review rules may only warn.
    assert.ok(entry.diagnostics.every((d: { severity: string }) => d.severity !== 'error'), run.stdout);
  } finally {
    p.cleanup();
  }
});

for (const [name, args, pattern] of [
  ['no title', ['new', '--severity', 'SEV-1'], /--title is required/],
  ['a blank title', ['new', '--title', '   ', '--severity', 'SEV-1'], /--title is required/],
  ['a bad severity', ['new', '--title', 'x', '--severity', 'SEV-4'], /--severity must be one of SEV-1, SEV-2, SEV-3/],
  ['a bad date', ['new', '--title', 'x', '--severity', 'SEV-1', '--date', '2026-13-01'], /--date must be a date/],
  ['an unknown flag', ['new', '--title', 'x', '--severity', 'SEV-1', '--force'], /Unknown option '--force'/],
] as const) {
  test(`new with ${name}: exit 2, nothing created`, async () => {
    const p = tempProject({});
    try {
      const run = await runCli([...args], p.dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, pattern);
      assert.equal(run.stdout, '');
      assert.throws(() => readdirSync(join(p.dir, 'postmortems')));
    } finally {
      p.cleanup();
    }
  });
}

test('new into a path that is a file: exit 2 with the reason', async () => {
  const p = tempProject({});
  try {
    mkdirSync(join(p.dir, 'x'));
    writeFileSync(join(p.dir, 'x', 'postmortems'), 'not a folder');
    const run = await runCli(['new', '--title', 'x', '--severity', 'SEV-1', '--dir', 'x/postmortems'], p.dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot create x\/postmortems/);
  } finally {
    p.cleanup();
  }
});
