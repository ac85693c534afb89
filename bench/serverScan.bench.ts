/**
 * The language server's first scan of a big workspace (issue 11): a folder of generated post-mortems
 * (bench/gen-workspace.ts) opened as the workspace of the real `dist/server.js --stdio`, driven over LSP.
 *
 * - scan time: from sending `initialized` to the `end` of the scan's `window/workDoneProgress`;
 * - peak memory: the server's VmHWM (/proc/<pid>/status) once the scan ended, and its RSS then;
 * - the floor, in this process: read every file and parse it with the core's parser (no server, no index).
 *
 * Wall time and CPU time (user + system, all threads: the server's from /proc/<pid>/stat, the floor's from
 * process.cpuUsage) are both reported: on a shared machine CPU time is the steadier of the two.
 * Runs alternate floor and server so machine noise hits both; medians and spread over RUNS runs.
 * Targets: at 10,000 files the scan within 1.5x the floor and under 1 GB; cost linear in the file count
 * (10x the files is about 10x the time, never 100x).
 * `npm run bench -- serverScan` runs only this; `SCAN_BENCH_SIZES=1000,10000` and `SCAN_BENCH_RUNS=3` change the sizes and runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { parsePostmortem } from '../src/core/parse';
import { generateWorkspace } from './gen-workspace';
import { formatMs, median, printTable } from './stats';

const ROOT = join(__dirname, '..');
const SERVER = join(ROOT, 'dist/server.js');
const RUNS = Number(process.env.SCAN_BENCH_RUNS) || 3;
const SCAN_TIMEOUT_MS = 10 * 60_000;
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times (`getconf CLK_TCK`), 100 on every mainstream architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

interface Timing {
  ms: number;
  cpuMs: number;
}

interface ServerScan extends Timing {
  peakMb: number;
  rssAfterMb: number;
  progressReports: number;
}

/** The floor: every file read and parsed, one after the other, as nothing could do with less. */
async function readAndParse(dir: string): Promise<Timing> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pm.yaml'));
  let problems = 0;
  for (const name of names) {
    const parsed = parsePostmortem(await readFile(join(dir, name), 'utf8'));
    if (parsed.data === undefined) problems++;
  }
  if (problems > 0) throw new Error(`${problems} generated files did not parse`);
  const { user, system } = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (user + system) / 1000 };
}

/** A /proc/<pid>/status field in MB (kB there); NaN where /proc is missing. */
function procStatusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** A process's CPU time so far (user + system, all its threads) in ms, from /proc/<pid>/stat; NaN where /proc is missing. */
function procCpuMs(pid: number): number {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Starts the server on `dir` as its one workspace folder and waits for the end of its scan. */
async function serverScan(dir: string): Promise<ServerScan> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  try {
    let progressReports = 0;
    const ended = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the scan did not end')), SCAN_TIMEOUT_MS);
      connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
        if (params.value?.kind === 'report') progressReports++;
        if (params.value?.kind === 'end') {
          clearTimeout(timer);
          resolve(performance.now());
        }
      });
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      process.stderr.write(`server: ${params.message}\n`);
    });
    connection.listen();
    // A client that shows progress (so the scan reports it) and answers settings with none of its own.
    const capabilities = { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } };
    await connection.sendRequest('initialize', { processId: process.pid, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'scan-bench' }], capabilities, initializationOptions: { trusted: false } });
    const pid = child.pid ?? -1;
    const cpuBefore = procCpuMs(pid);
    const started = performance.now();
    await connection.sendNotification('initialized', {});
    const end = await ended;
    const result = { ms: end - started, cpuMs: procCpuMs(pid) - cpuBefore, peakMb: procStatusMb(pid, 'VmHWM'), rssAfterMb: procStatusMb(pid, 'VmRSS'), progressReports };
    await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2_000))]);
    return result;
  } finally {
    connection.dispose();
    child.kill('SIGKILL');
  }
}

function spread(values: readonly number[], format: (v: number) => string): string {
  return `${format(Math.min(...values))}-${format(Math.max(...values))}`;
}

const mb = (v: number): string => `${v.toFixed(0)} MB`;

function sizes(): number[] {
  const wanted = (process.env.SCAN_BENCH_SIZES ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return wanted.length > 0 ? wanted : [1_000, 10_000];
}

export async function run(): Promise<void> {
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `node scripts/build.mjs` first');
  const rows: string[][] = [
    ['files', 'floor wall', 'floor min-max', 'scan wall', 'scan min-max', 'scan/floor wall', 'floor CPU', 'scan CPU', 'scan/floor CPU', 'peak RSS', 'peak min-max', 'RSS after', 'progress reports'],
  ];
  const medians = new Map<number, { floor: number; scan: number; floorCpu: number; scanCpu: number; peak: number }>();
  const verdicts: string[] = [];
  for (const count of sizes()) {
    const dir = mkdtempSync(join(tmpdir(), `pm-scan-bench-${count}-`));
    try {
      generateWorkspace(dir, count);
      await readAndParse(dir); // page cache and JIT warm for both sides
      const floors: Timing[] = [];
      const scans: ServerScan[] = [];
      for (let i = 0; i < RUNS; i++) {
        floors.push(await readAndParse(dir));
        scans.push(await serverScan(dir));
      }
      const floor = median(floors.map((f) => f.ms));
      const scan = median(scans.map((s) => s.ms));
      const floorCpu = median(floors.map((f) => f.cpuMs));
      const scanCpu = median(scans.map((s) => s.cpuMs));
      const peak = median(scans.map((s) => s.peakMb));
      medians.set(count, { floor, scan, floorCpu, scanCpu, peak });
      rows.push([
        count.toLocaleString('en-US'),
        formatMs(floor),
        spread(floors.map((f) => f.ms), formatMs),
        formatMs(scan),
        spread(scans.map((s) => s.ms), formatMs),
        `${(scan / floor).toFixed(2)}x`,
        formatMs(floorCpu),
        formatMs(scanCpu),
        `${(scanCpu / floorCpu).toFixed(2)}x`,
        mb(peak),
        spread(scans.map((s) => s.peakMb), mb),
        mb(median(scans.map((s) => s.rssAfterMb))),
        String(median(scans.map((s) => s.progressReports))),
      ]);
      if (count === 10_000) {
        verdicts.push(`10,000 files: scan ${(scan / floor).toFixed(2)}x read+parse wall, ${(scanCpu / floorCpu).toFixed(2)}x CPU (target < 1.5x) ${scan / floor < 1.5 ? 'OK' : 'OVER'}; peak ${mb(peak)} (target < 1 GB) ${peak < 1024 ? 'OK' : 'OVER'}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable(`Language server: first scan of a generated workspace (initialized to the end of its workDoneProgress; ${RUNS} runs; floor = read + parse in this process)`, rows);
  const small = medians.get(1_000);
  const large = medians.get(10_000);
  if (small && large) {
    const growth = large.scan / small.scan;
    verdicts.push(`1,000 -> 10,000 files: scan wall ${growth.toFixed(1)}x, CPU ${(large.scanCpu / small.scanCpu).toFixed(1)}x (floor ${(large.floor / small.floor).toFixed(1)}x; linear is about 10x) ${growth < 20 ? 'OK' : 'SUPERLINEAR'}; peak RSS ${(large.peak / small.peak).toFixed(1)}x`);
  }
  console.log('');
  for (const verdict of verdicts) console.log(verdict);
}
