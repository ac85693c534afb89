/**
 * The command line's paths, as ESLint and markdownlint-cli2 take them: a file (read whatever its name),
 * a folder (every `*.pm.yaml` under it, src/core/discover.ts), or a glob pattern (fast-glob), minus what
 * `--ignore` patterns and the repository's `.gitignore` files (root and nested, read with the `ignore`
 * library's gitignore semantics) exclude. CLI-only: the extension finds files with VS Code's own search.
 *
 * The guarantees of discover.ts hold for globs too: `node_modules` and `.git` are never walked, linked
 * folders are not followed, and every file is read later within its boundary (src/core/safeRead.ts).
 */
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type FastGlob from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { boundaryOf, discoverPostmortems, isPostmortemFileName, SKIPPED_FOLDERS, type FoundFile, type PathProblem } from '../core/discover';
import { findRepositoryRoot } from '../core/projectConfig';
import { isInside, readContainedFileSync } from '../core/safeRead';

/**
 * fast-glob (with micromatch, picomatch, braces...) required on first use: `postmortem lint <file>` names files that
 * exist and never needs it, and startup is most of a one-file lint (bench/startup.bench.ts).
 */
function fastGlob(): typeof FastGlob {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('fast-glob') as typeof FastGlob;
}

export interface FoundPostmortems {
  files: FoundFile[];
  /** Paths that could not be read: each an exit-2 error. */
  problems: PathProblem[];
  /** Patterns that matched nothing, or only ignored files, in words: each an exit-2 error, as in ESLint. */
  unmatched: string[];
  /** Files named on the command line that an ignore pattern excludes: skipped, with a notice. */
  ignored: string[];
}

/**
 * Expands `paths` (relative to `cwd`). `ignorePatterns` are gitignore-style patterns relative to `cwd`
 * (`--ignore`); `.gitignore` files apply from the repository root (the folder holding `.git`; outside a
 * repository, `cwd`) down.
 */
export async function findPostmortems(paths: readonly string[], cwd: string, ignorePatterns: readonly string[] = []): Promise<FoundPostmortems> {
  const isIgnored = ignoreFilter(cwd, ignorePatterns);
  const files: FoundFile[] = [];
  const problems: PathProblem[] = [];
  const ignored: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const add = (file: FoundFile): void => {
    if (seen.has(file.absolute)) return;
    seen.add(file.absolute);
    files.push(file);
  };

  for (const given of paths) {
    if (!exists(resolve(cwd, given)) && fastGlob().isDynamicPattern(given)) {
      const matched = await expandGlob(given, cwd);
      if (matched.problems.length > 0) problems.push(...matched.problems);
      else if (matched.files.length === 0) unmatched.push(`No files matching the pattern "${given}" were found.`);
      else {
        const kept = matched.files.filter((file) => !isIgnored(file.absolute));
        if (kept.length === 0) unmatched.push(`All files matching the pattern "${given}" are ignored (--ignore or .gitignore).`);
        kept.forEach(add);
      }
      continue;
    }
    const found = await discoverPostmortems([given], cwd);
    problems.push(...found.problems);
    const named = found.files.length === 1 && found.files[0].display === given;
    for (const file of found.files) {
      if (!isIgnored(file.absolute)) add(file);
      // A file found in a folder is simply not taken; one the user named is worth a word (ESLint warns too).
      else if (named) ignored.push(given);
    }
  }
  return { files, problems, unmatched, ignored };
}

/** Files (`*.pm.yaml` only) and folders (searched like a folder argument) a glob matches, in name order. */
async function expandGlob(pattern: string, cwd: string): Promise<{ files: FoundFile[]; problems: PathProblem[] }> {
  const entries = await fastGlob()(pattern, {
    cwd,
    dot: false,
    onlyFiles: false,
    markDirectories: true,
    // Links are not followed into folders (no cycles, nothing outside); a linked file is read within its boundary.
    followSymbolicLinks: false,
    ignore: [...SKIPPED_FOLDERS].map((name) => `**/${name}/**`),
    suppressErrors: true,
  });
  entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files: FoundFile[] = [];
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.endsWith('/')) folders.push(entry);
    else if (isPostmortemFileName(entry)) files.push({ display: entry, absolute: resolve(cwd, entry), boundary: boundaryOf(resolve(cwd, entry), false) });
  }
  const inFolders = folders.length > 0 ? await discoverPostmortems(folders, cwd) : { files: [], problems: [] };
  return { files: [...files, ...inFolders.files], problems: inFolders.problems };
}

/**
 * Whether a file is excluded by `--ignore` (relative to `cwd`) or by a `.gitignore` of its repository.
 * Each `.gitignore` from the root down to the file's folder is applied in turn, so a nested one can
 * re-include (`!keep.pm.yaml`) what a parent excluded, as git does.
 */
function ignoreFilter(cwd: string, ignorePatterns: readonly string[]): (absolute: string) => boolean {
  const fromCommandLine = ignore().add([...ignorePatterns]);
  // Outside a repository, the current folder's .gitignore files still count (as markdownlint-cli2 and globby read them).
  const root = findRepositoryRoot(cwd) ?? resolve(cwd);
  const gitignores = new Map<string, Ignore | undefined>();
  const gitignoreOf = (folder: string): Ignore | undefined => {
    if (!gitignores.has(folder)) {
      // A .gitignore that is a link out of the repository, a FIFO or huge is not read (safeRead.ts).
      const read = readContainedFileSync(join(folder, '.gitignore'), root);
      gitignores.set(folder, read.ok ? ignore().add(read.text) : undefined);
    }
    return gitignores.get(folder);
  };
  /** The verdict of the .gitignore files from the root down to the path's folder: the last that matches it wins. */
  const matchesGitignores = (absolute: string, isFolder: boolean): boolean => {
    let ignoredNow = false;
    for (const folder of foldersBetween(root, dirname(absolute))) {
      const rules = gitignoreOf(folder);
      if (!rules) continue;
      const verdict = rules.test(relativePosix(folder, absolute)! + (isFolder ? '/' : ''));
      if (verdict.ignored) ignoredNow = true;
      else if (verdict.unignored) ignoredNow = false;
    }
    return ignoredNow;
  };
  const ignoredFolders = new Map<string, boolean>();
  const isIgnoredFolder = (folder: string): boolean => {
    let verdict = ignoredFolders.get(folder);
    if (verdict === undefined) ignoredFolders.set(folder, (verdict = matchesGitignores(folder, true)));
    return verdict;
  };
  return (absolute) => {
    const fromCwd = relativePosix(resolve(cwd), absolute);
    if (fromCwd !== undefined && fromCommandLine.ignores(fromCwd)) return true;
    if (!isInside(absolute, root)) return false;
    // As in git, nothing below an excluded folder comes back, whatever a deeper .gitignore says.
    const folders = foldersBetween(root, dirname(absolute)).slice(1);
    return folders.some(isIgnoredFolder) || matchesGitignores(absolute, false);
  };
}

/** `root`, then each folder down to `folder` (which is inside `root`). */
function foldersBetween(root: string, folder: string): string[] {
  const folders = [root];
  let current = root;
  for (const part of relative(root, folder).split(sep).filter(Boolean)) {
    current = join(current, part);
    folders.push(current);
  }
  return folders;
}

/** `absolute` relative to `folder` with forward slashes, as ignore patterns are written; undefined outside it. */
function relativePosix(folder: string, absolute: string): string | undefined {
  if (!isInside(absolute, folder) || absolute === folder) return undefined;
  return relative(folder, absolute).split(sep).join('/');
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
