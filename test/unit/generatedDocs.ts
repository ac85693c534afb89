// Shared by the tests of the doc generators (scripts/gen-*.mjs): their --check must catch a stale page, and a run must repair it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Copies `page`, makes it stale with `staleOf`, and checks that `--check <fileFlag> copy` fails and a plain run restores it. */
export function assertCheckCatchesAndRepairs(script: string, page: string, fileFlag: string, staleOf: (text: string) => string): void {
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'pm-docs-'));
  try {
    const copy = join(dir, basename(page));
    copyFileSync(page, copy);
    const current = readFileSync(copy, 'utf8');
    const stale = staleOf(current);
    assert.notEqual(stale, current, 'the stale edit must change the page');
    writeFileSync(copy, stale);
    const check = run('--check', fileFlag, copy);
    assert.equal(check.status, 1);
    assert.match(check.stderr, /stale/);
    assert.equal(run(fileFlag, copy).status, 0);
    assert.equal(readFileSync(copy, 'utf8'), current);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
