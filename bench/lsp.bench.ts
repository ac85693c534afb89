/**
 * The language servers side by side, over the Language Server Protocol, driven
 * by one harness: ours (`dist/server.js --stdio`) and the one a user would pick
 * instead, Red Hat's yaml-language-server from the npm registry, validating the
 * same documents against our JSON schema (its 200 ms debounce removed, see
 * yaml-language-server-no-debounce.cjs; ours runs with `lintDelayMs: 0`).
 *
 * Per edit: from sending `textDocument/didChange` (one character, an
 * incremental change) to receiving the `publishDiagnostics` that follows it.
 * The two servers run at the same time and take turns, so machine noise hits both.
 * Also: first diagnostics after `didOpen` (of the prose document: on new servers,
 * several times), and the parse+validate floor in this process for the same texts.
 *
 * Targets (issue 11): per edit >= 3x faster than yaml-language-server at 1,000
 * and 10,000 entries; within 1.3x of the floor at 100; first diagnostics of a
 * 10,000-entry document with realistic prose <= 1.5x the floor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import validate from '../src/generated/postmortem-validator';
import { generatePostmortem } from './generate';
import { formatMs, median, percentile, printTable } from './stats';

const ROOT = join(__dirname, '..');
const SCHEMA_URI = pathToFileURL(join(ROOT, 'schemas/postmortem.schema.json')).toString();

const SIZES: readonly { entries: number; iterations: number; warmup: number }[] = [
  { entries: 100, iterations: 60, warmup: 10 },
  { entries: 1_000, iterations: 30, warmup: 5 },
  { entries: 10_000, iterations: 10, warmup: 2 },
  { entries: 20_000, iterations: 6, warmup: 1 },
];

/** Per edit on realistic prose (ours alone: the blame detector reads every sentence), to show the cost stays flat with size. */
const PROSE_SIZES: readonly { entries: number; iterations: number; warmup: number }[] = [
  { entries: 1_000, iterations: 15, warmup: 3 },
  { entries: 10_000, iterations: 10, warmup: 2 },
  { entries: 20_000, iterations: 8, warmup: 2 },
];

/** Cold opens of the prose document per server, each on a new server process. */
const OPEN_SAMPLES = 5;

/** Another build of our server to measure (a before/after comparison), instead of this checkout's dist/server.js. */
const OUR_SERVER = process.env.PM_BENCH_SERVER ?? join(ROOT, 'dist/server.js');
/** PM_BENCH_ONLY=open: only first diagnostics of the prose document (a few minutes instead of most of an hour). */
const OPEN_ONLY = process.env.PM_BENCH_ONLY === 'open';

interface ServerSpec {
  name: string;
  args: string[];
  /** Answers to `workspace/configuration`, by section. */
  configuration(section: string | undefined): unknown;
  initializationOptions?: unknown;
}

const OURS: ServerSpec = {
  name: 'postmortem-language-server',
  args: [OUR_SERVER, '--stdio'],
  configuration: (section) => (section === 'postmortem' ? { lintDelayMs: 0, workspaceDiagnostics: false } : null),
  initializationOptions: { lintDelayMs: 0, trusted: false },
};

const YAML_LS: ServerSpec = {
  name: 'yaml-language-server',
  args: [join(__dirname, 'yaml-language-server-no-debounce.cjs'), '--stdio'],
  configuration: (section) =>
    section === 'yaml'
      ? { validate: true, hover: false, completion: false, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false }, schemas: { [SCHEMA_URI]: ['*.pm.yaml'] } }
      : section === 'http'
        ? { proxy: '', proxyStrictSSL: false }
        : null,
};

