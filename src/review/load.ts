/**
 * Reading post-mortems from disk for the CLI and the benchmark: each file is
 * read once and handed to the store, which keeps plain data, not YAML trees.
 */
import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { PostmortemStore } from '../core/store';

const POSTMORTEM_FILE = /\.pm\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface LoadResult {
  store: PostmortemStore;
  /** Files that could not even be read, with the reason (listed as skipped, never dropped). */
  unreadable: Array<{ file: string; reason: string }>;
}

/**
 * Every `*.pm.yaml` under the given folders, plus files named explicitly
 * (whatever their name: the user asked for them). Files are named relative to
 * `cwd` when they are inside it, so reports read the same on every machine.
 * Throws when a path does not exist (a usage error for the CLI).
 */
export async function collectFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) throw new Error(`no such file or folder: ${path}`);
    if (stat.isDirectory()) await walk(absolute, found);
    else found.add(absolute);
  }
  return [...found].sort();
}

async function walk(folder: string, found: Set<string>): Promise<void> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(join(folder, entry.name), found);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && POSTMORTEM_FILE.test(entry.name)) {
      // A linked file is read through its link; linked folders are not followed (no cycles).
      found.add(join(folder, entry.name));
    }
  }
}

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
        unreadable.push({ file: nameOf(file), reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, worker));
  return { store, unreadable };
}
