/**
 * The post-mortem language server: the core's lint, quick fixes, fix-all and rule hover over the
 * Language Server Protocol, for VS Code (through vscode-languageclient) and every other editor.
 * Transport-agnostic: src/server/main.ts starts it over stdio or Node IPC; a browser worker can
 * start it over its message port with a host of its own. No Node built-in is imported here: the
 * disk is behind ServerHost (src/server/nodeHost.ts).
 *
 * What it guarantees, as the extension does today (src/extension/diagnostics.ts and friends):
 * the same diagnostics (ranges, messages, severities, codes, related locations), fixes and hover
 * for the same text and settings. And it never blocks for long: a lint is debounced per document,
 * runs after the messages already received are handled, re-checks only what an edit changed
 * (src/core/incremental.ts), runs in slices of a few milliseconds and stops unpublished as soon as
 * a newer version of its document arrived; the workspace scan yields after every file.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MarkupKind,
  NotificationType,
  RequestType,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isPostmortemDocument, SNIFF_LENGTH } from '../core/documentKind';
import { workspaceDiagnosticsEnabled } from '../core/editorSettings';
import { lintParsed, lintText, type LintResult } from '../core/lint';
import { DocumentLinter } from '../core/incremental';
import type { ParsedPostmortem } from '../core/parse';
import { ruleHover } from '../core/ruleHover';
import { readProjectConfig, type ConfigWarning } from '../core/config';
import { KeyedDebounce } from '../core/keyedDebounce';
import { SettlingQueue } from '../core/settlingQueue';
import type { LintSettings } from '../core/settings';
import { fixAllAction, FIX_ALL_KIND, kindRequested, OPEN_DOC_COMMAND, quickFixes, type CodeActionOptions } from './codeActions';
import { DocLinks, toLspDiagnostic } from './convert';
import type { ServerHost } from './host';
import { ServerSettings, type ScopeSettings } from './settings';
import { WorkspaceIndex } from './workspaceIndex';
import { LANGUAGE_FEATURE_CAPABILITIES, registerLanguageFeatures } from './languageFeatures';
import { documentsToRelint, type IndexChange } from '../core/storeChange';
import { registerFeatureRequests } from './featureRequests';

/** `initializationOptions` the server reads; every field optional. */
export interface PostmortemInitializationOptions {
  /**
   * Workspace trust: `false` keeps git and CODEOWNERS unread (the repository's people), as VS Code's
   * Restricted Mode. Other editors have no such notion and default to trusted: git runs locked down
   * (src/core/repositoryPeople.ts).
   */
  trusted?: boolean;
  /** The `postmortem` settings section, for clients that neither answer `workspace/configuration` nor push settings. */
  settings?: unknown;
  /** The client opens rule docs itself (`postmortem.openRuleDoc`); else the server offers the command and asks `window/showDocument`. */
  handlesOpenRuleDoc?: boolean;
}

/** `postmortem/lintResult`: the latest lint of an open document and the settings it used (for the preview). */
export const LintResultRequest = new RequestType<{ uri: string }, { version: number; diagnostics: LspDiagnostic[]; settings: LintSettings } | null, void>('postmortem/lintResult');
/** `postmortem/didChangeTrust`: the workspace was trusted (or not) after start. */
export const DidChangeTrustNotification = new NotificationType<{ trusted: boolean }>('postmortem/didChangeTrust');

export interface ServerInfo {
  name: string;
  version: string;
}

/** Cross-file changes arrive in bursts (a branch switch): closed files are linted again once they settle. */
const CLOSED_FILES_SETTLE_MS = 300;
const POSTMORTEM_WATCH = '**/*.pm.yaml';
const CONFIG_FILE = '.postmortem.yaml';

