// What both code-server runners (run-headless.mjs, run-ui.mjs) do around their
// tests: a watchdog over the whole run, a clean stop on SIGINT/SIGTERM, and one
// code-server plus one headless Chromium on a fresh run folder.
import { join } from 'node:path';
import { createRunDir, writeUserSettings } from './run-dir.mjs';
import { startCodeServer, freePort } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';

/**
 * Guards a run: after `timeoutMs`, or on SIGINT/SIGTERM, it stops what the
 * session started (`guard.stop()`) and calls `finish(1)` or `finish(130)`.
 * `onTimeout` runs first on a timeout (a runner counts the run as failed there).
 * `guard.interrupted` tells the runner to leave the exit to the signal handler.
 * Messages start with `label:` (`e2e`, `ui`).
 */
export function guardRun({ label, timeoutMs, finish, onTimeout }) {
  const guard = {
    interrupted: false,
    /** Set by startSession once there is something to stop. */
    cleanup: async () => {},
    /** Stops the browser and code-server, once; never throws. */
    async stop() {
      const cleanup = guard.cleanup;
      guard.cleanup = async () => {};
      await cleanup().catch(() => {});
    },
  };
  const watchdog = setTimeout(async () => {
    console.error(`${label}: the whole run exceeded ${timeoutMs / 1000} s; stopping`);
    onTimeout?.();
    await guard.stop();
    finish(1);
  }, timeoutMs);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      if (guard.interrupted) return;
      guard.interrupted = true;
      console.error(`${label}: interrupted by ${signal}; stopping code-server and the browser`);
      await guard.stop();
      finish(130);
    });
  }
  return guard;
}

/** Trust checked, never asked about: a folder nobody trusted opens in Restricted Mode. */
const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.banner': 'never',
};

/**
 * A fresh run folder (its environment applied to this process, so code-server,
 * Chromium and their children write into it) with the test user settings;
 * `prepare(run)` then does the runner's own setup before the server starts
 * (an entry module, installing the .vsix). Then code-server on PORT (or a free
 * port) and headless Chromium, both stopped by `guard.stop()`.
 * `untrusted`: VS Code's workspace trust stays on and the folder opens in
 * Restricted Mode, without the prompt that would ask.
 */
export async function startSession({ kind, guard, verbose, prepare, untrusted = false }) {
  const run = createRunDir(kind);
  Object.assign(process.env, run.env);
  writeUserSettings(run.userDataDir, untrusted ? RESTRICTED_MODE_SETTINGS : {});
  await prepare?.(run);
  const port = await freePort(process.env.PORT);
  const server = await startCodeServer({
    port,
    userDataDir: run.userDataDir,
    extensionsDir: run.extensionsDir,
    logFile: join(run.dir, 'code-server.log'),
    echo: verbose,
    workspaceTrust: untrusted,
  });
  let browser;
  guard.cleanup = async () => {
    await browser?.close().catch(() => {});
    await server.stop();
  };
  browser = await launchBrowser({ profileDir: run.profileDir });
  return { run, server, browser };
}
