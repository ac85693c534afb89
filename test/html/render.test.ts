// The post-mortem report in real headless Chromium: the exported page (light,
// dark and high-contrast stand-in themes), the webview page with
// media/preview.js (acquireVsCodeApi stubbed to record its messages), and a
// document full of hostile strings that must execute nothing and load nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchPageBrowser, type OpenedPage, type PageBrowser } from './helpers';
import { lintText } from '../../src/core/lint';
import { buildReportModel, previewCss, renderHtml, renderReportBody, type ReportModel, type Theme } from '../../src/render/index';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'render');
const ARTIFACTS = join(ROOT, 'test-results', 'render');
const today = { year: 2023, month: 9, day: 1 };
const NONCE = 'cmVuZGVyLXRlc3Qtbm9uY2U=';
const FULL = readFileSync(join(FIXTURES, 'full.pm.yaml'), 'utf8');
const HOSTILE = readFileSync(join(FIXTURES, 'hostile.pm.yaml'), 'utf8');

function modelOf(text: string): ReportModel {
  const { parsed, diagnostics } = lintText(text, { today });
  return buildReportModel({ parsed, diagnostics, today });
}

let browser: PageBrowser;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchPageBrowser('pm-render', { width: 1100, height: 900 });
});

after(async () => {
  await browser?.close();
});

function open(html: string, name: string): Promise<OpenedPage> {
  return browser.open(html, name);
}

function webviewHtml(model: ReportModel, theme?: Theme): string {
  return renderHtml(model, {
    mode: 'webview',
    nonce: NONCE,
    cspSource: 'file:',
    styleUri: pathToFileURL(join(ROOT, 'media', 'preview.css')).href,
    scriptUri: pathToFileURL(join(ROOT, 'media', 'preview.js')).href,
    theme,
  });
}

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string): number => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
    const lin = (c: number): number => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('exported report', () => {
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`shows the figures, the heatmap and the highlighted rows (${theme})`, async () => {
      const html = renderHtml(modelOf(FULL), { mode: 'export', css: previewCss(), theme });
      const { page, foreignRequests, errors } = await open(html, `full-${theme}`);
      const figure = (name: string) => page.locator(`[data-figure="${name}"]`).innerText();
      assert.equal(await figure('cost-total'), '$87,000.00');
      assert.equal(await figure('cost-per-minute'), '$580.00');
      assert.equal(await figure('duration'), '2h 30m');
      assert.equal(await figure('detection-delay'), '25m');

      const cells = await page.$$eval('.heatmap .cell', (els) =>
        els.map((el) => {
          const style = getComputedStyle(el);
          return { factor: el.getAttribute('data-factor'), number: el.querySelector('.cell-score')?.textContent, bg: style.backgroundColor, fg: style.color, root: el.classList.contains('root-cause') };
        }),
      );
      assert.equal(cells.length, 10);
      assert.deepEqual(
        cells.map((c) => c.number),
        ['2', '1', '0', '1', '2', '3', '0', '0', '2', '1'],
      );
      assert.deepEqual(cells.filter((c) => c.root).map((c) => c.factor), ['capacity']);
      // Every score has its own colour, and each number is readable on it (WCAG AA, 4.5:1).
      const byScore = new Map(cells.map((c) => [c.number, c.bg]));
      assert.equal(new Set(byScore.values()).size, 4);
      for (const c of cells) assert.ok(contrast(c.bg, c.fg) >= 4.5, `${theme} ${c.factor}: ${c.fg} on ${c.bg} = ${contrast(c.bg, c.fg).toFixed(2)}`);

      const rows = await page.$$eval('.actions-table tbody tr', (els) =>
        els.map((el) => ({ classes: el.className, bg: getComputedStyle(el).backgroundColor, flag: el.querySelector('.flag')?.textContent ?? '' })),
      );
      assert.match(rows[1].classes, /\boverdue\b/);
      assert.equal(rows[1].flag, 'overdue by 12 days');
      assert.match(rows[2].classes, /\boutside-window\b/);
      assert.equal(rows[2].flag, 'after the P2 window (2023-09-16)');
      assert.notEqual(rows[1].bg, rows[0].bg);
      assert.notEqual(rows[2].bg, rows[0].bg);

      // Gaps inside the incident window and before the fix only, as the timeline-granularity rule counts them:
      // not the one from the trigger (before summary.start) to the first alert, nor fix-deployed to resolved.
      const gaps = await page.locator('.timeline .tl-gap').count();
      assert.equal(gaps, 2);
      assert.equal(await page.locator('.timeline [data-path="timeline.1"] .tl-rel').innerText(), 'T+25m');
      assert.equal(await page.locator('script').count(), 0);
      assert.deepEqual(foreignRequests, []);
      assert.deepEqual(errors, []);
      await page.screenshot({ path: join(ARTIFACTS, `report-${theme}.png`), fullPage: true });
      await page.close();
    });
  }

  it('prints: the print stylesheet keeps heatmap colours and hides nothing', async () => {
    const { page } = await open(renderHtml(modelOf(FULL), { mode: 'export', css: previewCss() }), 'print');
    await page.emulateMedia({ media: 'print' });
    const adjust = await page.$eval('.heatmap .cell', (el) => getComputedStyle(el).getPropertyValue('print-color-adjust'));
    assert.equal(adjust, 'exact');
    assert.ok(await page.locator('.actions-table').isVisible());
    await page.pdf({ path: join(ARTIFACTS, 'report.pdf') });
    await page.close();
  });
});

