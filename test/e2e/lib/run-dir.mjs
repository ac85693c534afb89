// One folder per run of a runner (outside the repository, so nothing that walks
// up from the workspace finds this project's .git, config or CODEOWNERS), with
// everything code-server and Chromium would otherwise write into $HOME:
// user data, extensions, browser profile, XDG folders and TMPDIR.
import { mkdirSync, readdirSync, rmSync, cpSync, existsSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Taken once at load: the runners then point TMPDIR into the run folder.
// Short paths: VS Code puts IPC sockets in TMPDIR, and a socket path must stay under 107 characters.
const runsRoot = process.env.POSTMORTEM_E2E_RUNS_DIR || join(tmpdir(), 'pm-e2e');

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (error) { return error.code === 'EPERM'; }
}

/** Removes the folders of earlier runs whose process is gone (runs of other processes that are still going stay). */
function pruneFinishedRuns() {
  let names = [];
  try { names = readdirSync(runsRoot); } catch { return; }
  for (const name of names) {
    const pid = Number(/-(\d+)-[0-9a-z]+$/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
      rmSync(join(runsRoot, name), { recursive: true, force: true });
    }
  }
}

/**
 * Creates the folders of a run and returns them, with `env`: the variables
 * that keep code-server, Chromium and their children inside the run folder.
 */
export function createRunDir(kind) {
  pruneFinishedRuns();
  const dir = join(runsRoot, `${kind}-${process.pid}-${Date.now().toString(36)}`);
  const folders = {
    dir,
    userDataDir: join(dir, 'user-data'),
    extensionsDir: join(dir, 'extensions'),
    profileDir: join(dir, 'chromium-profile'),
    workspacesDir: join(dir, 'workspaces'),
    tmpDir: join(dir, 't'),
    xdgConfig: join(dir, 'xdg', 'config'),
    xdgData: join(dir, 'xdg', 'data'),
    xdgCache: join(dir, 'xdg', 'cache'),
  };
  for (const path of Object.values(folders)) mkdirSync(path, { recursive: true });
  const env = {
    XDG_CONFIG_HOME: folders.xdgConfig,
    XDG_DATA_HOME: folders.xdgData,
    XDG_CACHE_HOME: folders.xdgCache,
    TMPDIR: folders.tmpDir,
  };
  return { ...folders, env, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * VS Code user settings for test runs and `npm start`: no start-up editor,
 * walkthroughs, telemetry, update or recommendation traffic, and no prompts.
 */
export function writeUserSettings(userDataDir, extra = {}) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'git.autoRepositoryDetection': false,
    'files.hotExit': 'off',
    'window.restoreWindows': 'none',
    'chat.commandCenter.enabled': false,
    'workbench.colorTheme': 'Default Light Modern',
    ...extra,
  };
  const userDir = join(userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/** Copies a fixture folder to `dest` (which must not exist yet, or is replaced). */
export function copyWorkspace(source, dest) {
  if (!existsSync(source)) throw new Error(`workspace source ${source} does not exist`);
  rmSync(dest, { recursive: true, force: true });
  cpSync(source, dest, { recursive: true });
  return dest;
}

export function readTextIfExists(path) {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}
