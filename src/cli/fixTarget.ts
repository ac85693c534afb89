/**
 * Where `lint --fix` may write, and what it may rewrite. A repository under review is not trusted: a
 * post-mortem that is a link (or sits in a linked folder) could point at any file the reviewer can write,
 * and a file that is not UTF-8 would lose its other bytes to U+FFFD when written back.
 */
import { promises as fs } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { LineIndex } from '../core/lines';
import { isInside } from '../core/safeRead';
import { FileWriteError } from './atomicWrite';

/** A path given on the command line: the folder or file as given, and its real location. */
export interface FixRoot {
  /** Absolute, links not resolved: below it, no link is followed. */
  given: string;
  /** The folder that holds what may be written: the root itself, or a file root's folder. */
  folder: string;
  /**
   * Below this folder no link is followed: the current folder when the root is inside it (so
   * `lint --fix postmortems/linked/a.pm.yaml` does not write through the link `linked`), else `folder`.
   */
  anchor: string;
  /** The real path of `given`. */
  real: string;
}

export async function resolveFixRoots(paths: readonly string[], cwd: string): Promise<FixRoot[]> {
  const roots: FixRoot[] = [];
  for (const path of paths) {
    const given = resolve(cwd, path);
    try {
      const real = await fs.realpath(given);
      const isFolder = (await fs.stat(real)).isDirectory();
      const folder = isFolder ? given : dirname(given);
      roots.push({ given, folder, anchor: isInside(folder, resolve(cwd)) ? resolve(cwd) : folder, real });
    } catch {
      // A path that does not exist was already reported, and holds nothing to fix.
    }
  }
  return roots;
}

/**
 * Refuses (FileWriteError) a target that is a link, that is reached through a linked folder below the
 * path given, or whose real location is outside every path given.
 */
export async function checkFixTarget(absolute: string, display: string, roots: readonly FixRoot[]): Promise<void> {
  let stat;
  try {
    stat = await fs.lstat(absolute);
  } catch (error) {
    throw new FileWriteError(`cannot fix ${display}: ${(error as Error).message}`);
  }
  if (stat.isSymbolicLink()) throw new FileWriteError(`will not fix ${display}: it is a symbolic link, and --fix never writes through a link`);
  if (!stat.isFile()) throw new FileWriteError(`will not fix ${display}: it is not a regular file`);
  const realFolder = await fs.realpath(dirname(absolute));
  const realTarget = resolve(realFolder, relative(dirname(absolute), absolute));
  for (const root of roots) {
    if (!isInside(realTarget, root.real)) continue;
    // The folders between the anchor and the file must be real folders, not links to elsewhere.
    const expected = resolve(await fs.realpath(root.anchor), relative(root.anchor, dirname(absolute)));
    if (isInside(dirname(absolute), root.anchor) && expected === realFolder) return;
  }
  throw new FileWriteError(`will not fix ${display}: it resolves to ${realTarget}, outside the paths given (or through a linked folder); --fix writes only inside them`);
}


/** The text of UTF-8 `bytes`, a byte-order mark kept; undefined when they are not valid UTF-8. */
export function decodeUtf8Strictly(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Where the first byte that is not UTF-8 is: its value and its 0-based line and column (as the editor counts them, after a BOM). */
export function firstInvalidUtf8(bytes: Uint8Array): { byte: number; line: number; character: number } | undefined {
  if (decodeUtf8Strictly(bytes) !== undefined) return undefined;
  // Up to the first bad sequence every U+FFFD of the lenient decoding is a real EF BF BD, so byte offsets agree.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let index = text.indexOf('\uFFFD');
  while (index >= 0) {
    const offset = Buffer.byteLength(text.slice(0, index), 'utf8');
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const position = new LineIndex(text.slice(bom)).positionAt(index - bom);
      return { byte: bytes[offset], ...position };
    }
    index = text.indexOf('\uFFFD', index + 1);
  }
  return undefined;
}

export function invalidUtf8Sentence(found: { byte: number; line: number; character: number }): string {
  return `the file is not valid UTF-8 (byte 0x${found.byte.toString(16).padStart(2, '0')} at line ${found.line + 1}, column ${found.character + 1})`;
}
