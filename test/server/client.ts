// A real LSP client for the built server (dist/server.js --stdio) in a child process: the tests speak
// the protocol to it as an editor does, answer its requests (configuration, progress, registrations)
// and record what it sends (diagnostics, progress, log messages).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = join(__dirname, '..', '..');
export const SERVER = join(repoRoot, 'dist', 'server.js');
/** A failure bound, not a speed assertion: every awaited message comes in well under a second. */
export const WAIT_MS = 15_000;

export const DRAFT_NAME = '2026-11-20-payment-retries.pm.yaml';
export const DRAFT = readFileSync(join(repoRoot, 'examples', 'drafts', DRAFT_NAME), 'utf8');
export const CLEAN_NAME = '2026-06-09-search-ranking-bad-deploy.pm.yaml';
export const CLEAN = readFileSync(join(repoRoot, 'examples', 'postmortems', CLEAN_NAME), 'utf8');

/** The client capabilities VS Code declares for what the server uses. */
export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    codeAction: { disabledSupport: true, isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  window: { workDoneProgress: true, showDocument: { support: true } },
};

/** A temp workspace folder (its own repository: no config or people leak in from above) holding `files`. */
export function tempWorkspace(files: Record<string, string>): { dir: string; uri: (relative: string) => string; folderUri: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pm-server-'));
  mkdirSync(join(dir, '.git'));
  for (const [path, text] of Object.entries(files)) write(dir, path, text);
  return {
    dir,
    folderUri: pathToFileURL(dir).href,
    uri: (relative) => pathToFileURL(join(dir, relative)).href,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function write(dir: string, path: string, text: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

export function copyExamples(dir: string): void {
  cpSync(join(repoRoot, 'examples'), join(dir, 'examples'), { recursive: true });
}

export interface StartOptions {
  /** The `postmortem` settings section the client answers `workspace/configuration` with. */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
}

interface Waiter<T> {
  accept: (value: T) => boolean;
  resolve: (value: T) => void;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: Array<{ token: string | number; value: { kind: string; percentage?: number; message?: string; title?: string } }> = [];
  readonly registrations: Registration[] = [];
  readonly logs: string[] = [];
  readonly configurationRequests: unknown[] = [];
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly waiters: Array<Waiter<PublishDiagnosticsParams>> = [];
  private readonly progressWaiters: Array<Waiter<unknown>> = [];
  private exited = false;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    child.on('exit', () => (this.exited = true));
  }

  static async start(folderUri: string, options: StartOptions = {}): Promise<TestClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run node scripts/build.mjs first`);
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, { lintDelayMs: 0, workspaceDiagnostics: 'off', ...options.settings });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.published.push(params);
      for (const waiter of [...client.waiters]) {
        if (waiter.accept(params)) {
          client.waiters.splice(client.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      client.logs.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      client.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'postmortem' ? client.settings : null));
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations);
    });
    connection.onNotification('$/progress', (params: { token: string | number; value: TestClient['progress'][number]['value'] }) => {
      client.progress.push(params);
      for (const waiter of [...client.progressWaiters]) {
        if (waiter.accept(params)) {
          client.progressWaiters.splice(client.progressWaiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'workspace' }],
      capabilities: options.capabilities ?? CAPABILITIES,
      initializationOptions: { trusted: false, ...options.initializationOptions },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The next diagnostics published for `uri` that `accept` takes (also one already received, when `fromIndex` says so). */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, fromIndex?: number): Promise<PublishDiagnosticsParams> {
    if (fromIndex !== undefined) {
      const found = this.published.slice(fromIndex).find((p) => p.uri === uri && accept(p));
      if (found) return Promise.resolve(found);
    }
    return this.wait(this.waiters, (p) => p.uri === uri && accept(p), `diagnostics for ${uri}`);
  }

  /** Resolves with the progress `end` of the workspace scan (or at once when it already ended). */
  scanEnded(): Promise<unknown> {
    const ended = this.progress.find((p) => p.value.kind === 'end');
    if (ended) return Promise.resolve(ended);
    return this.wait(this.progressWaiters as Array<Waiter<unknown>>, (p) => (p as TestClient['progress'][number]).value.kind === 'end', 'the end of the scan');
  }

  open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  filesChanged(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** New settings: VS Code's client sends an empty notification and the server pulls again. */
  changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = { lintDelayMs: 0, workspaceDiagnostics: 'off', ...settings };
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Writes raw, already framed messages to the server's stdin in one write (several messages in one chunk). */
  writeRaw(messages: object[]): void {
    const framed = messages.map((m) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.child.stdin!.write(Buffer.concat(framed));
  }

  get alive(): boolean {
    return !this.exited;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), WAIT_MS, 'shutdown');
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // Killed below.
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 3000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }

  private wait<T>(waiters: Array<Waiter<T>>, accept: (value: T) => boolean, what: string): Promise<T> {
    return withTimeout(new Promise<T>((resolve) => waiters.push({ accept, resolve })), WAIT_MS, what);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
