/**
 * The extension host's longest blocked interval (issue 11: < 10 ms during a keystroke or the workspace
 * scan), measured in a real VS Code: code-server with headless Chromium as the client, as the e2e tests
 * run it (test/e2e/lib/), on a workspace of 10,000 generated post-mortems plus one document of 10,000
 * timeline entries. bench/extensionHost/probe.ts runs inside the extension host and samples its event
 * loop while the language server scans, while the big document opens, and while keys are typed into it.
 * Reported, not asserted. `npm run bench:host` (not part of `npm run bench`: it needs code-server and Chromium,
 * and takes minutes); `HOST_BLOCKING_FILES=1000` for a smaller workspace.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { build } from 'esbuild';
import { generatePostmortem } from './generate';
import { generateWorkspace, workspaceVariant } from './gen-workspace';
import { printTable } from './stats';
import { BIG_DOCUMENT, BIG_PLAIN_YAML, RESULT_MARKER, type PhaseResult } from './extensionHost/shared';

const ROOT = join(__dirname, '..');
const RUN_LIMIT_MS = 20 * 60_000;

/** The id of the last generated file, which the probe waits for in the server's workspace symbols. */
function lastId(count: number): string {
  return /^id: (.*)$/m.exec(workspaceVariant(generatePostmortem(12), count - 1, count))![1];
}

/** The e2e runners' plain ES modules (test/e2e/lib/), loaded as such: one of them awaits at its top level. */
async function e2eLib(path: string): Promise<Record<string, (...args: any[]) => any>> {
  return (await import(pathToFileURL(join(ROOT, path)).href)) as Record<string, (...args: any[]) => any>;
}

export async function run(): Promise<void> {
  const files = Number(process.env.HOST_BLOCKING_FILES) || 10_000;
  const { guardRun, startSession } = await e2eLib('test/e2e/lib/session.mjs');
  const { payloadUrl, serverLogTail } = await e2eLib('test/e2e/lib/code-server.mjs');
  const { ensureCodeServer } = await e2eLib('scripts/install-code-server.mjs');
  await ensureCodeServer();
  const probe = join(ROOT, 'out', 'bench', 'probe.js');
  await build({ entryPoints: [join(__dirname, 'extensionHost', 'probe.ts')], outfile: probe, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'warning' });

  // startSession points TMPDIR and XDG_* into its run folder, which goes at the end: later benches need them back.
  const savedEnv = { ...process.env };
  let failure: string | undefined;
  let timedOut!: (code: number) => void;
  const guardTimeout = new Promise<number>((resolve) => (timedOut = resolve));
  const guard = guardRun({
    label: 'extensionHost',
    timeoutMs: RUN_LIMIT_MS,
    finish: (code: number) => {
      failure ??= `stopped with ${code}`;
      timedOut(code);
    },
  });
  let entry = '';
  let workspace = '';
  const { run: runDir, server, browser } = await startSession({
    kind: 'bench',
    guard,
    verbose: false,
    prepare: (session: { dir: string; workspacesDir: string }) => {
      workspace = join(session.workspacesDir, 'big-workspace');
      generateWorkspace(join(workspace, 'postmortems'), files);
      const big = generatePostmortem(10_000);
      writeFileSync(join(workspace, BIG_DOCUMENT), big);
      writeFileSync(join(workspace, BIG_PLAIN_YAML), big);
      // The extension host does not inherit this process's environment: an entry module sets what the probe reads.
      entry = join(session.dir, 'probe-entry.js');
      const profileLine = process.env.HOST_BLOCKING_PROFILE ? `process.env.HOST_BLOCKING_PROFILE = ${JSON.stringify(resolve(process.env.HOST_BLOCKING_PROFILE))};\n` : '';
      writeFileSync(entry, `process.env.HOST_BLOCKING_LAST_ID = ${JSON.stringify(lastId(files))};\nprocess.env.HOST_BLOCKING_FILES = '${files}';\n${profileLine}module.exports = require(${JSON.stringify(probe)});\n`);
    },
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const results: PhaseResult[] = [];
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(Number(code)));
      void server.exited.then(() => resolve(1));
    });
    await page.exposeFunction('codeAutomationLog', (_type: string, message: string) => {
      let args: unknown = message;
      try {
        args = JSON.parse(message);
      } catch {
        // plain text
      }
      const line = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
      if (line.startsWith(RESULT_MARKER)) {
        results.push(JSON.parse(line.slice(RESULT_MARKER.length)) as PhaseResult);
        console.log(`  ${line}`);
      }
      else if (/error|fail/i.test(line) && !/ENOTFOUND|git/.test(line)) console.log(`  [host] ${line.slice(0, 300)}`);
    });
    const started = Date.now();
    await page.goto(payloadUrl(server.baseUrl, { folder: workspace, extensionDevelopmentPath: ROOT, extensionTestsPath: entry }));
    const code = await Promise.race([exited, guardTimeout]);
    if (results.length === 0) throw new Error(`the probe ended with ${code} after ${((Date.now() - started) / 1000).toFixed(0)} s${failure ? ` (${failure})` : ''}\n${serverLogTail(server)}`);
    const ms = (v: number): string => `${v.toFixed(1)} ms`;
    if (code !== 0) console.log(`the probe did not finish (${code}${failure ? `, ${failure}` : ''}): the phases it measured follow`);
    printTable(
      `Extension host blocked intervals in code-server (${files.toLocaleString('en-US')} files; loop delay = perf_hooks.monitorEventLoopDelay, tick lateness = a ${'2 ms'} timer; target < 10 ms)`,
      [
        ['phase', 'duration', 'loop delay max', 'loop delay p99', 'loop delay p50', 'tick late max', 'tick late p99', 'ticks'],
        ...results.map((r) => [r.phase, `${(r.ms / 1000).toFixed(1)} s`, ms(r.loopDelayMax), ms(r.loopDelayP99), r.loopDelayP50 === undefined ? '' : ms(r.loopDelayP50), ms(r.tickLateMax), ms(r.tickLateP99), String(r.ticks)]),
      ],
    );
  } finally {
    await guard.stop();
    // After the stop: code-server and Chromium write into the run folder until they exit.
    try {
      runDir.remove();
    } catch (error) {
      console.log(`run folder ${runDir.dir} left: ${(error as Error).message}`);
    }
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  }
}

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error((error as Error)?.stack ?? error);
    process.exitCode = 1;
  });
}
