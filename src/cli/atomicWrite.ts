/**
 * Reading a file to rewrite it, and writing it back so that nothing is ever lost: the new text goes to a
 * temporary file beside the original (same folder, so the rename cannot cross file systems), created
 * exclusively with the original's mode and owner, flushed to disk, and renamed over the original only
 * when the original is still what was read. A full disk, a crash or a concurrent run leaves either the
 * old file or the new one, never a truncated one; on any error the temporary file is removed.
 */
import { constants, promises as fs, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError } from '../core/discover';

/** Larger files are not rewritten: the linter stops checking at 4 million characters (at most 4 bytes each). */
export const MAX_FIXED_FILE_BYTES = 16 * 1024 * 1024;

/** The bytes of a file as read for a fix, and what identifies that version of it. */
export interface FileSnapshot {
  bytes: Buffer;
  stat: Stats;
  sha256: string;
}

/** A refusal or failure with a sentence for the user (the caller adds "postmortem lint: "). */
export class FileWriteError extends Error {}

/**
 * Reads a regular file without following a symbolic link (O_NOFOLLOW) and without blocking on a FIFO
 * (O_NONBLOCK), up to MAX_FIXED_FILE_BYTES. `followLink` reads a linked file the lint already accepted.
 */
export async function readSnapshot(path: string, display: string, { followLink = false } = {}): Promise<FileSnapshot> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK | (followLink ? 0 : constants.O_NOFOLLOW));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new FileWriteError(`will not fix ${display}: it is a symbolic link, and --fix never writes through a link`);
    throw new FileWriteError(`cannot read ${display}: ${describeWriteError(error)}`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new FileWriteError(`will not fix ${display}: it is not a regular file`);
    if (stat.size > MAX_FIXED_FILE_BYTES) throw new FileWriteError(`will not fix ${display}: it is larger than ${MAX_FIXED_FILE_BYTES / 1024 / 1024} MB`);
    const bytes = await handle.readFile();
    return { bytes, stat, sha256: sha256(bytes) };
  } finally {
    await handle.close();
  }
}

/** Test seams: a step to run just before the rename, and the write itself (to fail it on purpose). */
export interface AtomicWriteHooks {
  beforeRename?: (tempPath: string) => Promise<void>;
  write?: (handle: fs.FileHandle, bytes: Buffer) => Promise<void>;
}

/**
 * Replaces the file at `path` by `bytes`, if it is still the version `snapshot` read. Throws FileWriteError
 * (saying the file was left unchanged) on any failure; the original is then untouched.
 */
export async function writeFileAtomically(path: string, display: string, bytes: Buffer, snapshot: FileSnapshot, hooks: AtomicWriteHooks = {}): Promise<void> {
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}-${crypto().randomBytes(6).toString('hex')}.tmp`);
  const mode = snapshot.stat.mode & 0o7777;
  let created = false;
  try {
    const handle = await fs.open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
    created = true;
    try {
      await handle.chmod(mode); // the umask narrowed the mode given to open
      if (process.getuid?.() === 0) await handle.chown(snapshot.stat.uid, snapshot.stat.gid).catch(() => undefined);
      await (hooks.write ?? ((h, b) => h.writeFile(b)))(handle, bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await hooks.beforeRename?.(tempPath);
    await assertUnchanged(path, display, snapshot);
    await fs.rename(tempPath, path);
    created = false;
    await syncFolder(dirname(path));
  } catch (error) {
    if (created) await fs.unlink(tempPath).catch(() => undefined);
    if (error instanceof FileWriteError) throw error;
    throw new FileWriteError(`could not write ${display}: ${describeWriteError(error)}; the file was left unchanged`);
  }
}

/** The original must still be the file that was read (same inode, size, time and bytes): else another program wrote it meanwhile. */
async function assertUnchanged(path: string, display: string, snapshot: FileSnapshot): Promise<void> {
  let now: FileSnapshot;
  try {
    now = await readSnapshot(path, display);
  } catch {
    throw new FileWriteError(`will not write ${display}: it was moved or replaced while it was being fixed; the file was left unchanged, run --fix again`);
  }
  const same =
    now.stat.ino === snapshot.stat.ino && now.stat.dev === snapshot.stat.dev && now.stat.size === snapshot.stat.size && now.stat.mtimeMs === snapshot.stat.mtimeMs && now.sha256 === snapshot.sha256;
  if (!same) throw new FileWriteError(`will not write ${display}: it changed on disk while it was being fixed; the file was left as the other program wrote it, run --fix again`);
}

/** The rename is durable only once the folder is flushed; not every file system allows it, and the data is already safe. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort.
  }
}

function sha256(bytes: Buffer): string {
  return crypto().createHash('sha256').update(bytes).digest('hex');
}

/** Failures that only writing meets, in words with their code: "disk full (ENOSPC)", not a bare code. */
const WRITE_FAILURES: ReadonlyMap<string, string> = new Map([
  ['ENOSPC', 'disk full (ENOSPC)'],
  ['EDQUOT', 'disk quota exceeded (EDQUOT)'],
  ['EROFS', 'read-only file system (EROFS)'],
  ['EFBIG', 'file too large for this file system (EFBIG)'],
  ['EIO', 'input/output error (EIO)'],
]);

export function describeWriteError(error: unknown): string {
  return WRITE_FAILURES.get(String((error as NodeJS.ErrnoException)?.code)) ?? describeFsError(error);
}

/** node:crypto on first use: only `--fix` writes, and loading it costs every run. */
function crypto(): typeof import('node:crypto') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:crypto') as typeof import('node:crypto');
}
