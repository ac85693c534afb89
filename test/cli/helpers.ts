import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main';

export const repoRoot = join(__dirname, '..', '..');
export const examplesDir = join(repoRoot, 'examples', 'postmortems');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, as `postmortem ...args` run from `cwd`. */
export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** A fresh folder holding the given files (relative path -> text); removed by the returned cleanup. */
export function tempProject(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
  // A `.git` marker makes the folder its own repository: no config or people leak in from above.
  mkdirSync(join(dir, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A complete post-mortem that lints clean (the SEV-2 example). */
export const CLEAN = readFileSync(join(examplesDir, '2026-06-09-search-ranking-bad-deploy.pm.yaml'), 'utf8');

/** The clean document with a wrong severity (a schema error) on line 13 ("  severity: SEV-9", value at column 12). */
export const SCHEMA_BROKEN = CLEAN.replace('severity: SEV-2', 'severity: SEV-9');

/** A YAML syntax error: an unclosed flow sequence. */
export const SYNTAX_BROKEN = 'id: INC-2026-06-09-002\ntitle: Broken\nstatus: draft\nauthors: [Amara Okafor\n';

/** Position (0-based) of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export const BUILT_CLI = join(repoRoot, 'dist', 'cli.js');

/** `node dist/cli.js ...args` in `cwd` as a real process (stdin from `input`); the bundle must be built (`node scripts/build.mjs`). */
export function runBuiltCli(args: string[], cwd: string, input?: string): CliRun {
  if (!existsSync(BUILT_CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');
  const child = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd, input: input ?? '', encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
  if (child.error) throw child.error;
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** A fresh folder that is not a repository (no `.git` here; the temp folder above has none either). */
export function tempFolder(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const project = tempProject(files);
  rmSync(join(project.dir, '.git'), { recursive: true, force: true });
  return project;
}

/** CLEAN as a draft whose second and third action items have no owner: two warnings (errors once past draft, or with --strict). */
export const DRAFT_WITHOUT_OWNERS = CLEAN.replace('status: reviewed', 'status: draft').replace(/\n {4}owner: search-team/g, '');
