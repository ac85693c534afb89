import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject } from './helpers';

const FULL = readFileSync(join(__dirname, '..', 'fixtures', 'render', 'full.pm.yaml'), 'utf8');

test('render --format json prints exactly the figure keys, as plain numbers', async () => {
  const project = tempProject({ 'postmortems/a.pm.yaml': FULL });
  try {
    const run = await runCli(['render', 'postmortems/a.pm.yaml', '--format', 'json', '--today', '2023-09-01'], project.dir);
    assert.equal(run.code, 0, run.stderr);
    const figures = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(figures), ['duration_minutes', 'detection_delay_minutes', 'cost', 'factors', 'actions', 'regulatory']);
    assert.equal(figures.duration_minutes, 150);
    assert.equal(figures.detection_delay_minutes, 25);
    assert.deepEqual(figures.cost, { direct: 47000, indirect: 40000, total: 87000, per_minute: 580, currency: 'USD', estimated: true });
    assert.equal(figures.factors.capacity, 3);
    assert.deepEqual(figures.actions, { total: 4, open: 1, in_progress: 1, done: 1, wont_do: 1, overdue: 1 });
    assert.deepEqual(figures.regulatory, [
      { regime: 'HIPAA', deadline: '2023-10-14', status: 'met' },
      { regime: 'GDPR', deadline: '2023-08-18T11:00:00Z', status: 'overdue' },
    ]);
  } finally {
    project.cleanup();
  }
});

test('--today moves what is overdue', async () => {
  const project = tempProject({ 'a.pm.yaml': FULL });
  try {
    const early = JSON.parse((await runCli(['render', 'a.pm.yaml', '--format', 'json', '--today', '2023-08-17'], project.dir)).stdout);
    assert.equal(early.actions.overdue, 0);
    assert.equal(early.regulatory[1].status, 'open');
  } finally {
    project.cleanup();
  }
});

test('no cost section: cost figures are null', async () => {
  const project = tempProject({ 'a.pm.yaml': FULL.replace(/\ncost:[\s\S]*?\n(?=regulatory:)/, '\n') });
  try {
    const run = await runCli(['render', 'a.pm.yaml', '--format', 'json', '--today', '2023-09-01'], project.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).cost, { direct: null, indirect: null, total: null, per_minute: null, currency: null, estimated: false });
  } finally {
    project.cleanup();
  }
});

test('render --format markdown and html', async () => {
  const project = tempProject({ 'a.pm.yaml': FULL });
  try {
    const md = await runCli(['render', 'a.pm.yaml', '--format', 'markdown', '--today', '2023-09-01'], project.dir);
    assert.equal(md.code, 0);
    assert.match(md.stdout, /^# INC-2023-08-15-001 — Orders database outage$/m);
    assert.match(md.stdout, /\| \*\*Total\*\* \| \*\*\$87,000\.00\*\* \|/);
    const html = await runCli(['render', 'a.pm.yaml', '--format', 'html', '--today', '2023-09-01'], project.dir);
    assert.equal(html.code, 0);
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html.stdout, /<script/i);
    // Self-contained: the stylesheet is inlined.
    assert.match(html.stdout, /<style>[^<]*\.heatmap/);
  } finally {
    project.cleanup();
  }
});

test('usage errors and unreadable files exit 2; an unparseable file exits 1', async () => {
  const project = tempProject({ 'a.pm.yaml': FULL, 'bad.pm.yaml': 'just text', 'broken.pm.yaml': FULL.replace('  - action: Rewrite', '  - action: [oops') });
  try {
    assert.equal((await runCli(['render'], project.dir)).code, 2);
    assert.equal((await runCli(['render', 'a.pm.yaml', 'b.pm.yaml'], project.dir)).code, 2);
    assert.equal((await runCli(['render', 'a.pm.yaml', '--format', 'pdf'], project.dir)).code, 2);
    assert.equal((await runCli(['render', 'a.pm.yaml', '--today', '01/09/2023'], project.dir)).code, 2);
    assert.equal((await runCli(['render', 'a.pm.yaml', '--bogus'], project.dir)).code, 2);
    const missing = await runCli(['render', 'nope.pm.yaml'], project.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.pm\.yaml: no such file or directory/);
    const bad = await runCli(['render', 'bad.pm.yaml', '--format', 'json'], project.dir);
    assert.equal(bad.code, 1);
    assert.equal(bad.stdout, '');
    // A syntax error somewhere still renders everything else.
    const broken = await runCli(['render', 'broken.pm.yaml', '--format', 'json', '--today', '2023-09-01'], project.dir);
    assert.equal(broken.code, 0, broken.stderr);
    assert.equal(JSON.parse(broken.stdout).cost.total, 87000);
  } finally {
    project.cleanup();
  }
});
