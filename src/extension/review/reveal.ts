import * as vscode from 'vscode';
import { RANGE_OF_REQUEST, type RangeOfParams, type WireRange } from '../../server/featureProtocol';
import type { FeatureServer } from '../featureServer';
import type { ReviewModel } from './model';

/**
 * Opens a post-mortem of the review and selects the value at `path` (or the nearest part of it
 * that exists). The range is found by the language server in the file's current text, so it is
 * right even after edits the dashboard has not seen yet. Only files the review knows are opened:
 * a webview message names no other file.
 */
export async function revealInPostmortem(model: ReviewModel, server: FeatureServer, file: unknown, path: unknown): Promise<boolean> {
  if (typeof file !== 'string' || !(await model.knows(file))) return false;
  const segments = Array.isArray(path) ? path.filter((s): s is string | number => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0)).slice(0, 8) : [];
  try {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
    const range = await server.sendRequest<WireRange | null>(RANGE_OF_REQUEST, { uri: document.uri.toString(), segments } satisfies RangeOfParams);
    const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : new vscode.Range(0, 0, 0, 0);
    await vscode.window.showTextDocument(document, { selection, viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    return true;
  } catch (error) {
    // Deleted or unreadable since the index saw it: the dashboard calls this without awaiting, so say it here.
    void vscode.window.showErrorMessage(`Cannot open ${file}: ${(error as Error)?.message ?? String(error)}`);
    return false;
  }
}
