// Real headless Chromium for the HTML tests: one persistent context per test
// file, and pages opened from files (file: URLs, as an exported page is opened)
// with the webview's acquireVsCodeApi stubbed to record the messages it sends.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface OpenedPage {
  page: Page;
  /** Every URL the page requested, its own file first. */
  requests: string[];
  /** Requests to anything but file: and data: URLs (all of them are aborted: the tests never reach the network). */
  foreignRequests: string[];
  dialogs: string[];
  errors: string[];
  /** What the page posted through the stubbed VS Code API. */
  messages: () => Promise<Array<Record<string, unknown>>>;
}

export interface PageBrowser {
  /** A folder for the pages and whatever else a test writes; removed by close(). */
  workDir: string;
  /** Writes `html` to `<workDir>/<name>.html` and opens it; `colorScheme` emulates the OS theme. */
  open(html: string, name: string, colorScheme?: 'light' | 'dark'): Promise<OpenedPage>;
  close(): Promise<void>;
}

export async function launchPageBrowser(prefix: string, viewport?: { width: number; height: number }): Promise<PageBrowser> {
  const profile = mkdtempSync(join(tmpdir(), `${prefix}-chromium-`));
  const workDir = mkdtempSync(join(tmpdir(), `${prefix}-pages-`));
  let context: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      ...(viewport ? { viewport } : {}),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    await close();
    throw error;
  }
  const opened = context;
  return { workDir, open: (html, name, colorScheme) => openPage(opened, join(workDir, `${name}.html`), html, colorScheme), close };
}

async function openPage(context: BrowserContext, file: string, html: string, colorScheme?: 'light' | 'dark'): Promise<OpenedPage> {
  writeFileSync(file, html);
  const page = await context.newPage();
  if (colorScheme) await page.emulateMedia({ colorScheme });
  const requests: string[] = [];
  const foreignRequests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // A string, not a function: the test runner's TypeScript transform would add helpers the page lacks.
  await page.addInitScript(`
    window.__messages = [];
    window.__state = undefined;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__messages.push(m),
      getState: () => window.__state,
      setState: (s) => { window.__state = s; },
    });
  `);
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  return {
    page,
    requests,
    foreignRequests,
    dialogs,
    errors,
    messages: () => page.evaluate(() => (window as unknown as { __messages: Array<Record<string, unknown>> }).__messages),
  };
}
