// The live preview as a user sees it in a real VS Code: open an example, open
// the preview beside it, read the total cost from the webview; edit a cost
// field and see the total change; click a timeline row and the editor's
// selection moves to that entry; reload the window and the preview is restored.
import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { UiContext } from '../lib/ui-context';

export const timeoutMs = 120_000;

const EXAMPLE = '2026-04-14-orders-database-outage.pm.yaml';

async function textOf(frame: Frame, selector: string): Promise<string> {
  return (await frame.locator(selector).first().innerText()).trim();
}

async function waitForText(frame: Frame, selector: string, expected: string, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await textOf(frame, selector).catch(() => '');
    if (last === expected) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

export default async function previewShowsLiveFigures(ctx: UiContext): Promise<void> {
  // Loaded from a data: URL by the runner, so no __dirname: the artifacts folder is <repo>/test-results/ui/<name>/.
  const repoRoot = join(ctx.artifactsDir, '..', '..', '..');
  const source = join(repoRoot, 'examples', 'postmortems', EXAMPLE);
  copyFileSync(source, join(ctx.workspaceDir, 'postmortems', EXAMPLE));
  const lines = readFileSync(source, 'utf8').split(/\r?\n/);

  await ctx.openFile(`postmortems/${EXAMPLE}`);
  await ctx.runCommand('Post-Mortem: Open Preview to the Side');
  const frame = await ctx.frameWith('[data-figure="cost-total"]', { timeoutMs: 30_000 });
  // 388,000 + 24,000 + 1,800 direct; 96 h x 150 + 2,600 x 0.015 x 420 + 20,000 indirect.
  assert.equal(await textOf(frame, '[data-figure="cost-total"]'), '$464,580.00');
  await ctx.screenshot('preview-opened');

  // Edit revenue_lost in the editor: go to its line, select the number, type a new one.
  const revenueLine = lines.findIndex((l) => /^\s+revenue_lost: 388000\s*$/.test(l));
  assert.ok(revenueLine >= 0, 'the example has revenue_lost: 388000');
  const page = ctx.page;
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(revenueLine + 1));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.type('400000');
  const updated = await waitForText(frame, '[data-figure="cost-total"]', '$476,580.00');
  assert.equal(updated, '$476,580.00', 'the total follows the edit');
  await ctx.screenshot('preview-after-edit');

  // Click the fourth timeline entry: the editor selects its source.
  const timelineLine = lines.findIndex((l) => /^timeline:/.test(l));
  const entryLines = lines.map((l, i) => (i > timelineLine && /^ {2}- /.test(l) ? i : -1)).filter((i) => i >= 0);
  const expectedLine = entryLines[3] + 1;
  await frame.locator('[data-path="timeline.3"] .tl-event').click();
  const selection = page.locator('#status\\.editor\\.selection, .statusbar-item[id="status.editor.selection"]').first();
  const deadline = Date.now() + 15_000;
  let status = '';
  while (Date.now() < deadline) {
    status = (await selection.innerText().catch(() => '')).trim();
    if (status.startsWith(`Ln ${expectedLine},`)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  ctx.log(`status bar after the click: ${status}`);
  assert.match(status, new RegExp(`^Ln ${expectedLine}, Col 5 \\(\\d+ selected\\)`), 'the selection covers timeline entry 4');
  await ctx.screenshot('preview-click-to-source');

  // After a window reload the serializer brings the preview back, on the same document.
  await page.keyboard.press('Control+S');
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await ctx.runCommand('Developer: Reload Window');
  await reloaded;
  const restored = await ctx.frameWith('[data-figure="cost-total"]', { timeoutMs: 45_000 });
  assert.equal(await waitForText(restored, '[data-figure="cost-total"]', '$476,580.00'), '$476,580.00', 'the restored preview shows the saved document');
  await ctx.screenshot('preview-restored');
}
