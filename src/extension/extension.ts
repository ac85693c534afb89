import * as vscode from 'vscode';
import type { StartedClient } from './client';
import { FEATURE_COMMANDS, FEATURE_VIEW_TYPES, type CommandHandler, type FeaturesModule, type PanelRestorer } from './lazy';
import { registerRuleDocs } from './ruleDocs';

/** Internal, undocumented: tells the end-to-end tests which process the language server runs in. */
export const SERVER_INFO_COMMAND = 'postmortem._languageServer';

/**
 * The VS Code shell, a thin client. The language server (dist/server.js, a process of its own)
 * lints and provides diagnostics, quick fixes, fix-all and hovers; dist/client.js holds the
 * language client that starts and talks to it. The preview, export, review, status bar, tree and
 * New Post-Mortem live in dist/features.js. Both bundles are loaded once activation has returned
 * (or on the first command that needs them): activation itself only registers commands, and loads
 * no language client, parser, linter or renderer.
 */
export function activate(context: vscode.ExtensionContext): void {
  registerRuleDocs(context);
  const features = new LazyFeatures(context);
  for (const command of FEATURE_COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(command, (...args: unknown[]) => features.handler(command)(...args)));
  }
  for (const viewType of FEATURE_VIEW_TYPES) {
    context.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(viewType, {
        deserializeWebviewPanel: async (panel, state: unknown) => features.restorer(viewType)(panel, state),
      }),
    );
  }
  let client: StartedClient | undefined;
  const startClient = (): StartedClient =>
    (client ??= (require(context.asAbsolutePath('dist/client.js')) as typeof import('./client')).startLanguageClient(context));
  context.subscriptions.push(vscode.commands.registerCommand(SERVER_INFO_COMMAND, () => startClient().info()));
  // The server first (diagnostics), then the features: the status bar and tree count the workspace's action items from the start.
  const timer = setTimeout(() => {
    startClient();
    features.load();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}

export function deactivate(): void {
  // Everything registered is in context.subscriptions and disposed by VS Code (the language client stops with it).
}

/** dist/features.js, required once, on first use. */
class LazyFeatures {
  private readonly handlers = new Map<string, CommandHandler>();
  private readonly restorers = new Map<string, PanelRestorer>();
  private loaded = false;

  constructor(private readonly context: vscode.ExtensionContext) {}

  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    // A computed path, which esbuild leaves alone: the features are their own bundle, not part of this one.
    const module = require(this.context.asAbsolutePath('dist/features.js')) as FeaturesModule;
    module.activateFeatures(this.context, {
      register: (command, handler) => void this.handlers.set(command, handler),
      restore: (viewType, restorer) => void this.restorers.set(viewType, restorer),
    });
  }

  handler(command: string): CommandHandler {
    this.load();
    const handler = this.handlers.get(command);
    if (!handler) throw new Error(`${command} is not implemented by dist/features.js`);
    return handler;
  }

  restorer(viewType: string): PanelRestorer {
    this.load();
    const restorer = this.restorers.get(viewType);
    if (!restorer) throw new Error(`no restorer for ${viewType} in dist/features.js`);
    return restorer;
  }
}
