import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_CONFIG_FILE } from '../core/config';
import { findRepositoryRoot, loadProjectConfig } from '../core/projectConfig';
import { loadRepositoryPeople } from '../core/repositoryPeople';
import { mergeSettings, type LintSettings } from '../core/settings';

/** A post-mortem file the CLI will read: the path to show (as given or found) and where it is on disk. */
export interface FoundFile {
  display: string;
  absolute: string;
}

export interface PathProblem {
  path: string;
  message: string;
}

const POSTMORTEM_FILE = /\.pm\.yaml$/;
/** Folders never searched: dependencies, VCS data and build output hold no post-mortems of the repository. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/**
 * Expands the CLI's path arguments: a file is taken as is (whatever its name,
 * since the user named it), a folder is searched recursively for `*.pm.yaml`.
 * Paths that cannot be read are reported, never thrown, so the rest still runs.
 */
export async function collectFiles(paths: readonly string[], cwd: string): Promise<{ files: FoundFile[]; problems: PathProblem[] }> {
  const files: FoundFile[] = [];
  const problems: PathProblem[] = [];
  const seen = new Set<string>();
  const add = (display: string, absolute: string): void => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ display, absolute });
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
      await walk(given, absolute, add, problems);
    } else {
      add(given, absolute);
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
    } else if (POSTMORTEM_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      add(childDisplay, childAbsolute);
    }
  }
}

/** `postmortems/` + `a.pm.yaml` -> `postmortems/a.pm.yaml`, keeping the user's spelling of the folder. */
function joinDisplay(folder: string, name: string): string {
  if (folder === '.' || folder === './') return name;
  return /[\\/]$/.test(folder) ? folder + name : `${folder}/${name}`;
}

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
    default:
      return (error as Error)?.message ?? String(error);
  }
}

/**
 * The settings `lint` and `render` check with: the nearest `.postmortem.yaml`
 * above `cwd` (up to the repository root), whose bad entries are reported
 * through `warn` and left out, plus the people the repository knows (git
 * authors, CODEOWNERS) for the blameless rules.
 */
export async function loadLintSettings(cwd: string, warn: (message: string) => void): Promise<LintSettings> {
  const config = loadProjectConfig(cwd);
  for (const w of config.warnings) warn(`${config.file ?? PROJECT_CONFIG_FILE}:${w.range.start.line + 1}:${w.range.start.character + 1} ${w.message}`);
  // The repository root: the folder with `.git`, else the config's folder, else the cwd.
  const repositoryDir = findRepositoryRoot(cwd) ?? (config.file ? dirname(config.file) : resolve(cwd));
  let people: string[] = [];
  try {
    people = await loadRepositoryPeople(repositoryDir);
  } catch {
    // Without git or CODEOWNERS the rules still know authors, owners and the roster.
  }
  return mergeSettings(config.settings, { people });
}
