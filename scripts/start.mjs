#!/usr/bin/env node
// `npm start`: a real VS Code (code-server, in the browser) on a fresh copy of
// examples/ with this extension installed from its packaged .vsix, as a user
// would install it. Prints the URL to open and runs until Ctrl-C.
//
// Steps: Debian packages (installed with apt-get when root) -> code-server
// (scripts/install-code-server.mjs, a no-op once installed) -> `npm run package`
// -> fresh extensions folder with the .vsix -> fresh workspace
// .vscode-test/workspace from examples/ -> code-server on 127.0.0.1:PORT.
// Env: PORT (default 8080 when free, else any free port).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, ensureDebianPackages, vscodeTestDir } from './install-code-server.mjs';
import { writeUserSettings, copyWorkspace, readTextIfExists } from '../test/e2e/lib/run-dir.mjs';
import { startCodeServer, freePort, installVsix, folderUrl } from '../test/e2e/lib/code-server.mjs';
import { packageExtension } from '../test/e2e/lib/vsix.mjs';
import { repoRoot } from '../test/e2e/lib/paths.mjs';

const DEFAULT_PORT = 8080;

async function choosePort() {
  if (process.env.PORT) return freePort(process.env.PORT);
  return (await freePort(DEFAULT_PORT).catch(() => undefined)) ?? freePort();
}

async function main() {
  ensureDebianPackages({ apt: true });
  await ensureCodeServer({ apt: true });
  console.log('start: packaging the extension...');
  const vsixPath = packageExtension();

  // Everything code-server writes stays in .vscode-test/start (fresh each time), not in $HOME.
  const stateDir = join(vscodeTestDir, 'start');
  rmSync(stateDir, { recursive: true, force: true });
  const dirs = {
    userDataDir: join(stateDir, 'user-data'),
    extensionsDir: join(stateDir, 'extensions'),
    tmp: join(stateDir, 't'),
    xdgConfig: join(stateDir, 'xdg', 'config'),
    xdgData: join(stateDir, 'xdg', 'data'),
    xdgCache: join(stateDir, 'xdg', 'cache'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  Object.assign(process.env, { XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, XDG_CACHE_HOME: dirs.xdgCache, TMPDIR: dirs.tmp });
  writeUserSettings(dirs.userDataDir);
  await installVsix({ vsixPath, userDataDir: dirs.userDataDir, extensionsDir: dirs.extensionsDir });

  const examples = join(repoRoot, 'examples');
  if (!existsSync(examples)) throw new Error(`${examples} is missing`);
  const workspace = copyWorkspace(examples, join(vscodeTestDir, 'workspace'));

  const port = await choosePort();
  const logFile = join(stateDir, 'code-server.log');
  const server = await startCodeServer({ port, userDataDir: dirs.userDataDir, extensionsDir: dirs.extensionsDir, logFile });
  const url = folderUrl(server.baseUrl, workspace);
  console.log('');
  console.log('  Post-Mortems as Code is running in VS Code (code-server).');
  console.log(`  Open:       ${url}`);
  console.log(`  Workspace:  ${workspace} (a fresh copy of examples/)`);
  console.log(`  Server log: ${logFile}`);
  console.log('  Press Ctrl-C to stop.');
  console.log('');

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nstart: ${signal}, stopping code-server...`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  const exit = await server.exited;
  if (!stopping) {
    console.error(`start: code-server exited unexpectedly (${JSON.stringify(exit)}):\n${readTextIfExists(logFile).slice(-3000)}`);
    await server.stop();
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`start: ${error.message ?? error}`);
  process.exit(1);
});
