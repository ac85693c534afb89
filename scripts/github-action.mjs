#!/usr/bin/env node
// The GitHub Action (action.yml at the repository root) runs this file: plain Node, no dependencies,
// nothing to build. It lists the post-mortems (git pathspecs, so `**` globs work the same everywhere),
// runs the `postmortem` CLI over all of them (cross-file rules such as duplicate-id need every file),
// prints GitHub annotations for the ones asked for (all, or only those the pull request changed),
// optionally writes SARIF, and fails on errors or on more warnings than `max-warnings`.
//
// Inputs come as INPUT_* variables (action.yml maps them; a composite action does not do it by itself).
// No input is ever put into a shell command line: git, npm and node are started with argument lists.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'postmortems-as-code';

/** Exit codes as the CLI's: 0 passed, 1 findings over the limits, 2 the action could not run. */
export async function runAction(env = process.env, out = (t) => process.stdout.write(t)) {
  const log = (line) => out(`${line}\n`);
  const fail = (message) => {
    log(`::error title=postmortem lint::${escapeData(message)}`);
    return 2;
  };
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const actionPath = resolve(env.GITHUB_ACTION_PATH || join(dirname(fileURLToPath(import.meta.url)), '..'));
  const patterns = (env.INPUT_PATHS || 'postmortems/**/*.pm.yaml').split(/\r?\n/).map((p) => p.trim()).filter(Boolean);
  const onlyChanged = readBoolean(env.INPUT_ONLY_CHANGED);
  const sarifFile = (env.INPUT_SARIF_FILE || '').trim();
  const maxWarnings = (env.INPUT_MAX_WARNINGS || '-1').trim();
  if (onlyChanged === undefined) return fail(`only-changed must be true or false, not "${env.INPUT_ONLY_CHANGED}".`);
  if (!/^-1$|^\d+$/.test(maxWarnings)) return fail(`max-warnings must be a whole number (or -1 for no limit), not "${maxWarnings}".`);

  const git = (args) => execFileSync('git', args, { cwd: workspace, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  let pathspecs;
  let files;
  try {
    pathspecs = patterns.map((p) => toPathspec(p, workspace));
    files = splitNul(git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...pathspecs])).filter((f) => existsSync(join(workspace, f)));
  } catch (error) {
    return fail(`cannot list the post-mortems with git in ${workspace}: ${firstLine(error)}`);
  }
  files = [...new Set(files)].sort();

  let reported = new Set(files);
  if (onlyChanged) {
    const base = baseOf(env);
    if (!base) {
      log('::notice title=postmortem lint::only-changed: no base commit (not a pull request or push event, and no base-ref input); linting every post-mortem.');
    } else {
      try {
        reported = new Set(changedFiles(git, base, pathspecs));
      } catch (error) {
        return fail(`only-changed: cannot compare with ${base}: ${firstLine(error)}. With actions/checkout, the default (the pull request's merge commit) works; or set fetch-depth: 0.`);
      }
      log(`postmortem lint: ${reported.size} of ${files.length} post-mortems changed since ${base.slice(0, 12)}.`);
    }
  }

  if (files.length === 0) {
    log(`::notice title=postmortem lint::No post-mortems match ${patterns.join(', ')}.`);
    writeOutputs(env, { errors: 0, warnings: 0, notices: 0, files: 0 });
    return 0;
  }

  let cli;
  try {
    cli = resolveCli(env, actionPath, log);
  } catch (error) {
    return fail(`cannot install ${PACKAGE}: ${firstLine(error)}`);
  }
  const run = (format) => spawnSync(process.execPath, [cli, 'lint', '--format', format, ...files], { cwd: workspace, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

  // SARIF covers every post-mortem even with only-changed: code scanning closes the alerts a new upload leaves out.
  if (sarifFile) {
    const sarif = run('sarif');
    if (sarif.status === 2 || sarif.stdout === '') return fail(`postmortem lint --format sarif failed: ${sarif.stderr.trim()}`);
    const target = resolve(workspace, sarifFile);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, sarif.stdout);
    log(`postmortem lint: SARIF written to ${sarifFile}.`);
  }

  const lint = run('github');
  if (lint.stderr) process.stderr.write(lint.stderr);
  if (lint.status === 2 || lint.status === null) return fail(`postmortem lint could not check the files (exit ${lint.status}); see the log above.`);
  const counts = { errors: 0, warnings: 0, notices: 0, files: reported.size };
  for (const line of lint.stdout.split('\n')) {
    const annotation = /^::(error|warning|notice) file=([^,]*)/.exec(line);
    if (!annotation || !reported.has(unescapeProperty(annotation[2]))) continue;
    counts[`${annotation[1]}s`]++;
    log(line);
  }
  writeOutputs(env, { ...counts, ...(sarifFile ? { 'sarif-file': sarifFile } : {}) });
  log(`postmortem lint: ${counts.errors} error(s), ${counts.warnings} warning(s), ${counts.notices} notice(s) in ${counts.files} post-mortem(s).`);
  if (counts.errors > 0) return 1;
  if (maxWarnings !== '-1' && counts.warnings > Number(maxWarnings)) {
    log(`::error title=postmortem lint::${counts.warnings} warnings, more than max-warnings (${maxWarnings}).`);
    return 1;
  }
  return 0;
}

/**
 * The CLI to run: the action's own build when there is one (this repository's CI, `uses: ./` after
 * `npm run build`), else the npm package of the action's version (or the `version` input), installed
 * into the runner's temporary folder. The action never needs bundles committed to git.
 */
function resolveCli(env, actionPath, log) {
  const own = join(actionPath, 'dist', 'cli.js');
  if (!env.INPUT_VERSION && existsSync(own)) return own;
  const version = (env.INPUT_VERSION || JSON.parse(readFileSync(join(actionPath, 'package.json'), 'utf8')).version).trim();
  if (!/^[0-9A-Za-z][0-9A-Za-z.+-]*$/.test(version)) throw new Error(`"${version}" is not a version`);
  const prefix = join(env.RUNNER_TEMP || tmpdir(), `postmortem-cli-${version}`);
  const cli = join(prefix, 'node_modules', PACKAGE, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    log(`postmortem lint: installing ${PACKAGE}@${version} from npm.`);
    mkdirSync(prefix, { recursive: true });
    const npm = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', `${PACKAGE}@${version}`], {
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    if (npm.status !== 0) throw new Error((npm.stderr || npm.error?.message || '').trim() || `npm exited with ${npm.status}`);
  }
  return cli;
}

/** A pattern as a git pathspec: globs with `**`; a folder means the post-mortems under it. */
function toPathspec(pattern, workspace) {
  if (pattern.startsWith(':')) throw new Error(`"${pattern}": pathspec magic is not accepted, write a path or glob`);
  const plain = !/[*?[]/.test(pattern);
  if (plain && isDirectory(join(workspace, pattern))) return `:(glob)${pattern.replace(/\/+$/, '')}/**/*.pm.yaml`;
  return `:(glob)${pattern}`;
}

/** The commit a pull request or push is compared with: the base-ref input, the pull request's base, or the push's previous head. */
function baseOf(env) {
  if (env.INPUT_BASE_REF?.trim()) return env.INPUT_BASE_REF.trim();
  if (!env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return undefined;
  let event;
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch {
    return undefined;
  }
  const sha = event?.pull_request?.base?.sha ?? event?.merge_group?.base_sha ?? event?.before;
  return typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha) && !/^0+$/.test(sha) ? sha : undefined;
}

/** Files changed between the base (from where the branches meet, when the history is there) and the working tree; deleted files left out. */
function changedFiles(git, base, pathspecs) {
  if (base.startsWith('-')) throw new Error('a base starting with "-" is not a commit');
  const commit = `${base}^{commit}`;
  try {
    git(['rev-parse', '--verify', '--quiet', '--end-of-options', commit]);
  } catch {
    // Shallow clones (actions/checkout's default depth 1) lack the base: fetch just that commit.
    git(['fetch', '--no-tags', '--depth=1', 'origin', '--end-of-options', base]);
  }
  let from = base;
  try {
    from = git(['merge-base', '--end-of-options', base, 'HEAD']).trim();
  } catch {
    // No common history here (a shallow merge commit): its first parent is the base, so base..HEAD is the change.
  }
  // --relative: paths from the workspace, as ls-files gives them, also when it is a folder inside the repository.
  return splitNul(git(['diff', '--name-only', '-z', '--relative', '--no-renames', '--diff-filter=d', from, '--', ...pathspecs]));
}

function writeOutputs(env, values) {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(env.GITHUB_OUTPUT, Object.entries(values).map(([k, v]) => `${k}=${v}\n`).join(''));
}

function readBoolean(value) {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  return undefined;
}

function splitNul(text) {
  return text.split('\0').filter(Boolean);
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A workflow command's property value, as src/cli/formats/github.ts escapes it. */
function unescapeProperty(value) {
  return value.replace(/%(25|0D|0A|3A|2C)/g, (_, code) => String.fromCharCode(parseInt(code, 16)));
}

function escapeData(text) {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function firstLine(error) {
  const text = String(error?.stderr || error?.message || error).trim();
  return text.split('\n')[0];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runAction();
}
