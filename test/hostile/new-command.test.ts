// `postmortem new` against hostile folders (issue 8, items 8 and 16), with the built CLI:
// ids written in any YAML style are never handed out twice, and a target folder in a kernel
// pseudo-filesystem, behind a file or a FIFO ends with exit 2 and a reason, within a time bound.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { idsInFiles, nextId } from '../../src/core/newPostmortem';
import { inProject, runBuilt } from './fix-helpers';

/** A generous bound: `new` takes well under a second; only a hang (the old /proc loop) gets near it. */
const HANG_BOUND_MS = 20_000;

/** The same taken id, INC-2026-03-02-007, written every way YAML allows. */
const TAKEN_ID_FORMS: Record<string, string | Buffer> = {
  'a byte-order mark': '\uFEFFid: INC-2026-03-02-007\ntitle: With a BOM\n',
  'a flow mapping': '{id: INC-2026-03-02-007, title: Flow}\n',
  'a multi-line flow mapping': '{\n  title: Flow,\n  id: INC-2026-03-02-007\n}\n',
  'double quotes': 'title: Quoted\nid: "INC-2026-03-02-007"\n',
  'single quotes with a comment': "id: 'INC-2026-03-02-007'   # reserved\n",
  'a folded block scalar': 'id: >-\n  INC-2026-03-02-007\ntitle: Block\n',
  'a literal block scalar': 'id: |\n  INC-2026-03-02-007\n',
  'an escape in double quotes': 'id: "INC\\x2D2026-03-02-007"\n',
  'an alias': 'ids: [&i INC-2026-03-02-007]\nid: *i\n',
  'a tag': 'id: !!str INC-2026-03-02-007\n',
  'CRLF line breaks and a BOM': '\uFEFFtitle: x\r\nid: INC-2026-03-02-007\r\n',
  'a syntax error elsewhere': 'id: INC-2026-03-02-007\ntitle: [unclosed\n',
};

describe('new never reuses an id that is taken, however it is written', () => {
  for (const [form, text] of Object.entries(TAKEN_ID_FORMS)) {
    test(`an existing id written with ${form}`, () =>
      inProject({}, (dir) => {
        mkdirSync(join(dir, 'postmortems'));
        writeFileSync(join(dir, 'postmortems', 'existing.pm.yaml'), text);
        assert.equal(nextId(idsInFiles([{ name: 'existing.pm.yaml', text: String(text) }]), '2026-03-02'), 'INC-2026-03-02-008');
        const run = runBuilt(['new', '--title', 'Second outage', '--severity', 'SEV-2', '--date', '2026-03-02'], dir);
        assert.equal(run.code, 0, run.stderr);
        const created = parse(readFileSync(join(dir, run.stdout.trim()), 'utf8'));
        assert.equal(created.id, 'INC-2026-03-02-008');
      }));
  }
});

describe('new refuses a folder it cannot or must not create, quickly', () => {
  for (const dir of ['/proc/pm-new-test', '/proc/self/pm-new-test/deeper', '/sys/pm-new-test', '/dev/pm-new-test']) {
    test(`--dir ${dir}: exit 2 with the reason, no hang`, () =>
      inProject({}, (cwd) => {
        const run = runBuilt(['new', '--title', 'x', '--severity', 'SEV-1', '--dir', dir], cwd, HANG_BOUND_MS);
        assert.notEqual(run.code, null, 'new returned before the time bound');
        assert.equal(run.code, 2);
        assert.match(run.stderr, new RegExp(`postmortem new: cannot create ${dir}: /${dir.split('/')[1]} is a kernel pseudo-filesystem`));
      }));
  }

  test('a link in the repository that leads into /proc is refused the same way', () =>
    inProject({}, (cwd) => {
      symlinkSync('/proc', join(cwd, 'sneaky'));
      const run = runBuilt(['new', '--title', 'x', '--severity', 'SEV-1', '--dir', 'sneaky/pm'], cwd, HANG_BOUND_MS);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /cannot create sneaky\/pm: \/proc is a kernel pseudo-filesystem/);
    }));

  test('a part of the path that is a file: exit 2, "not a directory"', () =>
    inProject({ 'notes.txt': 'a file' }, (cwd) => {
      const run = runBuilt(['new', '--title', 'x', '--severity', 'SEV-1', '--dir', 'notes.txt/postmortems'], cwd, HANG_BOUND_MS);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /cannot create notes\.txt\/postmortems: a part of the path is not a directory/);
    }));

  test('missing folders several levels deep are created', () =>
    inProject({}, (cwd) => {
      const run = runBuilt(['new', '--title', 'Deep', '--severity', 'SEV-3', '--dir', 'a/b/c', '--date', '2026-03-02'], cwd, HANG_BOUND_MS);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(readdirSync(join(cwd, 'a', 'b', 'c')), ['2026-03-02-deep.pm.yaml']);
    }));

  test('a FIFO and a link to /dev/zero named *.pm.yaml in the folder do not hang new', { skip: process.platform === 'win32' ? 'no FIFOs' : false }, () =>
    inProject({ 'postmortems/real.pm.yaml': 'id: INC-2026-03-02-003\n' }, (cwd) => {
      assert.equal(spawnSync('mkfifo', [join(cwd, 'postmortems', 'fifo.pm.yaml')]).status, 0);
      symlinkSync('/dev/zero', join(cwd, 'postmortems', 'zero.pm.yaml'));
      const run = runBuilt(['new', '--title', 'After', '--severity', 'SEV-2', '--date', '2026-03-02'], cwd, HANG_BOUND_MS);
      assert.notEqual(run.code, null, 'new returned before the time bound');
      assert.equal(run.code, 0, run.stderr);
      assert.equal(parse(readFileSync(join(cwd, run.stdout.trim()), 'utf8')).id, 'INC-2026-03-02-004');
    }));
});
