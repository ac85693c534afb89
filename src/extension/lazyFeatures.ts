import * as vscode from 'vscode';
import type { FeatureServer } from './featureServer';
import { FEATURE_COMMANDS, FEATURE_VIEW_TYPES, type CommandHandler, type FeaturesModule, type PanelRestorer } from './lazy';

/**
 * Registers the features' commands and webview restorers at activation, and loads dist/features.js
 * (the same bundle on the desktop and on the web) on first use or when `load()` is called after
 * activation: activating loads no feature code. `loadModule` is the host's way to load a bundle
 * (`require` on the desktop, src/web/loadBundle.ts in the browser).
 */
export class LazyFeatures {
  private readonly handlers = new Map<string, CommandHandler>();
  private readonly restorers = new Map<string, PanelRestorer>();
  private loading: Promise<void> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly loadModule: () => Promise<FeaturesModule>,
    private readonly server: () => FeatureServer,
  ) {
    for (const command of FEATURE_COMMANDS) {
      context.subscriptions.push(vscode.commands.registerCommand(command, async (...args: unknown[]) => (await this.handler(command))(...args)));
    }
    for (const viewType of FEATURE_VIEW_TYPES) {
      context.subscriptions.push(
        vscode.window.registerWebviewPanelSerializer(viewType, {
          deserializeWebviewPanel: async (panel, state: unknown) => (await this.restorer(viewType))(panel, state),
        }),
      );
    }
  }

  load(): Promise<void> {
    return (this.loading ??= this.loadModule().then((module) =>
      module.activateFeatures(
        this.context,
        {
          register: (command, handler) => void this.handlers.set(command, handler),
          restore: (viewType, restorer) => void this.restorers.set(viewType, restorer),
        },
        this.server(),
      ),
    ));
  }

  private async handler(command: string): Promise<CommandHandler> {
    await this.load();
    const handler = this.handlers.get(command);
    if (!handler) throw new Error(`${command} is not implemented by dist/features.js`);
    return handler;
  }

  private async restorer(viewType: string): Promise<PanelRestorer> {
    await this.load();
    const restorer = this.restorers.get(viewType);
    if (!restorer) throw new Error(`no restorer for ${viewType} in dist/features.js`);
    return restorer;
  }
}
