/**
 * A V8 code cache for the CLI's bundles (issue 12, item 8: a one-file `postmortem lint` was twice the
 * startup floor, and a third of that was V8 compiling the 0.5 MB lint bundle and, lazily, each function
 * the run calls). The first run of a version compiles as usual and leaves V8's compiled code in the
 * user's cache folder; later runs hand it back to V8, which then skips the compiling. The bundle is
 * compiled here with `vm.Script`'s `cachedData`, as the v8-compile-cache package does for older tools
 * (Node 22's module.enableCompileCache would need `node:module`, whose loading costs more than it saves).
 *
 * Where: $POSTMORTEM_CACHE_DIR, else the platform's cache folder (XDG_CACHE_HOME or ~/.cache,
 * ~/Library/Caches, %LOCALAPPDATA%), in a `postmortem` folder only the user can open.
 * POSTMORTEM_NO_COMPILE_CACHE=1 turns it off. Any failure (no home, read-only disk, a file
 * written by someone else, a cache of another V8) falls back to a plain compile; nothing is
 * printed and the run's output never depends on it.
 *
 * Trust: the cache holds code V8 will run, so it is read only from a folder of the user's own
 * and only when it is a regular file the user owns (not a link), and it carries a checksum of
 * its bytes and the name of the source it was made from (Node version, the bundle's size, time and
 * inode): a truncated, damaged or stale file is ignored and replaced. The repository being linted has no say in any
 * of this.
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import type ModuleClass from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** A bundle's cache is ~1.3x its size; anything far larger is not ours. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
const CHECKSUM_BYTES = 8;
/**
 * CommonJS's Module class, taken from this module rather than by loading `node:module` (which brings the ES module
 * loader and source maps with it: milliseconds of every run).
 */
const Module = module.constructor as typeof ModuleClass & { _nodeModulePaths(path: string): string[] };
/** Our bundles that others load through the cache too (the NLP library the lint bundle requires). */
const CHUNK = /^\.\/[\w-]+\.js$/;

/** The folder for the cache, or undefined when the user turned it off or there is nowhere to put it. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = safeHome()): string | undefined {
  if (env.POSTMORTEM_NO_COMPILE_CACHE && env.POSTMORTEM_NO_COMPILE_CACHE !== '0') return undefined;
  if (env.POSTMORTEM_CACHE_DIR) return env.POSTMORTEM_CACHE_DIR;
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'postmortem', 'Cache') : undefined;
  if (!home) return undefined;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'postmortem');
  // XDG: only an absolute path counts.
  const xdg = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(xdg, 'postmortem');
}

function safeHome(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether `folder` is a real folder of this user's that nobody else may write to (POSIX; Windows: a folder). */
function trustedFolder(folder: string): boolean {
  try {
    const stat = lstatSync(folder);
    if (!stat.isDirectory()) return false;
    if (typeof process.getuid !== 'function') return true;
    return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The checksum reads one 4-byte word in this many, and every byte of the first and last block. */
const SAMPLE_STRIDE = 16;
const WHOLE_BLOCK = 4096;

/**
 * A 64-bit checksum of `data` (two 32-bit multiply-xor hashes): of its length, every byte of its first and last
 * 4 KB, and one 4-byte word in every 64 bytes between. It catches what damages a file (a cut, a bad block, a run of
 * changed bytes); not a lone flipped bit mid-file, and it is not a signature: the folder is the user's own
 * (trustedFolder), and whoever can write there can run code as the user anyway. Sampled, and not node:crypto: a hash
 * of all 0.7 MB, or loading OpenSSL for it, cost several milliseconds of a run that takes ~150.
 */
export function checksum(data: Uint8Array): Buffer {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ data.length;
  const mix = (value: number): void => {
    a = Math.imul(a ^ value, 0x01000193);
    b = Math.imul(b ^ value, 0x5bd1e995) ^ (b >>> 15);
  };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const words = Math.floor(data.length / 4);
  const headWords = Math.min(words, WHOLE_BLOCK / 4);
  const tailStart = Math.max(headWords, words - WHOLE_BLOCK / 4);
  for (let i = 0; i < words; i = i < headWords || i >= tailStart ? i + 1 : Math.min(i + SAMPLE_STRIDE, tailStart)) mix(view.getUint32(i * 4, true));
  for (let i = words * 4; i < data.length; i++) mix(data[i]);
  const out = Buffer.alloc(CHECKSUM_BYTES);
  out.writeUInt32LE(a >>> 0, 0);
  out.writeUInt32LE(b >>> 0, 4);
  return out;
}

/** The cache file's code, when it is a regular file of this user's (never through a link) whose checksum holds. */
export function readCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size <= CHECKSUM_BYTES || stat.size > MAX_CACHE_BYTES) return undefined;
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    const data = bytes.subarray(CHECKSUM_BYTES);
    return checksum(data).equals(bytes.subarray(0, CHECKSUM_BYTES)) ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `data` with its checksum, whole or not at all (a temporary file renamed), and drops the chunk's older caches. */
export function writeCache(folder: string, file: string, data: Buffer, stalePrefix: string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!trustedFolder(folder)) return;
    // A name no other process uses at the same moment ('wx' fails rather than share one).
    const temporary = join(folder, `.${basename(file)}.${process.pid}-${Date.now()}.tmp`);
    writeFileSync(temporary, Buffer.concat([checksum(data), data]), { flag: 'wx', mode: 0o600 });
    renameSync(temporary, file);
    for (const name of readdirSync(folder)) {
      if (name.startsWith(stalePrefix) && join(folder, name) !== file) unlinkSync(join(folder, name));
    }
  } catch {
    // A cache is an optimisation: a read-only or full disk just means compiling next time too.
  }
}

