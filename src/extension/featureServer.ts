import * as vscode from 'vscode';

/**
 * The language server as the features (src/extension/features.ts) talk to it: the desktop's
 * LanguageClient (Node server over IPC) and the web's (the server's web worker) both fit, so the
 * preview, export, review, status bar, tree and New Post-Mortem are one code for both hosts.
 * The requests and their types are src/server/featureProtocol.ts.
 */
export interface FeatureServer {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  onNotification(method: string, handler: () => void): vscode.Disposable;
}

/** A webview script's nonce: 18 random bytes, base64 (Web Crypto: the same on Node and in a browser worker). */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** The last segment of a URI's path. */
export function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

/**
 * A file of the extension itself (media, bundles): through the editor's file system, which serves
 * `file:` on the desktop and `vscode-remote:` in code-server; over HTTP where the browser loads the
 * extension from a web server (vscode.dev, github.dev), whose `https:` no file system provider serves.
 */
export async function readExtensionFile(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.toString(true)}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  return vscode.workspace.fs.readFile(uri);
}
