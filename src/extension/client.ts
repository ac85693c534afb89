import * as vscode from 'vscode';
import { explicitSetting } from './explicitSetting';
import type { FeatureServer } from './featureServer';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
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
  /** What the features (preview, export, review) ask the server through. */
  server: FeatureServer;
}

/** The server's notification that the workspace's trust changed after it started (src/server/server.ts). */
const DID_CHANGE_TRUST = 'postmortem/didChangeTrust';

// `.postmortem.yaml` too: the server shows its problems in it, as the CLI prints them.
const DOCUMENT_SELECTOR = [{ pattern: '**/*.pm.yaml' }, { pattern: '**/.postmortem.yaml' }, { scheme: 'untitled', language: 'yaml' }] as const;

/**
 * VS Code closes a document (and the client sends `didClose`) lazily, sometimes minutes after its
 * last editor tab; the Problems panel should follow the tabs, as it did before the server. The
 * document stays synced with the server (so its text never goes stale); only what the Problems
 * panel shows follows the tabs: with `postmortem.workspaceDiagnostics` off, a document no tab shows
 * lists nothing, and shows its latest diagnostics again when a tab shows it. With it on (or `auto`),
 * the document's diagnostics stay: they are what the disk's text would get.
 */
class TabFollower implements vscode.Disposable {
  /** Documents VS Code holds open but no tab shows. */
  private readonly hidden = new Set<string>();
  /** The latest diagnostics the server published, per document URI (what to show again). */
  private readonly latest = new Map<string, vscode.Diagnostic[]>();
  private client: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  readonly middleware: LanguageClientOptions['middleware'] = {
    handleDiagnostics: (uri, diagnostics, next) => {
      const key = uri.toString();
      if (diagnostics.length > 0) this.latest.set(key, diagnostics);
      else this.latest.delete(key);
      next(uri, this.hidden.has(key) && !workspaceDiagnosticsOn(uri) ? [] : diagnostics);
    },
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
            const key = uri.toString();
            if (shown.has(key) || !openDocument(uri)) continue;
            this.hidden.add(key);
            if (!workspaceDiagnosticsOn(uri)) this.client?.diagnostics?.delete(uri);
          }
        }
        for (const tab of [...event.opened, ...event.changed]) {
          for (const uri of tabUris(tab)) {
            const key = uri.toString();
            if (!this.hidden.delete(key)) continue;
            const diagnostics = this.latest.get(key);
            if (diagnostics) this.client?.diagnostics?.set(uri, diagnostics);
          }
        }
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** `postmortem.workspaceDiagnostics` is not `off` (`auto`, its default, counts as on: the client does not count the files). */
function workspaceDiagnosticsOn(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('postmortem', uri).get<unknown>('workspaceDiagnostics', 'auto') !== 'off';
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
    middleware: {
      ...tabs.middleware,
      workspace: {
        // VS Code answers with the package.json defaults filled in; those would override `.postmortem.yaml`
        // (a default gap of 15 minutes over the file's 30). Only what the user set goes to the server.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => (item.section === CLIENT_ID ? explicitSettings(answers[i], item.scopeUri) : answers[i]));
        },
      },
    },
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
    server: client,
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

/** Settings that merge with `.postmortem.yaml`: only sent when the user set them (any scope). */
const MERGED_SETTINGS = ['rules', 'people', 'holidays', 'timelineGapMinutes'];

/**
 * The `postmortem` section as the server should read it: the editor-only settings as VS Code
 * answers them (defaults included), and the ones `.postmortem.yaml` also sets as dotted keys,
 * only where the user gave a value (as src/extension/settings.ts `readVscodeSettings` reads them).
 */
function explicitSettings(answer: unknown, scopeUri: string | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (answer && typeof answer === 'object') {
    for (const [key, value] of Object.entries(answer)) if (!MERGED_SETTINGS.includes(key)) result[key] = value;
  }
  let config: vscode.WorkspaceConfiguration;
  try {
    config = vscode.workspace.getConfiguration(CLIENT_ID, scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  } catch {
    return result;
  }
  for (const key of ['people', 'holidays', 'rules']) {
    const value = explicitSetting(config, key);
    if (value !== undefined) result[key] = value;
  }
  // Each member as `group.name` where the user set it, read from one inspection of the group: an inspection
  // costs the extension host about a millisecond, and `rules` has dozens of members.
  for (const group of ['rules', 'timelineGapMinutes']) {
    const value = config.get<Record<string, unknown>>(group);
    if (!value || typeof value !== 'object') continue;
    const inspected = config.inspect<Record<string, unknown>>(group);
    const scopes = [inspected?.workspaceFolderValue, inspected?.workspaceValue, inspected?.globalValue];
    for (const name of Object.keys(value)) {
      const member = scopes.map((scope) => (scope && typeof scope === 'object' ? scope[name] : undefined)).find((v) => v !== undefined && v !== null);
      // As explicitSetting reads a key (`??`): a null at one scope gives way to the next.
      if (member !== undefined) result[`${group}.${name}`] = member;
    }
  }
  return result;
}
