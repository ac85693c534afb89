#!/usr/bin/env node
// Installs code-server (a complete VS Code build that runs real extension
// hosts and serves the workbench to a browser) into the git-ignored
// `.vscode-test/code-server`, for `npm start` and the e2e runners.
// See test/e2e/README.md for why code-server and not @vscode/test-electron.
//
// A plain `npm i code-server` fails on these machines three times; each fix is
// applied here:
//   1. as root its postinstall refuses to run without --unsafe-perm
//      -> npm_config_unsafe_perm=true;
//   2. @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable)
//      -> it looks in $TMPDIR/vscode-ripgrep-cache-<pkg version>/<asset> first,
//         so a tarball of Debian's /usr/bin/rg is put there;
//   3. node-pty runs `npx node-gyp`, which waits at npx's prompt
//      -> npm_config_yes=true.
// npm 11 runs install scripts not covered by an `allowScripts` policy with only
// a notice, unless strict-allow-scripts is on; the wrapper package.json approves
// the outer ones, the environment turns strict mode and ignore-scripts off for
// the nested installs code-server's postinstall runs, and the result is checked
// file by file (the native modules really built) before it counts as installed.
//
// Usage: node scripts/install-code-server.mjs [--apt]
//   --apt   install missing Debian packages with apt-get (root only)
// A no-op (a few ms) when the same version is already installed.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, copyFileSync, chmodSync, statSync, openSync, writeSync, closeSync } from 'node:fs';
import { dirname, join, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arch } from 'node:os';

export const CODE_SERVER_VERSION = '4.100.3';
// What code-server 4.100.3's lib/vscode/npm-shrinkwrap.json pins, and the asset
// name that @vscode/ripgrep@1.15.11's lib/postinstall.js + lib/download.js build:
// `ripgrep-${VERSION}-${target}.tar.gz` with VERSION = 'v13.0.0-10'.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET_VERSION = 'v13.0.0-10';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const vscodeTestDir = join(root, '.vscode-test');
export const codeServerDir = join(vscodeTestDir, 'code-server');
const packageDir = join(codeServerDir, 'node_modules', 'code-server');
/** The server's entry point; run it with `process.execPath` (Node 20). */
export const codeServerEntry = join(packageDir, 'out', 'node', 'entry.js');
const markerFile = join(codeServerDir, '.installed');
const lockDir = join(vscodeTestDir, 'code-server.lock');

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

/**
 * Debian packages that code-server's install and the tests rely on, each with
 * a check that tells whether it is present. The build tools compile the native
 * modules (argon2, kerberos, node-pty, ...) that have no reachable prebuilt.
 */
const debianPackages = [
  { name: 'chromium', present: () => existsSync('/usr/bin/chromium'), why: 'the browser the tests drive' },
  { name: 'ripgrep', present: () => existsSync('/usr/bin/rg'), why: "VS Code's search (the GitHub download is unreachable)" },
  { name: 'libkrb5-dev', present: () => existsSync('/usr/include/gssapi/gssapi.h') && onPath('krb5-config'), why: 'compiling the kerberos native module' },
  { name: 'build-essential', present: () => onPath('make') && onPath('g++'), why: 'compiling native modules' },
  { name: 'python3', present: () => onPath('python3'), why: 'node-gyp' },
];

export function missingDebianPackages() {
  return debianPackages.filter((pkg) => !pkg.present());
}

/** Installs the missing Debian packages with apt-get when root; otherwise throws with the command to run. */
export function ensureDebianPackages({ apt = false, log = console.log } = {}) {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const names = missing.map((pkg) => pkg.name);
  const explain = missing.map((pkg) => `  - ${pkg.name}: ${pkg.why}`).join('\n');
  const isRoot = process.getuid?.() === 0;
  if (!apt || !isRoot || !onPath('apt-get')) {
    throw new Error(
      `Missing Debian packages:\n${explain}\nInstall them with:\n  sudo apt-get update && sudo apt-get install -y ${names.join(' ')}`,
    );
  }
  log(`Installing Debian packages: ${names.join(' ')} (full log: ${installLogFile})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  mkdirSync(dirname(installLogFile), { recursive: true });
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...names]]) {
    const out = openSync(installLogFile, 'a');
    const result = spawnSync('apt-get', args, { stdio: ['ignore', out, out], env });
    closeSync(out);
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}); the last lines of ${installLogFile}:\n${tailOf(installLogFile, 30)}`);
  }
  const still = missingDebianPackages();
  if (still.length > 0) throw new Error(`Still missing after apt-get: ${still.map((pkg) => pkg.name).join(' ')}`);
}

