// The preview marks the part of the report where the editor's cursor is. After
// an edit the cursor's offset belongs to the new text: looked up in the parse
// of the text before the edit (the lint runs only when the keys pause), it
// would mark the wrong part until the cursor moved again. Blank lines inserted
// above `timeline:` leave the cursor at its start, an offset that in the old
// text was inside the first timeline entry.
import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { UiContext } from '../lib/ui-context';

export const timeoutMs = 120_000;

const EXAMPLE = '2026-04-14-orders-database-outage.pm.yaml';
/** Blank lines inserted above `timeline:`: more than `timeline:\n  - ` is long, so the old offset is in entry 1. */
const INSERTED_LINES = 16;

async function highlightedPath(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.querySelector('.pm-highlight')?.getAttribute('data-path') ?? '');
}

async function waitForHighlight(frame: Frame, expected: string, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await highlightedPath(frame).catch(() => '');
    if (last === expected) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

export default async function previewHighlightFollowsTheEditedText(ctx: UiContext): Promise<void> {
  const repoRoot = join(ctx.artifactsDir, '..', '..', '..');
  const source = join(repoRoot, 'examples', 'postmortems', EXAMPLE);
  copyFileSync(source, join(ctx.workspaceDir, 'postmortems', EXAMPLE));
  const lines = readFileSync(source, 'utf8').split(/\r?\n/);
  const timelineLine = lines.findIndex((l) => /^timeline:/.test(l));
  assert.ok(timelineLine > 0, 'the example has a timeline');
  assert.match(lines[timelineLine + 1], /^ {2}- at: .{16,}$/, 'the first timeline entry starts with a long `at:` line');

  await ctx.openFile(`postmortems/${EXAMPLE}`);
  await ctx.runCommand('Post-Mortem: Open Preview to the Side');
  const frame = await ctx.frameWith('[data-path="timeline"]', { timeoutMs: 30_000 });

  const page = ctx.page;
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(timelineLine + 1));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  assert.equal(await waitForHighlight(frame, 'timeline'), 'timeline', 'the cursor on `timeline:` marks the timeline');

  // One edit (as a paste) inserts the lines above it; the cursor stays on `timeline:`. Typed key by key, a lint
  // during the burst would shorten how far off the old text the cursor's offset is.
  const versionBefore = await frame.evaluate(() => document.body.getAttribute('data-version'));
  await page.keyboard.insertText('\n'.repeat(INSERTED_LINES));
  // Wait for the report of the new text (the lint runs when the keys pause), then for anything after it to settle.
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && (await frame.evaluate(() => document.body.getAttribute('data-version'))) === versionBefore) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.notEqual(await frame.evaluate(() => document.body.getAttribute('data-version')), versionBefore, 'the preview shows the edited text');
  await new Promise((r) => setTimeout(r, 1000));
  // A cursor looked up in the old text would mark the first timeline entry (timeline.0) until it moved again.
  assert.equal(await highlightedPath(frame), 'timeline', 'after the edit the cursor on `timeline:` still marks the timeline');
  await ctx.screenshot('preview-highlight-after-edit');
}
