#!/usr/bin/env node
// Evidence for issue 13: can code-server host a web extension in its web worker
// extension host? Loads test/web/probe (manifest with only `browser`) as the
// development extension and reads the diagnostic it publishes, whose message
// says what host it runs in.
import { join } from 'node:path';
import { build } from 'esbuild';
import { copyWorkspace } from '../e2e/lib/run-dir.mjs';
import { folderUrl } from '../e2e/lib/code-server.mjs';
import { guardRun, startSession } from '../e2e/lib/session.mjs';
import { createUiContext } from '../e2e/lib/ui.mjs';
import { repoRoot } from '../e2e/lib/paths.mjs';

const probeDir = join(repoRoot, 'test/web/probe');
let exitCode = 1;
const guard = guardRun({ label: 'probe', timeoutMs: 180_000, finish: (code) => process.exit(code) });
try {
  await build({ entryPoints: [join(probeDir, 'src/extension.ts')], outfile: join(probeDir, 'dist/extension.js'), bundle: true, platform: 'browser', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
  const { run, server, browser } = await startSession({ kind: 'probe', guard, verbose: false });
  const workspaceDir = copyWorkspace(join(repoRoot, 'examples'), join(run.workspacesDir, 'probe'));
  const page = await browser.newPage();
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(`[page ${message.type()}] ${message.text()}`));
  page.on('worker', (worker) => { consoleLines.push(`[worker started] ${worker.url()}`); worker.on('console', (m) => consoleLines.push(`[worker ${m.type()}] ${m.text()}`)); });
  const authority = new URL(server.baseUrl).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${probeDir}`]];
  const url = `${folderUrl(server.baseUrl, workspaceDir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`probe: ${url}`);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  const ctx = createUiContext({ page, baseUrl: server.baseUrl, workspaceDir, artifactsDir: join(run.dir, 'artifacts'), log: console.log });
  await ctx.openFile('drafts/2026-11-20-payment-retries.pm.yaml');
  const rows = await ctx.readProblems({ until: (r) => r.some((t) => t.includes('web-probe')), timeoutMs: 30_000 });
  console.log('probe: problems:', JSON.stringify(rows, null, 1));
  await ctx.runCommand('Developer: Show Running Extensions');
  await page.locator('.runtime-extensions-editor').waitFor({ timeout: 15_000 }).catch(() => {});
  await page.waitForTimeout(1500);
  const running = await page.locator('.runtime-extensions-editor').innerText().catch((e) => `not read: ${e}`);
  console.log('probe: running extensions:\n' + running);
  await ctx.screenshot('running');
  console.log(`probe: frames: ${page.frames().map((f) => f.url()).join('\n  ')}`);
  console.log(consoleLines.filter((l) => /probe|worker|Extension Host|webWorker|activat/i.test(l)).slice(0, 60).join('\n'));
  console.log(`probe: run folder ${run.dir}`);
  exitCode = rows.some((t) => t.includes('web-probe') && t.includes('uiKind=Web')) ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  await guard.stop();
  process.exit(exitCode);
}
