// Driving the VS Code workbench in the browser: the helpers behind the
// UiContext (see ui-context.ts) that every UI test receives.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { folderUrl } from './code-server.mjs';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_INPUT_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

/**
 * Loads the workbench on `workspaceDir` and waits until it is usable: the
 * Explorer lists the folder's files (the extension host is up by then).
 */
export async function openWorkbench(page, { baseUrl, workspaceDir, timeoutMs = 60_000 }) {
  await page.goto(folderUrl(baseUrl, workspaceDir));
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: timeoutMs });
  // Notifications (e.g. the gallery being unreachable) would cover the panels the tests read.
  await page.keyboard.press('Escape');
}

async function closeQuickInputIfOpen(page) {
  if (await page.locator(QUICK_INPUT).isVisible().catch(() => false)) {
    await page.keyboard.press('Escape');
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }
}

export function createUiContext({ page, baseUrl, workspaceDir, artifactsDir, log }) {
  mkdirSync(artifactsDir, { recursive: true });

  async function openFile(relativePath) {
    await closeQuickInputIfOpen(page);
    const name = basename(relativePath);
    await page.keyboard.press('Control+P');
    const input = page.locator(QUICK_INPUT_BOX);
    await input.waitFor({ timeout: 10_000 });
    await input.fill(relativePath);
    // Quick Open searches as you type; wait for the row of this very file before accepting.
    await page.locator(QUICK_INPUT_ROWS).filter({ hasText: name }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active').filter({ hasText: name }).waitFor({ timeout: 15_000 });
    await page.locator('.editor-instance .monaco-editor').first().waitFor({ timeout: 15_000 });
  }

  async function runCommand(title) {
    await closeQuickInputIfOpen(page);
    await page.keyboard.press('F1');
    const input = page.locator(QUICK_INPUT_BOX);
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${title}`);
    const rows = page.locator(QUICK_INPUT_ROWS);
    await rows.first().waitFor({ timeout: 15_000 });
    // Fuzzy matching may rank another command first: pick the row whose label is exactly the title.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const labels = await rows.locator('.label-name').allInnerTexts();
      const index = labels.findIndex((label) => label.replace(/\s+/g, ' ').trim() === title);
      if (index >= 0) {
        await rows.nth(index).click();
        return;
      }
      if (Date.now() > deadline) throw new Error(`command "${title}" not in the palette; it offers: ${labels.join(' | ')}`);
      await sleep(200);
    }
  }

  async function readProblems({ until = (rows) => rows.length > 0, timeoutMs = 20_000 } = {}) {
    await closeQuickInputIfOpen(page);
    const panel = page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ timeout: 10_000 });
    const deadline = Date.now() + timeoutMs;
    let rows = [];
    for (;;) {
      rows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
      if (until(rows)) return rows;
      if (Date.now() > deadline) return rows;
      await sleep(250);
    }
  }

  async function frameWith(selector, { timeoutMs = 20_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of page.frames()) {
        if (await frame.locator(selector).count().catch(() => 0)) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no frame contains ${selector} after ${timeoutMs / 1000} s`);
      await sleep(250);
    }
  }

  async function screenshot(name) {
    const path = join(artifactsDir, `${name}.png`);
    await page.screenshot({ path });
    return path;
  }

  return { page, baseUrl, workspaceDir, artifactsDir, openFile, runCommand, readProblems, frameWith, screenshot, log };
}
