#!/usr/bin/env node
// Runs every core, CLI and HTML test with node's test runner (TypeScript through tsx).
// Node 20's runner does not expand globs, so the files are listed here.
// Usage: node scripts/run-unit-tests.mjs [folder-or-file ...]   (default: test/unit test/cli test/html test/hostile test/server test/lsp)
// Every fast-check property of the run shares one seed (test/lib/fast-check-seed.ts): fixed
// under CI, FC_SEED=N to replay. A full run (no arguments) must pass at least the number of
// tests test/minimum-tests.json names, so a runner that silently loads nothing fails.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { belowMinimum } from '../test/lib/minimum-tests.mjs';

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test/unit', 'test/cli', 'test/html', 'test/hostile', 'test/server', 'test/lsp'];
const files = [];
function collect(path) {
  let stat;
  try { stat = statSync(path); } catch { return; }
  if (stat.isDirectory()) for (const name of readdirSync(path).sort()) collect(join(path, name));
  else if (/\.test\.ts$/.test(path)) files.push(path);
}
roots.forEach(collect);
if (files.length === 0) {
  console.error('no test files found under', roots.join(', '));
  process.exit(1);
}
const fullRun = process.argv.slice(2).length === 0;
const seed = process.env.FC_SEED || (process.env.CI ? '20261128' : String((Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0));
console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);
const tapDir = mkdtempSync(join(tmpdir(), 'pm-unit-'));
const tapFile = join(tapDir, 'report.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--import', './test/lib/fast-check-seed.ts', '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, FC_SEED: seed, FC_SEED_ANNOUNCED: '1' } },
);
// The TAP report's closing lines count what ran: "# pass N".
const tap = (() => { try { return readFileSync(tapFile, 'utf8'); } catch { return ''; } })();
rmSync(tapDir, { recursive: true, force: true });
const passed = Number(/^# pass (\d+)$/m.exec(tap)?.[1] ?? 0);
let status = result.status ?? 1;
if (fullRun && status === 0) {
  const problem = belowMinimum('unit', passed);
  if (problem) {
    console.error(problem);
    status = 1;
  }
}
process.exit(status);
