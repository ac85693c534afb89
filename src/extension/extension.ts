import * as vscode from 'vscode';
import type { StartedClient } from './client';
import type { FeaturesModule } from './lazy';
import { LazyFeatures } from './lazyFeatures';
import { registerRuleDocs } from './ruleDocs';

/** Internal, undocumented: tells the end-to-end tests which process the language server runs in. */
export const SERVER_INFO_COMMAND = 'postmortem._languageServer';

/**
 * The VS Code shell, a thin client. The language server (dist/server.js, a process of its own)
 * lints and provides diagnostics, quick fixes, fix-all and hovers; dist/client.js holds the
 * language client that starts and talks to it. The preview, export, review, status bar, tree and
 * New Post-Mortem live in dist/features.js (the web extension loads the same file) and ask the
 * server for their data. Both bundles are loaded once activation has returned (or on the first
 * command that needs them): activation itself only registers commands, and loads no language
 * client, parser, linter or renderer.
 */
export function activate(context: vscode.ExtensionContext): void {
  registerRuleDocs(context);
  let client: StartedClient | undefined;
  // Computed paths, which esbuild leaves alone: the client and the features are bundles of their own.
  const startClient = (): StartedClient =>
    (client ??= (require(context.asAbsolutePath('dist/client.js')) as typeof import('./client')).startLanguageClient(context));
  const features = new LazyFeatures(context, async () => require(context.asAbsolutePath('dist/features.js')) as FeaturesModule, () => startClient().server);
  context.subscriptions.push(vscode.commands.registerCommand(SERVER_INFO_COMMAND, () => startClient().info()));
  // The server first (diagnostics), then the features: the status bar and tree count the workspace's action items from the start.
  const timer = setTimeout(() => {
    startClient();
    features.load().catch((error: unknown) => console.error('postmortem: loading the features failed', error));
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}

export function deactivate(): void {
  // Everything registered is in context.subscriptions and disposed by VS Code (the language client stops with it).
}
