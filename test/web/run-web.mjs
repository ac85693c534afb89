#!/usr/bin/env node
// The extension on the web (`npm run test:web`, issue 13), in a real browser: code-server serves
// VS Code's web client, and the extension is loaded as a development extension whose manifest has
// only the `browser` entry, so VS Code can run it nowhere but in the web worker extension host
// (as github.dev and vscode.dev do). Its language server runs in a web worker of its own. Chromium,
// driven by Playwright, opens the example draft, reads the Problems panel, applies a quick fix with
// Ctrl+. and reads the result; opens the preview of an example and reads its total cost in the
// webview; reads the action-items status bar item, opens the quarterly review dashboard and the
// Post-Mortems tree; then reads where the extension runs and its activation time from
// Developer: Show Running Extensions.
//
// Usage: node test/web/run-web.mjs [--no-build]
// Env: POSTMORTEM_E2E_KEEP=1 (keep the run folder), PORT (code-server port).
// Prints `web: N passed, M failed` last; exits non-zero on any failure.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace } from '../e2e/lib/run-dir.mjs';
import { folderUrl, serverLogTail } from '../e2e/lib/code-server.mjs';
import { guardRun, startSession } from '../e2e/lib/session.mjs';
import { createUiContext } from '../e2e/lib/ui.mjs';
import { buildExtension } from '../e2e/lib/vsix.mjs';
import { extensionId, repoRoot } from '../e2e/lib/paths.mjs';

const DRAFT = 'drafts/2026-11-20-payment-retries.pm.yaml';
const EXAMPLE = 'postmortems/2026-04-14-orders-database-outage.pm.yaml';
const keep = process.env.POSTMORTEM_E2E_KEEP === '1';
const results = { passed: 0, failed: 0 };

function finish(code) {
  console.log(`web: ${results.passed} passed, ${results.failed + (code !== 0 && results.failed === 0 ? 1 : 0)} failed`);
  process.exit(code);
}
const guard = guardRun({ label: 'web', timeoutMs: 480_000, finish });

/**
 * The extension as a web-only extension: package.json without `main` (and the CLI's `bin`), and
 * only the files the browser build needs. VS Code then has no Node entry to run, whatever host it has.
 */
