import type * as vscode from 'vscode';

/** PLACEHOLDER: filled in by its feature's work. */
export function registerCommands(_context: vscode.ExtensionContext): void {}