describe('webview page with media/preview.js', () => {
  it('patches the DOM in place on update, keeps scroll and unchanged nodes', async () => {
    const { page, errors, foreignRequests } = await open(webviewHtml(modelOf(FULL), 'dark'), 'webview');
    assert.equal(await page.locator('script').count(), 1);
    await page.evaluate(() => {
      window.scrollTo(0, 900);
      (document.querySelector('.heatmap') as unknown as { __marker: number }).__marker = 42;
    });
    const scrollBefore = await page.evaluate(() => window.scrollY);
    assert.ok(scrollBefore > 0);
    const edited = renderReportBody(modelOf(FULL.replace('revenue_lost: 42000', 'revenue_lost: 50000')));
    await page.evaluate((html) => window.postMessage({ type: 'update', html, version: 7 }, '*'), edited);
    await page.waitForFunction(() => document.body.getAttribute('data-version') === '7');
    assert.equal(await page.locator('[data-figure="cost-total"]').innerText(), '$95,000.00');
    assert.equal(await page.evaluate(() => window.scrollY), scrollBefore);
    assert.equal(await page.evaluate(() => (document.querySelector('.heatmap') as unknown as { __marker?: number }).__marker), 42);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests, []);
    await page.close();
  });

  it('posts reveal for clicks and highlights the section for the cursor', async () => {
    const { page, messages } = await open(webviewHtml(modelOf(FULL)), 'clicks');
    await page.locator('[data-path="timeline.3"] .tl-event').click();
    await page.locator('.diagnostics .diag').first().click();
    await page.locator('[data-path="action_items.1"] td').nth(2).click();
    const sent = (await messages()).filter((m) => m.type !== 'ready');
    assert.deepEqual(sent[0], { type: 'reveal', path: 'timeline.3' });
    assert.equal(sent[1].type, 'revealRange');
    assert.equal((sent[1].range as number[]).length, 4);
    assert.deepEqual(sent[2], { type: 'reveal', path: 'action_items.1' });
    // A link opens; it does not jump to the source.
    const before = (await messages()).length;
    await page.evaluate(() => document.querySelector<HTMLAnchorElement>('[data-path="timeline.0"] a')?.addEventListener('click', (e) => e.preventDefault()));
    await page.locator('[data-path="timeline.0"] a').click();
    assert.equal((await messages()).length, before);

    await page.evaluate(() => window.postMessage({ type: 'highlight', path: 'cost.churn.ltv' }, '*'));
    await page.waitForSelector('.pm-highlight');
    assert.equal(await page.locator('.pm-highlight').getAttribute('data-path'), 'cost.churn');
    await page.evaluate(() => window.postMessage({ type: 'highlight', path: 'timeline.5.event' }, '*'));
    await page.waitForFunction(() => document.querySelector('.pm-highlight')?.getAttribute('data-path') === 'timeline.5');
    assert.equal(await page.locator('.pm-highlight').count(), 1);
    // The highlight survives an update.
    await page.evaluate((html) => window.postMessage({ type: 'update', html, version: 2 }, '*'), renderReportBody(modelOf(FULL)));
    await page.waitForFunction(() => document.body.getAttribute('data-version') === '2');
    assert.equal(await page.locator('.pm-highlight').getAttribute('data-path'), 'timeline.5');
    await page.close();
  });
});

describe('hostile strings', () => {
  for (const mode of ['export', 'webview'] as const) {
    it(`execute nothing and load nothing (${mode})`, async () => {
      const model = modelOf(HOSTILE);
      const html = mode === 'export' ? renderHtml(model, { mode, css: previewCss() }) : webviewHtml(model);
      const { page, dialogs, foreignRequests, errors, messages } = await open(html, `hostile-${mode}`);
      // Give any handler a chance to fire: hover and click everything the document wrote.
      for (const selector of ['h1', '.pm-id', '.badge.severity', '.chip', '.tl-event', '.description']) {
        for (const el of await page.locator(selector).all()) {
          await el.hover();
          await el.click({ force: true }).catch(() => undefined);
        }
      }
      await page.waitForTimeout(200);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(foreignRequests, []);
      assert.deepEqual(errors, []);
      const scripts = await page.$$eval('script', (els) => els.map((e) => e.getAttribute('src') ?? 'inline'));
      assert.deepEqual(scripts, mode === 'webview' ? [pathToFileURL(join(ROOT, 'media', 'preview.js')).href] : []);
      const dangerous = await page.evaluate(() => {
        const found: string[] = [];
        for (const el of Array.from(document.querySelectorAll('*'))) {
          for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
          if (/^(IMG|SVG|IFRAME|MARQUEE|OBJECT|EMBED|B)$/i.test(el.tagName)) found.push(el.tagName);
        }
        for (const a of Array.from(document.querySelectorAll('a[href]'))) {
          const href = a.getAttribute('href') ?? '';
          if (!/^(https?:\/\/|mailto:)/i.test(href)) found.push(`href ${href}`);
        }
        // Only our own stylesheet: the document's `</style><style>` must stay text.
        if (document.querySelectorAll('style').length > 1) found.push('extra style element');
        return found;
      });
      assert.deepEqual(dangerous, []);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
      assert.equal(await page.locator('.pm-id').innerText(), "<script>alert('id')</script>");
      assert.equal(await page.locator('h1').innerText(), '"><img src=x onerror=alert(1)>');
      // Unsafe link targets are shown as text, not as links.
      assert.equal(await page.locator('.unsafe-link', { hasText: 'javascript:alert(25)' }).count(), 1);
      // The very long word wraps instead of widening the page.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
      if (mode === 'webview') assert.ok((await messages()).every((m) => m.type === 'ready' || m.type === 'reveal' || m.type === 'revealRange'));
      await page.screenshot({ path: join(ARTIFACTS, `hostile-${mode}.png`), fullPage: true });
      await page.close();
    });
  }
});
