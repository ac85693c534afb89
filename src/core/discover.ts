/**
 * Finding post-mortem files on disk: one function for every command that takes
 * paths (`lint`, `review`; `render` takes one named file and needs no search),
 * so they find the same files and treat a bad path the same way.
 *
 * Plain node fs, no VS Code. The extension finds files with its own glob and
 * exclude (POSTMORTEM_GLOB and EXCLUDE_GLOB in src/extension/workspaceIndex.ts);
 * the two must agree on the file name and on the skipped folders.
 */
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findRepositoryRoot } from './projectConfig';
import { isInside, readContainedFile } from './safeRead';

/**
 * The one file name pattern, as the format names it: `*.pm.yaml`, exactly
 * (case-sensitive, no `.pm.yml`), the same as the extension's glob, its
 * `yamlValidation` fileMatch and its menus. A file named on the command line
 * is read whatever its name.
 */
export const POSTMORTEM_SUFFIX = '.pm.yaml';

/** Folders never searched: dependencies and VCS data hold no post-mortems of the repository. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export function isPostmortemFileName(name: string): boolean {
  return name.endsWith(POSTMORTEM_SUFFIX);
}

/**
 * A post-mortem file to read: the path to show (as given, or the folder as
 * given + the found name), where it is on disk, and the folder it must stay
 * inside once its links are resolved (see readContainedFile).
 */
export interface FoundFile {
  display: string;
  absolute: string;
  boundary: string;
}

/**
 * What a path may reach through links: the repository it is written in (the
 * folder holding `.git`), else the folder given, or the folder of the file given.
 */
export function boundaryOf(absolute: string, isFolder: boolean): string {
  const folder = isFolder ? absolute : dirname(absolute);
  return findRepositoryRoot(folder) ?? folder;
}

/** A path (given or met while searching) that could not be read, with the reason in words. */
export interface PathProblem {
  path: string;
  message: string;
}

/**
 * Expands path arguments: a file is taken as is (whatever its name, since the
 * user named it), a folder is searched recursively for `*.pm.yaml`, in name
 * order, skipping `node_modules` and `.git`. A path that is missing or cannot
 * be read is reported in `problems`, never thrown, so the rest is still read;
 * the commands name each problem on stderr and exit 2 at the end. A file
 * reached twice (given twice, or given and found) is listed once.
 */
export async function discoverPostmortems(paths: readonly string[], cwd: string): Promise<{ files: FoundFile[]; problems: PathProblem[] }> {
  const files: FoundFile[] = [];
  const problems: PathProblem[] = [];
  const seen = new Set<string>();
  const addWithin =
    (boundary: string) =>
    (display: string, absolute: string): void => {
      if (seen.has(absolute)) return;
      seen.add(absolute);
      files.push({ display, absolute, boundary });
    };

  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      problems.push({ path: given, message: describeFsError(error) });
      continue;
    }
    if (stat.isDirectory()) {
      const boundary = boundaryOf(absolute, true);
      // A folder that is a link out of its repository (`postmortems -> /`) is not searched.
      if (!(await staysInside(absolute, boundary))) {
        problems.push({ path: given, message: 'it is a link that leads outside the repository, so it is not searched' });
        continue;
      }
      await walk(given, absolute, addWithin(boundary), problems);
    } else {
      addWithin(boundaryOf(absolute, false))(given, absolute);
    }
  }
  return { files, problems };
}

async function walk(display: string, absolute: string, add: (display: string, absolute: string) => void, problems: PathProblem[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(absolute, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: display, message: describeFsError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const childDisplay = joinDisplay(display, entry.name);
    const childAbsolute = join(absolute, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(childDisplay, childAbsolute, add, problems);
    } else if (isPostmortemFileName(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      // A linked file is read through its link; linked folders are not followed (no cycles).
      add(childDisplay, childAbsolute);
    }
  }
}

async function staysInside(absolute: string, boundary: string): Promise<boolean> {
  try {
    return isInside(await fs.realpath(absolute), await fs.realpath(boundary));
  } catch {
    return false;
  }
}

/** `postmortems/` + `a.pm.yaml` -> `postmortems/a.pm.yaml`, keeping the user's spelling of the folder. */
function joinDisplay(folder: string, name: string): string {
  if (folder === '.' || folder === './') return name;
  return /[\\/]$/.test(folder) ? folder + name : `${folder}/${name}`;
}

/** A file system error in words for a message: "no such file or directory", not "ENOENT: ...". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of links (a link loop)';
    default:
      return (error as Error)?.message ?? String(error);
  }
}

/**
 * A post-mortem of an editor's workspace folder, read as the CLI reads it (src/core/safeRead.ts): not
 * through a link out of its repository or folder, only a regular file, within the size cap; without a
 * byte-order mark, as editors decode it. Undefined when it is not read.
 */
export async function readWorkspacePostmortem(path: string, folderPath: string | undefined): Promise<string | undefined> {
  const read = await readContainedFile(path, folderPath !== undefined ? boundaryOf(folderPath, true) : boundaryOf(path, false));
  return read.ok ? read.text.replace(/^\uFEFF/, '') : undefined;
}
