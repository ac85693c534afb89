import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerExport } from './export';
import type { FeatureServer } from './featureServer';
import type { CommandRegistry } from './lazy';
import { registerPreview } from './preview';
import { registerReview } from './review';

/**
 * The entry of dist/features.js, loaded after activation (or on the first command that needs it),
 * on the desktop and on the web alike: the preview, export, quarterly review, status bar, tree and
 * the New Post-Mortem command. They ask the language server for their data (src/server/featureProtocol.ts):
 * nothing here parses, lints or renders a post-mortem, so this bundle carries no core.
 */
export function activateFeatures(context: vscode.ExtensionContext, registry: CommandRegistry, server: FeatureServer): void {
  registerCommands(registry, server);
  registerPreview(context, server, registry);
  registerExport(context, server, registry);
  registerReview(context, server, registry);
}
