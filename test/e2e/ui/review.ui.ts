// The quarterly review as a user meets it in a real VS Code: the action-items
// status bar item in the workbench, the dashboard opened from the command
// palette, its quarter picker, and a click on an overdue item that opens the
// post-mortem with the item's deadline selected; then the status bar's quick
// pick, which opens the chosen item at its action; and the explorer tree.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UiContext } from '../lib/ui-context';

export const timeoutMs = 120_000;

const FIXTURE = '2026-05-10-search-index-stale.pm.yaml';

async function poll<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = await read();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

export default async function quarterlyReviewInTheWorkbench(ctx: UiContext): Promise<void> {
  const page = ctx.page;
  const lines = readFileSync(join(ctx.workspaceDir, 'postmortems', FIXTURE), 'utf8').split(/\r?\n/);
  const deadlineLine = lines.findIndex((l) => l === '    deadline: 2026-05-19') + 1;
  const actionLine = lines.findIndex((l) => l.startsWith('  - action: Restart dependent consumers')) + 1;
  assert.ok(deadlineLine > 0 && actionLine > 0, 'the fixture has the overdue item');

  // The status bar item, as rendered by the workbench.
  const statusItem = page.locator('.statusbar-item', { hasText: 'Action items:' }).first();
  const statusText = await poll(() => statusItem.innerText().catch(() => ''), (t) => /Action items: \d+ open, \d+ overdue/.test(t));
  ctx.log(`status bar: ${statusText.trim()}`);
  const counts = /Action items: (\d+) open, (\d+) overdue/.exec(statusText);
  assert.ok(counts, `no action-items status bar item (last text: ${JSON.stringify(statusText)})`);
  assert.ok(Number(counts[1]) >= 2 && Number(counts[2]) >= 1, 'the fixture contributes open and overdue items');

  // The dashboard, on the fixture's quarter (2026-05-10 at +02:00 is in Q2).
  await ctx.runCommand('Post-Mortem: Quarterly Review');
  const frame = await ctx.frameWith('#quarter-picker', { timeoutMs: 30_000 });
  await frame.selectOption('#quarter-picker', '2026-Q2');
  const section = frame.locator('#q-2026-Q2');
  await section.waitFor({ state: 'visible' });
  assert.equal(await frame.locator('svg[role="img"]').count(), 4, 'four trend charts');
  const row = section.locator('table.overdue tbody tr', { hasText: 'INC-2026-05-10-001' }).first();
  assert.match(await row.innerText(), /Restart dependent consumers in the offset-reset runbook/);
  await ctx.screenshot('review-dashboard');

  // Click the overdue item: the post-mortem opens with its deadline selected ("2026-05-19": columns 15 to 25, the cursor at its end).
  await row.click();
  const selection = page.locator('.statusbar-item[id="status.editor.selection"]').first();
  const afterClick = await poll(() => selection.innerText().catch(() => ''), (t) => t.trim().startsWith(`Ln ${deadlineLine},`));
  ctx.log(`selection after the click: ${afterClick.trim()}`);
  assert.equal(afterClick.trim(), `Ln ${deadlineLine}, Col 25 (10 selected)`);
  await ctx.screenshot('review-click-to-source');

  // The status bar item lists the open items; choosing one opens it at its action text.
  await statusItem.click();
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill('Restart dependent consumers');
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await poll(() => rows.count(), (n) => n >= 1, 10_000);
  assert.match(await rows.first().innerText(), /Restart dependent consumers in the offset-reset runbook/);
  await page.keyboard.press('Enter');
  const afterPick = await poll(() => selection.innerText().catch(() => ''), (t) => t.trim().startsWith(`Ln ${actionLine},`));
  ctx.log(`selection after the pick: ${afterPick.trim()}`);
  // The action's text is selected: it starts at column 13, after "  - action: ".
  const action = lines[actionLine - 1].slice('  - action: '.length);
  assert.equal(afterPick.trim(), `Ln ${actionLine}, Col ${13 + action.length} (${action.length} selected)`);

  // The explorer's "Post-Mortems" view: quarters, and the incident with its severity icon and open-action count.
  const header = page.locator('.pane-header', { hasText: /^Post-Mortems$/i }).first();
  await header.click();
  const view = page.locator('.pane', { has: header });
  const incidentRow = view.locator('.monaco-list-row', { hasText: 'INC-2026-05-10-001' }).first();
  const rowText = await poll(() => incidentRow.innerText().catch(() => ''), (t) => t.includes('open'));
  ctx.log(`tree row: ${rowText.replace(/\s+/g, ' ').trim()}`);
  assert.match(rowText, /Search index served stale results · 2 open, 1 overdue/);
  assert.equal(await incidentRow.locator('.codicon-circle-outline').count(), 1, 'a SEV-3 incident shows its severity icon, not the info icon of problems');
  assert.ok(await view.locator('.monaco-list-row', { hasText: /^2026-Q2/ }).count(), 'a 2026-Q2 quarter node');
  await ctx.screenshot('review-explorer-tree');
}
