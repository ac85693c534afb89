import * as vscode from 'vscode';
import {
  CloseAction,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** The client's id and its output channel's name (View > Output). */
export const CLIENT_ID = 'postmortem';
export const OUTPUT_CHANNEL_NAME = 'Post-Mortem Language Server';

/** What the end-to-end tests learn through the internal command `postmortem._languageServer`. */
export interface ServerInfo {
  running: boolean;
  pid: number | undefined;
  name: string | undefined;
  outputChannel: string;
}

/** The client, started; what the extension keeps of it. */
export interface StartedClient {
  info(): ServerInfo;
}

/** The server's notification that the workspace's trust changed after it started (src/server/server.ts). */
const DID_CHANGE_TRUST = 'postmortem/didChangeTrust';

const DOCUMENT_SELECTOR = [{ pattern: '**/*.pm.yaml' }, { scheme: 'untitled', language: 'yaml' }] as const;

/**
 * VS Code closes a document (and the client sends `didClose`) lazily, sometimes minutes after its
 * last editor tab; the Problems panel should follow the tabs, as it did before the server. So when
 * the last tab of a synced document closes, the server is told the document closed (it then clears
 * its diagnostics, or lints the file from disk with workspace diagnostics); when a tab shows it
 * again, that it opened, with its current text. In between, its changes are not sent: they come
 * from the disk (the host reloaded a file changed there), which the server watches.
 */
class TabFollower implements vscode.Disposable {
  /** Documents VS Code holds open but no tab shows: closed as far as the server knows. */
  private readonly hidden = new Set<string>();
  private client: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  readonly middleware: LanguageClientOptions['middleware'] = {
    didOpen: (document, next) => {
      this.hidden.delete(document.uri.toString());
      return next(document);
    },
    didChange: (event, next) => (this.hidden.has(event.document.uri.toString()) ? Promise.resolve() : next(event)),
    // Always passed on, also for a hidden document the server was already told about: the client marks a
    // document unsynced only once its close is sent (else it would never send the open of the next document
    // of that URI), and the server ignores the close of a document it does not hold (vscode-languageserver's TextDocuments).
    didClose: (document, next) => {
      this.hidden.delete(document.uri.toString());
      return next(document);
    },
  };

  connect(client: LanguageClient): void {
    this.client = client;
    this.disposables.push(
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        const shown = urisWithTabs();
        for (const tab of event.closed) {
          for (const uri of tabUris(tab)) {
            const document = openDocument(uri);
            if (!document || shown.has(uri.toString()) || this.hidden.has(uri.toString()) || vscode.languages.match(DOCUMENT_SELECTOR, document) === 0) continue;
            this.hidden.add(uri.toString());
            this.send(() => client.sendNotification(DidCloseTextDocumentNotification.type, client.code2ProtocolConverter.asCloseTextDocumentParams(document)));
          }
        }
        for (const tab of [...event.opened, ...event.changed]) {
          for (const uri of tabUris(tab)) {
            const document = openDocument(uri);
            if (!document || !this.hidden.delete(uri.toString())) continue;
            this.send(() => client.sendNotification(DidOpenTextDocumentNotification.type, client.code2ProtocolConverter.asOpenTextDocumentParams(document)));
          }
        }
      }),
      // A restarted server is sent every open document again: the hidden ones are closed again.
      client.onDidChangeState((event) => {
        if (event.newState !== State.Running) return;
        for (const key of this.hidden) {
          const document = openDocument(vscode.Uri.parse(key));
          if (document) this.send(() => client.sendNotification(DidCloseTextDocumentNotification.type, client.code2ProtocolConverter.asCloseTextDocumentParams(document)));
        }
      }),
    );
  }

  private send(notify: () => Promise<void>): void {
    if (!this.client?.isRunning()) return; // a (re)start sends the open documents itself
    notify().catch((error: unknown) => this.client?.error('Could not follow the editor tabs', error));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

function tabUris(tab: vscode.Tab): vscode.Uri[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return [input.uri];
  if (input instanceof vscode.TabInputTextDiff) return [input.original, input.modified];
  return [];
}

function urisWithTabs(): Set<string> {
  const uris = new Set<string>();
  for (const group of vscode.window.tabGroups.all) for (const tab of group.tabs) for (const uri of tabUris(tab)) uris.add(uri.toString());
  return uris;
}

/** A server that crashes this often within RESTART_WINDOW_MS is left stopped (a crash loop would only burn CPU). */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

/**
 * Starts the language server (dist/server.js, a Node process of its own) and
 * connects to it over Node IPC. Everything the editor shows for a post-mortem
 * (diagnostics, quick fixes, fix-all, hovers) comes from that process, so a
 * slow lint never blocks the extension host, and a crash only costs a restart.
 */
export function startLanguageClient(context: vscode.ExtensionContext): StartedClient {
  const module = context.asAbsolutePath('dist/server.js');
  // The same in debug mode: no fixed inspector port, which two windows would fight over.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  const watchers = ['**/*.pm.yaml', '**/.postmortem.yaml', '**/CODEOWNERS'].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const tabs = new TabFollower();
  const clientOptions: LanguageClientOptions = {
    // Post-mortems of any scheme (the client sends their text, so virtual files work too), and untitled
    // YAML buffers: the server decides which of those read like a post-mortem.
    documentSelector: [...DOCUMENT_SELECTOR],
    synchronize: { configurationSection: CLIENT_ID, fileEvents: watchers },
    // A function: read again on every (re)start. `handlesOpenRuleDoc`: the "Learn about" actions' command is
    // this extension's (src/extension/ruleDocs.ts), so the server must not register it too.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted, handlesOpenRuleDoc: true }),
    diagnosticCollectionName: CLIENT_ID,
    outputChannelName: OUTPUT_CHANNEL_NAME,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new RestartOnCrash(),
    middleware: tabs.middleware,
  };
  const client = new LanguageClient(CLIENT_ID, OUTPUT_CHANNEL_NAME, serverOptions, clientOptions);
  tabs.connect(client);
  context.subscriptions.push(
    client,
    tabs,
    // The server reads the repository's people (git, CODEOWNERS) only when trusted: told at start
    // (initializationOptions), and when trust is granted later, without a restart (a restart would rescan the workspace).
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      // Sent once the client runs (it waits for a start under way); a stopped client reads the trust when it starts again.
      void client.sendNotification(DID_CHANGE_TRUST, { trusted: true }).catch((error: unknown) => client.error('Telling the server about the trust grant failed', error));
    }),
  );
  // Not awaited: activation returns at once; a failed start is logged to the output channel by the client.
  void client.start().catch(() => undefined);
  return {
    info: () => ({
      running: client.isRunning(),
      pid: client.serverProcess?.pid,
      name: client.initializeResult?.serverInfo?.name,
      outputChannel: client.outputChannel.name,
    }),
  };
}

/**
 * Restarts a crashed server and says so once per session (every later crash is only logged),
 * as the built-in language features do; after MAX_RESTARTS crashes within RESTART_WINDOW_MS it
 * stays stopped and says that once too.
 */
export class RestartOnCrash implements ErrorHandler {
  private readonly restarts: number[] = [];
  private told = false;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly tell: (message: string) => void = (message) => void vscode.window.showWarningMessage(message),
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A broken message now and then is survivable; a stream of them means the connection is gone.
    return count !== undefined && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.restarts.push(now);
    while (this.restarts.length > 0 && now - this.restarts[0] > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length > MAX_RESTARTS) {
      this.tell(`The Post-Mortem language server crashed ${this.restarts.length} times in 3 minutes and was stopped. See the "${OUTPUT_CHANNEL_NAME}" output.`);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    if (!this.told) {
      this.told = true;
      this.tell(`The Post-Mortem language server stopped unexpectedly and was restarted. See the "${OUTPUT_CHANNEL_NAME}" output.`);
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
