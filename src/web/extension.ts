/**
 * The extension in the browser (github.dev, vscode.dev, code-server's web worker extension host):
 * `package.json` `browser`. The same language server as on the desktop (src/server/server.ts) runs
 * in a web worker of its own (dist/web/server.js) and gives the diagnostics, quick fixes, fix-all
 * and hovers; this side starts it with vscode-languageclient's browser client and answers its file
 * reads with `vscode.workspace.fs` (src/web/protocol.ts). Git authors are absent on the web (no
 * process to run); CODEOWNERS is read like any other file.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { FIND_POSTMORTEMS, PACKAGE_ROOT_GLOBAL, READ_TEXT_FILE, type FindPostmortemsParams, type ReadTextFileParams } from './protocol';

const CLIENT_ID = 'postmortem';
const DOCUMENT_SELECTOR = [{ pattern: '**/*.pm.yaml' }, { pattern: '**/.postmortem.yaml' }, { scheme: 'untitled', language: 'yaml' }];
/** Folders never searched for post-mortems, as in Node (src/core/discover.ts SKIPPED_FOLDERS). */
const SKIPPED = '**/{node_modules,.git}/**';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  // The Post-Mortems tree is not in the browser build yet: its view stays hidden (package.json `when`).
  void vscode.commands.executeCommand('setContext', 'postmortem.web', true);
  const watchers = ['**/*.pm.yaml', '**/.postmortem.yaml', '**/CODEOWNERS'].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: CLIENT_ID, fileEvents: watchers },
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    diagnosticCollectionName: CLIENT_ID,
  };
  // The worker starts with the client, after activation has returned.
  client = new LanguageClient(CLIENT_ID, 'Post-Mortem Language Server', () => connectWorker(context), clientOptions);
  client.onRequest(FIND_POSTMORTEMS, (params: FindPostmortemsParams) => findPostmortems(params.folderUri));
  client.onRequest(READ_TEXT_FILE, (params: ReadTextFileParams) => readTextFile(params.uri, params.maxBytes));
  context.subscriptions.push(client, ...registerDesktopOnlyCommands(context));
  // Not awaited: activation returns at once, the server's first answers follow.
  client.start().catch((error: unknown) => console.error('postmortem: the language server did not start', error));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/**
 * The commands package.json contributes that the browser build does not have yet (preview, export,
 * review, tree, New Post-Mortem): they say so, instead of VS Code's "command not found".
 */
function registerDesktopOnlyCommands(context: vscode.ExtensionContext): vscode.Disposable[] {
  const contributed = (context.extension.packageJSON as { contributes?: { commands?: { command: string; title: string }[] } }).contributes?.commands ?? [];
  return contributed.map(({ command, title }) =>
    vscode.commands.registerCommand(command, () =>
      vscode.window.showInformationMessage(`Post-Mortem: ${title} is not available in the browser yet. Diagnostics, quick fixes and rule hovers are; open the folder in VS Code on the desktop for the rest.`),
    ),
  );
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
 * The server's worker, from a small script made here: it names the extension's URI (the package
 * root, for rule doc links: the server needs it before any message arrives, and VS Code's nested
 * workers drop the `name` option), then loads the server. From the script's URL when the browser can
 * load it (vscode.dev serves extensions over https); otherwise (a `vscode-remote:` or other scheme,
 * as in code-server) its text is read through the editor's file system and inlined.
 */
async function startWorker(context: vscode.ExtensionContext): Promise<Worker> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  const prelude = `globalThis.${PACKAGE_ROOT_GLOBAL} = ${JSON.stringify(context.extensionUri.toString())};\n`;
  const body =
    script.scheme === 'http' || script.scheme === 'https'
      ? `importScripts(${JSON.stringify(script.toString(true))});`
      : new TextDecoder().decode(await vscode.workspace.fs.readFile(script));
  return new Worker(URL.createObjectURL(new Blob([prelude, body], { type: 'text/javascript' })));
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
