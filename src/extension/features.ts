import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { createPostmortemData } from './documentData';
import { registerExport } from './export';
import type { CommandRegistry } from './lazy';
import { registerPreview } from './preview';
import { registerReview } from './review';

/**
 * The entry of dist/features.js, loaded by the extension after activation (or on the first
 * command that needs it): the preview, export, quarterly review, status bar, tree and the New
 * Post-Mortem command. These read and render post-mortems on the extension host; linting is the
 * language server's.
 */
export function activateFeatures(context: vscode.ExtensionContext, registry: CommandRegistry): void {
  const data = createPostmortemData(context);
  registerCommands(registry);
  registerPreview(context, data, registry);
  registerExport(data, registry);
  registerReview(context, data, registry);
}
