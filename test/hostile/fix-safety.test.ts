// `lint --fix` on repositories built to make it do harm (issue 8, items 3, 5 and 7), against the built CLI.
// Links: a fixed file never writes through a symbolic link or a linked folder, nor outside the paths given.
// Forms: a fix whose result would not parse, or would change more than its path, is refused with a reason.
// Encodings: a file that is not UTF-8 is never rewritten (its bytes would become U+FFFD), and lint says so.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TODAY, inProject, lateDeadline, leftoverTempFiles, runBuilt } from './fix-helpers';

const FIXED = lateDeadline(' 2023-08-23');

describe('links: --fix never writes through a link or outside the paths given', () => {
  test('a post-mortem that links to a file outside the repository: the target is untouched, the link stays a link', () =>
    inProject({ 'outside/victim.pm.yaml': lateDeadline(), 'repo/postmortems/.keep': '' }, (dir) => {
      mkdirSync(join(dir, 'repo', '.git'));
      symlinkSync(join(dir, 'outside', 'victim.pm.yaml'), join(dir, 'repo', 'postmortems', 'a.pm.yaml'));
      const run = runBuilt(['lint', '--fix', ...TODAY], join(dir, 'repo'));
      assert.equal(readFileSync(join(dir, 'outside', 'victim.pm.yaml'), 'utf8'), lateDeadline(), 'the file outside is not written');
      assert.ok(lstatSync(join(dir, 'repo', 'postmortems', 'a.pm.yaml')).isSymbolicLink(), 'the link is not replaced');
      assert.match(run.stderr, /postmortems\/a\.pm\.yaml/);
      assert.match(run.stderr, /link/);
      assert.doesNotMatch(run.stderr, /fixed \d+ problem/);
    }));

  test('a link named on the command line is refused, even to a file inside the folder', () =>
    inProject({ 'postmortems/real.pm.yaml': lateDeadline() }, (dir) => {
      symlinkSync('real.pm.yaml', join(dir, 'postmortems', 'alias.pm.yaml'));
      const run = runBuilt(['lint', '--fix', ...TODAY, 'postmortems/alias.pm.yaml'], dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /will not fix postmortems\/alias\.pm\.yaml: it is a symbolic link, and --fix never writes through a link/);
      assert.equal(readFileSync(join(dir, 'postmortems', 'real.pm.yaml'), 'utf8'), lateDeadline());
    }));

  test('a link inside the folder to another file of it: the real file is fixed once, the link is left alone', () =>
    inProject({ 'postmortems/real.pm.yaml': lateDeadline() }, (dir) => {
      symlinkSync('real.pm.yaml', join(dir, 'postmortems', 'z-alias.pm.yaml'));
      runBuilt(['lint', '--fix', ...TODAY], dir);
      assert.equal(readFileSync(join(dir, 'postmortems', 'real.pm.yaml'), 'utf8'), FIXED);
      assert.ok(lstatSync(join(dir, 'postmortems', 'z-alias.pm.yaml')).isSymbolicLink());
    }));

  test('a file reached through a linked folder is refused, even when named on the command line', () =>
    inProject({ 'outside/x.pm.yaml': lateDeadline(), 'repo/postmortems/.keep': '' }, (dir) => {
      mkdirSync(join(dir, 'repo', '.git'));
      symlinkSync(join(dir, 'outside'), join(dir, 'repo', 'postmortems', 'linked'));
      const run = runBuilt(['lint', '--fix', ...TODAY, 'postmortems/linked/x.pm.yaml'], join(dir, 'repo'));
      assert.equal(readFileSync(join(dir, 'outside', 'x.pm.yaml'), 'utf8'), lateDeadline());
      // The reader already skips a file whose real path leaves the repository, so --fix never sees it.
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /skipped postmortems\/linked\/x\.pm\.yaml: it is a link that leads outside the repository/);
    }));

  test('a hard link to a file outside: the fix replaces the entry, the other name keeps the old bytes', () =>
    inProject({ 'outside/victim.pm.yaml': lateDeadline(), 'repo/postmortems/.keep': '' }, (dir) => {
      mkdirSync(join(dir, 'repo', '.git'));
      linkSync(join(dir, 'outside', 'victim.pm.yaml'), join(dir, 'repo', 'postmortems', 'a.pm.yaml'));
      const run = runBuilt(['lint', '--fix', ...TODAY], join(dir, 'repo'));
      assert.match(run.stderr, /fixed 1 problem in postmortems\/a\.pm\.yaml/);
      assert.equal(readFileSync(join(dir, 'repo', 'postmortems', 'a.pm.yaml'), 'utf8'), FIXED);
      assert.equal(readFileSync(join(dir, 'outside', 'victim.pm.yaml'), 'utf8'), lateDeadline(), 'the write did not go through the hard link');
      assert.equal(statSync(join(dir, 'outside', 'victim.pm.yaml')).nlink, 1);
    }));
});

