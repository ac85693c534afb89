// The Mocha root of the extension tests. VS Code (code-server in CI, or the
// desktop build of @vscode/test-electron) loads this module inside the real
// extension host, with `require('vscode')` available, and awaits `run()`.
//
// The runners bundle this file and every `test/e2e/suite/*.e2e.ts` next to each
// other into `out/e2e/` (see test/e2e/lib/bundle.mjs), so this module loads
// every `*.e2e.js` beside itself. Both Mocha interfaces are bound: a test file
// may use `suite`/`test` (VS Code's habit) or `describe`/`it`.
// Optional filter: POSTMORTEM_E2E_GREP (a regular expression on test titles).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** The line the runners parse for the totals: `E2E_RESULT {"passed":N,"failed":M,"pending":P}`. */
export const RESULT_MARKER = 'E2E_RESULT';
/** Printed first, so a runner can tell the suite's console from the workbench's log that precedes it. */
export const START_MARKER = 'E2E_START';

export async function run(): Promise<void> {
  console.log(START_MARKER);
  // Failures then point at test/e2e/suite/*.ts lines (the bundles carry inline source maps).
  process.setSourceMapsEnabled(true);
  await runMocha();
}

async function runMocha(): Promise<void> {
  const mocha = new Mocha({ color: false, timeout: 30_000, reporter: 'spec' });
  mocha.ui('tdd');
  mocha.ui('bdd');
  const grep = process.env.POSTMORTEM_E2E_GREP;
  if (grep) mocha.grep(new RegExp(grep));

  const files = readdirSync(__dirname).filter((name) => name.endsWith('.e2e.js')).sort();
  if (files.length === 0) throw new Error(`no *.e2e.js test files next to ${__filename}`);
  for (const name of files) mocha.addFile(join(__dirname, name));

  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        console.log(`${RESULT_MARKER} ${JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending })}`);
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
        else if (stats.passes === 0) reject(new Error('no extension test ran'));
        else resolve();
      });
    } catch (error) {
      // A test file that fails to load (a throw at import time) lands here.
      console.error(error);
      console.log(`${RESULT_MARKER} ${JSON.stringify({ passed: 0, failed: 1, pending: 0 })}`);
      reject(error);
    }
  });
}
