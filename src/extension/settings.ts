import * as vscode from 'vscode';
import { parseProjectConfig } from '../core/config';
import { findRepositoryRoot, readFolderProjectSettings } from '../core/projectConfig';
import { loadRepositoryPeople } from '../core/repositoryPeople';
import { mergeSettings, type LintSettings } from '../core/settings';
import { cachedPromise } from '../core/keyedDebounce';
import { settingsFromEditor } from '../core/editorSettings';
import { mayReadRepositoryPeople } from './trust';
import { explicitSetting } from './explicitSetting';

const CONFIG_FILE = '.postmortem.yaml';

/**
 * The lint settings of a document, from three layers merged by `mergeSettings`:
 * the repository's `.postmortem.yaml`, the people of the repository (CODEOWNERS,
 * git authors; local folders only), and the VS Code settings, which win.
 * Everything is loaded and merged once per workspace folder and cached, so the
 * typing path reads no configuration: one settings object per folder also keeps
 * the caches keyed by it (holiday sets) warm. The caches are dropped when the
 * VS Code settings, the config file or the workspace folders change.
 */
export class SettingsSource implements vscode.Disposable {
  private readonly fileLayers = new Map<string, Promise<Partial<LintSettings>>>();
  private readonly peopleLayers = new Map<string, Promise<string[]>>();
  /** The merged settings, keyed by the folder that contains the document ('' for none; see `scopeKey`). */
  private readonly merged = new Map<string, Promise<LintSettings>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Fires when any layer may have changed; the preview and the review read them again. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('postmortem')) return;
        this.merged.clear();
        this.emitter.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.fileLayers.clear();
        this.peopleLayers.clear();
        this.merged.clear();
        this.emitter.fire();
      }),
      // Trust granted: the people layer, left empty while untrusted, is read now.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.peopleLayers.clear();
        this.merged.clear();
        this.emitter.fire();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    const reload = (): void => {
      this.fileLayers.clear();
      this.merged.clear();
      this.emitter.fire();
    };
    watcher.onDidCreate(reload);
    watcher.onDidChange(reload);
    watcher.onDidDelete(reload);
    this.disposables.push(watcher);
  }

  /** The merged settings for a document; resolves at once after the first load of its folder. */
  settingsFor(uri: vscode.Uri): Promise<LintSettings> {
    // Never keeps a failure: the next lint tries again.
    return cachedPromise(this.merged, scopeKey(uri), () => this.load(uri));
  }

  private async load(uri: vscode.Uri): Promise<LintSettings> {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    // The repository's people load once per folder (git log can take a while); the merge waits for them.
    const [fromFile, people] = folder ? await Promise.all([this.fileLayer(folder), this.peopleLayer(folder)]) : [{}, []];
    // Read after the layers load: a settings change meanwhile is already in, and clears this entry anyway.
    return mergeSettings(fromFile, { people }, readVscodeSettings(uri));
  }

  private fileLayer(folder: vscode.WorkspaceFolder): Promise<Partial<LintSettings>> {
    const key = folder.uri.toString();
    let layer = this.fileLayers.get(key);
    if (!layer) {
      layer = readProjectConfig(folder);
      this.fileLayers.set(key, layer);
    }
    return layer;
  }

  private peopleLayer(folder: vscode.WorkspaceFolder): Promise<string[]> {
    // Only local folders (git and CODEOWNERS are read with Node), and only once trusted (git reads the repository's config).
    if (!mayReadRepositoryPeople({ scheme: folder.uri.scheme, trusted: vscode.workspace.isTrusted })) return Promise.resolve([]);
    const key = folder.uri.toString();
    let layer = this.peopleLayers.get(key);
    if (!layer) {
      // The repository's CODEOWNERS, as `postmortem lint` run in this folder reads it, even when the folder is a subfolder.
      layer = loadRepositoryPeople(findRepositoryRoot(folder.uri.fsPath) ?? folder.uri.fsPath).catch(() => []);
      this.peopleLayers.set(key, layer);
    }
    return layer;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Documents that see the same layers: those of one workspace folder (its folder-level VS Code settings,
 * its config file), and those of no folder (untitled buffers, loose files: workspace and user settings only).
 */
function scopeKey(uri: vscode.Uri): string {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
}

async function readProjectConfig(folder: vscode.WorkspaceFolder): Promise<Partial<LintSettings>> {
  // A local folder as the CLI run in it reads its config; a virtual folder only its own.
  if (folder.uri.scheme === 'file') return readFolderProjectSettings(folder.uri.fsPath);
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, CONFIG_FILE)));
  } catch {
    return {}; // no config file: defaults
  }
  try {
    return parseProjectConfig(text);
  } catch {
    return {}; // a broken config must not stop linting; its own diagnostics are the config owner's business
  }
}

/**
 * Only values the user actually set: the defaults declared in package.json
 * would otherwise override `.postmortem.yaml` with the built-in values.
 */
export function readVscodeSettings(uri: vscode.Uri | undefined): Partial<LintSettings> {
  const config = vscode.workspace.getConfiguration('postmortem', uri);
  return settingsFromEditor((key) => explicitSetting(config, key));
}
