/**
 * People known from the repository itself, for the blame-named-individual
 * rule: the owners in CODEOWNERS (@handles and e-mail addresses) and the
 * commit authors git knows (names and e-mail addresses). The host merges
 * them into `LintSettings.people`. Node-only (fs, child_process): the CLI
 * calls it with the project folder, the extension only for `file:` folders.
 * Never throws; a folder without git, CODEOWNERS or history gives [].
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROLE_MAILBOX, TOOL_NAMES } from './blame/lexicon';

/** Where GitHub and GitLab look for CODEOWNERS, in their order. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

export interface RepositoryPeopleOptions {
  /** Give up on `git log` after this long (large histories); default 3000 ms. */
  gitTimeoutMs?: number;
  /** The git executable; default `git` on the PATH. */
  gitPath?: string;
}

export async function loadRepositoryPeople(repositoryDir: string, options: RepositoryPeopleOptions = {}): Promise<string[]> {
  const [owners, authors] = await Promise.all([readCodeowners(repositoryDir), gitAuthors(repositoryDir, options)]);
  return uniquePeople([...owners, ...authors]);
}

/** Every owner of every CODEOWNERS file that exists, in file order. */
export async function readCodeowners(repositoryDir: string): Promise<string[]> {
  const people: string[] = [];
  for (const location of CODEOWNERS_LOCATIONS) {
    let text: string;
    try {
      text = await readFile(join(repositoryDir, location), 'utf8');
    } catch {
      continue;
    }
    people.push(...parseCodeowners(text));
  }
  return people;
}

/**
 * The owners in a CODEOWNERS text: `@user` handles and e-mail addresses.
 * `@org/team` owners are teams, not people, and are left out; so are the
 * path patterns, comments and `[Section]` headers.
 */
export function parseCodeowners(text: string): string[] {
  const owners: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || /^\^?\[[^\]]*\]/.test(line)) continue;
    // The first field is the path pattern (backslash-escaped spaces belong to it).
    const fields = line.split(/(?<!\\)\s+/).slice(1);
    for (const field of fields) {
      if (/^@[A-Za-z0-9][\w.-]*$/.test(field)) owners.push(field);
      else if (/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(field) && !ROLE_MAILBOX.test(field.split('@')[0])) owners.push(field);
    }
  }
  return owners;
}

/** Commit author names and e-mail addresses from `git log`; [] without git or outside a repository. */
export function gitAuthors(repositoryDir: string, options: RepositoryPeopleOptions = {}): Promise<string[]> {
  return new Promise((resolve) => {
    try {
      execFile(
        options.gitPath ?? 'git',
        ['-C', repositoryDir, 'log', '--format=%aN%n%aE', '--no-color'],
        { timeout: options.gitTimeoutMs ?? 3000, maxBuffer: 32 * 1024 * 1024, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
        (error, stdout) => {
          // A timeout still leaves what git printed so far; missing git or "not a repository" leaves nothing.
          const text = typeof stdout === 'string' ? stdout : '';
          if (error && text === '') return resolve([]);
          resolve(text.split(/\r?\n/).map((s) => s.trim()).filter(isPersonLike));
        },
      );
    } catch {
      resolve([]);
    }
  });
}

/** Bots, role mailboxes and tool-named accounts ("Jenkins" committing a release) are not people to look for. */
function isPersonLike(entry: string): boolean {
  if (entry.length < 2 || entry.length > 100 || !/\p{L}/u.test(entry)) return false;
  if (/\[bot\]|\bbot$|^(?:github|gitlab)[- ]actions?|^dependabot|^renovate|^root$|^admin$|^ubuntu$|^user$|^unknown$/i.test(entry)) return false;
  const at = entry.indexOf('@');
  if (at > 0) return !ROLE_MAILBOX.test(entry.slice(0, at)) && !TOOL_NAMES.has(entry.slice(0, at).toLowerCase());
  return !TOOL_NAMES.has(entry.toLowerCase());
}

function uniquePeople(people: string[]): string[] {
  const seen = new Map<string, string>();
  for (const person of people) if (!seen.has(person.toLowerCase())) seen.set(person.toLowerCase(), person);
  return [...seen.values()];
}