/** One running server and the diagnostics it publishes. */
class RunningServer {
  private readonly waiters = new Map<string, (params: PublishDiagnosticsParams) => void>();
  private constructor(
    readonly spec: ServerSpec,
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const waiter = this.waiters.get(params.uri);
      if (waiter) {
        this.waiters.delete(params.uri);
        waiter(params);
      }
    });
  }

  static async start(spec: ServerSpec, folder: string): Promise<RunningServer> {
    const child = spawn(process.execPath, spec.args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new RunningServer(spec, child, connection);
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => spec.configuration(item.section)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const folderUri = pathToFileURL(folder).toString();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
      },
      initializationOptions: spec.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    return server;
  }

  /** Resolves with the next diagnostics published for `uri`. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.set(uri, resolve));
  }

  async open(uri: string, text: string): Promise<{ ms: number; count: number }> {
    const published = this.nextDiagnostics(uri);
    const started = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const params = await published;
    return { ms: performance.now() - started, count: params.diagnostics.length };
  }

  async change(uri: string, version: number, edit: CharacterEdit): Promise<number> {
    const published = this.nextDiagnostics(uri);
    const started = performance.now();
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: edit.position, end: { line: edit.position.line, character: edit.position.character + 1 } }, text: edit.letter }],
    });
    await published;
    return performance.now() - started;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    this.child.kill('SIGKILL');
  }
}

interface CharacterEdit {
  position: { line: number; character: number };
  letter: string;
  /** The whole text after the edit, for the floor. */
  text: string;
}

/** One-letter replacements inside timeline events, each different, as EventTextEditor makes them, with LSP positions. */
function* characterEdits(original: string): Generator<CharacterEdit> {
  const lines = original.split('\n');
  const eventLines: number[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('    event: ')) eventLines.push(i);
  });
  for (let i = 0; ; i++) {
    const line = eventLines[(i * 7919) % eventLines.length];
    const character = '    event: '.length + 3;
    const letter = String.fromCharCode(97 + (i % 26));
    lines[line] = lines[line].slice(0, character) + letter + lines[line].slice(character + 1);
    yield { position: { line, character }, letter, text: lines.join('\n') };
  }
}

function floorMs(text: string): number {
  const started = performance.now();
  const document = parseDocument(text);
  validate(document.toJS());
  return performance.now() - started;
}

const PEOPLE = ['Marta Kowalski', 'Daniel Okafor', 'Priya Raman', 'Kenji Watanabe', 'Amara Nwosu', 'Lucía Fernández', 'Oleksandr Bondarenko', 'Fatima Al-Sayed'];
const PROSE = [
  (p: string, i: number) => `${p} paged the database on-call after p99 latency reached ${900 + i} ms on checkout-api`,
  (p: string, i: number) => `${p} rolled back checkout-api to build ${4000 + i} and the error rate started to fall`,
  (p: string, i: number) => `The payments gateway returned HTTP 503 for ${i % 97} percent of token requests in eu-west-1`,
  (p: string, i: number) => `${p} confirmed in the incident channel that the queue depth had dropped below ${i % 500} messages`,
  (p: string, i: number) => `Grafana showed the connection pool at its limit of ${50 + (i % 50)} connections for twelve minutes`,
  (p: string, i: number) => `${p} opened a ticket with the CDN vendor and shared trace ${i.toString(16)} from the edge logs`,
  (p: string, i: number) => `Autoscaling added ${i % 9} pods but the readiness probe kept them out of rotation for four minutes`,
];

/** A valid post-mortem whose timeline events read like people wrote them (names, verbs, numbers), for the blame detector to read. */
export function generateProsePostmortem(entries: number): string {
  let n = 0;
  return generatePostmortem(entries).replace(/^ {4}event: .*$/gm, () => {
    const i = n++;
    return `    event: ${PROSE[i % PROSE.length](PEOPLE[(i * 3) % PEOPLE.length], i)}`;
  });
}

