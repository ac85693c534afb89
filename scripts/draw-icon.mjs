#!/usr/bin/env node
// Draws media/icon.png, the Marketplace icon (128x128 PNG): the SVG below,
// rendered by headless Chromium (playwright-core, /usr/bin/chromium) with a
// transparent background. A document on a dark-blue tile, its text lines, and
// a flame-orange marker on the timeline. Re-run after changing the SVG:
//   node scripts/draw-icon.mjs
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 128 128">
  <rect x="0" y="0" width="128" height="128" rx="22" fill="#1f3a5f"/>
  <path d="M32 16 h46 l20 20 v76 a6 6 0 0 1 -6 6 h-60 a6 6 0 0 1 -6 -6 v-90 a6 6 0 0 1 6 -6 z" fill="#ffffff"/>
  <path d="M78 16 v14 a6 6 0 0 0 6 6 h14 z" fill="#c9d6e8"/>
  <rect x="40" y="44" width="44" height="5" rx="2.5" fill="#1f3a5f"/>
  <rect x="40" y="56" width="34" height="5" rx="2.5" fill="#1f3a5f"/>
  <line x1="46" y1="72" x2="46" y2="106" stroke="#9fb3cc" stroke-width="3"/>
  <circle cx="46" cy="78" r="6" fill="#e8590c"/>
  <circle cx="46" cy="100" r="5" fill="#2f9e44"/>
  <rect x="58" y="75" width="28" height="5" rx="2.5" fill="#1f3a5f"/>
  <rect x="58" y="97" width="22" height="5" rx="2.5" fill="#1f3a5f"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  await page.locator('svg').screenshot({ path: join(root, 'media', 'icon.png'), omitBackground: true });
  console.log('draw-icon: wrote media/icon.png');
} finally {
  await browser.close();
}
