import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseProjectConfig, PROJECT_CONFIG_FILE, readProjectConfig, type ProjectConfig } from './config';
import { readContainedFile, readContainedFileSync } from './safeRead';
import type { LintSettings } from './settings';

/**
 * Node-only (fs): never imported by code that runs in a web worker or the preview.
 * The nearest `.postmortem.yaml` from `startDir` upwards, stopping at the
 * repository root (the first folder holding `.git`) so a config of an
 * unrelated parent folder never leaks in. Undefined when there is none.
 */
export function findProjectConfig(startDir: string): string | undefined {
  for (const dir of upwards(startDir)) {
    const candidate = join(dir, PROJECT_CONFIG_FILE);
    if (isFile(candidate)) return candidate;
    if (isRepositoryRoot(dir)) return undefined;
  }
  return undefined;
}

/** The nearest folder from `startDir` upwards (itself included) that holds `.git`; undefined outside a repository. */
export function findRepositoryRoot(startDir: string): string | undefined {
  for (const dir of upwards(startDir)) {
    if (isRepositoryRoot(dir)) return dir;
  }
  return undefined;
}

function* upwards(startDir: string): Generator<string> {
  let dir = resolve(startDir);
  for (;;) {
    yield dir;
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** `.git` is a folder in a clone and a file in a worktree or submodule: either marks the root. */
function isRepositoryRoot(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

/** Finds and reads the project config; a missing or unreadable file gives empty settings (with a warning when unreadable). */
export function loadProjectConfig(startDir: string): ProjectConfig & { file?: string } {
  const file = findProjectConfig(startDir);
  if (!file) return { settings: {}, warnings: [] };
  // A config linked out of the repository (or to a device) is not read: its settings would be someone else's file.
  const read = readContainedFileSync(file, findRepositoryRoot(dirname(file)) ?? dirname(file));
  if (!read.ok) {
    const origin = { line: 0, character: 0 };
    return { file, settings: {}, warnings: [{ message: `The file is not read: ${read.message}.`, range: { start: origin, end: origin } }] };
  }
  return { file, ...readProjectConfig(read.text) };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The `.postmortem.yaml` settings of a local editor folder: the nearest config up to its repository
 * root, as the CLI run in that folder reads it (a folder of a monorepo opened alone still gets the
 * root's config), and only a regular file of the repository. `{}` when there is none, or it cannot be
 * read or parsed: a broken config must not stop linting.
 */
export async function readFolderProjectSettings(folderPath: string): Promise<Partial<LintSettings>> {
  const file = findProjectConfig(folderPath);
  if (!file) return {};
  const read = await readContainedFile(file, findRepositoryRoot(dirname(file)) ?? dirname(file));
  if (!read.ok) return {};
  try {
    return parseProjectConfig(read.text);
  } catch {
    return {};
  }
}
