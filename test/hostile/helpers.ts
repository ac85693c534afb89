// Hostile repositories, built at test time in temp folders, and the built CLI (dist/cli.js) run on them
// in a child process with a time bound: a command that blocks on a FIFO or reads /dev/zero forever must
// show up as a failed test, not a hung suite.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLEAN, repoRoot } from '../cli/helpers';

export { CLEAN };

export const CLI = join(repoRoot, 'dist', 'cli.js');
/** Generous: a command on a handful of files takes well under a second; a hang takes forever. */
export const TIME_BOUND_MS = 20_000;

export interface BuiltRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the time bound killed the command. */
  timedOut: boolean;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Keep stdin open and never write to it (a command reading /dev/stdin would wait forever). */
  holdStdinOpen?: boolean;
}

/** `node dist/cli.js ...args` in `cwd`, killed after TIME_BOUND_MS. */
export function runBuilt(args: string[], cwd: string, options: RunOptions = {}): Promise<BuiltRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run node scripts/build.mjs first`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, ...options.env },
      stdio: [options.holdStdinOpen ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr?.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_BOUND_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin?.destroy();
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/**
 * A temp folder holding a repository (`repo/`, with a `.git` marker) and, beside it, a folder the repository
 * must never reach (`outside/`) with a secret in it. Paths are real paths (macOS /var -> /private/var).
 */
export interface HostileWorld {
  root: string;
  repo: string;
  outside: string;
  /** A file outside the repository holding `secret`. */
  secretFile: string;
  secret: string;
  write(relative: string, text: string): string;
  cleanup(): void;
}

let worlds = 0;

export function hostileWorld(): HostileWorld {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'pm-hostile-')));
  const repo = join(root, 'repo');
  const outside = join(root, 'outside');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'postmortems'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  const secret = `SECRET-${process.pid}-${++worlds}-${Math.random().toString(36).slice(2)}`;
  const secretFile = join(outside, 'credentials');
  writeFileSync(secretFile, `aws_secret_access_key = ${secret}\n`);
  return {
    root,
    repo,
    outside,
    secretFile,
    secret,
    write(relative, text) {
      const path = join(repo, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The output a person or a CI log would see. */
export function allOutput(run: BuiltRun): string {
  return run.stdout + run.stderr;
}

/** Characters that must never reach a terminal raw: C0 but tab and newline, DEL, C1, bidi controls. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
