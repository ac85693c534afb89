import type * as vscode from 'vscode';
import type { DiagnosticsFeature } from './diagnostics';

/** PLACEHOLDER: filled in by its feature's work. */
export function registerCodeActions(_context: vscode.ExtensionContext, _diagnostics: DiagnosticsFeature): void {}
