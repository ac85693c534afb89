import * as vscode from 'vscode';
import type { ParsedPostmortem } from '../core/parse';
import { PostmortemStore } from '../core/store';
import { classifyStoreChange, type IndexChange, type StoreChangeKind } from '../core/storeChange';

export type { IndexChange } from '../core/storeChange';
import { readWorkspacePostmortem } from '../core/discover';

export const POSTMORTEM_GLOB = '**/*.pm.yaml';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';
/** Files the first scan reads at once; their parses run one per turn of the extension host's event loop. */
const SCAN_READ_BATCH = 16;

/** The workspace's post-mortems, for cross-file rules, the review dashboard and the status bar. */
export interface PostmortemIndex {
  /** Keyed by `uri.toString()`. */
  readonly store: PostmortemStore;
  readonly onDidChange: vscode.Event<IndexChange>;
  /** Settles when the first scan of the workspace is done. */
  readonly ready: Promise<void>;
}

/**
 * Keeps a PostmortemStore in step with the workspace: one scan after
 * activation (never during it), a file watcher afterwards, and the live text
 * of open documents, which wins over what is on disk.
 */
export class WorkspaceIndexer implements PostmortemIndex, vscode.Disposable {
  readonly store = new PostmortemStore();
  private readonly emitter = new vscode.EventEmitter<IndexChange>();
  readonly onDidChange = this.emitter.event;
  readonly ready: Promise<void>;
  /** Files whose open document's text is authoritative. */
  private readonly live = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private pending = new Set<string>();
  private pendingCrossFile = false;
  private pendingRangesMoved = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(POSTMORTEM_GLOB);
    // The watcher's glob has no exclude: a dependency's post-mortem in node_modules would join the index.
    watcher.onDidCreate((uri) => {
      if (isIndexed(uri)) void this.readFromDisk(uri);
    });
    watcher.onDidChange((uri) => {
      if (isIndexed(uri)) void this.readFromDisk(uri);
    });
    watcher.onDidDelete((uri) => {
      const key = uri.toString();
      if (this.live.has(key)) return; // the open document still holds the text; it goes when the editor closes
      this.removeEntry(key);
    });
    this.disposables.push(watcher);
    // Scan after activation has returned: activation only registers things.
    this.ready = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => this.scan());
  }

  /** An open document's current text (after each lint, with the parse already made). */
  updateFromDocument(document: vscode.TextDocument, parsed?: ParsedPostmortem): void {
    if (!isIndexed(document.uri)) return;
    const key = document.uri.toString();
    this.live.add(key);
    // The lint's parse holds the same text (an editor's text has no byte-order mark to strip): no second copy of it.
    this.upsertEntry(key, parsed?.text ?? document.getText(), parsed);
  }

  /** The editor closed: the disk is the truth again (the edits may not have been saved). */
  async documentClosed(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (!this.live.delete(key)) return;
    await this.readFromDisk(document.uri);
  }

  private async scan(): Promise<void> {
    if (this.disposed || !vscode.workspace.workspaceFolders?.length) return;
    let uris: vscode.Uri[] = [];
    try {
      uris = await vscode.workspace.findFiles(POSTMORTEM_GLOB, EXCLUDE_GLOB);
    } catch {
      return; // a virtual workspace without search support: open documents still count
    }
    // A few files read at once, then each parsed in its own turn of the event loop: reading them all at once
    // ran every parse back to back when the reads completed (a 10,000-file workspace blocked the host for seconds).
    for (let start = 0; start < uris.length; start += SCAN_READ_BATCH) {
      const batch = uris.slice(start, start + SCAN_READ_BATCH);
      const texts = await Promise.all(batch.map((uri) => (this.live.has(uri.toString()) ? undefined : readText(uri))));
      for (let i = 0; i < batch.length; i++) {
        if (this.disposed) return;
        this.takeFromDisk(batch[i], texts[i]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    if (this.live.has(uri.toString()) || this.disposed) return;
    this.takeFromDisk(uri, await readText(uri));
  }

  private takeFromDisk(uri: vscode.Uri, text: string | undefined): void {
    const key = uri.toString();
    if (this.live.has(key) || this.disposed) return;
    if (text === undefined) {
      this.removeEntry(key);
      return;
    }
    // An editor may have opened the file while it was being read.
    if (!this.live.has(key)) this.upsertEntry(key, text);
  }

  private upsertEntry(key: string, text: string, parsed?: ParsedPostmortem): void {
    const before = this.store.get(key);
    const after = this.store.upsert(key, text, parsed);
    if (before === after) return; // same text: nothing was parsed, nothing changed
    this.queue(key, classifyStoreChange(before, after));
  }

  private removeEntry(key: string): void {
    if (this.store.remove(key)) this.queue(key, 'cross-file');
  }

  /** Changes are batched: the first scan touches every file, and listeners should hear about it once. */
  private queue(key: string, kind: StoreChangeKind): void {
    this.pending.add(key);
    if (kind === 'cross-file') this.pendingCrossFile = true;
    if (kind === 'ranges-moved') this.pendingRangesMoved.add(key);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      const change: IndexChange = { files: [...this.pending], crossFile: this.pendingCrossFile, rangesMoved: [...this.pendingRangesMoved] };
      this.pending = new Set();
      this.pendingCrossFile = false;
      this.pendingRangesMoved = new Set();
      if (!this.disposed) this.emitter.fire(change);
    }, 30);
  }

  dispose(): void {
    this.disposed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * A post-mortem's text from disk (the first scan, workspace diagnostics), or undefined when it is not read. The search follows links (`search.followSymlinks`),
 * so a local file is read as the CLI reads it (src/core/safeRead.ts): not through a link out of its
 * repository or workspace folder, only a regular file, within the size cap. Virtual files are read as they are.
 */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme === 'file') {
    return readWorkspacePostmortem(uri.fsPath, vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath);
  }
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

const NOT_IN_WORKSPACE = new Set(['untitled', 'git', 'gitfs', 'output']);
/** The folders EXCLUDE_GLOB skips (and the CLI's SKIPPED_FOLDERS in src/core/discover.ts): the watcher must skip them too. */
const SKIPPED_FOLDER_SEGMENT = /\/(?:node_modules|\.git)\//;

/**
 * Only real files belong to the workspace's set; an untitled buffer or an old version from git is no post-mortem
 * of the repository, and neither is a file under node_modules or .git, which the first scan never reads.
 */
function isIndexed(uri: vscode.Uri): boolean {
  if (NOT_IN_WORKSPACE.has(uri.scheme) || !uri.path.endsWith('.pm.yaml')) return false;
  // Relative to the workspace folder, like EXCLUDE_GLOB: a workspace that itself lies below a node_modules folder still counts.
  return !SKIPPED_FOLDER_SEGMENT.test(`/${vscode.workspace.asRelativePath(uri, false)}`);
}

