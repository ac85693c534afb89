/**
 * The language client in the browser (dist/web/client.js, loaded by src/web/extension.ts after
 * activation). The same language server as on the desktop (src/server/server.ts) runs in a web
 * worker of its own (dist/web/server.js) and gives the diagnostics, quick fixes, fix-all, hovers
 * and the features' data; this side starts it with vscode-languageclient's browser client and
 * answers its file reads with `vscode.workspace.fs` (src/web/protocol.ts). Git authors are absent
 * on the web (no process to run); CODEOWNERS is read like any other file.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import type { FeatureServer } from '../extension/featureServer';
import { readExtensionFile } from '../extension/featureServer';
import { FIND_POSTMORTEMS, LAZY_MODULES_GLOBAL, PACKAGE_ROOT_GLOBAL, READ_TEXT_FILE, type FindPostmortemsParams, type ReadTextFileParams } from './protocol';

const CLIENT_ID = 'postmortem';
const DOCUMENT_SELECTOR = [{ pattern: '**/*.pm.yaml' }, { pattern: '**/.postmortem.yaml' }, { scheme: 'untitled', language: 'yaml' }];
/** Folders never searched for post-mortems, as in Node (src/core/discover.ts SKIPPED_FOLDERS). */
const SKIPPED = '**/{node_modules,.git}/**';

/** Starts the client (and with it the server's worker); returns what the features ask the server through. */
export function startWebClient(context: vscode.ExtensionContext): FeatureServer {
  const watchers = ['**/*.pm.yaml', '**/.postmortem.yaml', '**/CODEOWNERS'].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: CLIENT_ID, fileEvents: watchers },
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    diagnosticCollectionName: CLIENT_ID,
  };
  const client = new LanguageClient(CLIENT_ID, 'Post-Mortem Language Server', () => connectWorker(context), clientOptions);
  client.onRequest(FIND_POSTMORTEMS, (params: FindPostmortemsParams) => findPostmortems(params.folderUri));
  client.onRequest(READ_TEXT_FILE, (params: ReadTextFileParams) => readTextFile(params.uri, params.maxBytes));
  // Disposing the client stops it and its worker.
  context.subscriptions.push(client);
  // Not awaited: the server's first answers follow.
  client.start().catch((error: unknown) => console.error('postmortem: the language server did not start', error));
  return client;
}

/**
 * The transports to the server's worker, made here rather than by the client: VS Code's web worker
 * extension host replaces `Worker` with its own nested-worker class, whose objects the client's
 * `instanceof Worker` test does not recognise.
 */
async function connectWorker(context: vscode.ExtensionContext): Promise<MessageTransports> {
  const worker = await startWorker(context);
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

/**
 * The server's worker, from a script made here: it names the extension's URI (the package root, for
 * rule doc links: the server needs it before any message arrives, and VS Code's nested workers drop
 * the `name` option), holds the NLP library and the name list as functions not yet called, then the
 * server. The files are read over HTTP where the browser loads the extension from a web server
 * (vscode.dev), else through the editor's file system (`vscode-remote:` in code-server).
 */
async function startWorker(context: vscode.ExtensionContext): Promise<Worker> {
  const file = (path: string): vscode.Uri => vscode.Uri.joinPath(context.extensionUri, path);
  const text = async (path: string): Promise<string | undefined> => {
    try {
      return new TextDecoder().decode(await readExtensionFile(file(path)));
    } catch (error) {
      console.error(`postmortem: ${path} could not be read; the server starts without it`, error);
      return undefined;
    }
  };
  const [server, compromise, names, plainWords, blameModel, features] = await Promise.all([
    text('dist/web/server.js'),
    text('dist/compromise.js'),
    text('dist/person-names.json'),
    text('dist/plain-words.json'),
    text('dist/blame-model.json'),
    text('dist/server-features.js'),
  ]);
  if (server === undefined) throw new Error('dist/web/server.js could not be read');
  // The NLP library, the name list and the features' renderers: the desktop's files, as functions the worker calls on first use only
  // (a function's body is compiled when it is first called), so the server starts without evaluating them.
  const lazy = [
    compromise === undefined ? '' : `compromise: function (module, exports) {\n${compromise}\n},`,
    names === undefined ? '' : `names: function () { return ${names}; },`,
    plainWords === undefined ? '' : `plainWords: function () { return ${plainWords}; },`,
    blameModel === undefined ? '' : `blameModel: function () { return ${blameModel}; },`,
    features === undefined ? '' : `serverFeatures: function (module, exports) {\n${features}\n},`,
  ].join('\n');
  const prelude = `globalThis.${PACKAGE_ROOT_GLOBAL} = ${JSON.stringify(context.extensionUri.toString())};\nglobalThis.${LAZY_MODULES_GLOBAL} = {\n${lazy}\n};\n`;
  return new Worker(URL.createObjectURL(new Blob([prelude, server], { type: 'text/javascript' })));
}

async function findPostmortems(folderUri: string): Promise<string[]> {
  try {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(folderUri), '**/*.pm.yaml'), SKIPPED);
    return found.map((uri) => uri.toString());
  } catch {
    return [];
  }
}

/** A regular file's text within `maxBytes`, without its byte-order mark; null otherwise (never throws). */
async function readTextFile(uri: string, maxBytes: number): Promise<string | null> {
  try {
    const target = vscode.Uri.parse(uri);
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.type !== vscode.FileType.File || stat.size > maxBytes) return null;
    const bytes = await vscode.workspace.fs.readFile(target);
    if (bytes.byteLength > maxBytes) return null;
    return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}
