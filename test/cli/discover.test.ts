import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { discoverPostmortems, isPostmortemFileName } from '../../src/core/discover';
import { CLEAN, runCli, tempProject } from './helpers';

/** A project with post-mortems where they belong and look-alikes where they must not be found. */
const LAYOUT: Record<string, string> = {
  'postmortems/b.pm.yaml': CLEAN,
  'postmortems/a.pm.yaml': CLEAN.replace(/^id: .*$/m, 'id: INC-2026-06-09-002'),
  'postmortems/2026/c.pm.yaml': CLEAN.replace(/^id: .*$/m, 'id: INC-2026-06-09-003'),
  'postmortems/notes.pm.yml': CLEAN,
  'postmortems/SHOUT.PM.YAML': CLEAN,
  'postmortems/plain.yaml': CLEAN,
  'postmortems/node_modules/dep/d.pm.yaml': CLEAN,
  'postmortems/.git/e.pm.yaml': CLEAN,
  'postmortems/dist/f.pm.yaml': CLEAN.replace(/^id: .*$/m, 'id: INC-2026-06-09-004'),
};

describe('discoverPostmortems: the one file search of lint and review', () => {
  test('*.pm.yaml exactly, recursively, in name order; node_modules and .git are skipped', async () => {
    const p = tempProject(LAYOUT);
    try {
      const { files, problems } = await discoverPostmortems(['postmortems'], p.dir);
      assert.deepEqual(problems, []);
      assert.deepEqual(
        files.map((f) => f.display),
        ['postmortems/2026/c.pm.yaml', 'postmortems/a.pm.yaml', 'postmortems/b.pm.yaml', 'postmortems/dist/f.pm.yaml'],
      );
      assert.equal(files[1].absolute, join(p.dir, 'postmortems', 'a.pm.yaml'));
    } finally {
      p.cleanup();
    }
  });

  test('the name test agrees with the extension (`*.pm.yaml`, case-sensitive)', () => {
    assert.equal(isPostmortemFileName('2026-06-09-search.pm.yaml'), true);
    assert.equal(isPostmortemFileName('notes.pm.yml'), false);
    assert.equal(isPostmortemFileName('SHOUT.PM.YAML'), false);
    assert.equal(isPostmortemFileName('plain.yaml'), false);
    assert.equal(isPostmortemFileName('a.pm.yaml.bak'), false);
  });

  test('a file named on the command line is taken whatever its name; a file reached twice is listed once', async () => {
    const p = tempProject(LAYOUT);
    try {
      const { files } = await discoverPostmortems(['postmortems/notes.pm.yml', 'postmortems/b.pm.yaml', './postmortems/'], p.dir);
      assert.deepEqual(
        files.map((f) => f.display),
        ['postmortems/notes.pm.yml', 'postmortems/b.pm.yaml', './postmortems/2026/c.pm.yaml', './postmortems/a.pm.yaml', './postmortems/dist/f.pm.yaml'],
      );
    } finally {
      p.cleanup();
    }
  });

  test('missing paths and dangling links are reported in order, never thrown, and the rest is still found', async () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN });
    try {
      symlinkSync(join(p.dir, 'gone'), join(p.dir, 'postmortems', 'linked-folder'));
      const { files, problems } = await discoverPostmortems(['nope', 'postmortems', 'nope/x.pm.yaml', 'postmortems/a.pm.yaml/inside'], p.dir);
      assert.deepEqual(files.map((f) => f.display), ['postmortems/a.pm.yaml']);
      assert.deepEqual(problems, [
        { path: 'nope', message: 'no such file or directory' },
        { path: 'nope/x.pm.yaml', message: 'no such file or directory' },
        { path: 'postmortems/a.pm.yaml/inside', message: 'a part of the path is not a directory' },
      ]);
    } finally {
      p.cleanup();
    }
  });
});

describe('lint and review read the same files', () => {
  test('the same layout: lint reports the files review counts', async () => {
    const p = tempProject(LAYOUT);
    try {
      const lint = await runCli(['lint', '--format', 'json', '--today', '2026-10-15', 'postmortems'], p.dir);
      const linted = (JSON.parse(lint.stdout) as Array<{ file: string }>).map((r) => r.file);
      assert.deepEqual(linted, ['postmortems/2026/c.pm.yaml', 'postmortems/a.pm.yaml', 'postmortems/b.pm.yaml', 'postmortems/dist/f.pm.yaml']);

      const review = await runCli(['review', '--format', 'json', '--today', '2026-10-15', 'postmortems'], p.dir);
      assert.equal(review.code, 0, review.stderr);
      const out = JSON.parse(review.stdout) as { quarters: Array<{ incidents: number }>; skipped: unknown[] };
      assert.deepEqual(out.skipped, []);
      assert.equal(out.quarters.reduce((n, q) => n + q.incidents, 0), linted.length);
    } finally {
      p.cleanup();
    }
  });

  test('a missing path or a dangling link: both name it the same way on stderr, go on, and exit 2', async () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN });
    try {
      symlinkSync(join(p.dir, 'gone.yaml'), join(p.dir, 'postmortems', 'b.pm.yaml'));
      for (const command of ['lint', 'review']) {
        const run = await runCli([command, '--format', 'json', '--today', '2026-10-15', 'missing', 'postmortems'], p.dir);
        assert.equal(run.code, 2, command);
        assert.equal(
          run.stderr,
          `postmortem ${command}: cannot read missing: no such file or directory\npostmortem ${command}: cannot read postmortems/b.pm.yaml: no such file or directory\n`,
          command,
        );
        assert.doesNotThrow(() => JSON.parse(run.stdout), `${command} still prints its report`);
      }
    } finally {
      p.cleanup();
    }
  });
});
