/**
 * Runs inside the real extension host (code-server) as the `extensionTestsPath` module of
 * bench/extensionHost.ts: measures how long the extension host's event loop is blocked
 * while the language server scans a big workspace, while a 10,000-entry document opens, and
 * while keys are typed into it. Two samplers: perf_hooks.monitorEventLoopDelay (1 ms resolution)
 * and a timer that notes how late each of its ticks fires. Prints one `HOST_BLOCKING {json}` line.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { BIG_DOCUMENT, BIG_PLAIN_YAML, RESULT_MARKER, type PhaseResult } from './shared';

const EXTENSION_ID = 'postmortems-as-code.postmortems-as-code';
const TICK_MS = 2;
const KEYSTROKES = 12;
const PAUSE_BETWEEN_KEYS_MS = 150;
const WAIT_LIMIT_MS = 15 * 60_000;

/**
 * With `HOST_BLOCKING_PROFILE=<folder>`, a CPU profile of the extension host per phase (`<phase>.cpuprofile`,
 * 0.2 ms sampling), taken through the host's own inspector. What blocked it: `node bench/extensionHost/blocks.mjs <file>`.
 */
class PhaseProfiler {
  private readonly session = new Session();
  private readonly folder = process.env.HOST_BLOCKING_PROFILE;

  private post(method: string, params?: object): Promise<any> {
    return new Promise((resolve, reject) => this.session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  }

  async start(): Promise<void> {
    if (!this.folder) return;
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.post('Profiler.start');
  }

  async stop(name: string): Promise<void> {
    if (!this.folder) return;
    const { profile } = await this.post('Profiler.stop');
    writeFileSync(join(this.folder, `${name}.cpuprofile`), JSON.stringify(profile));
    this.session.disconnect();
  }
}

class BlockingSampler {
  private readonly histogram = monitorEventLoopDelay({ resolution: 1 });
  private readonly late: number[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private started = 0;

  start(): void {
    this.histogram.reset();
    this.histogram.enable();
    this.late.length = 0;
    this.started = performance.now();
    let last = this.started;
    this.timer = setInterval(() => {
      const now = performance.now();
      this.late.push(Math.max(0, now - last - TICK_MS));
      last = now;
    }, TICK_MS);
  }

  stop(phase: string): PhaseResult {
    clearInterval(this.timer);
    this.histogram.disable();
    const sorted = [...this.late].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? NaN;
    return {
      phase,
      ms: performance.now() - this.started,
      loopDelayMax: this.histogram.max / 1e6,
      loopDelayP99: this.histogram.percentile(99) / 1e6,
      loopDelayP50: this.histogram.percentile(50) / 1e6,
      tickLateMax: sorted[sorted.length - 1] ?? NaN,
      tickLateP99: p99,
      ticks: sorted.length,
    };
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, everyMs = 1_000): Promise<void> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The next diagnostics change of `uri` (or nothing within `limitMs`). */
function nextDiagnostics(uri: vscode.Uri, limitMs = 60_000): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve(false);
    }, limitMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(true);
    });
  });
}

export async function run(): Promise<void> {
  const sampler = new BlockingSampler();
  const profiler = new PhaseProfiler();
  // One line per phase as it ends: a run stopped by the runner's time limit still reports what it measured.
  const results = { push: (result: PhaseResult) => console.log(`${RESULT_MARKER} ${JSON.stringify(result)}`) };
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const lastId = process.env.HOST_BLOCKING_LAST_ID ?? '';

  // 1. The workspace scan: from now until the server's index knows the last generated incident.
  await profiler.start();
  sampler.start();
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  await until('the server to index the whole workspace', async () => {
    const symbols = (await vscode.commands.executeCommand<unknown[]>('vscode.executeWorkspaceSymbolProvider', lastId)) ?? [];
    return symbols.length > 0;
  });
  // The extension's own status bar and tree count the workspace too: a few seconds more of the same phase.
  await sleep(5_000);
  results.push(sampler.stop(`workspace scan (${process.env.HOST_BLOCKING_FILES ?? '?'} files)`));
  await profiler.stop('1-scan');

  // 2. Opening a 10,000-entry document: its text goes to the server, its diagnostics come back.
  const uri = vscode.Uri.joinPath(folder, BIG_DOCUMENT);
  await profiler.start();
  sampler.start();
  const firstDiagnostics = nextDiagnostics(uri);
  const editor = await vscode.window.showTextDocument(uri);
  await firstDiagnostics;
  results.push(sampler.stop('open a 10,000-entry document'));
  await profiler.stop('2-open');

  // 3. Keystrokes in it, each followed by its diagnostics (the server re-lints after the debounce).
  const eventLines = linesToType(editor.document);
  await profiler.start();
  sampler.start();
  let answered = 0;
  for (const line of eventLines) {
    const published = nextDiagnostics(uri, 5_000);
    await editor.edit((edit) => edit.insert(new vscode.Position(line, '    event: '.length), 'x'));
    if (await published) answered++;
    await sleep(PAUSE_BETWEEN_KEYS_MS);
  }
  results.push(sampler.stop(`${eventLines.length} keystrokes (${answered} answered by diagnostics within 5 s)`));
  await profiler.stop('3-keystrokes');
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');

  // 4. The floor: the same keystrokes into the same text as plain YAML, which this extension leaves alone.
  const plain = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, BIG_PLAIN_YAML));
  await sleep(2_000);
  await profiler.start();
  sampler.start();
  for (const line of linesToType(plain.document)) {
    await plain.edit((edit) => edit.insert(new vscode.Position(line, '    event: '.length), 'x'));
    await sleep(PAUSE_BETWEEN_KEYS_MS + 850);
  }
  results.push(sampler.stop(`floor: ${KEYSTROKES} keystrokes in the same text as plain YAML (no post-mortem)`));
  await profiler.stop('4-floor');
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** KEYSTROKES `event:` lines spread over the document. */
function linesToType(document: vscode.TextDocument): number[] {
  const lines: number[] = [];
  for (let line = 0; line < document.lineCount && lines.length < KEYSTROKES; line += 97) {
    if (document.lineAt(line).text.startsWith('    event: ')) lines.push(line);
  }
  for (let line = 0; lines.length < KEYSTROKES && line < document.lineCount; line++) {
    if (document.lineAt(line).text.startsWith('    event: ') && !lines.includes(line)) lines.push(line);
  }
  return lines;
}
