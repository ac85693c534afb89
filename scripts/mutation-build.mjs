#!/usr/bin/env node
// Stryker's build step (stryker.config.mjs `buildCommand`, run in its sandbox after the mutants are planted):
// every TypeScript file of src/ and test/ is transpiled to a JavaScript file beside it, so each test file then
// runs on plain node, without tsx's loader transpiling the same sources again in every process. Stryker runs the
// covering test files once per mutant, so that cost was most of a mutation run. Only in the sandbox: never in
// the working tree (it would shadow nothing, but clutters it), hence the guard.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

if (!process.cwd().includes('.stryker-tmp') && !process.argv.includes('--here')) {
  console.error('mutation-build: runs in the Stryker sandbox only (pass --here to run it anyway)');
  process.exit(2);
}
const SKIP = new Set(['node_modules', '.stryker-tmp', 'e2e', 'web', 'generated-js']);
let count = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
      const { code } = transformSync(readFileSync(path, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: path, sourcemap: 'inline' });
      writeFileSync(path.replace(/\.ts$/, '.js'), code);
      count++;
    }
  }
}
for (const root of ['src', 'test', 'scripts']) walk(root);
console.log(`mutation-build: ${count} files transpiled`);
