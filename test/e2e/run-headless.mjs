#!/usr/bin/env node
// Extension tests inside a real VS Code, headless (`npm run test:e2e`).
//
// code-server serves VS Code 1.100 with a real Node extension host; headless
// Chromium is only the client. The workbench is opened on a fresh copy of
// test/e2e/workspace/ with a `payload` that sets extensionDevelopmentPath (this
// repository, so dist/extension.js is what loads) and extensionTestsPath
// (out/e2e/index.js, the Mocha root bundled from test/e2e/suite/). The suite's
// console reaches us through window.codeAutomationLog and its result through
// window.codeAutomationExit(code). The same out/e2e/index.js runs on a desktop
// VS Code with `npm run test:electron`.
//
// Three passes, each on its own code-server: the whole suite in a trusted folder,
// then the `Workspace trust` suite twice on a workspace copy made a git
// repository (so the suite can tell whether git was read): trusted, and in
// Restricted Mode (trust checked, never granted).
//
// Usage: node test/e2e/run-headless.mjs [--grep REGEX] [--no-build]
// Env: PORT (code-server port; default a free one), POSTMORTEM_E2E_TIMEOUT_MS
// (whole run, all passes, default 420000), POSTMORTEM_E2E_KEEP=1 (keep the run folder),
// POSTMORTEM_E2E_VERBOSE=1 (echo the server's own log).
// Prints `e2e: N passed, M failed` as its last line; exits non-zero on any failure.
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { format } from 'node:util';
import { copyWorkspace } from './lib/run-dir.mjs';
import { belowMinimum } from '../lib/minimum-tests.mjs';
import { payloadUrl, serverLogTail } from './lib/code-server.mjs';
import { guardRun, startSession } from './lib/session.mjs';
import { bundleSuite } from './lib/bundle.mjs';
import { buildExtension } from './lib/vsix.mjs';
import { repoRoot, fixtureWorkspace } from './lib/paths.mjs';
import { ensureCodeServer } from '../../scripts/install-code-server.mjs';

const RESULT_MARKER = 'E2E_RESULT';
const START_MARKER = 'E2E_START'; // both printed by test/e2e/suite/index.ts
const args = process.argv.slice(2);
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;
const timeoutMs = Number(process.env.POSTMORTEM_E2E_TIMEOUT_MS) || 420_000;
const verbose = process.env.POSTMORTEM_E2E_VERBOSE === '1';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** The suite that the Restricted Mode pass runs (its title in test/e2e/suite/trust.e2e.ts). */
const TRUST_SUITE = 'Workspace trust';
// The trust suite's passes open a workspace that is a git repository; the main pass's does not (diagnostics.e2e.ts
// looks for a config above a folder that is not a repository root).
const passes = [
  { name: 'main', trust: 'trusted', grep },
  // With --grep, the trust passes run only when the filter selects the trust suite.
  ...(!grep || new RegExp(grep).test(TRUST_SUITE)
    ? [{ name: 'trusted git', trust: 'trusted', grep: TRUST_SUITE, gitAuthor: 'qzxwren' }, { name: 'untrusted git', trust: 'untrusted', grep: TRUST_SUITE, gitAuthor: 'qzxwren' }]
    : []),
];

let totals; // summed over the passes from each suite's E2E_RESULT line

function finish(code, note) {
  if (note) console.error(`e2e: ${note}`);
  const passed = totals?.passed ?? 0;
  // A run that never reported its totals failed as a whole: count it once.
  const failed = totals ? totals.failed : code === 0 ? 0 : 1;
  // A full run (no --grep) that passed fewer tests than its floor lost a test file: it fails.
  const tooFew = !grep && code === 0 && failed === 0 && totals ? belowMinimum('e2e', passed) : undefined;
  if (tooFew) console.error(tooFew);
  console.log(`e2e: ${passed} passed, ${failed + (tooFew ? 1 : 0)} failed`);
  process.exit(code === 0 && failed === 0 && totals && !tooFew ? 0 : code || 1);
}

const guard = guardRun({ label: 'e2e', timeoutMs, finish });

async function main() {
  await ensureCodeServer();
  if (!args.includes('--no-build')) buildExtension();
  const { index, tests } = await bundleSuite();
  console.log(`e2e: bundled ${tests.length} test file(s) into ${index}`);
  let code = 0;
  for (const pass of passes) {
    console.log(`e2e: ${pass.name} pass`);
    const passCode = await runPass(index, pass);
    if (guard.interrupted) return; // the signal handler cleans up and exits
    if (passCode !== 0) code = passCode;
  }
  finish(code);
}

