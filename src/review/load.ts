/**
 * Reading post-mortems from disk for the CLI and the benchmark: each file is
 * read once and handed to the store, which keeps plain data, not YAML trees.
 * Which files to read is src/core/discover.ts's job (shared with `lint`).
 */
import { relative, sep } from 'node:path';
import type { FoundFile } from '../core/discover';
import { readContainedFile } from '../core/safeRead';
import { PostmortemStore } from '../core/store';

export interface LoadResult {
  store: PostmortemStore;
  /** Files that could not even be read: the reason as the review lists it (skipped, never dropped) and the file system error alone. */
  unreadable: Array<{ file: string; reason: string; fsError: string }>;
  /** Links that lead out of their repository: not read, not the repository's files, named in a notice. */
  outside: Array<{ file: string; message: string }>;
}

/** A found file named relative to `cwd` when it is inside it, so reports read the same on every machine. */
export function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : file;
}

/**
 * Reads the files (a few at a time, so 10,000 files neither serialize on I/O nor open 10,000 handles at once).
 * Found files are read within their boundary (src/core/safeRead.ts); a plain path is read wherever it leads.
 */
export async function loadStore(files: ReadonlyArray<string | Omit<FoundFile, 'display'>>, nameOf: (file: string) => string = (f) => f): Promise<LoadResult> {
  const store = new PostmortemStore();
  const unreadable: LoadResult['unreadable'] = [];
  const outside: LoadResult['outside'] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const found = files[next++];
      const { absolute, boundary } = typeof found === 'string' ? { absolute: found, boundary: undefined } : found;
      const read = await readContainedFile(absolute, boundary);
      if (read.ok) store.upsert(nameOf(absolute), read.text);
      else if (read.kind === 'outside') outside.push({ file: nameOf(absolute), message: read.message });
      else unreadable.push({ file: nameOf(absolute), reason: `cannot be read: ${read.message}`, fsError: read.message });
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, worker));
  return { store, unreadable, outside };
}
