import * as vscode from 'vscode';
import { readExtensionFile } from '../extension/featureServer';

/**
 * Loads one of the extension's CommonJS bundles in the web worker extension host, which has no
 * `require` for an extension's own files: its text is read (src/extension/featureServer.ts
 * readExtensionFile) and evaluated as VS Code evaluates the extension's entry itself (a function
 * of `module`, `exports` and `require`, the latter giving `vscode`). So the entry stays small and
 * activation evaluates nothing else.
 */
export async function loadBundle<T>(context: vscode.ExtensionContext, path: string, requireVscode: (id: string) => unknown): Promise<T> {
  const uri = vscode.Uri.joinPath(context.extensionUri, path);
  const source = new TextDecoder().decode(await readExtensionFile(uri));
  const module = { exports: {} as unknown };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the extension's own bundle, as the host loads the entry
  const define = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${uri.toString(true)}`) as (m: typeof module, e: unknown, r: (id: string) => unknown) => void;
  define(module, module.exports, requireVscode);
  return module.exports as T;
}