/** One code-server session running the suite on a fresh workspace copy; its exit code. */
async function runPass(index, { name, trust, grep: passGrep, gitAuthor }) {
  let passTotals;
  let suiteEntry;
  let workspace;
  const { run, server, browser } = await startSession({
    kind: 'headless',
    guard,
    untrusted: trust === 'untrusted',
    verbose,
    prepare: (run) => {
      // The extension host does not inherit code-server's environment, so what
      // suite/index.ts reads from it is set by a small entry module of this run.
      suiteEntry = join(run.dir, 'suite-entry.js');
      writeFileSync(suiteEntry, [
        '// Generated by test/e2e/run-headless.mjs for one run.',
        passGrep ? `process.env.POSTMORTEM_E2E_GREP = ${JSON.stringify(passGrep)};` : '',
        // Which trust test applies: none in the main pass, whose workspace is no git repository.
        gitAuthor ? `process.env.POSTMORTEM_E2E_TRUST = ${JSON.stringify(trust)};` : '',
        `module.exports = require(${JSON.stringify(index)});`,
        '',
      ].join('\n'));
      workspace = copyWorkspace(fixtureWorkspace, join(run.workspacesDir, 'workspace'));
      if (gitAuthor) commitAsGitAuthor(workspace, gitAuthor);
    },
  });
  console.log(`e2e: code-server and the browser ready on ${server.baseUrl} after ${elapsed()}`);

  const page = browser.pages()[0] ?? (await browser.newPage());
  // The workbench reports the suite's end through codeAutomationExit; a crashed
  // page or server ends the run at once instead of at the watchdog.
  const exitCode = new Promise((resolve) => {
    let settled = false;
    const settle = (code, why) => {
      if (settled) return;
      settled = true;
      if (why) console.error(`e2e: ${why}`);
      resolve(code);
    };
    page.exposeFunction('codeAutomationExit', (code) => settle(Number(code))).catch(() => {});
    page.on('crash', () => settle(1, 'the browser page crashed'));
    server.exited.then((exit) => { if (!guard.interrupted) settle(1, `code-server exited during the run (${JSON.stringify(exit)})`); });
  });
  // What the suite prints (Mocha's report, the tests' own console) comes
  // between its start and result markers; before that is the workbench's log.
  let suiteRunning = false;
  await page.exposeFunction('codeAutomationLog', (type, message) => {
    for (const line of formatLogMessage(message).split('\n')) {
      if (line.startsWith(START_MARKER)) { suiteRunning = true; continue; }
      if (line.startsWith(RESULT_MARKER)) {
        try { passTotals = JSON.parse(line.slice(RESULT_MARKER.length)); } catch { /* malformed: the run counts as failed */ }
        suiteRunning = false;
        continue;
      }
      if (suiteRunning) process.stdout.write(`${line}\n`);
      else if (verbose) process.stdout.write(`[${type}] ${line}\n`);
    }
  });
  page.on('pageerror', (error) => { if (verbose) console.error(`[page error] ${error.message}`); });

  const url = payloadUrl(server.baseUrl, { folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: suiteEntry });
  await page.goto(url);
  let code = await exitCode;
  if (guard.interrupted) return code;
  console.log(`e2e: ${name} pass finished with exit code ${code} after ${elapsed()}`);
  if (code !== 0 && !passTotals) console.error(`e2e: code-server log tail:\n${serverLogTail(server)}`);
  // A pass that never reported its totals failed as a whole: counted once.
  if (!passTotals) {
    passTotals = { passed: 0, failed: 1 };
    code ||= 1;
  }
  totals = { passed: (totals?.passed ?? 0) + passTotals.passed, failed: (totals?.failed ?? 0) + passTotals.failed };
  await guard.stop();
  if (process.env.POSTMORTEM_E2E_KEEP === '1') console.log(`e2e: run folder kept: ${run.dir}`);
  else if (code === 0) run.remove();
  else console.log(`e2e: run folder kept for inspection: ${run.dir}`);
  return code;
}

/**
 * Makes `dir` a git repository with one commit by `author`: the trust suite
 * checks that the extension learns this author only in a trusted folder.
 * No global or system config, so the developer's own git settings stay out.
 */
function commitAsGitAuthor(dir, author) {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const git = (...gitArgs) => {
    const result = spawnSync('git', ['-C', dir, ...gitArgs], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${gitArgs.join(' ')} failed in ${dir}: ${result.error ?? result.stderr}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('-c', `user.name=${author}`, '-c', `user.email=${author}@example.com`, 'commit', '-q', '--no-gpg-sign', '-m', 'Test workspace');
}

/**
 * The workbench hands over console calls as a JSON array of printf-style
 * arguments (`["  %d passing (%s)", 3, "469ms"]`) or as plain text.
 */
function formatLogMessage(message) {
  let args = message;
  if (typeof message === 'string' && message.startsWith('[')) {
    try { args = JSON.parse(message); } catch { args = message; }
  }
  return Array.isArray(args) ? format(...args) : String(args);
}

main().catch(async (error) => {
  if (guard.interrupted) return;
  console.error(`e2e: ${error.stack ?? error}`);
  await guard.stop();
  finish(1);
});

