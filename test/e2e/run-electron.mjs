#!/usr/bin/env node
// The extension tests on a desktop VS Code (`npm run test:electron`), with
// @vscode/test-electron: the same Mocha suite (out/e2e/index.js, bundled from
// test/e2e/suite/) that run-headless.mjs runs inside code-server.
//
// It downloads VS Code from update.code.visualstudio.com, which the CI
// machines cannot reach (there `npm test` uses code-server; see
// test/e2e/README.md); on a desktop it just works. On Linux without a
// display, run it under `xvfb-run -a`.
//
// Usage: node test/e2e/run-electron.mjs [--grep REGEX]
// Env: VSCODE_VERSION (default 1.100.3, the engine the extension targets and the
//      VS Code inside code-server 4.100.3), VSCODE_EXECUTABLE (use an installed VS Code).
// Prints `e2e: N passed, M failed` as its last line.
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { bundleSuite } from './lib/bundle.mjs';
import { buildExtension } from './lib/vsix.mjs';
import { copyWorkspace } from './lib/run-dir.mjs';
import { repoRoot, fixtureWorkspace } from './lib/paths.mjs';

const RESULT_MARKER = 'E2E_RESULT';
const START_MARKER = 'E2E_START';
const args = process.argv.slice(2);
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;
const version = process.env.VSCODE_VERSION || '1.100.3';

let totals;
/** Reads the suite's totals line out of VS Code's output (and hides the two marker lines). */
function watchOutputForTotals() {
  const write = process.stdout.write.bind(process.stdout);
  let pending = '';
  process.stdout.write = (chunk, ...rest) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop();
    const kept = lines.filter((line) => {
      if (line.startsWith(RESULT_MARKER)) {
        try { totals = JSON.parse(line.slice(RESULT_MARKER.length)); } catch { /* counts as failed */ }
        return false;
      }
      return !line.startsWith(START_MARKER);
    });
    return kept.length > 0 ? write(`${kept.join('\n')}\n`, ...rest) : true;
  };
  return () => {
    process.stdout.write = write;
    if (pending) write(pending);
  };
}

function finish(ok) {
  const passed = totals?.passed ?? 0;
  const failed = totals?.failed ?? (ok ? 0 : 1);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(ok && totals && failed === 0 ? 0 : 1);
}

async function main() {
  buildExtension();
  const { index, tests } = await bundleSuite();
  console.log(`e2e: bundled ${tests.length} test file(s) into ${index}`);

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode(version);
    } catch (error) {
      console.error(
        `e2e: could not download VS Code ${version} (${error?.message ?? error}).\n` +
        '     @vscode/test-electron needs update.code.visualstudio.com. Where that is unreachable,\n' +
        '     use `npm run test:e2e` (the same suite in code-server), or set VSCODE_EXECUTABLE\n' +
        '     to an installed VS Code binary.',
      );
      finish(false);
      return;
    }
  }

  const runDir = mkdtempSync(join(tmpdir(), 'pm-electron-'));
  const workspace = copyWorkspace(fixtureWorkspace, join(runDir, 'workspace'));
  const restoreStdout = watchOutputForTotals();
  let ok = false;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: index,
      extensionTestsEnv: grep ? { POSTMORTEM_E2E_GREP: grep } : {},
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under development
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', join(runDir, 'user-data'),
        '--extensions-dir', join(runDir, 'extensions'),
      ],
    });
    ok = true;
  } catch (error) {
    console.error(`e2e: ${error?.message ?? error}`);
  } finally {
    restoreStdout();
    rmSync(runDir, { recursive: true, force: true });
  }
  finish(ok);
}

main().catch((error) => {
  console.error(`e2e: ${error?.stack ?? error}`);
  finish(false);
});