export function isCodeServerInstalled() {
  try {
    return readFileSync(markerFile, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(codeServerEntry);
  } catch {
    return false;
  }
}

function ripgrepTarget() {
  switch (arch()) {
    case 'x64': return 'x86_64-unknown-linux-musl';
    case 'arm64': return 'aarch64-unknown-linux-musl';
    default: throw new Error(`Unsupported architecture for the ripgrep cache: ${arch()}`);
  }
}

/** Puts Debian's rg where @vscode/ripgrep's postinstall looks before downloading. */
function seedRipgrepCache(tmpDir) {
  const cacheDir = join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const asset = join(cacheDir, `ripgrep-${RIPGREP_ASSET_VERSION}-${ripgrepTarget()}.tar.gz`);
  if (existsSync(asset)) return;
  const staging = join(tmpDir, 'rg-staging');
  mkdirSync(staging, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  copyFileSync('/usr/bin/rg', join(staging, 'rg'));
  chmodSync(join(staging, 'rg'), 0o755);
  const result = spawnSync('tar', ['czf', asset, '-C', staging, 'rg'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('could not create the ripgrep cache tarball');
}

/** Files that exist only when every install script really ran and every native module built. */
function installProblems() {
  const vscodeModules = join(packageDir, 'lib', 'vscode', 'node_modules');
  const expected = [
    [codeServerEntry, 'code-server itself'],
    [join(packageDir, 'lib', 'vscode', 'node_modules.asar'), "code-server's postinstall (node_modules.asar link)"],
    [join(packageDir, 'lib', 'vscode', 'extensions', 'node_modules'), 'the built-in extensions’ dependencies'],
    [join(vscodeModules, '@vscode', 'ripgrep', 'bin', 'rg'), '@vscode/ripgrep (ripgrep cache)'],
    [join(vscodeModules, 'node-pty', 'build', 'Release', 'pty.node'), 'node-pty native module'],
    [join(vscodeModules, 'kerberos', 'build', 'Release', 'kerberos.node'), 'kerberos native module (libkrb5-dev)'],
    [join(vscodeModules, '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'), '@vscode/spdlog native module'],
    [join(vscodeModules, 'native-watchdog', 'build', 'Release', 'watchdog.node'), 'native-watchdog native module'],
    [join(codeServerDir, 'node_modules', 'argon2', 'lib', 'binding', 'napi-v3', 'argon2.node'), 'argon2 native module'],
  ];
  return expected.filter(([path]) => !existsSync(path)).map(([path, what]) => `${what}: ${path} is missing`);
}

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (error) { return error.code === 'EPERM'; }
}

/** An exclusive lock, so two runners started at once do not install into the same folder. */
async function withLock(log, body) {
  mkdirSync(vscodeTestDir, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = NaN;
      try { owner = Number(readFileSync(join(lockDir, 'pid'), 'utf8')); } catch { /* being written */ }
      const age = Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
      if ((Number.isInteger(owner) && owner > 0 && !isAlive(owner)) || (Number.isNaN(owner) && age > 10_000)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir} (held by pid ${owner})`);
      if (!told) { log(`Waiting for another code-server install (pid ${owner}) to finish...`); told = true; }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Where the install writes the full output of npm and apt-get (git-ignored, next to code-server). */
export const installLogFile = join(vscodeTestDir, 'code-server-install.log');

/**
 * Runs a command with its whole output appended to `logFile`, not the
 * terminal: a cold install prints some 260 lines (node-gyp retries, npm
 * warnings) that bury the one line that matters, the URL. `log` gets a
 * progress line now and then, and on a failure the last lines of the log.
 * Resolves to the exit code (128 when killed by a signal).
 */
export function runLogged(command, args, { logFile, log = console.log, env = process.env, cwd, progressEveryMs = 20_000 } = {}) {
  mkdirSync(dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'a');
  writeSync(out, `\n$ ${[command, ...args].join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', out, out], env, cwd });
    const timer = setInterval(() => log(`  ...still running (${Math.round((Date.now() - started) / 1000)} s; log: ${logFile})`), progressEveryMs);
    const finish = (result, error) => {
      clearInterval(timer);
      closeSync(out);
      if (error) reject(error);
      else resolve(result);
    };
    child.on('error', (error) => finish(undefined, error));
    child.on('close', (code, signal) => {
      const status = signal ? 128 : code;
      if (status !== 0) log(`${[command, ...args].join(' ')} failed (exit ${status}); the last lines of ${logFile}:\n${tailOf(logFile, 30)}`);
      finish(status);
    });
  });
}

/** The last `count` lines of a text file ('' when it cannot be read). */
export function tailOf(file, count) {
  let text = '';
  try { text = readFileSync(file, 'utf8'); } catch { return ''; }
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/**
 * Makes sure code-server is installed and returns the path of its entry
 * point. Fast when already installed; otherwise installs it (about 80 s cold).
 */
export async function ensureCodeServer({ apt = false, log = console.log } = {}) {
  if (isCodeServerInstalled()) return codeServerEntry;
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20 && !process.env.FORCE_NODE_VERSION) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20 (its postinstall refuses others); this is Node ${process.versions.node}.`);
  }
  ensureDebianPackages({ apt, log });
  return withLock(log, async () => {
    if (isCodeServerInstalled()) return codeServerEntry; // another process finished it while we waited
    const started = Date.now();
    log(`Installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (about 1-2 minutes)...`);
    // A half-finished install would skip the postinstall on the next try: start clean.
    rmSync(join(codeServerDir, 'node_modules'), { recursive: true, force: true });
    rmSync(join(codeServerDir, 'package-lock.json'), { force: true });
    mkdirSync(codeServerDir, { recursive: true });
    writeFileSync(join(codeServerDir, 'package.json'), `${JSON.stringify({
      name: 'postmortems-as-code-code-server',
      private: true,
      description: 'code-server for npm start and the e2e tests; installed by scripts/install-code-server.mjs',
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      // npm 11's install-script policy: these are the outer packages whose
      // install scripts must run (code-server's postinstall builds VS Code's
      // node_modules; argon2 is a native module).
      allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
    }, null, 2)}\n`);
    const tmpDir = join(vscodeTestDir, 'tmp', 'install');
    mkdirSync(tmpDir, { recursive: true });
    seedRipgrepCache(tmpDir);
    const env = {
      ...process.env,
      TMPDIR: tmpDir,
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_ignore_scripts: 'false',
      npm_config_strict_allow_scripts: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
    };
    // node-gyp downloads Node's headers from nodejs.org (unreachable) unless told where they are.
    if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
    for (const key of Object.keys(env)) {
      // Settings of an enclosing `npm run` (prefix, omit, ...) must not leak into this separate project.
      if (/^npm_(config_(prefix|local_prefix|omit|include|production|only|workspaces?|save.*|package_lock_only|dry_run)|package_.*|lifecycle_.*)$/i.test(key)) delete env[key];
    }
    const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
    rmSync(installLogFile, { force: true });
    log(`  npm install code-server@${CODE_SERVER_VERSION} (full log: ${installLogFile})`);
    const code = await runLogged(npmCli[0], [...npmCli[1], 'install', '--foreground-scripts', '--no-package-lock', '--omit=dev', '--loglevel=warn'], { cwd: codeServerDir, env, logFile: installLogFile, log });
    if (code !== 0) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}); full log: ${installLogFile}`);
    const problems = installProblems();
    if (problems.length > 0) {
      throw new Error(`code-server installed but some install scripts did not run or did not build:\n  ${problems.join('\n  ')}\nFull log: ${installLogFile}`);
    }
    writeFileSync(markerFile, `${CODE_SERVER_VERSION}\n`);
    log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return codeServerEntry;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const entry = await ensureCodeServer({ apt: process.argv.includes('--apt') });
    console.log(`code-server ${CODE_SERVER_VERSION} ready: ${entry}`);
  } catch (error) {
    console.error(`install-code-server: ${error.message}`);
    process.exit(1);
  }
}
