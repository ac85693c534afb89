/**
 * Running the built CLI (dist/cli.js) as a separate process, the way a reviewer runs it on a repository
 * they did not write: with a time bound, so a hang fails the test instead of stalling the suite.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempProject } from '../cli/helpers';

export const BUILT_CLI = join(repoRoot, 'dist', 'cli.js');

function ensureBuilt(): void {
  if (!existsSync(BUILT_CLI)) spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'ignore' });
}

export interface BuiltRun {
  /** null when the time bound killed it. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `postmortem ...args` from `cwd`, killed after `timeoutMs` (a generous bound: only hangs should reach it). */
export function runBuilt(args: string[], cwd: string, timeoutMs = 30_000): BuiltRun {
  ensureBuilt();
  const run = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

/** The same, without blocking this process: several runs at once. */
export function runBuiltAsync(args: string[], cwd: string, timeoutMs = 30_000): Promise<BuiltRun> {
  ensureBuilt();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...args], { cwd, timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Temporary files a write may have left beside the files of `dir` (`.name.pid-xxxx.tmp`). */
export function leftoverTempFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

/** A P1 action item due too late (2023-09-30; latest 2023-08-23 after reviewed 2023-08-16), `deadline` written as `deadlineText`. */
export function lateDeadline(deadlineText = ' 2023-09-30', eol = '\n', extra: string[] = []): string {
  return (
    [
      '# Hostile --fix input',
      'id: INC-2023-08-16-001',
      'reviewed: 2023-08-16',
      'status: draft',
      'action_items:',
      '  - action: Add an alert on queue depth  # why: we were blind',
      '    owner: SRE',
      '    priority: P1',
      `    deadline:${deadlineText}`,
      '    status: open',
      ...extra,
    ].join(eol) + eol
  );
}

export const TODAY = ['--today', '2023-08-16'];

/** Runs `body` in a fresh project folder holding `files` (a `.git` marker included), removed afterwards. */
export async function inProject(files: Record<string, string>, body: (dir: string) => void | Promise<void>): Promise<void> {
  const project = tempProject(files);
  try {
    await body(project.dir);
  } finally {
    project.cleanup();
  }
}
