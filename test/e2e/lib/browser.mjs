// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
// Never `npx playwright install`: it downloads its own browser and fails here.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.POSTMORTEM_CHROMIUM || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Launches Chromium with a fresh profile folder (Playwright refuses
 * --user-data-dir in args, so the profile goes through launchPersistentContext).
 */
export async function launchBrowser({ profileDir, viewport = { width: 1400, height: 900 } }) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium)`);
  }
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    env: { ...process.env },
    // The runners handle signals themselves (stop the server, print the totals, then exit).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
