// The quarterly review dashboard in real headless Chromium: the webview page
// (with media/review.js under its CSP; acquireVsCodeApi stubbed to record the
// messages it would send to the extension) and the CLI's standalone page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchPageBrowser, type OpenedPage, type PageBrowser } from './helpers';
import type { Page } from 'playwright-core';
import { discoverPostmortems } from '../../src/core/discover';
import { displayName, loadStore } from '../../src/review/load';
import { computeReview, type Review } from '../../src/review/review';
import { renderReviewBody, renderReviewPage } from '../../src/review/html';
import { readFileSync } from 'node:fs';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'review');
const ARTIFACTS = join(ROOT, 'test-results', 'review-dashboard');
const today = { year: 2026, month: 10, day: 15 };
const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';

async function reviewOf(folder: string): Promise<Review> {
  const { files } = await discoverPostmortems([folder], FIXTURES);
  const { store } = await loadStore(files.map((f) => f.absolute), (f) => displayName(f, FIXTURES));
  return computeReview(store.entries(), { today });
}

let browser: PageBrowser;

before(async () => {
  browser = await launchPageBrowser('pm-review');
});

after(async () => {
  await browser?.close();
});

/** Opens the page (written to a file of its own) in the OS theme given; records every request, dialog and page error. */
function open(html: string, name: string, theme: 'light' | 'dark' = 'light'): Promise<OpenedPage> {
  return browser.open(html, name, theme);
}

function webviewPage(review: Review, selected?: string): string {
  return renderReviewPage(
    review,
    {
      mode: 'webview',
      nonce: NONCE,
      cspSource: 'file:',
      styleUri: pathToFileURL(join(ROOT, 'media', 'review.css')).href,
      scriptUri: pathToFileURL(join(ROOT, 'media', 'review.js')).href,
    },
    selected,
  );
}

