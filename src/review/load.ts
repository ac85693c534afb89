/**
 * Reading post-mortems from disk for the CLI and the benchmark: each file is
 * read once and handed to the store, which keeps plain data, not YAML trees.
 * Which files to read is src/core/discover.ts's job (shared with `lint`).
 */
import { promises as fs } from 'node:fs';
import { relative, sep } from 'node:path';
import { describeFsError } from '../core/discover';
import { PostmortemStore } from '../core/store';

export interface LoadResult {
  store: PostmortemStore;
  /** Files that could not even be read: the reason as the review lists it (skipped, never dropped) and the file system error alone. */
  unreadable: Array<{ file: string; reason: string; fsError: string }>;
}

/** A found file named relative to `cwd` when it is inside it, so reports read the same on every machine. */
export function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : file;
}

/** Reads the files (a few at a time, so 10,000 files neither serialize on I/O nor open 10,000 handles at once). */
export async function loadStore(files: readonly string[], nameOf: (file: string) => string = (f) => f): Promise<LoadResult> {
  const store = new PostmortemStore();
  const unreadable: LoadResult['unreadable'] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++];
      try {
        const text = await fs.readFile(file, 'utf8');
        store.upsert(nameOf(file), text);
      } catch (error) {
        const fsError = describeFsError(error);
        unreadable.push({ file: nameOf(file), reason: `cannot be read: ${fsError}`, fsError });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, worker));
  return { store, unreadable };
}
