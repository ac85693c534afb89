#!/usr/bin/env node
// UI tests: what a user sees in a real VS Code (`npm run test:ui`, part of `npm test`).
//
// How it runs: the extension is packaged (`npm run package`) and the .vsix
// installed into a fresh extensions folder, exactly as a user installs it;
// one code-server and one headless Chromium serve the whole run. Each
// `test/e2e/ui/*.ui.ts` module (loaded through tsx) exports
// `default async function (ctx: UiContext)` (type in lib/ui-context.ts) and
// runs in isolation: its own fresh copy of test/e2e/workspace/, its own page
// with the workbench loaded on it, its own artifacts folder
// test-results/ui/<name>/. A test passes when its promise resolves; on a
// failure the runner saves `failure.png` there. A module may export
// `timeoutMs` (default 90 s). This is a small runner rather than node:test
// because the expensive parts (packaging, server, browser) are shared and
// each test still gets a clean workbench.
//
// Usage: node test/e2e/run-ui.mjs [name-filter ...] [--no-package]
//   name-filter: run only the tests whose file name contains one of them.
// Env: PORT, POSTMORTEM_E2E_TIMEOUT_MS (whole run, default 600000),
// POSTMORTEM_E2E_KEEP=1, POSTMORTEM_E2E_VERBOSE=1 (browser console and server log).
// Prints `ui: N passed, M failed` as its last line; exits non-zero on any failure.
import { existsSync, readdirSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { copyWorkspace } from './lib/run-dir.mjs';
import { installVsix, serverLogTail } from './lib/code-server.mjs';
import { guardRun, startSession } from './lib/session.mjs';
import { packageExtension } from './lib/vsix.mjs';
import { openWorkbench, createUiContext } from './lib/ui.mjs';
import { repoRoot, fixtureWorkspace } from './lib/paths.mjs';
import { ensureCodeServer } from '../../scripts/install-code-server.mjs';
import { belowMinimum } from '../lib/minimum-tests.mjs';

const uiDir = join(repoRoot, 'test', 'e2e', 'ui');
const resultsDir = join(repoRoot, 'test-results', 'ui');
const args = process.argv.slice(2);
const filters = args.filter((arg) => !arg.startsWith('--'));
const timeoutMs = Number(process.env.POSTMORTEM_E2E_TIMEOUT_MS) || 600_000;
const verbose = process.env.POSTMORTEM_E2E_VERBOSE === '1';
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

let passed = 0;
let failed = 0;

function finish(code) {
  // A full run (no name filter) that passed fewer tests than its floor lost a test file: it fails.
  const tooFew = filters.length === 0 && code === 0 && failed === 0 ? belowMinimum('ui', passed) : undefined;
  if (tooFew) {
    console.error(tooFew);
    failed += 1;
  }
  console.log(`ui: ${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 ? 0 : code || 1);
}

const guard = guardRun({ label: 'ui', timeoutMs, finish, onTimeout: () => { failed += 1; } });

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const files = existsSync(uiDir)
    ? readdirSync(uiDir).filter((name) => name.endsWith('.ui.ts') && (filters.length === 0 || filters.some((f) => name.includes(f)))).sort()
    : [];
  if (files.length === 0) throw new Error(`no UI tests (*.ui.ts) in ${uiDir}${filters.length ? ` matching ${filters.join(', ')}` : ''}`);

  await ensureCodeServer();
  const vsixPath = join(repoRoot, 'dist', 'postmortems-as-code.vsix');
  if (!args.includes('--no-package') || !existsSync(vsixPath)) packageExtension();

  const { run, server, browser } = await startSession({
    kind: 'ui',
    guard,
    verbose,
    prepare: (run) => installVsix({ vsixPath, userDataDir: run.userDataDir, extensionsDir: run.extensionsDir }),
  });
  console.log(`ui: ${files.length} test(s); extension installed, code-server on ${server.baseUrl}, ready after ${seconds(started)}`);

  for (const file of files) {
    const name = file.replace(/\.ui\.ts$/, '');
    const testStarted = Date.now();
    const artifactsDir = join(resultsDir, name);
    rmSync(artifactsDir, { recursive: true, force: true });
    mkdirSync(artifactsDir, { recursive: true });
    const workspaceDir = copyWorkspace(fixtureWorkspace, join(run.workspacesDir, name));
    const page = await browser.newPage();
    if (verbose) page.on('console', (message) => console.log(`  [browser ${message.type()}] ${message.text()}`));
    const ctx = createUiContext({ page, baseUrl: server.baseUrl, workspaceDir, artifactsDir, log: (message) => console.log(`    ${message}`) });
    try {
      const module = await tsImport(pathToFileURL(join(uiDir, file)).href, import.meta.url);
      const test = module.default?.default ?? module.default;
      if (typeof test !== 'function') throw new Error(`${file} has no default export function`);
      const testTimeout = Number(module.timeoutMs ?? module.default?.timeoutMs) || 90_000;
      await withTimeout((async () => {
        await openWorkbench(page, { baseUrl: server.baseUrl, workspaceDir });
        await test(ctx);
      })(), testTimeout, name);
      passed += 1;
      console.log(`  ✔ ${name} (${seconds(testStarted)})`);
    } catch (error) {
      if (guard.interrupted) return;
      failed += 1;
      console.log(`  ✘ ${name} (${seconds(testStarted)})`);
      console.log(`    ${String(error?.stack ?? error).split('\n').join('\n    ')}`);
      const shot = await ctx.screenshot('failure').catch(() => undefined);
      if (shot) console.log(`    screenshot: ${shot}`);
    } finally {
      await page.close().catch(() => {});
    }
  }

  if (failed > 0 && verbose) console.error(`ui: code-server log tail:\n${serverLogTail(server)}`);
  await guard.stop();
  if (process.env.POSTMORTEM_E2E_KEEP === '1' || failed > 0) console.log(`ui: run folder kept: ${run.dir}`);
  else run.remove();
  console.log(`ui: finished after ${seconds(started)}`);
  finish(0);
}

main().catch(async (error) => {
  if (guard.interrupted) return;
  console.error(`ui: ${error.stack ?? error}`);
  failed += 1;
  await guard.stop();
  finish(1);
});
