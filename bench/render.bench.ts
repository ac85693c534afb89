/**
 * Time from an edit to the preview's updated DOM, for the 100- and
 * 1,000-entry documents: lint (what the editor runs anyway) and render (model
 * + report body) in Node, then the body applied to a real Chromium page by
 * the same patch code as the webview (media/preview.js), timed in the page
 * until the patched DOM has been laid out.
 *
 * Target: render <= 0.5x lint for the 100-entry document (the preview adds
 * less than half a lint to every edit).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { lintText } from '../src/core/lint';
import { parseCalendarDate } from '../src/core/time';
import { buildReportModel, renderHtml, renderReportBody } from '../src/render/index';
import { EventTextEditor, generatePostmortem } from './generate';
import { formatMs, median, percentile, printTable } from './stats';

const SIZES: readonly { entries: number; iterations: number; warmup: number }[] = [
  { entries: 100, iterations: 80, warmup: 15 },
  { entries: 1_000, iterations: 25, warmup: 5 },
];
const TODAY = '2026-11-27';
const today = parseCalendarDate(TODAY)!;
const ROOT = join(__dirname, '..');

export async function run(): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'pm-bench-chromium-'));
  const pages = mkdtempSync(join(tmpdir(), 'pm-bench-pages-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows: string[][] = [['entries', 'lint median', 'lint p95', 'render median', 'render p95', 'render/lint', 'DOM patch median', 'DOM patch p95', 'edit->DOM median', 'edit->DOM p95']];
  const verdicts: string[] = [];
  try {
    for (const { entries, iterations, warmup } of SIZES) {
      const editor = new EventTextEditor(generatePostmortem(entries));
      const first = lintText(editor.next(), { today: TODAY });
      const html = renderHtml(buildReportModel({ parsed: first.parsed, diagnostics: first.diagnostics, today }), {
        mode: 'webview',
        nonce: 'bench',
        cspSource: 'file:',
        styleUri: pathToFileURL(join(ROOT, 'media', 'preview.css')).href,
        scriptUri: pathToFileURL(join(ROOT, 'media', 'preview.js')).href,
      });
      const file = join(pages, `preview-${entries}.html`);
      writeFileSync(file, html);
      const page = await context.newPage();
      await page.setViewportSize({ width: 900, height: 900 });
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => 'pmPreview' in window);

      const lint: number[] = [];
      const render: number[] = [];
      const patch: number[] = [];
      const total: number[] = [];
      for (let i = 0; i < warmup + iterations; i++) {
        const text = editor.next();
        const t0 = performance.now();
        const result = lintText(text, { today: TODAY });
        const t1 = performance.now();
        const body = renderReportBody(buildReportModel({ parsed: result.parsed, diagnostics: result.diagnostics, today }), 'webview');
        const t2 = performance.now();
        // In the page: what the webview does on an `update` message, then a forced layout (the DOM is on screen next frame).
        const patchMs = await page.evaluate((h) => {
          const started = performance.now();
          (window as unknown as { pmPreview: { patch(root: Element, html: string): void } }).pmPreview.patch(document.getElementById('report')!, h);
          void document.body.offsetHeight;
          return performance.now() - started;
        }, body);
        if (i < warmup) continue;
        lint.push(t1 - t0);
        render.push(t2 - t1);
        patch.push(patchMs);
        total.push(t2 - t0 + patchMs);
      }
      // The last edit must be on screen: a bench that patched nothing would be fast and wrong.
      const shown = await page.evaluate(() => document.querySelectorAll('#report .timeline .tl-entry').length);
      if (shown !== entries) throw new Error(`the patched page shows ${shown} timeline entries, expected ${entries}`);
      await page.close();

      const ratio = median(render) / median(lint);
      rows.push([
        String(entries),
        formatMs(median(lint)),
        formatMs(percentile(lint, 95)),
        formatMs(median(render)),
        formatMs(percentile(render, 95)),
        `${ratio.toFixed(2)}x`,
        formatMs(median(patch)),
        formatMs(percentile(patch, 95)),
        formatMs(median(total)),
        formatMs(percentile(total, 95)),
      ]);
      if (entries === 100) verdicts.push(`render/lint for 100 entries: ${ratio.toFixed(2)}x (target <= 0.50x) ${ratio <= 0.5 ? 'MET' : 'NOT MET'}`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(pages, { recursive: true, force: true });
  }
  printTable('Preview: edit -> updated DOM (lint + render in Node, patch in Chromium)', rows);
  for (const v of verdicts) console.log(v);
}
