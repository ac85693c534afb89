/**
 * The extension in the browser (github.dev, vscode.dev, code-server's web worker extension host):
 * `package.json` `browser`. Activation only registers the commands and webview restorers; once it
 * has returned, the language client (dist/web/client.js, which starts the server's web worker) and
 * the features (dist/features.js, the desktop's own: preview, export, review, status bar, tree, New
 * Post-Mortem) are loaded and asked for their data through the server, as on the desktop.
 */
import * as vscode from 'vscode';
import type { FeatureServer } from '../extension/featureServer';
import type { FeaturesModule } from '../extension/lazy';
import { LazyFeatures } from '../extension/lazyFeatures';
import { loadBundle } from './loadBundle';

type ClientModule = typeof import('./client');

export function activate(context: vscode.ExtensionContext): void {
  // Only `vscode` is there to require in the web worker extension host.
  const requireVscode = (id: string): unknown => {
    if (id !== 'vscode') throw new Error(`Cannot find module '${id}' in the web worker extension host`);
    return vscode;
  };
  let server: Promise<FeatureServer> | undefined;
  const startClient = (): Promise<FeatureServer> =>
    (server ??= loadBundle<ClientModule>(context, 'dist/web/client.js', requireVscode).then((module) => module.startWebClient(context)));
  let started: FeatureServer | undefined;
  const features = new LazyFeatures(
    context,
    async () => {
      started = await startClient();
      return loadBundle<FeaturesModule>(context, 'dist/features.js', requireVscode);
    },
    () => started!,
  );
  const timer = setTimeout(() => {
    features.load().catch((error: unknown) => {
      console.error('postmortem: starting the language client or the features failed', error);
      void vscode.window.showErrorMessage(`Post-Mortem: the extension could not start: ${(error as Error)?.message ?? String(error)}`);
    });
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}

export function deactivate(): void {
  // The client (and its worker) is in context.subscriptions: VS Code stops it.
}
