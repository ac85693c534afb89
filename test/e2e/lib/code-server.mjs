// Starting and stopping code-server for the runners and `npm start`.
// The server runs in its own process group and is stopped by signalling the
// whole group: the extension host and file watcher outlive a plain SIGTERM to
// the server by 10-20 s otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureCodeServer } from '../../../scripts/install-code-server.mjs';
import { readTextIfExists } from './run-dir.mjs';

/**
 * Flags that keep runs clean and quiet (see test/e2e/README.md). `workspaceTrust`
 * keeps VS Code's trust check on, so a folder can open in Restricted Mode.
 */
function serverFlags({ port, userDataDir, extensionsDir, workspaceTrust = false }) {
  return [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
}

/** A TCP port that is free right now on 127.0.0.1: `preferred` if given and free, else one the OS picks. */
export async function freePort(preferred) {
  const tryListen = (port) => new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
  if (preferred) {
    const port = await tryListen(Number(preferred));
    if (port) return port;
    throw new Error(`port ${preferred} is in use`);
  }
  return tryListen(0);
}

const runningGroups = new Set();
function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}
// Whatever way the runner ends, no server group survives it.
process.on('exit', () => { for (const pid of runningGroups) killGroup(pid, 'SIGKILL'); });

/** Installs a .vsix into an extensions folder with code-server's own CLI. */
export async function installVsix({ vsixPath, userDataDir, extensionsDir, env = {} }) {
  const entry = await ensureCodeServer();
  const result = spawnSync(process.execPath, [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsixPath, '--force'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0 || !/successfully installed|already installed/i.test(result.stdout + result.stderr)) {
    throw new Error(`installing ${vsixPath} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Starts code-server on 127.0.0.1 and waits for /healthz. Returns
 * { baseUrl, port, pid, logFile, stop() }. Its output goes to `logFile`
 * (and to this process's stderr as well when `echo` is true).
 */
export async function startCodeServer({ port, userDataDir, extensionsDir, logFile, env = {}, echo = false, readyTimeoutMs = 60_000, workspaceTrust = false }) {
  const entry = await ensureCodeServer();
  const child = spawn(process.execPath, [entry, ...serverFlags({ port, userDataDir, extensionsDir, workspaceTrust })], {
    detached: true, // its own process group, so stop() reaches the extension host and watchers too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  runningGroups.add(child.pid);
  const log = createWriteStream(logFile);
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log, { end: false });
    if (echo) stream.on('data', (chunk) => process.stderr.write(chunk));
  }
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!runningGroups.has(child.pid)) return;
    killGroup(child.pid, 'SIGTERM');
    await Promise.race([exitPromise, sleep(3000)]);
    // The group's stragglers (extension host, watcher) do not get a grace period.
    killGroup(child.pid, 'SIGKILL');
    runningGroups.delete(child.pid);
    log.end();
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited before it was ready (${JSON.stringify(exited)}):\n${readTextIfExists(logFile).slice(-3000)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${baseUrl}/healthz within ${readyTimeoutMs / 1000} s:\n${readTextIfExists(logFile).slice(-3000)}`);
    }
    await sleep(250);
  }
  return { baseUrl, port, pid: child.pid, logFile, stop, exited: exitPromise };
}

/** The URL that opens `folder` in the workbench. */
export function folderUrl(baseUrl, folder) {
  // Slashes stay readable in the printed URL; everything else is encoded.
  return `${baseUrl}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
}

/**
 * The URL that opens `folder` and runs an extension test suite: the `payload`
 * parameter carries what `--extensionDevelopmentPath`/`--extensionTestsPath`
 * carry on a desktop, as vscode-remote URIs of the server's file system.
 */
export function payloadUrl(baseUrl, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = new URL(baseUrl).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDevelopmentPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`],
  ];
  return `${folderUrl(baseUrl, folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export function serverLogTail(server, chars = 3000) {
  return readTextIfExists(server.logFile).slice(-chars);
}
