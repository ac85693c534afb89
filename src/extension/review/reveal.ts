import * as vscode from 'vscode';
import { parsePostmortem, type PathSegment } from '../../core/parse';
import type { PostmortemStore } from '../../core/store';

/**
 * Opens a post-mortem of the index and selects the value at `path` (or the
 * nearest part of it that exists). The range is found in the file's current
 * text, so it is right even after edits the dashboard has not seen yet. Only
 * files the index knows are opened: a webview message names no other file.
 */
export async function revealInPostmortem(store: PostmortemStore, file: unknown, path: unknown): Promise<boolean> {
  if (typeof file !== 'string' || !store.get(file)) return false;
  const segments: PathSegment[] = Array.isArray(path)
    ? path.filter((s): s is PathSegment => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0)).slice(0, 8)
    : [];
  try {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
    const range = parsePostmortem(document.getText()).anchorRange(segments, 'value');
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    await vscode.window.showTextDocument(document, { selection, viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    return true;
  } catch (error) {
    // Deleted or unreadable since the index saw it: the dashboard calls this without awaiting, so say it here.
    void vscode.window.showErrorMessage(`Cannot open ${file}: ${(error as Error)?.message ?? String(error)}`);
    return false;
  }
}