export async function run(): Promise<void> {
  const ourServer = OUR_SERVER;
  const specs = existsSync(ourServer) ? [OURS, YAML_LS] : [YAML_LS];
  if (specs.length === 1) console.log('note: dist/server.js is missing (build first): measuring yaml-language-server alone');
  const folder = mkdtempSync(join(tmpdir(), 'pm-lsp-bench-'));
  const servers = await Promise.all(specs.map((spec) => RunningServer.start(spec, folder)));
  try {
    // Both must really check the schema, or the race is meaningless: a wrong severity must be reported by each.
    const invalidFile = join(folder, 'invalid.pm.yaml');
    const invalid = generatePostmortem(10).replace('severity: SEV-2', 'severity: SEV-9');
    writeFileSync(invalidFile, invalid);
    for (const server of servers) {
      const opened = await server.open(pathToFileURL(invalidFile).toString(), invalid);
      await server.close(pathToFileURL(invalidFile).toString());
      if (opened.count === 0) throw new Error(`${server.spec.name} reported nothing on a document with severity SEV-9: is the schema applied?`);
    }
    const rows: string[][] = [['entries', 'server', 'open', 'edit median', 'edit p10-p90', 'runs', 'floor median', 'edit/floor', 'diagnostics']];
    const verdicts: string[] = [];
    for (const { entries, iterations, warmup } of OPEN_ONLY ? [] : SIZES) {
      const original = generatePostmortem(entries);
      const file = join(folder, `bench-${entries}.pm.yaml`);
      writeFileSync(file, original);
      const uri = pathToFileURL(file).toString();
      const opened: { ms: number; count: number }[] = [];
      for (const server of servers) opened.push(await server.open(uri, original));
      const samples = servers.map(() => [] as number[]);
      const floor: number[] = [];
      const edits = characterEdits(original);
      let version = 1;
      for (let i = 0; i < warmup + iterations; i++) {
        const edit = edits.next().value as CharacterEdit;
        version++;
        // Take turns: which server goes first alternates.
        for (let k = 0; k < servers.length; k++) {
          const s = (i + k) % servers.length;
          const ms = await servers[s].change(uri, version, edit);
          if (i >= warmup) samples[s].push(ms);
        }
        if (i >= warmup) floor.push(floorMs(edit.text));
      }
      for (const server of servers) await server.close(uri);
      const f = median(floor);
      servers.forEach((server, s) => {
        rows.push([
          entries.toLocaleString('en-US'),
          server.spec.name,
          formatMs(opened[s].ms),
          formatMs(median(samples[s])),
          `${formatMs(percentile(samples[s], 10))}-${formatMs(percentile(samples[s], 90))}`,
          String(samples[s].length),
          formatMs(f),
          `${(median(samples[s]) / f).toFixed(2)}x`,
          String(opened[s].count),
        ]);
      });
      if (servers.length === 2) {
        const ratio = median(samples[1]) / median(samples[0]);
        const target = entries >= 1_000 ? ` (target >= 3x) ${ratio >= 3 ? 'OK' : 'UNDER'}` : '';
        verdicts.push(`${entries} entries: ours ${ratio.toFixed(2)}x faster than yaml-language-server per edit${target}; ours ${(median(samples[0]) / f).toFixed(2)}x the floor${entries === 100 ? ` (target <= 1.3x) ${median(samples[0]) / f <= 1.3 ? 'OK' : 'OVER'}` : ''}`);
      }
    }
    if (!OPEN_ONLY) printTable(`Per edit over LSP, didChange to publishDiagnostics (${servers.map((s) => s.spec.name).join(' vs ')}; floor = yaml parse + toJS + compiled schema check in this process)`, rows);

    // First diagnostics of a large document with prose for the blame detector to read, opened cold: each sample on
    // new servers (a document opened again finds its analyses cached), in a folder of its own (no workspace scan of
    // the per-edit documents beside it), the servers taking turns.
    const prose = generateProsePostmortem(10_000);
    const proseFolder = mkdtempSync(join(tmpdir(), 'pm-lsp-bench-open-'));
    const proseFile = join(proseFolder, 'prose-10000.pm.yaml');
    writeFileSync(proseFile, prose);
    const proseUri = pathToFileURL(proseFile).toString();
    const floorSamples: number[] = [];
    const openSamples = specs.map(() => [] as number[]);
    const openCounts = specs.map(() => 0);
    try {
      for (let i = 0; i < OPEN_SAMPLES; i++) {
        for (let k = 0; k < specs.length; k++) {
          const s = (i + k) % specs.length;
          const fresh = await RunningServer.start(specs[s], proseFolder);
          try {
            const opened = await fresh.open(proseUri, prose);
            openSamples[s].push(opened.ms);
            openCounts[s] = opened.count;
          } finally {
            await fresh.stop();
          }
        }
        floorSamples.push(floorMs(prose));
      }
    } finally {
      rmSync(proseFolder, { recursive: true, force: true });
    }
    const openFloor = median(floorSamples);
    const openRows: string[][] = [['server', 'first diagnostics median', 'p10-p90', 'runs', 'floor median', 'ratio', 'diagnostics']];
    specs.forEach((spec, s) => {
      const ms = median(openSamples[s]);
      openRows.push([spec.name, formatMs(ms), `${formatMs(percentile(openSamples[s], 10))}-${formatMs(percentile(openSamples[s], 90))}`, String(openSamples[s].length), formatMs(openFloor), `${(ms / openFloor).toFixed(2)}x`, String(openCounts[s])]);
      if (spec === OURS) verdicts.push(`open 10,000 entries of prose: first diagnostics ${(ms / openFloor).toFixed(2)}x the floor (target <= 1.5x) ${ms / openFloor <= 1.5 ? 'OK' : 'OVER'}`);
    });
    if (specs.length === 2) verdicts.push(`open 10,000 entries of prose: ours ${(median(openSamples[1]) / median(openSamples[0])).toFixed(2)}x faster than yaml-language-server`);
    printTable('First diagnostics after didOpen on new servers, 10,000 timeline entries of realistic prose', openRows);

    // Per edit on prose, ours alone: no cache cliff (issue 11: flat from 1,000 to 20,000 entries).
    const ours = servers.find((server) => server.spec === OURS);
    if (ours && !OPEN_ONLY) {
      const proseRows: string[][] = [['entries', 'open', 'edit median', 'edit p10-p90', 'runs', 'floor median', 'edit/floor']];
      const perEdit: number[] = [];
      for (const { entries, iterations, warmup } of PROSE_SIZES) {
        const text = generateProsePostmortem(entries);
        const file = join(folder, `prose-edit-${entries}.pm.yaml`);
        writeFileSync(file, text);
        const uri = pathToFileURL(file).toString();
        const opened = await ours.open(uri, text);
        const edits = characterEdits(text);
        const samples: number[] = [];
        const floor: number[] = [];
        for (let i = 0, version = 1; i < warmup + iterations; i++) {
          const edit = edits.next().value as CharacterEdit;
          const ms = await ours.change(uri, ++version, edit);
          if (i >= warmup) {
            samples.push(ms);
            floor.push(floorMs(edit.text));
          }
        }
        await ours.close(uri);
        perEdit.push(median(samples));
        proseRows.push([entries.toLocaleString('en-US'), formatMs(opened.ms), formatMs(median(samples)), `${formatMs(percentile(samples, 10))}-${formatMs(percentile(samples, 90))}`, String(samples.length), formatMs(median(floor)), `${(median(samples) / median(floor)).toFixed(2)}x`]);
      }
      printTable(`Per edit on realistic prose (${OURS.name}): flat from ${PROSE_SIZES[0].entries.toLocaleString('en-US')} to ${PROSE_SIZES[PROSE_SIZES.length - 1].entries.toLocaleString('en-US')} entries`, proseRows);
      verdicts.push(`prose per edit: ${perEdit.map((ms) => formatMs(ms)).join(' / ')} at ${PROSE_SIZES.map((s) => s.entries.toLocaleString('en-US')).join(' / ')} entries`);
    }
    console.log('');
    for (const verdict of verdicts) console.log(verdict);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(folder, { recursive: true, force: true });
  }
}