describe('review dashboard (webview page)', () => {
  it('draws the four trend charts as accessible SVG with a value per quarter on hover', async () => {
    const { page, errors } = await open(webviewPage(await reviewOf('postmortems')), 'charts');
    const charts = await page.$$eval('figure.chart svg', (svgs) =>
      svgs.map((svg) => ({
        role: svg.getAttribute('role'),
        title: svg.querySelector(':scope > title')?.textContent,
        desc: svg.querySelector(':scope > desc')?.textContent,
        labelledBy: svg.getAttribute('aria-labelledby'),
        points: Array.from(svg.querySelectorAll('g.chart-point, g.chart-missing')).map((g) => g.querySelector('title')?.textContent),
        values: Array.from(svg.querySelectorAll('g.chart-point')).map((g) => Number(g.getAttribute('data-value'))),
      })),
    );
    assert.deepEqual(charts.map((c) => c.title), ['Time to detect (mean)', 'Time to resolve (mean)', 'Incident cost (total, USD)', 'Action-item completion rate']);
    for (const c of charts) {
      assert.equal(c.role, 'img');
      assert.match(c.labelledBy ?? '', /-title .*-desc$/);
      assert.equal(c.points.length, 4);
    }
    assert.deepEqual(charts[0].points, ['2026-Q1: mean 20m (n = 2)', '2026-Q2: mean 30m (n = 2)', '2026-Q3: no data', '2026-Q4: no data']);
    assert.deepEqual(charts[0].values, [20, 30]);
    assert.deepEqual(charts[1].values, [90, 60, 45]);
    assert.deepEqual(charts[2].points, ['2026-Q1: $1,500.00 (n = 2)', '2026-Q2: $3,000.00 (n = 1)', '2026-Q3: no cost in USD', '2026-Q4: $2,000.00 (n = 1)']);
    assert.deepEqual(charts[3].values, [0.3333, 0.3333, 0]);
    assert.match(charts[1].desc ?? '', /^Mean time to resolve per quarter: 2026-Q1: mean 1h 30m \(n = 2\); /);
    // The script ran under the CSP (it announced itself), and nothing failed.
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the latest quarter first and switches with the quarter picker', async () => {
    const { page, messages } = await open(webviewPage(await reviewOf('postmortems')), 'picker');
    const visible = () => page.$$eval('section.quarter', (s) => s.filter((e) => !(e as HTMLElement).hidden).map((e) => e.getAttribute('data-quarter')));
    assert.deepEqual(await visible(), ['2026-Q4']);
    await page.selectOption('#quarter-picker', '2026-Q1');
    assert.deepEqual(await visible(), ['2026-Q1']);
    assert.equal(await page.$eval('#chart-detect g.chart-point.selected', (g) => g.getAttribute('data-quarter')), '2026-Q1');
    const q1 = page.locator('#q-2026-Q1');
    assert.equal(await q1.locator('[data-figure="incidents"]').textContent(), '2');
    assert.equal(await q1.locator('[data-figure="detect-mean"]').textContent(), '20m');
    assert.equal(await q1.locator('[data-figure="cost-total"]').textContent(), '$1,500.00');
    assert.equal(await q1.locator('[data-figure="overdue"]').textContent(), '1');
    assert.ok((await messages()).some((m) => m.type === 'quarter' && m.quarter === '2026-Q1'));
    // An empty quarter says so instead of showing zeros.
    await page.selectOption('#quarter-picker', '2026-Q3');
    assert.equal(await page.locator('#q-2026-Q3 p.empty').textContent(), 'No incidents this quarter.');
    await page.close();
  });

  it('renders the heatmap with a score per cell, the root cause marked, and column totals', async () => {
    const { page } = await open(webviewPage(await reviewOf('postmortems'), '2026-Q1'), 'heatmap');
    const rows = await page.$$eval('#q-2026-Q1 table.heatmap tbody tr', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-id'),
        cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent),
        rootCause: tr.querySelector('td.root-cause')?.getAttribute('data-factor'),
        classes: Array.from(tr.querySelectorAll('td')).map((td) => td.className.split(' ')[1]),
      })),
    );
    assert.deepEqual(rows.map((r) => r.id), ['INC-2026-01-10-001', 'INC-2026-03-31-001']);
    assert.deepEqual(rows[0].cells, ['2', '1', '0', '1', '2', '3', '0', '0', '2', '1']);
    assert.deepEqual(rows[1].cells, ['0', '—', '—', '—', '—', '2', '—', '—', '—', '—']);
    assert.equal(rows[0].rootCause, 'capacity');
    assert.equal(rows[0].classes[5], 'score-3');
    assert.equal(rows[1].classes[1], 'score-none');
    const totals = await page.$$eval('#q-2026-Q1 table.heatmap tfoot td', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(totals, ['2', '1', '0', '1', '2', '5', '0', '0', '2', '1']);
    // Colour is not the only signal: a score-3 cell differs from a score-0 one in colour *and* shows its number.
    const [hot, cold] = await page.$$eval('#q-2026-Q1 table.heatmap tbody tr:first-child td', (tds) => [getComputedStyle(tds[5]).backgroundColor, getComputedStyle(tds[2]).backgroundColor]);
    assert.notEqual(hot, cold);
    await mkdirAndShoot(page, 'dashboard-light.png');
    await page.close();
  });

  it('sends a reveal message with the file and the value path for repeat pairs, overdue items and heatmap cells', async () => {
    const { page, messages } = await open(webviewPage(await reviewOf('postmortems'), '2026-Q1'), 'reveal');
    const pair = page.locator('#q-2026-Q1 li.repeat-pair span.reveal');
    assert.deepEqual(await pair.allTextContents(), ['INC-2026-01-10-001', 'INC-2026-03-31-001']);
    await pair.nth(1).click();
    await page.locator('#q-2026-Q1 table.overdue tbody tr').first().click();
    await page.locator('#q-2026-Q1 table.heatmap tbody tr:first-child td[data-factor="capacity"]').click();
    // Keyboard: Enter on a focused row header.
    await page.locator('#q-2026-Q1 table.heatmap tbody tr:nth-child(2) th.reveal').focus();
    await page.keyboard.press('Enter');
    const reveals = (await messages()).filter((m) => m.type === 'reveal');
    assert.deepEqual(reveals, [
      { type: 'reveal', file: 'postmortems/2026/INC-2026-03-31-001.pm.yaml', path: ['root_cause', 'category'] },
      { type: 'reveal', file: 'postmortems/2026/INC-2026-01-10-001.pm.yaml', path: ['action_items', 1, 'deadline'] },
      { type: 'reveal', file: 'postmortems/2026/INC-2026-01-10-001.pm.yaml', path: ['contributing_factors', 'capacity', 'score'] },
      { type: 'reveal', file: 'postmortems/2026/INC-2026-03-31-001.pm.yaml', path: ['id'] },
    ]);
    const overdue = await page.$$eval('#q-2026-Q1 table.overdue tbody td', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(overdue, ['INC-2026-01-10-001', 'Tie pool settings to database capacity in CI', 'Platform team', '2026-02-01', '256']);
    await page.close();
  });

  it('lists a repeat of an earlier quarter\'s incident in the later quarter, and reveals both files', async () => {
    const folder = join(browser.workDir, 'cross-quarter');
    const pm = (id: string, start: string, services: string): string =>
      `id: ${id}\ntitle: Pool exhausted\nstatus: reviewed\nservices: [${services}]\nsummary:\n  start: ${start}\n  end: ${start.replace('T10', 'T11')}\n  severity: SEV-2\nroot_cause:\n  category: capacity\n`;
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'first.pm.yaml'), pm('INC-2026-02-10-001', '2026-02-10T10:00:00Z', 'orders-db'));
    writeFileSync(join(folder, 'again.pm.yaml'), pm('INC-2026-05-04-001', '2026-05-04T10:00:00Z', 'orders-db, checkout'));
    const { store } = await loadStore((await discoverPostmortems([folder], folder)).files.map((f) => f.absolute), (f) => displayName(f, folder));
    const { page, messages } = await open(webviewPage(computeReview(store.entries(), { today }), '2026-Q2'), 'cross-quarter');
    assert.equal(await page.locator('#q-2026-Q1 li.repeat-pair').count(), 0);
    const pair = page.locator('#q-2026-Q2 li.repeat-pair');
    assert.equal(await pair.textContent(), 'INC-2026-02-10-001, repeated by INC-2026-05-04-001');
    await pair.locator('span.reveal').nth(0).click();
    await pair.locator('span.reveal').nth(1).click();
    assert.deepEqual(
      (await messages()).filter((m) => m.type === 'reveal').map((m) => m.file),
      ['first.pm.yaml', 'again.pm.yaml'],
    );
    await page.close();
  });

  it('updates in place from an update message and keeps the chosen quarter', async () => {
    const review = await reviewOf('postmortems');
    const { page } = await open(webviewPage(review), 'update');
    await page.selectOption('#quarter-picker', '2026-Q2');
    // The extension's next render: the Q2 overdue item was marked done.
    const changed: Review = JSON.parse(JSON.stringify(review));
    changed.quarters[1].overdue_actions = 0;
    changed.quarters[1].overdue_items = [];
    const html = renderReviewBody(changed, { interactive: true });
    await page.evaluate((h) => window.postMessage({ type: 'update', html: h }, '*'), html);
    await page.waitForFunction(() => document.body.getAttribute('data-updates') === '1');
    assert.equal(await page.locator('#quarter-picker').inputValue(), '2026-Q2');
    assert.equal(await page.locator('#q-2026-Q2').isVisible(), true);
    assert.equal(await page.locator('#q-2026-Q2 [data-figure="overdue"]').textContent(), '0');
    await mkdirAndShoot(page, 'dashboard-updated.png');
    await page.close();
  });

  it('shows hostile strings as text and runs nothing', async () => {
    const review = await reviewOf('hostile');
    const { page, requests, dialogs, errors } = await open(webviewPage(review, '2026-Q3'), 'hostile');
    // Trigger what an attacker hoped for: hover and click everything.
    for (const el of await page.$$('#q-2026-Q3 [data-file], #q-2026-Q3 td, #q-2026-Q3 li')) {
      await el.hover().catch(() => {});
    }
    await page.locator('#q-2026-Q3 li.repeat-pair span.reveal').first().click();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    // Only the page itself and our two media files were requested.
    assert.deepEqual(
      requests.map((r) => r.split('/').pop()),
      ['hostile.html', 'review.css', 'review.js'],
    );
    assert.equal(await page.locator('script').count(), 1);
    assert.equal(await page.locator('#review-root img, #review-root iframe, #review-root style, #review-root a[href^="javascript"]').count(), 0);
    const heatmapIds = await page.$$eval('#q-2026-Q3 table.heatmap tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-id')));
    assert.ok(heatmapIds.includes('INC-2026-07-01-001<script>window.__pwned = 1</script>'));
    assert.equal(
      await page.locator('#q-2026-Q3 table.overdue tbody tr').first().locator('td').nth(1).textContent(),
      "{{constructor.constructor('window.__pwned = 8')()}}",
    );
    // A 20,000-character title wraps instead of widening the page beyond the window.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > window.innerWidth).slice(0, 5).map((e) => e.tagName + '.' + e.className),
    );
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the window: ${wide.join(', ')}`);
    await page.close();
  });
});

describe('review page from the CLI (standalone)', () => {
  it('needs no script: every quarter is shown with its figures, styled by the inline sheet', async () => {
    const review = await reviewOf('postmortems');
    const html = renderReviewPage(review, { mode: 'standalone', nonce: NONCE, css: readFileSync(join(ROOT, 'media', 'review.css'), 'utf8') });
    const { page, requests } = await open(html, 'standalone');
    assert.deepEqual(requests.map((r) => r.split('/').pop()), ['standalone.html']);
    assert.deepEqual(await page.$$eval('section.quarter', (s) => s.filter((e) => (e as HTMLElement).offsetParent !== null).length), 4);
    assert.equal(await page.locator('#q-2026-Q2 [data-figure="cost-change"]').textContent(), '+100% vs previous quarter');
    assert.equal(await page.locator('[data-file]').count(), 0);
    // The inline sheet applied (its nonce matched the CSP): heatmap scores are centred under their rotated labels.
    assert.equal(await page.$eval('table.heatmap td', (td) => getComputedStyle(td).textAlign), 'center');
    await page.close();
    // Without VS Code's theme, the page follows the reader's dark preference.
    const dark = await open(html, 'standalone-dark', 'dark');
    assert.equal(await dark.page.$eval('body', (b) => getComputedStyle(b).backgroundColor), 'rgb(13, 17, 23)');
    await mkdirAndShoot(dark.page, 'standalone-dark.png');
    await dark.page.close();
  });

  it('lists skipped files with their reason', async () => {
    const review = await reviewOf('postmortems');
    const { page } = await open(renderReviewPage(review, { mode: 'standalone', nonce: NONCE, css: '' }), 'skipped');
    const items = await page.$$eval('section.skipped li', (lis) => lis.map((li) => li.textContent));
    assert.equal(items.length, 2);
    assert.match(items[0] ?? '', /^postmortems\/broken\.pm\.yaml: line \d+: /);
    assert.equal(items[1], 'postmortems/no-start.pm.yaml: summary.start is missing, so the incident has no quarter');
    await page.close();
  });
});

async function mkdirAndShoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
}
