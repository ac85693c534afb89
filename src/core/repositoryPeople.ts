/**
 * People known from the repository itself, for the blame-named-individual
 * rule: the owners in CODEOWNERS (@handles and e-mail addresses) and the
 * commit authors git knows (names and e-mail addresses). The host merges
 * them into `LintSettings.people`. Node-only (fs, child_process): the CLI
 * calls it with the project folder, the extension only for `file:` folders.
 * Never throws; a folder without git, CODEOWNERS or history gives [].
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROLE_MAILBOX, TOOL_NAMES } from './blame/lexicon';
import { CODEOWNERS_LOCATIONS, parseCodeowners, uniquePeople } from './codeowners';
import { readContainedFile } from './safeRead';

export { CODEOWNERS_LOCATIONS, parseCodeowners } from './codeowners';

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
    // Only a regular file of the repository: a CODEOWNERS linked to /dev/zero or out of the repository is not read.
    const read = await readContainedFile(join(repositoryDir, location), repositoryDir);
    if (read.ok) people.push(...parseCodeowners(read.text));
  }
  return people;
}

/**
 * The repository is someone else's: its `.git/config` must not be able to start a program when we read
 * its history. Options given with `-c` win over every config file, so each setting that names a program,
 * or makes git run one, is set here to nothing that runs: signatures are not checked (`log.showSignature`
 * with `gpg.program` ran any program of the repository's choosing), no pager, no fsmonitor, no hooks,
 * no external diff or textconv, no transport (a partial clone would otherwise fetch missing objects,
 * through `core.sshCommand` or a remote helper), and only the in-tree `.mailmap` (a file, read).
 */
export const LOCKED_DOWN_GIT: readonly string[] = [
  '--no-pager',
  '-c', 'log.showSignature=false',
  '-c', 'gpg.program=false',
  '-c', 'gpg.openpgp.program=false',
  '-c', 'gpg.x509.program=false',
  '-c', 'gpg.ssh.program=false',
  '-c', 'core.pager=cat',
  '-c', 'pager.log=false',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'core.sshCommand=false',
  '-c', 'core.askPass=',
  '-c', 'credential.helper=',
  '-c', 'protocol.allow=never',
  '-c', 'mailmap.file=',
  '-c', 'mailmap.blob=',
  '-c', 'safe.bareRepository=explicit',
];

/**
 * The environment git runs in: none of the caller's GIT_* variables (GIT_DIR, GIT_CONFIG_PARAMETERS,
 * GIT_EXTERNAL_DIFF, GIT_TRACE... would change what runs or where), no system or global config (only
 * the command line and the repository's own, which the command line overrides), no prompts, no locks
 * taken, no lazy fetch of a partial clone.
 */
export function lockedDownGitEnvironment(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(environment).filter(([name]) => !/^GIT_/i.test(name)));
  return {
    ...kept,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: process.platform === 'win32' ? 'NUL' : '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_PAGER: 'cat',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
  };
}

/** Commit author names and e-mail addresses from `git log`; [] without git or outside a repository. */
export function gitAuthors(repositoryDir: string, options: RepositoryPeopleOptions = {}): Promise<string[]> {
  return new Promise((resolve) => {
    try {
      execFile(
        options.gitPath ?? 'git',
        [...LOCKED_DOWN_GIT, '-C', repositoryDir, 'log', '--no-show-signature', '--no-ext-diff', '--no-textconv', '--no-color', '--format=%aN%n%aE'],
        { timeout: options.gitTimeoutMs ?? 3000, maxBuffer: 32 * 1024 * 1024, windowsHide: true, env: lockedDownGitEnvironment(process.env) },
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
