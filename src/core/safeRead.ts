/**
 * Reading a file of a repository someone else wrote, without letting it reach
 * elsewhere. Node-only (fs). A file is read only when it is
 *  - inside its boundary once every link is resolved (a post-mortem linked to
 *    /proc/self/environ or ~/.aws/credentials is skipped, never printed),
 *  - a regular file (a FIFO, /dev/stdin or /dev/zero would block or never end),
 *  - no larger than MAX_FILE_BYTES, checked before reading a byte.
 * The checks are made on the opened descriptor (fstat), opened without
 * following a last link and without blocking, so the file cannot be swapped
 * between the check and the read.
 */
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, realpathSync, type Stats } from 'node:fs';
import { relative, isAbsolute, sep } from 'node:path';
import { describeFsError } from './discover';
import { MAX_FILE_BYTES } from './parse';

/**
 * The most bytes read of one file: UTF-8 needs at least one byte for each
 * UTF-16 code unit up to three, so a larger file is beyond the 4 million
 * characters the parser checks whatever it holds.
 */
// Defined in parse.ts beside the character cap, so the web worker (src/web) applies it without this module.
export { MAX_FILE_BYTES };

export type ContainedRead =
  | { ok: true; text: string }
  /** `outside`: a link leads out of the boundary; `special`: not a regular file; `too-large`: over MAX_FILE_BYTES; `error`: the file system said no. */
  | { ok: false; kind: 'outside' | 'special' | 'too-large' | 'error'; message: string };

// O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer. O_NOFOLLOW: the resolved path must not have become a link.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** True when `path` is `folder` or inside it (both already resolved). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  // `..` or `../x` leaves the folder; a child named `..cache` does not.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Reads `path` as UTF-8 (a byte-order mark kept, as fs.readFile keeps it) if it passes the checks above; `boundary` is a folder, or undefined for no boundary. */
export async function readContainedFile(path: string, boundary: string | undefined): Promise<ContainedRead> {
  let handle: fs.FileHandle | undefined;
  try {
    const real = await fs.realpath(path);
    if (boundary !== undefined && !isInside(real, await fs.realpath(boundary))) return outside();
    handle = await fs.open(real, OPEN_FLAGS);
    const stat = await handle.stat();
    const refused = refuse(stat);
    if (refused) return refused;
    const reader = new CappedReader(chunkSize(stat));
    // Read to the end, not to the size fstat gave: /proc files say 0, and a file may grow meanwhile.
    while (reader.wantsMore()) reader.took((await handle.read(reader.buffer, 0, reader.buffer.length, null)).bytesRead);
    return reader.result();
  } catch (error) {
    return { ok: false, kind: 'error', message: describeFsError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** readContainedFile for the synchronous callers (the project config is found and read in one go). */
export function readContainedFileSync(path: string, boundary: string | undefined): ContainedRead {
  let fd: number | undefined;
  try {
    const real = realpathSync(path);
    if (boundary !== undefined && !isInside(real, realpathSync(boundary))) return outside();
    fd = openSync(real, OPEN_FLAGS);
    const stat = fstatSync(fd);
    const refused = refuse(stat);
    if (refused) return refused;
    const reader = new CappedReader(chunkSize(stat));
    while (reader.wantsMore()) reader.took(readSync(fd, reader.buffer, 0, reader.buffer.length, null));
    return reader.result();
  } catch (error) {
    return { ok: false, kind: 'error', message: describeFsError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The chunks of one read, stopped one byte past the cap. */
class CappedReader {
  readonly buffer: Buffer;
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private ended = false;

  constructor(size: number) {
    this.buffer = Buffer.alloc(size);
  }

  wantsMore(): boolean {
    return !this.ended && this.length <= MAX_FILE_BYTES;
  }

  took(bytesRead: number): void {
    if (bytesRead === 0) this.ended = true;
    this.chunks.push(Buffer.from(this.buffer.subarray(0, bytesRead)));
    this.length += bytesRead;
  }

  result(): ContainedRead {
    return this.length > MAX_FILE_BYTES ? tooLarge() : { ok: true, text: Buffer.concat(this.chunks, this.length).toString('utf8') };
  }
}

/** One read for a file of the size fstat gave (plus a byte to see its end), 64 KB at a time for files that say 0 (/proc). */
function chunkSize(stat: Stats): number {
  return Math.min(Math.max(stat.size + 1, 64 * 1024), MAX_FILE_BYTES + 1);
}

function refuse(stat: Stats): ContainedRead | undefined {
  if (!stat.isFile()) return { ok: false, kind: 'special', message: `not a regular file (${fileKind(stat)})` };
  if (stat.size > MAX_FILE_BYTES) return tooLarge(stat.size);
  return undefined;
}

function outside(): ContainedRead {
  return { ok: false, kind: 'outside', message: 'it is a link that leads outside the repository (or the folder searched), so it is not read' };
}

/** `bytes`: the size fstat gave; undefined when the file was found larger while reading. */
function tooLarge(bytes?: number): ContainedRead {
  const size = bytes === undefined ? `over ${MAX_FILE_BYTES / 1_000_000}` : (bytes / 1_000_000).toFixed(1);
  return {
    ok: false,
    kind: 'too-large',
    message: `the file is too large to check (${size} MB; the limit is ${MAX_FILE_BYTES / 1_000_000} MB). A post-mortem is normally well under 100 KB: move logs and data out of it and link them with \`source\``,
  };
}

function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
