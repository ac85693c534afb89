// Links out of the repository: the file behind them is never read, never quoted, and each is named
// in one notice line on stderr. Run against the built CLI (node scripts/build.mjs first).
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { readCodeowners } from '../../src/core/repositoryPeople';
import { CLEAN, allOutput, hostileWorld, runBuilt, type HostileWorld } from './helpers';

let world: HostileWorld;
beforeEach(() => {
  world = hostileWorld();
});
afterEach(() => world.cleanup());

const SKIP_NOTICE = /it is a link that leads outside the repository/;

function noticeLines(stderr: string, file: string): string[] {
  return stderr.split('\n').filter((line) => line.includes(file));
}

describe('links out of the repository', () => {
  test('lint: a post-mortem linked to a secret file outside is skipped with a notice; the secret never appears', async () => {
    symlinkSync(world.secretFile, join(world.repo, 'postmortems/creds.pm.yaml'));
    const run = await runBuilt(['lint'], world.repo);
    assert.equal(run.timedOut, false);
    assert.ok(!allOutput(run).includes(world.secret), allOutput(run));
    const notices = noticeLines(run.stderr, 'postmortems/creds.pm.yaml');
    assert.equal(notices.length, 1, run.stderr);
    assert.match(notices[0], /^postmortem lint: skipped postmortems\/creds\.pm\.yaml: /);
    assert.match(notices[0], SKIP_NOTICE);
    assert.equal(run.stdout, 'No problems in 0 files.\n');
    assert.equal(run.code, 0);
  });

  test('lint: a link to /proc/self/environ never prints the environment', async () => {
    symlinkSync('/proc/self/environ', join(world.repo, 'postmortems/env.pm.yaml'));
    const run = await runBuilt(['lint', '--format', 'json'], world.repo, { env: { PM_HOSTILE_TOKEN: world.secret } });
    assert.ok(!allOutput(run).includes(world.secret));
    assert.ok(!allOutput(run).includes('PM_HOSTILE_TOKEN'));
    assert.equal(noticeLines(run.stderr, 'postmortems/env.pm.yaml').length, 1, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });

  test('review: a linked secret is skipped with a notice and is not a skipped entry of the review', async () => {
    world.write('postmortems/own.pm.yaml', CLEAN);
    symlinkSync(world.secretFile, join(world.repo, 'postmortems/creds.pm.yaml'));
    const run = await runBuilt(['review', '--format', 'json'], world.repo);
    assert.ok(!allOutput(run).includes(world.secret));
    assert.match(noticeLines(run.stderr, 'creds.pm.yaml')[0] ?? '', /^postmortem review: skipped postmortems\/creds\.pm\.yaml: .*outside the repository/);
    const review = JSON.parse(run.stdout) as { skipped: Array<{ file: string }> };
    assert.ok(!review.skipped.some((s) => s.file.includes('creds')), JSON.stringify(review.skipped));
    assert.equal(run.code, 0);
  });

  test('render: a named file that is a link out of the repository is not rendered', async () => {
    symlinkSync(world.secretFile, join(world.repo, 'postmortems/creds.pm.yaml'));
    const run = await runBuilt(['render', 'postmortems/creds.pm.yaml'], world.repo);
    assert.ok(!allOutput(run).includes(world.secret));
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^postmortem render: skipped postmortems\/creds\.pm\.yaml: .*outside the repository/);
    assert.equal(run.code, 2);
  });

  test('a link inside the repository is followed (the check is about leaving, not about links)', async () => {
    world.write('archive/real.pm.yaml', CLEAN.replace('severity: SEV-2', 'severity: SEV-9'));
    symlinkSync(join(world.repo, 'archive/real.pm.yaml'), join(world.repo, 'postmortems/linked.pm.yaml'));
    const run = await runBuilt(['lint'], world.repo);
    assert.match(run.stdout, /^postmortems\/linked\.pm\.yaml:\d+:\d+ error .*\[schema\]$/m);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 1);
  });

  test('a relative link climbing out (../../outside) is skipped like an absolute one', async () => {
    symlinkSync('../../outside/credentials', join(world.repo, 'postmortems/climb.pm.yaml'));
    const run = await runBuilt(['lint'], world.repo);
    assert.ok(!allOutput(run).includes(world.secret));
    assert.equal(noticeLines(run.stderr, 'climb.pm.yaml').length, 1, run.stderr);
  });

  test('a link to a folder outside is not searched, and a folder argument linked to / is refused', async () => {
    mkdirSync(join(world.outside, 'pms'));
    world.write('../outside/pms/leak.pm.yaml', `id: ${world.secret}\n`);
    symlinkSync(join(world.outside, 'pms'), join(world.repo, 'postmortems/outside-dir'));
    symlinkSync('/', join(world.repo, 'root-link'));
    const inside = await runBuilt(['lint'], world.repo);
    assert.ok(!allOutput(inside).includes(world.secret));
    const rootLink = await runBuilt(['lint', 'root-link'], world.repo);
    assert.equal(rootLink.timedOut, false);
    assert.match(rootLink.stderr, /^postmortem lint: cannot read root-link: it is a link that leads outside the repository, so it is not searched$/m);
    assert.equal(rootLink.code, 2);
  });

  test('dangling links and link loops are named as unreadable, and the rest is still linted', async () => {
    world.write('postmortems/own.pm.yaml', CLEAN);
    symlinkSync('nowhere.pm.yaml', join(world.repo, 'postmortems/dangling.pm.yaml'));
    symlinkSync('loop.pm.yaml', join(world.repo, 'postmortems/loop.pm.yaml'));
    const run = await runBuilt(['lint'], world.repo);
    assert.match(run.stderr, /^postmortem lint: cannot read postmortems\/dangling\.pm\.yaml: no such file or directory$/m);
    assert.match(run.stderr, /^postmortem lint: cannot read postmortems\/loop\.pm\.yaml: too many levels of links \(a link loop\)$/m);
    assert.match(run.stdout, /in 1 file\.\n$/);
    assert.equal(run.code, 2);
  });

  test('.postmortem.yaml linked to a secret is not read; the warning does not quote it', async () => {
    symlinkSync(world.secretFile, join(world.repo, '.postmortem.yaml'));
    world.write('postmortems/own.pm.yaml', CLEAN);
    const run = await runBuilt(['lint'], world.repo);
    assert.ok(!allOutput(run).includes(world.secret));
    assert.match(run.stderr, /\.postmortem\.yaml:1:1 The file is not read: it is a link that leads outside the repository/);
  });

  test('CODEOWNERS linked to a file outside is not read; the same file inside the repository is', async () => {
    world.write('../outside/owners', `* @${world.secret}\n`);
    symlinkSync(join(world.outside, 'owners'), join(world.repo, 'CODEOWNERS'));
    assert.deepEqual(await readCodeowners(world.repo), []);
    world.write('docs/CODEOWNERS', `* @${world.secret}\n`);
    assert.deepEqual(await readCodeowners(world.repo), [`@${world.secret}`]);
  });
});
