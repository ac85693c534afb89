// The npm package as users get it, for the tests that install it somewhere else (pack, action, pre-commit).
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { repoRoot } from './helpers';

export interface PackedPackage {
  tarball: string;
  files: Array<{ path: string }>;
  size: number;
}

/** npm with a throw-away cache, so a test neither reads nor fills the user's. */
export function npm(args: string[], cwd: string, cache: string): SpawnSyncReturns<string> {
  return spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_cache: cache, npm_config_update_notifier: 'false' } });
}

/**
 * `npm pack` of this repository into `destination`. Without its prepack build (`--ignore-scripts`): it packs the
 * dist/ the unit run built (`npm test` builds first), so it never rewrites dist/ under the other tests' feet.
 */
export function packPackage(destination: string): PackedPackage {
  ensureBuilt();
  const result = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', destination], repoRoot, join(destination, 'npm-cache'));
  assert.equal(result.status, 0, result.stderr);
  const [packed] = JSON.parse(result.stdout);
  return { tarball: join(destination, readdirSync(destination).find((f) => f.endsWith('.tgz'))!), files: packed.files, size: packed.size };
}

/** dist/cli.js, built when a focused run has none yet (`npm test` builds before the unit tests). */
export function ensureBuilt(): void {
  if (!existsSync(join(repoRoot, 'dist/cli.js'))) execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { cwd: repoRoot });
}

/** Installs the tarball into `project` (which has a package.json) without the network: the package has no dependencies. */
export function installOffline(project: string, tarball: string, cache: string): void {
  const install = npm(['install', '--offline', '--no-audit', '--no-fund', tarball], project, cache);
  assert.equal(install.status, 0, install.stderr);
}