/** Gives the event loop back, so messages already received (a newer edit) are handled first. */
function yieldNow(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

interface OpenResult {
  version: number;
  result: LintResult;
  settings: LintSettings;
}

export function startServer(connection: Connection, host: ServerHost, info: ServerInfo = { name: 'postmortem-language-server', version: '0.0.0' }): void {
  const documents = new TextDocuments(TextDocument);
  const links = new DocLinks(host.packageRootUri);
  /** Canonical folder URI (no trailing slash) -> the URI the client named it by. */
  let folders = new Map<string, string>();
  const folderKeys = (): string[] => [...folders.keys()];
  let settings!: ServerSettings;
  let actionOptions: CodeActionOptions = { links, disabledSupport: false, documentChanges: false };
  let capabilities: InitializeParams['capabilities'] = {};
  let handlesOpenRuleDoc = false;

  /** The latest published lint of each open document, by the client's URI. */
  const results = new Map<string, OpenResult>();
  const timers = new KeyedDebounce();
  /** Lints started per document: an older lint still waiting for its settings must not publish over a newer one. */
  const generations = new Map<string, number>();
  let lintsStarted = 0;
  /** Each open document's lint, kept between versions: an edit re-parses and re-checks what it changed (src/core/incremental.ts). */
  const linters = new Map<string, DocumentLinter>();
  /** Documents opened before (the first content event of a document is its opening: linted at once). */
  const known = new Set<string>();

  const index = new WorkspaceIndex(host, folderKeys, (change) => indexChanged(change), yieldNow);

  const log = (message: string, error?: unknown): void => {
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error === undefined ? '' : String(error);
    try {
      connection.console.error(`${message}${detail ? `: ${detail}` : ''}`);
    } catch {
      // The connection is gone: nothing to tell.
    }
  };

  const keyOf = (uri: string): string => host.canonicalUri(uri);

  const isPostmortem = (document: TextDocument): boolean => {
    const [scheme, path] = schemeAndPath(document.uri);
    return isPostmortemDocument({
      scheme,
      path,
      languageId: document.languageId,
      head: () => document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(SNIFF_LENGTH) }),
    });
  };

  const publish = (uri: string, diagnostics: LspDiagnostic[], version?: number): void => {
    void connection.sendDiagnostics({ uri, diagnostics, version }).catch((error: unknown) => log('postmortem: publishing diagnostics failed', error));
  };

  const lspDiagnostics = (result: LintResult, key: string, uri: string): LspDiagnostic[] =>
    result.diagnostics.map((d) => toLspDiagnostic(d, links, key, uri));

  /** A lint that never throws: a crash in the core becomes one diagnostic, and the server carries on. */
  const safeLint = (text: string, key: string, lintSettings: LintSettings): LintResult => {
    try {
      return lintText(text, { file: key, settings: lintSettings, workspace: index.store });
    } catch (error) {
      log(`postmortem: linting ${key} failed`, error);
      const fallback = lintText('', { settings: lintSettings });
      const origin = { line: 0, character: 0 };
      return {
        parsed: fallback.parsed,
        diagnostics: [{ rule: 'yaml-syntax', severity: 'error', message: `This document could not be checked: ${String((error as Error)?.message ?? error).slice(0, 200)}`, range: { start: origin, end: origin } }],
      };
    }
  };

  /**
   * The lint of an open document's new version, from its previous one, in slices that give the event loop back:
   * undefined as soon as `wanted` says a newer version arrived. Never throws: a failure is linted afresh.
   */
  const lintOpen = async (uri: string, text: string, key: string, lintSettings: LintSettings, wanted: () => boolean): Promise<LintResult | undefined> => {
    let linter = linters.get(uri);
    if (!linter) linters.set(uri, (linter = new DocumentLinter()));
    try {
      return await linter.lintInSlices(text, { file: key, settings: lintSettings, workspace: index.store }, async () => {
        // Two hops, as below: the event loop reads the pipe, then the connection handles what it read (a newer version).
        await yieldNow();
        await yieldNow();
        return wanted();
      });
    } catch (error) {
      linters.delete(uri);
      log(`postmortem: the incremental lint of ${key} failed`, error);
      return safeLint(text, key, lintSettings);
    }
  };

  const clearDocument = (uri: string): void => {
    linters.delete(uri);
    timers.cancel(uri);
    results.delete(uri);
    generations.delete(uri);
    wakeWaiters(uri);
  };

  const lintDocument = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    if (!isPostmortem(document)) {
      // An untitled buffer that stopped looking like a post-mortem loses its old diagnostics.
      if (results.has(uri)) {
        clearDocument(uri);
        publish(uri, [], document.version);
      }
      return;
    }
    const version = document.version;
    const generation = ++lintsStarted;
    generations.set(uri, generation);
    const key = keyOf(uri);
    const scope = await settings.settingsFor(key);
    // For a client that asked for a trace (`$/setTrace`): which version is about to be linted (sent during the yield).
    connection.tracer.log(`linting ${uri} version ${version}`);
    // Handle what already arrived (a newer edit) before spending time on this version.
    await yieldNow();
    const stale = (): boolean => documents.get(uri)?.version !== version || generations.get(uri) !== generation;
    if (stale()) return;
    const result = await lintOpen(uri, document.getText(), key, scope.lint, () => !stale());
    if (!result) {
      connection.tracer.log(`stopped linting ${uri} version ${version}: a newer version arrived`);
      return;
    }
    // A newer version sent while this one was linted: its own lint publishes, this one never does. Two hops:
    // the first lets the event loop read the pipe (the message reader then queues the message), the second
    // lets the connection handle it. A burst of several messages may need more; the version on the
    // published diagnostics lets the client drop a stale one then.
    await yieldNow();
    await yieldNow();
    if (stale()) return;
    results.set(uri, { version, result, settings: scope.lint });
    publish(uri, lspDiagnostics(result, key, uri), version);
    index.updateFromDocument(key, result.parsed);
    index.flushSoon();
  };

  /** Lints under way per document (the scheduled ones are in `timers`), and who waits for one to end (`currentParse`). */
  const running = new Map<string, number>();
  const lintEnded = new Map<string, Array<() => void>>();
  const wakeWaiters = (uri: string): void => {
    const waiting = lintEnded.get(uri);
    lintEnded.delete(uri);
    waiting?.forEach((wake) => wake());
  };

  /** Debounced per document: typing only resets a timer; the lint runs when the keys pause. */
  const schedule = (uri: string, delay: number): void => {
    closedFiles.fileShown(keyOf(uri), uri);
    timers.schedule(uri, delay, () => {
      running.set(uri, (running.get(uri) ?? 0) + 1);
      lintDocument(uri)
        .catch((error: unknown) => log(`postmortem: lint of ${uri} failed`, error))
        .finally(() => {
          const left = (running.get(uri) ?? 1) - 1;
          if (left > 0) running.set(uri, left);
          else running.delete(uri);
          wakeWaiters(uri);
        });
    });
  };

  /**
   * The parse of an open document's current text, from its lint once the lint has caught up with the text (the
   * lint re-parses only what an edit changed): the outline and links the editor asks for after each keystroke
   * would otherwise parse the whole text again, seconds at 10,000 entries, while the lint waits. Undefined when no
   * lint of the current text is coming (the caller parses).
   */
  const currentParse = async (uri: string, wait: boolean): Promise<ParsedPostmortem | undefined> => {
    for (;;) {
      const document = documents.get(uri);
      if (!document) return undefined;
      const latest = results.get(uri);
      if (latest && latest.version === document.version) return latest.result.parsed;
      if (!wait || (!timers.has(uri) && !running.has(uri))) return undefined;
      await new Promise<void>((resolve) => lintEnded.set(uri, [...(lintEnded.get(uri) ?? []), resolve]));
    }
  };

  const relintOpen = (except?: Set<string>, only?: (uri: string) => boolean): void => {
    for (const document of documents.all()) {
      if (except?.has(keyOf(document.uri)) || (only && !only(document.uri))) continue;
      if (isPostmortem(document) || results.has(document.uri)) schedule(document.uri, 0);
    }
  };

  /** The latest lint of a document if it is of its current version, else a lint of it now (published nowhere). */
  const currentResult = async (uri: string): Promise<OpenResult | undefined> => {
    const document = documents.get(uri);
    if (!document || !isPostmortem(document)) return undefined;
    const latest = results.get(uri);
    if (latest && latest.version === document.version) return latest;
    const scope = await settings.settingsFor(keyOf(uri));
    return { version: document.version, result: safeLint(document.getText(), keyOf(uri), scope.lint), settings: scope.lint };
  };

  /**
   * Diagnostics of the post-mortems no editor shows (`postmortem.workspaceDiagnostics`), read from
   * disk and linted with the same settings and workspace as an open document, as the extension's
   * src/extension/workspaceDiagnostics.ts does.
   */
  const closedFiles = new (class ClosedFiles {
    private readonly fromDisk = new Set<string>();
    private readonly pending = new SettlingQueue(CLOSED_FILES_SETTLE_MS, (keys) => void this.lintAll(keys));

    isShown(key: string): boolean {
      return documents.all().some((d) => keyOf(d.uri) === key);
    }

    async enabledFor(key: string): Promise<boolean> {
      const scope: ScopeSettings = await settings.settingsFor(key);
      return workspaceDiagnosticsEnabled(scope.workspaceDiagnostics, index.store.size);
    }

    refreshAll(): void {
      for (const entry of index.store.entries()) this.queue(entry.file);
      for (const key of this.fromDisk) this.queue(key);
    }

    indexChanged(change: IndexChange): void {
      if (change.crossFile || change.rangesMoved.length > 0) this.refreshAll();
      for (const file of change.files) this.queue(file);
    }

    /** An editor shows the file now: its document's lint owns the diagnostics. */
    fileShown(key: string, uri: string): void {
      this.pending.delete(key);
      // Published under another spelling of the URI: that copy would stay beside the document's.
      if (this.fromDisk.delete(key) && key !== uri) publish(key, []);
    }

    queue(key: string): void {
      this.pending.add(key);
    }

    dispose(): void {
      this.pending.dispose();
    }

    private async lintAll(keys: string[]): Promise<void> {
      for (const key of keys) {
        await this.lintFromDisk(key).catch((error: unknown) => log(`postmortem: workspace lint of ${key} failed`, error));
        await yieldNow();
      }
    }

    async lintFromDisk(key: string): Promise<void> {
      if (this.isShown(key)) return;
      if (!index.store.get(key) || !(await this.enabledFor(key))) return this.forget(key);
      const text = await host.readPostmortem(key, index.folderOf(key));
      if (text === undefined) return this.forget(key);
      const scope = await settings.settingsFor(key);
      // An editor may have opened the file meanwhile.
      if (this.isShown(key)) return;
      const result = safeLint(text, key, scope.lint);
      this.fromDisk.add(key);
      publish(key, lspDiagnostics(result, key, key));
    }

    private forget(key: string): void {
      if (this.fromDisk.delete(key) && !this.isShown(key)) publish(key, []);
    }
  })();

  /** Whether a document's latest diagnostics link (related information) into one of `files`. */
  const pointsInto = (uri: string, files: Set<string>): boolean =>
    results.get(uri)?.result.diagnostics.some((d) => d.related?.some((r) => files.has(r.file))) ?? false;

  /** Another file's id, category or services changed: cross-file findings of the open documents may change too. */
  const indexChanged = (change: IndexChange): void => {
    closedFiles.indexChanged(change);
    // The open documents' cross-file findings first: telling the client is secondary and must not stand in their way.
    const plan = documentsToRelint(change, pointsInto);
    if (plan) relintOpen(plan.except, plan.only);
    features.changed(change.files);
  };

  const settingsChanged = (): void => {
    features.changed();
    relintOpen();
    closedFiles.refreshAll();
  };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as PostmortemInitializationOptions;
    handlesOpenRuleDoc = options.handlesOpenRuleDoc === true;
    folders = folderMap(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []), host);
    settings = new ServerSettings(host, folderKeys, {
      canPull: capabilities.workspace?.configuration === true,
      pull: async (scope) => (await connection.workspace.getConfiguration({ scopeUri: scope === undefined ? undefined : folders.get(scope), section: 'postmortem' })) as unknown,
      trusted: options.trusted !== false,
      initial: options.settings,
    });
    actionOptions = {
      links,
      disabledSupport: capabilities.textDocument?.codeAction?.disabledSupport === true,
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        ...LANGUAGE_FEATURE_CAPABILITIES,
        ...(handlesOpenRuleDoc ? {} : { executeCommandProvider: { commands: [OPEN_DOC_COMMAND] } }),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: info,
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' }).catch((error: unknown) => log('postmortem: registering for configuration changes failed', error));
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: POSTMORTEM_WATCH }, { globPattern: `**/${CONFIG_FILE}` }] })
        .catch((error: unknown) => log('postmortem: registering the file watcher failed', error));
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) folders.delete(trimSlash(host.canonicalUri(removed.uri)));
        for (const [key, uri] of folderMap(event.added, host)) folders.set(key, uri);
        settings.foldersChanged();
        void scanWorkspace();
      });
    }
    features.scanning(scanWorkspace());
  });

  /** The first scan (and one per added folder), with progress shown by the client when it can. */
  const scanWorkspace = async (): Promise<void> => {
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Post-mortems', 0, 'Reading the workspace', false);
    try {
      let lastPercentage = 0;
      await index.scan({
        report: (done, total) => {
          const percentage = total === 0 ? 100 : Math.floor((done / total) * 100);
          if (percentage === lastPercentage && done !== 0) return;
          lastPercentage = percentage;
          progress?.report(percentage, `${done} of ${total} post-mortems`);
        },
      });
      closedFiles.refreshAll();
    } catch (error) {
      log('postmortem: the workspace scan failed', error);
    } finally {
      progress?.done();
    }
  };

  /**
   * `.postmortem.yaml` in the editor: its problems (an unknown rule, a bad level, a date that is no date) as
   * diagnostics at their place, with the message the CLI prints for the same file (src/core/config.ts).
   */
  const publishConfigProblems = (document: TextDocument): void => {
    let warnings: ConfigWarning[];
    try {
      warnings = readProjectConfig(document.getText()).warnings;
    } catch (error) {
      log(`postmortem: reading ${document.uri} failed`, error);
      return;
    }
    publish(
      document.uri,
      warnings.map((w) => ({ range: w.range, severity: 2, source: 'postmortem', code: 'config', message: w.message })),
      document.version,
    );
  };

  documents.onDidChangeContent(({ document }) => {
    if (isProjectConfigUri(document.uri)) return publishConfigProblems(document);
    const opening = !known.has(document.uri);
    known.add(document.uri);
    // Plain YAML files that are no post-mortem (and never were) cost nothing.
    if (!isPostmortem(document) && !results.has(document.uri)) return;
    schedule(document.uri, opening ? 0 : settings.lintDelayFor(keyOf(document.uri)));
  });

  documents.onDidClose(({ document }) => {
    if (isProjectConfigUri(document.uri)) return publish(document.uri, []);
    const uri = document.uri;
    const key = keyOf(uri);
    known.delete(uri);
    const hadDiagnostics = results.has(uri) || timers.has(uri) || generations.has(uri);
    clearDocument(uri);
    void (async () => {
      await index.documentClosed(key);
      index.flushSoon();
      // With workspace diagnostics on, the file's findings from disk replace the document's; else they go.
      const fromDisk = index.folderOf(key) !== undefined && index.store.get(key) !== undefined && (await closedFiles.enabledFor(key));
      if (documents.get(uri)) return; // opened again meanwhile
      if (fromDisk) await closedFiles.lintFromDisk(key);
      if ((!fromDisk || key !== uri) && hadDiagnostics) publish(uri, []);
    })().catch((error: unknown) => log(`postmortem: closing ${uri} failed`, error));
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as { postmortem?: unknown } | undefined)?.postmortem;
    settings.clientSettingsChanged(pushed);
    settingsChanged();
  });

  connection.onNotification(DidChangeTrustNotification, ({ trusted }) => {
    settings.trustChanged(trusted !== false);
    settingsChanged();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configChanged = false;
    const reads: Array<Promise<void>> = [];
    for (const change of changes) {
      const key = keyOf(change.uri);
      if (key.endsWith(`/${CONFIG_FILE}`)) configChanged = true;
      else if (change.type === FileChangeType.Deleted) index.fileDeleted(key);
      else reads.push(index.fileChanged(key));
    }
    if (configChanged) {
      settings.projectConfigChanged();
      settingsChanged();
    }
    void Promise.all(reads)
      .then(() => index.flush())
      .catch((error: unknown) => log('postmortem: reading changed files failed', error));
  });

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    try {
      const document = documents.get(params.textDocument.uri);
      const only = params.context.only;
      if (!document) return [];
      const wantsFixes = kindRequested(only, CodeActionKind.QuickFix);
      const wantsFixAll = kindRequested(only, FIX_ALL_KIND);
      if (!wantsFixes && !wantsFixAll) return [];
      const current = await currentResult(document.uri);
      if (!current) return [];
      const actions = wantsFixes ? quickFixes(document, current.result, params.range, params.context.diagnostics, actionOptions) : [];
      const key = keyOf(document.uri);
      const lint = (parsed: ParsedPostmortem) => lintParsed(parsed, { file: key, settings: current.settings, workspace: index.store });
      const fixAll = wantsFixAll ? fixAllAction(document, current.result, actionOptions, lint) : undefined;
      return fixAll ? [...actions, fixAll] : actions;
    } catch (error) {
      log('postmortem: code actions failed', error);
      return [];
    }
  });

  connection.onHover(async (params) => {
    try {
      const current = await currentResult(params.textDocument.uri);
      const hover = current && ruleHover(current.result.diagnostics, params.position, (slug) => links.ruleDoc(slug));
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
    } catch (error) {
      log('postmortem: hover failed', error);
      return null;
    }
  });

  connection.onExecuteCommand(async (params) => {
    const [target] = params.arguments ?? [];
    if (params.command !== OPEN_DOC_COMMAND || typeof target !== 'string') return;
    if (!capabilities.window?.showDocument?.support) return;
    await connection.window.showDocument({ uri: target, external: /^https?:/i.test(target) }).catch((error: unknown) => log('postmortem: opening the rule doc failed', error));
  });

  connection.onRequest(LintResultRequest, async ({ uri }) => {
    const current = await currentResult(uri);
    if (!current) return null;
    return { version: current.version, diagnostics: lspDiagnostics(current.result, keyOf(uri), uri), settings: current.settings };
  });

  // The preview, export, review, status bar, tree and New Post-Mortem ask for their data here (src/server/featureRequests.ts).
  const features = registerFeatureRequests(connection, {
    document: (uri) => documents.get(uri),
    currentLint: (uri) => currentResult(uri),
    keyOf,
    readText: (key) => host.readPostmortem(key, index.folderOf(key)),
    settingsFor: async (key) => (await settings.settingsFor(key)).lint,
    reviewCurrency: async () => {
      const [first] = folderKeys();
      return first === undefined ? null : (await settings.settingsFor(first)).lint.currency;
    },
    store: index.store,
    log,
  });

  registerLanguageFeatures(connection, {
    documents,
    store: index.store,
    keyOf,
    isPostmortem,
    currentParse,
    peopleFor: async (uri) => (await settings.settingsFor(keyOf(uri))).lint.people,
    log,
  });

  connection.onShutdown(() => {
    timers.dispose();
    closedFiles.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** A `.postmortem.yaml` (the repository's settings), whatever its scheme. */
function isProjectConfigUri(uri: string): boolean {
  return schemeAndPath(uri)[1].endsWith(`/${CONFIG_FILE}`);
}

/** Workspace folders by canonical URI (no trailing slash), keeping the client's spelling for its requests. */
function folderMap(list: ReadonlyArray<{ uri: string }>, host: ServerHost): Map<string, string> {
  return new Map(list.map((folder) => [trimSlash(host.canonicalUri(folder.uri)), folder.uri]));
}

function trimSlash(uri: string): string {
  return uri.replace(/\/+$/, '');
}

/** A URI's scheme and path (`untitled:Untitled-1` -> `untitled`, `Untitled-1`); an unparsable one has neither. */
function schemeAndPath(uri: string): [string, string] {
  try {
    const url = new URL(uri);
    return [url.protocol.replace(/:$/, ''), decodeURIComponent(url.pathname)];
  } catch {
    return ['', ''];
  }
}
