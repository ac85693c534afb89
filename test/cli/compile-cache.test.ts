// The CLI's V8 code cache (src/cli/compileCache.ts): the bundle `postmortem` runs (dist/cli.js, built by
// `node scripts/build.mjs`) leaves compiled code in the user's cache folder and uses it on the next run. It must
// never change what a run prints, never trust a file it did not write (a link, a damaged or foreign file, a folder
// others may write to), and stay off when asked.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFolder, checksum, readCache, writeCache } from '../../src/cli/compileCache';
import { repoRoot } from './helpers';

const CLI = join(repoRoot, 'dist/cli.js');
const EXAMPLE = join(repoRoot, 'examples/postmortems/2026-06-09-search-ranking-bad-deploy.pm.yaml');
const posix = process.platform !== 'win32';

function lint(cacheDir: string, extraEnv: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, POSTMORTEM_CACHE_DIR: cacheDir };
  delete env.POSTMORTEM_NO_COMPILE_CACHE;
  Object.assign(env, extraEnv);
  const run = spawnSync(process.execPath, [CLI, 'lint', '--today', '2026-11-27', '--format', 'json', EXAMPLE], { env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const cacheFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.v8cache')).sort() : []);

describe('the CLI code cache', () => {
  let dir: string;
  let plain: ReturnType<typeof lint>;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-cache-'));
    plain = lint(join(dir, 'unused'), { POSTMORTEM_NO_COMPILE_CACHE: '1' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is off with POSTMORTEM_NO_COMPILE_CACHE=1: nothing is written', () => {
    assert.equal(plain.status, 0, plain.stderr);
    assert.ok(JSON.parse(plain.stdout).length >= 0);
    assert.deepEqual(cacheFiles(join(dir, 'unused')), []);
  });

  it('is written by the first run, in a folder only the user can open, and used by the next: same output', () => {
    const cache = join(dir, 'cache');
    const first = lint(cache);
    assert.deepEqual(first, plain);
    const files = cacheFiles(cache);
    // The lint bundle, and the language library the example's prose loads.
    assert.deepEqual(
      files.map((name) => name.replace(/-[0-9a-f]{16}\.v8cache$/, '')),
      ['cli-lint', 'compromise'],
    );
    if (posix) {
      assert.equal(statSync(cache).mode & 0o777, 0o700);
      for (const name of files) assert.equal(statSync(join(cache, name)).mode & 0o777, 0o600);
    }
    const written = files.map((name) => statSync(join(cache, name)).mtimeMs);
    const second = lint(cache);
    assert.deepEqual(second, plain);
    // Used, not rewritten.
    assert.deepEqual(
      files.map((name) => statSync(join(cache, name)).mtimeMs),
      written,
    );
  });

  it('ignores a damaged cache file and replaces it', () => {
    const cache = join(dir, 'damaged');
    lint(cache);
    const [file] = cacheFiles(cache);
    const bytes = readFileSync(join(cache, file));
    // A bad block mid-file: 64 bytes changed.
    for (let i = bytes.length >> 1; i < (bytes.length >> 1) + 64; i++) bytes[i] ^= 0xff;
    writeFileSync(join(cache, file), bytes);
    assert.deepEqual(lint(cache), plain);
    assert.notDeepEqual(readFileSync(join(cache, file)), bytes, 'replaced');
    assert.ok(readCache(join(cache, file)), 'the replacement is whole');
    // Truncated: the same.
    writeFileSync(join(cache, file), bytes.subarray(0, 100));
    assert.deepEqual(lint(cache), plain);
    assert.ok(readCache(join(cache, file)));
  });

  it('never follows a link planted where a cache file goes, nor writes through it', { skip: !posix }, () => {
    const cache = join(dir, 'linked');
    lint(cache);
    const [file] = cacheFiles(cache);
    const good = readFileSync(join(cache, file));
    const elsewhere = join(dir, 'elsewhere.bin');
    writeFileSync(elsewhere, good);
    rmSync(join(cache, file));
    symlinkSync(elsewhere, join(cache, file));
    assert.equal(readCache(join(cache, file)), undefined, 'a link is not read');
    assert.deepEqual(lint(cache), plain);
    // The run replaced the link with a file of its own; the link's target is untouched.
    assert.ok(lstatSync(join(cache, file)).isFile());
    assert.deepEqual(readFileSync(elsewhere), good);
  });

  it('does not use or write a folder others may write to', { skip: !posix }, () => {
    const cache = join(dir, 'shared');
    mkdirSync(cache, { mode: 0o700 });
    chmodSync(cache, 0o777);
    assert.deepEqual(lint(cache), plain);
    assert.deepEqual(cacheFiles(cache), []);
  });

  it('keeps one cache per bundle: a stale one (another version) is removed when the new one is written', () => {
    const cache = join(dir, 'stale');
    mkdirSync(cache, { mode: 0o700 });
    writeFileSync(join(cache, 'cli-lint-00000000000000000000000000000000.v8cache'), 'old', { mode: 0o600 });
    lint(cache);
    assert.equal(cacheFiles(cache).filter((name) => name.startsWith('cli-lint-')).length, 1);
    assert.ok(!existsSync(join(cache, 'cli-lint-00000000000000000000000000000000.v8cache')));
  });
});

describe('where the cache goes', () => {
  it('follows the platform conventions, and POSTMORTEM_CACHE_DIR over all', () => {
    assert.equal(cacheFolder({}, 'linux', '/home/ada'), '/home/ada/.cache/postmortem');
    assert.equal(cacheFolder({ XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', '/home/ada'), '/var/cache/ada/postmortem');
    // A relative XDG_CACHE_HOME is invalid by the XDG spec: ignored.
    assert.equal(cacheFolder({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/ada'), '/home/ada/.cache/postmortem');
    assert.equal(cacheFolder({}, 'darwin', '/Users/ada'), '/Users/ada/Library/Caches/postmortem');
    assert.equal(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', ''), join('C:\\Users\\ada\\AppData\\Local', 'postmortem', 'Cache'));
    assert.equal(cacheFolder({}, 'win32', ''), undefined);
    assert.equal(cacheFolder({}, 'linux', ''), undefined);
    assert.equal(cacheFolder({ POSTMORTEM_CACHE_DIR: '/tmp/pm' }, 'linux', '/home/ada'), '/tmp/pm');
    assert.equal(cacheFolder({ POSTMORTEM_CACHE_DIR: '/tmp/pm', POSTMORTEM_NO_COMPILE_CACHE: '1' }, 'linux', '/home/ada'), undefined);
    assert.equal(cacheFolder({ POSTMORTEM_NO_COMPILE_CACHE: '0' }, 'linux', '/home/ada'), '/home/ada/.cache/postmortem');
  });

  it('reads back what it wrote, and nothing that is not whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cache-unit-'));
    try {
      const folder = join(dir, 'c');
      const file = join(folder, 'x-1.v8cache');
      const data = Buffer.from('compiled code, or what stands for it');
      writeCache(folder, file, data, 'x-');
      assert.deepEqual(readCache(file), data);
      writeFileSync(file, readFileSync(file).subarray(0, 40));
      assert.equal(readCache(file), undefined);
      writeFileSync(file, Buffer.alloc(10));
      assert.equal(readCache(file), undefined);
      // A changed byte in the first or last 4 KB, or a run of 64 anywhere, is seen.
      const big = Buffer.alloc(100_000, 7);
      for (const [at, length] of [[0, 1], [4095, 1], [99_999, 1], [96_000, 1], [50_000, 64], [12_345, 64]]) {
        const changed = Buffer.from(big);
        for (let i = at; i < at + length; i++) changed[i] ^= 1;
        assert.notDeepEqual(checksum(changed), checksum(big), `${length} at ${at}`);
      }
      assert.equal(readCache(join(folder, 'missing.v8cache')), undefined);
      // No temporary file is left behind.
      assert.deepEqual(readdirSync(folder), ['x-1.v8cache']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
