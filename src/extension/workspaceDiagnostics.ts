import * as vscode from 'vscode';
import { lintText } from '../core/lint';
import { workspaceDiagnosticsEnabled } from '../core/editorSettings';
import { SettlingQueue } from '../core/settlingQueue';
import type { Diagnostic } from '../core/types';
import type { SettingsSource } from './settings';
import { readText, type IndexChange, type PostmortemIndex } from './workspaceIndex';

/** The setting; `auto` (the default) is on for workspaces with fewer than AUTO_LIMIT (src/core/editorSettings.ts) post-mortems. */
export const WORKSPACE_DIAGNOSTICS_SETTING = 'workspaceDiagnostics';
/** Cross-file changes arrive in bursts (a branch switch): lint the closed files once they settle. */
const SETTLE_MS = 300;

/**
 * Diagnostics for the post-mortems of the workspace that no editor shows, as
 * ESLint and markdownlint offer: the Problems panel then lists a broken file on
 * disk even when every editor is closed. Each is read from disk and linted with
 * the same settings and workspace as an open document, so opening or closing a
 * file never changes what is reported for the same text. Open documents stay
 * the diagnostics feature's (their live text wins); files change through the
 * index's file watcher.
 */
export class WorkspaceDiagnostics implements vscode.Disposable {
  /** Files (URI strings) whose diagnostics come from here. */
  private readonly fromDisk = new Set<string>();
  private readonly pending = new SettlingQueue(SETTLE_MS, (keys) => void this.lintAll(keys));
  private generation = 0;
  private disposed = false;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly index: PostmortemIndex,
    private readonly settings: SettingsSource,
    /** True while an editor's document owns the file's diagnostics. */
    private readonly isShown: (key: string) => boolean,
    private readonly toVscode: (d: Diagnostic, uri: vscode.Uri) => vscode.Diagnostic,
  ) {}

  enabled(): boolean {
    const setting = vscode.workspace.getConfiguration('postmortem').get<unknown>(WORKSPACE_DIAGNOSTICS_SETTING, 'auto');
    return workspaceDiagnosticsEnabled(setting, this.index.store.size);
  }

  /** Every post-mortem of the index that no editor shows (after the first scan, and when settings change). */
  refreshAll(): void {
    if (!this.enabled()) {
      this.clearAll();
      return;
    }
    for (const entry of this.index.store.entries()) this.queue(entry.file);
  }

  /** After an index change: the changed files, and every closed file when cross-file findings may have changed. */
  indexChanged(change: IndexChange): void {
    if (!this.enabled()) {
      this.clearAll();
      return;
    }
    if (change.crossFile || change.rangesMoved.length > 0) this.refreshAll();
    for (const file of change.files) this.queue(file);
  }

  /** An editor stopped showing the file: its diagnostics come from disk again. */
  fileClosed(uri: vscode.Uri): void {
    if (this.enabled()) this.queue(uri.toString());
  }

  /** An editor shows the file now: its document's lint owns the diagnostics. */
  fileShown(uri: vscode.Uri): void {
    this.fromDisk.delete(uri.toString());
    this.pending.delete(uri.toString());
  }

  private queue(key: string): void {
    this.pending.add(key);
  }

  private async lintAll(keys: string[]): Promise<void> {
    const generation = this.generation;
    for (const key of keys) {
      if (this.disposed || generation !== this.generation) return;
      await this.lintFromDisk(key).catch((error: unknown) => console.error('postmortem: workspace lint failed', error));
    }
  }

  private async lintFromDisk(key: string): Promise<void> {
    if (this.isShown(key)) return;
    const uri = vscode.Uri.parse(key, true);
    if (!this.index.store.get(key)) {
      this.forget(uri);
      return;
    }
    const text = await readText(uri);
    if (text === undefined) {
      this.forget(uri);
      return;
    }
    const settings = await this.settings.settingsFor(uri);
    // An editor may have opened the file meanwhile, or the feature been turned off.
    if (this.disposed || this.isShown(key) || !this.enabled()) return;
    const result = lintText(text, { file: key, settings, workspace: this.index.store });
    this.fromDisk.add(key);
    this.collection.set(uri, result.diagnostics.map((d) => this.toVscode(d, uri)));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.fromDisk.delete(key)) return;
    if (!this.isShown(key)) this.collection.delete(uri);
  }

  private clearAll(): void {
    this.generation++;
    this.pending.clear();
    for (const key of this.fromDisk) {
      if (!this.isShown(key)) this.collection.delete(vscode.Uri.parse(key, true));
    }
    this.fromDisk.clear();
  }

  dispose(): void {
    this.disposed = true;
    this.pending.dispose();
  }
}
