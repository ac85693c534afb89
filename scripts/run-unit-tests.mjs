#!/usr/bin/env node
// Runs every core, CLI and HTML test with node's test runner (TypeScript through tsx).
// Node 20's runner does not expand globs, so the files are listed here.
// Usage: node scripts/run-unit-tests.mjs [folder-or-file ...]   (default: test/unit test/cli test/html test/hostile)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test/unit', 'test/cli', 'test/html', 'test/hostile'];
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
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