interface PendingCache {
  script: Script;
  file: string;
  stalePrefix: string;
}

const pending: PendingCache[] = [];
let flushOnExit = false;

/**
 * `require(file)` for one of the CLI's own bundles, compiled with the code cache when there is one. The bundle's
 * own `require` of a sibling bundle (`./compromise.js`) goes through here too.
 */
export function requireChunk(file: string, folder = cacheFolder()): unknown {
  const loaded = require.cache[file];
  if (loaded) return loaded.exports;
  if (!folder) return require(file);
  let source: string;
  let key: string;
  try {
    source = readFileSync(file, 'utf8');
    // The bundle as installed (size, time, inode) and the Node that runs it name its cache; V8 checks its own version
    // and flags on top. Not a hash of the source: hashing 0.5 MB cost more than it saved.
    const stat = statSync(file);
    key = checksum(Buffer.from(`${process.version}\0${process.arch}\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}\0${file}`)).toString('hex');
  } catch {
    return require(file);
  }
  const name = basename(file, '.js');
  const cacheFile = join(folder, `${name}-${key}.v8cache`);
  const cachedData = trustedFolder(folder) ? readCache(cacheFile) : undefined;
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    pending.push({ script, file: cacheFile, stalePrefix: `${name}-` });
    if (!flushOnExit) {
      flushOnExit = true;
      // At exit the cache also holds every function the run compiled lazily, not just the top level.
      process.once('exit', () => {
        for (const entry of pending.splice(0)) writeCache(folder, entry.file, entry.script.createCachedData(), entry.stalePrefix);
      });
    }
  }
  const chunk = new Module(file, module);
  chunk.filename = file;
  chunk.paths = Module._nodeModulePaths(dirname(file));
  require.cache[file] = chunk;
  const plainRequire = Module.createRequire(file);
  const chunkRequire = Object.assign((id: string) => (CHUNK.test(id) ? requireChunk(join(dirname(file), id), folder) : plainRequire(id)), {
    resolve: plainRequire.resolve,
    cache: plainRequire.cache,
    main: plainRequire.main,
  });
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(chunk.exports, chunk.exports, chunkRequire, chunk, file, dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  chunk.loaded = true;
  return chunk.exports;
}
