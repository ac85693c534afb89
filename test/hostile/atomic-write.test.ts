// Writes that cannot lose a file (issue 8, item 6): a full disk, a failing write, a file changed by someone
// else meanwhile, and concurrent runs all leave either the old file or the new one, never a truncated one,
// and no temporary file behind. The full disk is real (a 64 KB tmpfs) when running as root.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FileWriteError, readSnapshot, writeFileAtomically } from '../../src/cli/atomicWrite';
import { TODAY, inProject, lateDeadline, leftoverTempFiles, runBuilt, runBuiltAsync } from './fix-helpers';

const FIXED = lateDeadline(' 2023-08-23');

/** Mounts a tmpfs of `size` at a fresh folder; undefined (with the reason) when this process may not mount. */
function mountTinyTmpfs(size: string): { dir: string; unmount: () => void } | { skip: string } {
  if (process.platform !== 'linux') return { skip: 'tmpfs mounts need Linux' };
  if (process.getuid?.() !== 0) return { skip: 'mounting a tmpfs needs root; the injected-failure test below covers the same path' };
  const dir = mkdtempSync(join(tmpdir(), 'pm-full-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `mount -t tmpfs failed (${mounted.stderr.trim() || mounted.status}): no CAP_SYS_ADMIN here` };
  }
  return {
    dir,
    unmount: () => {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('a full disk', () => {
  const disk = mountTinyTmpfs('64k');
  test('lint --fix on a full disk: says "disk full (ENOSPC)", leaves the file byte for byte, and no temporary file', { skip: 'skip' in disk ? disk.skip : false }, () => {
    if ('skip' in disk) return;
    try {
      const project = join(disk.dir, 'repo');
      mkdirSync(join(project, '.git'), { recursive: true });
      mkdirSync(join(project, 'postmortems'));
      // A 20 KB post-mortem, then a filler that takes every byte left: the 20 KB temporary copy cannot fit.
      const text = lateDeadline(' 2023-09-30', '\n', ['notes: |', ...Array.from({ length: 400 }, (_, i) => `  line ${i} of notes that make the file large enough`)]);
      writeFileSync(join(project, 'postmortems', 'a.pm.yaml'), text);
      const filler = Buffer.alloc(4096, 120);
      for (let i = 0; ; i++) {
        try {
          writeFileSync(join(disk.dir, `filler-${i}`), filler);
        } catch {
          break;
        }
      }
      const run = runBuilt(['lint', '--fix', ...TODAY], project);
      assert.match(run.stderr, /postmortem lint: could not write postmortems\/a\.pm\.yaml: disk full \(ENOSPC\); the file was left unchanged/);
      assert.equal(run.code, 2);
      assert.equal(readFileSync(join(project, 'postmortems', 'a.pm.yaml'), 'utf8'), text, 'the original is intact');
      assert.deepEqual(leftoverTempFiles(join(project, 'postmortems')), []);
    } finally {
      disk.unmount();
    }
  });
});

describe('the write itself, through its seams', () => {
  test('a write that fails (ENOSPC injected) leaves the original and removes the temporary file', () =>
    inProject({ 'a.pm.yaml': 'old text\n' }, async (dir) => {
      const path = join(dir, 'a.pm.yaml');
      const snapshot = await readSnapshot(path, 'a.pm.yaml');
      const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      await assert.rejects(
        writeFileAtomically(path, 'a.pm.yaml', Buffer.from('new text\n'), snapshot, {
          write: async (handle, bytes) => {
            await handle.write(bytes.subarray(0, 3)); // a partial write, then the disk is full
            throw enospc;
          },
        }),
        (error: unknown) => error instanceof FileWriteError && error.message === 'could not write a.pm.yaml: disk full (ENOSPC); the file was left unchanged',
      );
      assert.equal(readFileSync(path, 'utf8'), 'old text\n');
      assert.deepEqual(leftoverTempFiles(dir), []);
    }));

  test('a file changed by another program after it was read is not overwritten', () =>
    inProject({ 'a.pm.yaml': 'old text\n' }, async (dir) => {
      const path = join(dir, 'a.pm.yaml');
      const snapshot = await readSnapshot(path, 'a.pm.yaml');
      await assert.rejects(
        writeFileAtomically(path, 'a.pm.yaml', Buffer.from('new text\n'), snapshot, {
          beforeRename: async () => writeFileSync(path, 'their text\n'),
        }),
        /will not write a\.pm\.yaml: it changed on disk while it was being fixed/,
      );
      assert.equal(readFileSync(path, 'utf8'), 'their text\n', 'the other program’s text is kept');
      assert.deepEqual(leftoverTempFiles(dir), []);
    }));

  test('a reader during the write sees the whole old file, then the whole new one, never an empty or partial file', () =>
    inProject({ 'a.pm.yaml': 'old text\n'.repeat(1000) }, async (dir) => {
      const path = join(dir, 'a.pm.yaml');
      const snapshot = await readSnapshot(path, 'a.pm.yaml');
      let seenMidWrite = '';
      await writeFileAtomically(path, 'a.pm.yaml', Buffer.from('new text\n'.repeat(1000)), snapshot, {
        beforeRename: async (tempPath) => {
          seenMidWrite = readFileSync(path, 'utf8');
          assert.equal(readFileSync(tempPath, 'utf8'), 'new text\n'.repeat(1000), 'the temporary file is complete before the rename');
        },
      });
      assert.equal(seenMidWrite, 'old text\n'.repeat(1000));
      assert.equal(readFileSync(path, 'utf8'), 'new text\n'.repeat(1000));
      assert.deepEqual(leftoverTempFiles(dir), []);
    }));

  test('a file replaced by a link after it was read is not written through', () =>
    inProject({ 'a.pm.yaml': 'old text\n', 'victim.txt': 'secret\n' }, async (dir) => {
      const path = join(dir, 'a.pm.yaml');
      const snapshot = await readSnapshot(path, 'a.pm.yaml');
      await assert.rejects(
        writeFileAtomically(path, 'a.pm.yaml', Buffer.from('new text\n'), snapshot, {
          beforeRename: async () => {
            rmSync(path);
            spawnSync('ln', ['-s', join(dir, 'victim.txt'), path]);
          },
        }),
        /will not write a\.pm\.yaml: it was moved or replaced/,
      );
      assert.equal(readFileSync(join(dir, 'victim.txt'), 'utf8'), 'secret\n');
      assert.deepEqual(leftoverTempFiles(dir), []);
    }));
});

describe('lint --fix keeps what the file was', () => {
  test('the mode of the file is kept (0640 stays 0640)', () =>
    inProject({ 'postmortems/a.pm.yaml': lateDeadline() }, (dir) => {
      const path = join(dir, 'postmortems', 'a.pm.yaml');
      chmodSync(path, 0o640);
      const run = runBuilt(['lint', '--fix', ...TODAY], dir);
      assert.match(run.stderr, /fixed 1 problem/);
      assert.equal(statSync(path).mode & 0o777, 0o640);
      assert.equal(readFileSync(path, 'utf8'), FIXED);
    }));

  test('two runs at once on the same files: each file ends fixed and parseable, nothing left behind', () =>
    inProject(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`postmortems/p${i}.pm.yaml`, lateDeadline().replace('-001', `-00${i + 1}`)])), async (dir) => {
      const runs = await Promise.all([runBuiltAsync(['lint', '--fix', ...TODAY], dir), runBuiltAsync(['lint', '--fix', ...TODAY], dir)]);
      for (const run of runs) assert.notEqual(run.code, null, 'no run hung');
      for (let i = 0; i < 8; i++) {
        const text = readFileSync(join(dir, 'postmortems', `p${i}.pm.yaml`), 'utf8');
        assert.equal(text, FIXED.replace('-001', `-00${i + 1}`), `p${i} fixed exactly once`);
        assert.equal(parse(text).action_items[0].deadline, '2023-08-23');
      }
      assert.deepEqual(leftoverTempFiles(join(dir, 'postmortems')), []);
      // A run that lost the race says so instead of overwriting the other's result.
      for (const run of runs) assert.doesNotMatch(run.stderr, /could not write/);
    }));
});
