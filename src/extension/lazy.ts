import type * as vscode from 'vscode';
import type { FeatureServer } from './featureServer';

/** A command handler, as `vscode.commands.registerCommand` takes it. */
export type CommandHandler = (...args: any[]) => unknown;
/** Restores a webview panel VS Code kept across a window reload. */
export type PanelRestorer = (panel: vscode.WebviewPanel, state: unknown) => void | Promise<void>;

/**
 * Where the lazily loaded features (dist/features.js) put their commands and webview restorers.
 * The commands themselves are registered by activate() (src/extension/extension.ts), which loads
 * the features on first use: activation loads no parser, linter or renderer.
 */
export interface CommandRegistry {
  register(command: string, handler: CommandHandler): void;
  restore(viewType: string, restorer: PanelRestorer): void;
}

/** The commands dist/features.js implements; each must be listed in package.json or be internal (`_`). */
export const FEATURE_COMMANDS = [
  'postmortem.new',
  'postmortem.openPreview',
  'postmortem.openPreviewToSide',
  'postmortem.togglePreviewLock',
  'postmortem.exportHtml',
  'postmortem.exportMarkdown',
  'postmortem.quarterlyReview',
  'postmortem.showActionItems',
  'postmortem.refreshTree',
  'postmortem._statusText',
] as const;

/** The webview panels whose restorers dist/features.js implements. */
export const FEATURE_VIEW_TYPES = ['postmortem.preview', 'postmortem.review'] as const;

/** What dist/features.js exports (the same bundle on the desktop and on the web). */
export interface FeaturesModule {
  activateFeatures(context: vscode.ExtensionContext, registry: CommandRegistry, server: FeatureServer): void;
}