function stageWebExtension(dir) {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  assert.ok(manifest.browser, 'package.json has a `browser` entry');
  delete manifest.main;
  delete manifest.bin;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const folder of ['dist/web', 'schemas', 'snippets', 'docs/rules', 'media']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true });
  // Shared with the desktop: the features, and the NLP library, name list and renderers the server's worker evaluates on first use.
  // Every file the web client hands the worker (text('dist/...') in src/web/client.ts) is staged: a file left out
  // here would have the worker run without it (the blame model and the plain-word list were, once) and pass.
  const clientFiles = [...readFileSync(join(repoRoot, 'src/web/client.ts'), 'utf8').matchAll(/text\('(dist\/[^']+)'\)/g)].map((m) => m[1]);
  assert.ok(clientFiles.includes('dist/blame-model.json') && clientFiles.length >= 4, `client files: ${clientFiles.join(', ')}`);
  for (const file of new Set(['dist/features.js', 'dist/server-features.js', ...clientFiles])) cpSync(join(repoRoot, file), join(dir, file));
  return manifest;
}

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    results.passed += 1;
    console.log(`  ✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.failed += 1;
    console.log(`  ✘ ${name}\n${String(error?.stack ?? error).replace(/^/gm, '    ')}`);
    throw error;
  }
}

/**
 * Opens a file by clicking through the Explorer: Quick Open's file search runs in the remote
 * extension host, which is slow to answer on a busy 2-core machine; the Explorer is not.
 */
async function openFromExplorer(page, relativePath) {
  const parts = relativePath.split('/');
  for (const [index, name] of parts.entries()) {
    const row = page.locator('.explorer-folders-view').getByRole('treeitem', { name, exact: true });
    await row.first().waitFor({ timeout: 30_000 });
    if (index < parts.length - 1 && (await row.first().getAttribute('aria-expanded')) === 'true') continue;
    await row.first().click();
  }
  await page.locator('.tabs-container .tab.active').filter({ hasText: parts.at(-1) }).waitFor({ timeout: 15_000 });
  await page.locator('.editor-instance .monaco-editor').first().waitFor({ timeout: 15_000 });
}

/**
 * The Problems panel, maximized and filtered to the draft: with workspace diagnostics the other
 * post-mortems are listed too, and the panel's list renders only the rows in view.
 */
async function showOnlyDraftProblems(page, ctx) {
  await ctx.readProblems({ until: () => true });
  await ctx.runCommand('View: Toggle Maximized Panel');
  const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
  await filter.fill('**/drafts/**');
}

async function main() {
  if (!process.argv.includes('--no-build')) buildExtension();
  const sizes = ['extension.js', 'client.js', 'server.js'].map((name) => `${name} ${(statSync(join(repoRoot, 'dist/web', name)).size / 1024).toFixed(0)} KB`);
  console.log(`web: browser bundles: ${sizes.join(', ')}`);
  let extensionDir;
  const { run, server, browser } = await startSession({
    kind: 'web',
    guard,
    verbose: false,
    prepare: (r) => {
      extensionDir = join(r.dir, 'web-extension');
      stageWebExtension(extensionDir);
    },
  });
  const workspaceDir = copyWorkspace(join(repoRoot, 'examples'), join(run.workspacesDir, 'web'));
  const page = await browser.newPage();
  // The web worker extension host's console (and its workers'), for a failure's report.
  const consoleLines = [];
  const record = (where) => (message) => consoleLines.push(`[${where} ${message.type()}] ${message.text()}`);
  page.on('console', record('page'));
  page.on('worker', (worker) => worker.on('console', record('worker')));
  const authority = new URL(server.baseUrl).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDir}`]];
  const ctx = createUiContext({ page, baseUrl: server.baseUrl, workspaceDir, artifactsDir: join(repoRoot, 'test-results', 'web'), log: console.log });
  let ok = false;
  try {
    await page.goto(`${folderUrl(server.baseUrl, workspaceDir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');

    await step('the draft\'s problems in the Problems panel, from the server in a web worker', async () => {
      await openFromExplorer(page, DRAFT);
      // Cross-file: repeat-incident needs examples/postmortems/, read through vscode.workspace.fs by the workspace scan.
      await showOnlyDraftProblems(page, ctx);
      const rows = await ctx.readProblems({ until: (r) => /drafts\s*14$/.test(r[0] ?? '') && r.some((t) => t.includes('repeat-incident')), timeoutMs: 60_000 });
      console.log(`    ${rows[0]}: e.g. ${rows.filter((t) => /deadline|named next|repeat-incident/.test(t)).map((t) => t.slice(0, 60) + '... ' + /\S+ \[Ln.*$/.exec(t)?.[0]).join(' / ')}`);
      // Exact positions, as `postmortem lint examples` reports them (64:5, 36:12, 48:13).
      assert.ok(rows.some((t) => /Action item 2 has no deadline.*\[Ln 64, Col 5\]/.test(t)), rows.join('\n'));
      assert.ok(rows.some((t) => /"Marco" is named next to a mistake.*\[Ln 36, Col 12\]/.test(t)), rows.join('\n'));
      assert.ok(rows.some((t) => /already the root cause of INC-2026-04-14-001.*repeat-incident.*\[Ln 48, Col 13\]/.test(t)), rows.join('\n'));
      // The file's count: `postmortem lint examples` finds 15 in the draft, one of them a hint, which the Problems
      // panel does not list. (The count, not the rows: the panel's list renders only the rows in view.)
      assert.match(rows[0], /payment-retries\.pm\.yaml\s*drafts\s*14$/, rows.join('\n'));
    });

    await step('a quick fix with Ctrl+. adds the missing deadline', async () => {
      await ctx.runCommand('View: Toggle Maximized Panel'); // the editor back in view
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget .quick-input-box input').fill(':64:5');
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .monaco-editor textarea').first().focus();
      await page.keyboard.press('Control+.');
      // The proposed date depends on today (the latest allowed one, or the next business day once that has passed).
      const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'Add "deadline: ' });
      await fix.first().waitFor({ timeout: 15_000 });
      const title = await fix.first().innerText();
      const date = /deadline: (\d{4}-\d{2}-\d{2})/.exec(title)?.[1];
      assert.ok(date, title);
      console.log(`    applying: ${title.trim()}`);
      // With the keyboard, as a user does (the menu's pointer guard takes clicks while it opens).
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      for (let moves = 0; !(await focused.innerText().catch(() => '')).includes('Add "deadline: ') && moves < 5; moves += 1) await page.keyboard.press('ArrowDown');
      assert.match(await focused.innerText(), /Add "deadline: /);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+S');
      await ctx.runCommand('View: Toggle Maximized Panel'); // every row in view again
      const listed = (r) => r.filter((t) => /\[Ln \d+, Col \d+\]$/.test(t) && !/\.pm\.yaml \[Ln/.test(t)).length;
      const rows = await ctx.readProblems({ until: (r) => r.length > 0 && !r.some((t) => t.includes('has no deadline')), timeoutMs: 20_000 });
      assert.ok(!rows.some((t) => t.includes('Action item 2 has no deadline')), rows.join('\n'));
      // All of the file's rows are in view (the count in its header), so the finding is really gone.
      assert.equal(listed(rows), Number(/drafts\s*(\d+)$/.exec(rows[0])?.[1]), rows.join('\n'));
      // Saved through the web file system: the disk has the fix, in the action item's block.
      const file = join(workspaceDir, DRAFT);
      const expected = new RegExp(`\\n  - action: Pin the idempotency-key strategy in the client configuration\\n(?: {4}\\S[^\\n]*\\n)*? {4}deadline: ${date}\\n`);
      const deadline = Date.now() + 10_000;
      while (!expected.test(readFileSync(file, 'utf8')) && Date.now() < deadline) await page.waitForTimeout(200);
      assert.match(readFileSync(file, 'utf8'), expected);
    });

    await step('the preview of a post-mortem shows its total cost, rendered by the server in the web worker', async () => {
      await ctx.runCommand('View: Toggle Panel Visibility'); // the maximized Problems panel out of the way
      await openFromExplorer(page, EXAMPLE);
      await ctx.runCommand('Post-Mortem: Open Preview to the Side');
      const frame = await ctx.frameWith('[data-figure="cost-total"]', { timeoutMs: 60_000 });
      // 388,000 + 24,000 + 1,800 direct; 96 h x 150 + 2,600 x 0.015 x 420 + 20,000 indirect (as test/e2e/ui/preview.ui.ts).
      const total = (await frame.locator('[data-figure="cost-total"]').first().innerText()).trim();
      console.log(`    total cost in the webview: ${total}`);
      assert.equal(total, '$464,580.00');
      // The page's policy, as on the desktop: nothing but the nonce'd script and the extension's stylesheet.
      const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute('content');
      assert.match(csp ?? '', /^default-src 'none';/);
      assert.match(csp ?? '', /script-src 'nonce-[^']+'/);
      await ctx.screenshot('preview');
    });

    await step('the status bar counts the open action items, and the quarterly review and the tree show the workspace', async () => {
      // The expected counts from the CLI, over the workspace as it is now (the quick fix gave the draft's item a deadline).
      const rows = execFileSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'review', workspaceDir, '--include-drafts', '--format', 'ndjson'], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .filter((row) => row.type === 'action' && (row.action_state === 'open' || row.action_state === 'in-progress'));
      const expected = `Action items: ${rows.length} open, ${rows.filter((row) => row.overdue).length} overdue`;
      const statusItem = page.locator('.statusbar-item', { hasText: 'Action items:' }).first();
      await statusItem.waitFor({ timeout: 30_000 });
      const deadline = Date.now() + 20_000;
      while ((await statusItem.innerText()).trim() !== expected && Date.now() < deadline) await page.waitForTimeout(200);
      console.log(`    status bar: ${(await statusItem.innerText()).trim()}`);
      assert.equal((await statusItem.innerText()).trim(), expected);

      await ctx.runCommand('Post-Mortem: Quarterly Review');
      const frame = await ctx.frameWith('#quarter-picker', { timeoutMs: 60_000 });
      await frame.selectOption('#quarter-picker', '2026-Q2');
      await frame.locator('#q-2026-Q2').waitFor({ state: 'visible' });
      assert.equal(await frame.locator('svg[role="img"]').count(), 4, 'four trend charts');
      await ctx.screenshot('review-dashboard');

      const header = page.locator('.pane-header', { hasText: /^Post-Mortems$/i }).first();
      await header.click();
      const view = page.locator('.pane', { has: header });
      // The newest quarter comes first, open: the draft's row, with its open items as the CLI counts them.
      const incident = view.locator('.monaco-list-row', { hasText: 'INC-2026-11-20-001' }).first();
      await incident.waitFor({ timeout: 30_000 });
      const rowText = (await incident.innerText()).replace(/\s+/g, ' ').trim();
      console.log(`    tree row: ${rowText}`);
      const draftOpen = rows.filter((row) => row.incident_id === 'INC-2026-11-20-001').length;
      assert.match(rowText, new RegExp(`Duplicate card charges after payment retries · ${draftOpen} open`));
      await ctx.screenshot('review-tree');
    });

    await step('the extension runs in the web worker extension host (Show Running Extensions)', async () => {
      await ctx.runCommand('Developer: Show Running Extensions');
      // A development extension is listed by its id.
      const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: extensionId });
      await row.first().waitFor({ timeout: 15_000 });
      const text = (await row.first().innerText()).replace(/\s+/g, ' ');
      console.log(`    ${text}`);
      assert.match(text, /web worker/);
      const activation = /Activation: (\d+)ms/.exec(text);
      assert.ok(activation, text);
      console.log(`web: activation in the web worker extension host: ${activation[1]} ms`);
      await ctx.screenshot('running-extensions');
    });
    ok = true;
  } catch (error) {
    await ctx.screenshot('failure').catch(() => {});
    if (results.failed === 0) console.error(error);
    console.error(`web: browser console (errors and the extension's lines):\n${consoleLines.filter((l) => process.env.PM_WEB_ALL_CONSOLE || /error|postmortem|post-mortem/i.test(l)).slice(-40).join('\n')}`);
    console.error(`web: code-server log tail:\n${serverLogTail(server)}`);
  } finally {
    await guard.stop();
    if (ok && !keep) run.remove();
    else console.error(`web: run folder kept: ${run.dir}`);
  }
  return ok ? 0 : 1;
}

main().then(finish, (error) => {
  console.error(error);
  finish(1);
});
