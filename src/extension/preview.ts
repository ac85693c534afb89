import type * as vscode from 'vscode';
import type { DiagnosticsFeature } from './diagnostics';

/** PLACEHOLDER: filled in by its feature's work. */
export function registerPreview(_context: vscode.ExtensionContext, _diagnostics: DiagnosticsFeature): void {}
