// Special files: a FIFO, /dev/zero, /dev/stdin or an oversized file must neither hang a command nor be
// read whole. Each run is bounded (helpers.ts: TIME_BOUND_MS, a hang guard) and must say what it skipped.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { MAX_FILE_BYTES } from '../../src/core/safeRead';
import { CLEAN, hostileWorld, runBuilt, type HostileWorld } from './helpers';

let world: HostileWorld;
beforeEach(() => {
  world = hostileWorld();
});
afterEach(() => world.cleanup());

function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

describe('special files', { skip: process.platform === 'win32' ? 'no FIFOs or /dev on Windows' : false }, () => {
  test('a post-mortem linked to a FIFO inside the repository: not opened for reading, named, the rest linted', async () => {
    fifo(join(world.repo, 'pipe'));
    symlinkSync('../pipe', join(world.repo, 'postmortems/pipe.pm.yaml'));
    world.write('postmortems/own.pm.yaml', CLEAN);
    for (const command of [['lint'], ['review', '--format', 'json']]) {
      const run = await runBuilt(command, world.repo);
      assert.equal(run.timedOut, false, `${command[0]} hung on a FIFO`);
      assert.match(run.stderr, new RegExp(`^postmortem ${command[0]}: cannot read postmortems/pipe\\.pm\\.yaml: not a regular file \\(a named pipe\\)$`, 'm'));
      assert.equal(run.code, 2);
    }
    const lint = await runBuilt(['lint'], world.repo);
    assert.match(lint.stdout, /No problems in 1 file\.\n$/);
    const render = await runBuilt(['render', 'postmortems/pipe.pm.yaml'], world.repo);
    assert.equal(render.timedOut, false);
    assert.match(render.stderr, /^postmortem render: cannot read postmortems\/pipe\.pm\.yaml: not a regular file \(a named pipe\)$/m);
    assert.equal(render.code, 2);
  });

  test('a FIFO named directly on the command line', async () => {
    fifo(join(world.repo, 'postmortems/direct.pm.yaml'));
    const run = await runBuilt(['lint', 'postmortems/direct.pm.yaml'], world.repo);
    assert.equal(run.timedOut, false);
    assert.match(run.stderr, /cannot read postmortems\/direct\.pm\.yaml: not a regular file \(a named pipe\)/);
  });

  test('/dev/zero named on the command line: refused at once, not read until memory runs out', async () => {
    for (const command of [['lint', '/dev/zero'], ['render', '/dev/zero'], ['review', '/dev/zero']]) {
      const run = await runBuilt(command, world.repo);
      assert.equal(run.timedOut, false, command.join(' '));
      assert.match(run.stderr, /cannot read \/dev\/zero: not a regular file \(a character device\)/, command.join(' '));
      assert.equal(run.code, 2);
    }
  });

  test('/dev/stdin with stdin held open and silent: refused, not waited on', async () => {
    const run = await runBuilt(['lint', '/dev/stdin'], world.repo, { holdStdinOpen: true });
    assert.equal(run.timedOut, false);
    // /dev/stdin -> /proc/self/fd/0 -> "pipe:[N]", which is no path: refused before anything is opened.
    assert.match(run.stderr, /^postmortem lint: cannot read \/dev\/stdin: (?:no such file or directory|not a regular file \(a named pipe\))$/m);
    assert.equal(run.code, 2);
  });

  test('a link to /dev/zero inside postmortems/ is skipped (it leaves the repository)', async () => {
    symlinkSync('/dev/zero', join(world.repo, 'postmortems/zero.pm.yaml'));
    symlinkSync('/dev/stdin', join(world.repo, 'postmortems/stdin.pm.yaml'));
    const run = await runBuilt(['lint'], world.repo, { holdStdinOpen: true });
    assert.equal(run.timedOut, false);
    assert.match(run.stderr, /^postmortem lint: skipped postmortems\/zero\.pm\.yaml: /m);
    assert.match(run.stderr, /^postmortem lint: (?:skipped|cannot read) postmortems\/stdin\.pm\.yaml: /m);
  });

  test('CODEOWNERS as a FIFO, or linked to a FIFO or /dev/zero, does not hang lint or render', async () => {
    world.write('postmortems/own.pm.yaml', CLEAN);
    fifo(join(world.repo, 'CODEOWNERS'));
    symlinkSync('/dev/zero', join(world.repo, 'docs-zero'));
    world.write('docs/.keep', '');
    symlinkSync('../CODEOWNERS', join(world.repo, 'docs/CODEOWNERS'));
    const lint = await runBuilt(['lint'], world.repo);
    assert.equal(lint.timedOut, false);
    assert.equal(lint.stdout, 'No problems in 1 file.\n');
    const render = await runBuilt(['render', 'postmortems/own.pm.yaml', '--format', 'json'], world.repo);
    assert.equal(render.timedOut, false);
    assert.equal(render.code, 0);
  });

  test('.postmortem.yaml linked to /dev/zero is not read', async () => {
    symlinkSync('/dev/zero', join(world.repo, '.postmortem.yaml'));
    world.write('postmortems/own.pm.yaml', CLEAN);
    const run = await runBuilt(['lint'], world.repo);
    assert.equal(run.timedOut, false);
    assert.equal(run.stdout, 'No problems in 1 file.\n');
  });

  test('a file over the size cap is reported as too large from its size alone (a sparse file: no bytes to read)', async () => {
    const big = join(world.repo, 'postmortems/huge.pm.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1_000_000);
    const lint = await runBuilt(['lint'], world.repo);
    assert.equal(lint.timedOut, false);
    assert.match(lint.stdout, /^postmortems\/huge\.pm\.yaml:1:1 error The file is too large to check \(13\.0 MB; the limit is 12 MB\)\. .*\[yaml-syntax\]$/m);
    assert.equal(lint.code, 1);
    const review = await runBuilt(['review', '--format', 'json'], world.repo);
    const skipped = (JSON.parse(review.stdout) as { skipped: Array<{ file: string; reason: string }> }).skipped;
    assert.deepEqual(
      skipped.map((s) => s.file),
      ['postmortems/huge.pm.yaml'],
    );
    assert.match(skipped[0].reason, /too large to check/);
    const render = await runBuilt(['render', 'postmortems/huge.pm.yaml'], world.repo);
    assert.match(render.stderr, /^postmortem render: cannot read postmortems\/huge\.pm\.yaml: the file is too large to check/);
    assert.equal(render.code, 2);
  });
});
