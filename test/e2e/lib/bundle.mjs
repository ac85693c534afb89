// Bundles the extension-test suite for the extension host: test/e2e/suite/index.ts
// and every test/e2e/suite/*.e2e.ts, one CommonJS file each, into out/e2e/.
// `vscode` comes from the host; `mocha` is required from node_modules at run
// time (the host resolves it from out/e2e/ upward), so Mocha keeps its own files.
import { build } from 'esbuild';
import { readdirSync, rmSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

export const suiteDir = join(repoRoot, 'test', 'e2e', 'suite');
export const outDir = join(repoRoot, 'out', 'e2e');
export const suiteIndex = join(outDir, 'index.js');

/**
 * Several runs may share this checkout at once (one developer's e2e run while
 * another packages): the bundles are built in a private folder and renamed
 * into out/e2e/ one by one (a rename is atomic), so a run never loads a
 * half-written or deleted file of another.
 */
export async function bundleSuite() {
  const tests = readdirSync(suiteDir).filter((name) => name.endsWith('.e2e.ts')).sort();
  if (tests.length === 0) throw new Error(`no *.e2e.ts files in ${suiteDir}`);
  const staging = join(outDir, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    await build({
      entryPoints: ['index.ts', ...tests].map((name) => join(suiteDir, name)),
      outdir: staging,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'inline',
      external: ['vscode', 'mocha'],
      logLevel: 'warning',
    });
    for (const name of readdirSync(staging)) renameSync(join(staging, name), join(outDir, name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  // Bundles of test files that no longer exist would still be loaded by index.js.
  const current = new Set(tests.map((name) => name.replace(/\.ts$/, '.js')));
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.e2e.js') && !current.has(name)) rmSync(join(outDir, name), { force: true });
  }
  return { index: suiteIndex, tests };
}