describe('forms: every fix is checked by parsing its result', () => {
  test('issue 8: a block-scalar deadline (`deadline: >-`) is fixed in place; the next key stays on its own line', () =>
    inProject({ 'postmortems/a.pm.yaml': lateDeadline(' >-  # agreed in the review\n      2023-09-30') }, (dir) => {
      const run = runBuilt(['lint', '--fix', ...TODAY, '--format', 'json'], dir);
      const fixed = readFileSync(join(dir, 'postmortems', 'a.pm.yaml'), 'utf8');
      assert.equal(fixed, lateDeadline(' >-  # agreed in the review\n      2023-08-23'));
      const data = parse(fixed);
      assert.equal(data.action_items[0].deadline, '2023-08-23');
      assert.equal(data.action_items[0].status, 'open');
      assert.match(run.stderr, /fixed 1 problem/);
    }));

  test('a fix that would also change an alias elsewhere is refused, says why, and leaves the file byte for byte', () => {
    const text = lateDeadline(' &due 2023-09-30', '\n', ['follow_up: *due']);
    return inProject({ 'postmortems/a.pm.yaml': text }, (dir) => {
      const run = runBuilt(['lint', '--fix', ...TODAY], dir);
      assert.equal(readFileSync(join(dir, 'postmortems', 'a.pm.yaml'), 'utf8'), text);
      assert.match(
        run.stderr,
        /did not apply the fix "Set the deadline to [^"]+" in postmortems\/a\.pm\.yaml:9:\d+: the result would change more than action_items\[0\]\.deadline \(also follow_up\); the file was left as it was for this fix/,
      );
      assert.doesNotMatch(run.stderr, /fixed \d+ problem/);
    });
  });

  test('CRLF and a byte-order mark are kept, and an inserted key uses CRLF', () => {
    const text = '\uFEFF' + lateDeadline(' 2023-09-30', '\r\n').replace('    deadline: 2023-09-30\r\n', '');
    return inProject({ 'postmortems/a.pm.yaml': text }, (dir) => {
      const run = runBuilt(['lint', '--fix', ...TODAY], dir);
      const fixed = readFileSync(join(dir, 'postmortems', 'a.pm.yaml'), 'utf8');
      assert.match(run.stderr, /fixed 1 problem/);
      assert.ok(fixed.startsWith('\uFEFF# Hostile'), 'BOM kept');
      assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line breaks');
      assert.match(fixed, /\r\n    deadline: 2023-08-23\r\n/);
    });
  });
});

/** Encodings that are not UTF-8, each placed far from the deadline the fix would change. */

const NOT_UTF8: Record<string, Buffer> = {
  'Latin-1 é': Buffer.from([0xe9]),
  'a lone continuation byte': Buffer.from([0x80]),
  'an overlong slash': Buffer.from([0xc0, 0xaf]),
  'an encoded surrogate': Buffer.from([0xed, 0xa0, 0x80]),
  'a truncated 3-byte sequence': Buffer.from([0xe2, 0x82]),
  'byte 0xFF': Buffer.from([0xff]),
};

describe('encodings: a file that is not UTF-8 is never rewritten', () => {
  for (const [name, bad] of Object.entries(NOT_UTF8)) {
    test(`${name}: --fix refuses with the place of the byte; lint reports it`, () => {
      const before = Buffer.from(lateDeadline(), 'utf8');
      const cut = before.indexOf('on queue depth') + 3;
      const bytes = Buffer.concat([before.subarray(0, cut), bad, before.subarray(cut)]);
      return inProject({}, (dir) => {
        mkdirSync(join(dir, 'postmortems'));
        writeFileSync(join(dir, 'postmortems', 'a.pm.yaml'), bytes);
        const run = runBuilt(['lint', '--fix', ...TODAY], dir);
        assert.deepEqual(readFileSync(join(dir, 'postmortems', 'a.pm.yaml')), bytes, 'not one byte changed');
        assert.equal(run.code, 2);
        assert.match(run.stderr, new RegExp(`will not fix postmortems/a\\.pm\\.yaml: the file is not valid UTF-8 \\(byte 0x${bad[0].toString(16)} at line 6, column 29\\)`));
        assert.match(run.stdout, /6:29 +error +The file is not valid UTF-8/);
        const lint = runBuilt(['lint', ...TODAY, '--format', 'json'], dir);
        const diagnostics = (JSON.parse(lint.stdout) as Array<{ diagnostics: Array<{ rule: string; message: string }> }>)[0].diagnostics;
        assert.ok(diagnostics.some((d) => d.rule === 'yaml-syntax' && /not valid UTF-8/.test(d.message)));
        assert.ok(diagnostics.some((d) => d.rule === 'action-deadline-window'), 'the rest of the lint still runs');
        assert.deepEqual(leftoverTempFiles(join(dir, 'postmortems')), []);
      });
    });
  }

  test('a UTF-16 file (BOM FF FE) is refused too', () =>
    inProject({}, (dir) => {
      mkdirSync(join(dir, 'postmortems'));
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lateDeadline(), 'utf16le')]);
      writeFileSync(join(dir, 'postmortems', 'a.pm.yaml'), bytes);
      const run = runBuilt(['lint', '--fix', ...TODAY], dir);
      assert.deepEqual(readFileSync(join(dir, 'postmortems', 'a.pm.yaml')), bytes);
      assert.match(run.stderr, /not valid UTF-8 \(byte 0xff at line 1, column 1\)/);
    }));

  test('a real U+FFFD in valid UTF-8 is not a problem: no encoding diagnostic, and the fix is applied', () => {
    const text = lateDeadline().replace('queue depth', 'queue \uFFFD depth');
    return inProject({ 'postmortems/a.pm.yaml': text }, (dir) => {
      const run = runBuilt(['lint', '--fix', ...TODAY], dir);
      assert.match(run.stderr, /fixed 1 problem/);
      assert.doesNotMatch(run.stdout, /not valid UTF-8/);
      assert.equal(readFileSync(join(dir, 'postmortems', 'a.pm.yaml'), 'utf8'), text.replace('2023-09-30', '2023-08-23'));
    });
  });
});
