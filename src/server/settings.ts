import { cachedPromise } from '../core/keyedDebounce';
import { lintDelayFrom, settingsFromEditor } from '../core/editorSettings';
import { mergeSettings, type LintSettings } from '../core/settings';
import type { ServerHost } from './host';

/** What a lint of one document needs from the settings. */
export interface ScopeSettings {
  /** `.postmortem.yaml`, the repository's people and the editor's settings, merged as the extension merges them. */
  lint: LintSettings;
  /** `postmortem.lintDelayMs`: the debounce after a keystroke. */
  lintDelayMs: number;
  /** `postmortem.workspaceDiagnostics` as the client gave it (`auto` when unset). */
  workspaceDiagnostics: unknown;
}

export interface SettingsOptions {
  /** Whether the client answers `workspace/configuration`; else the settings it pushes are used. */
  pull: (scopeUri: string | undefined) => Promise<unknown>;
  canPull: boolean;
  /** Workspace trust: the repository's people are read only when trusted. */
  trusted: boolean;
  /** `initializationOptions.settings`: the `postmortem` section for clients that neither pull nor push. */
  initial?: unknown;
}

/**
 * The settings of each document, by scope (the workspace folder holding it, or '' for none), loaded
 * once per scope and cached so the typing path reads no configuration: the client's `postmortem`
 * section (pulled with `workspace/configuration` per folder, or pushed with
 * `workspace/didChangeConfiguration`), the folder's `.postmortem.yaml`, and the repository's people.
 * The client's values win, as VS Code's settings win in the extension (src/extension/settings.ts).
 */
export class ServerSettings {
  private readonly merged = new Map<string, Promise<ScopeSettings>>();
  private readonly fileLayers = new Map<string, Promise<Partial<LintSettings>>>();
  private readonly peopleLayers = new Map<string, Promise<string[]>>();
  /** The debounce per scope, known synchronously once the scope's settings loaded. */
  private readonly delays = new Map<string, number>();
  private pushed: unknown;

  constructor(
    private readonly host: ServerHost,
    private readonly folders: () => readonly string[],
    private readonly options: SettingsOptions,
  ) {
    this.pushed = options.initial;
  }

  /** The workspace folder (URI with no trailing slash) that holds `uri`: the longest that is a prefix. */
  scopeOf(uri: string): string {
    let best = '';
    for (const folder of this.folders()) {
      if ((uri === folder || uri.startsWith(`${folder}/`)) && folder.length > best.length) best = folder;
    }
    return best;
  }

  settingsFor(uri: string): Promise<ScopeSettings> {
    const scope = this.scopeOf(uri);
    // Never keeps a failure: the next lint tries again.
    return cachedPromise(this.merged, scope, () => this.load(scope));
  }

  /** The debounce for a document, before its scope's settings have loaded the default. */
  lintDelayFor(uri: string): number {
    return this.delays.get(this.scopeOf(uri)) ?? lintDelayFrom(undefined);
  }

  /** `workspace/didChangeConfiguration`: pull again (or take the pushed section). */
  clientSettingsChanged(pushed: unknown): void {
    if (pushed !== undefined) this.pushed = pushed;
    this.merged.clear();
  }

  /** A `.postmortem.yaml` was created, changed or deleted. */
  projectConfigChanged(): void {
    this.fileLayers.clear();
    this.merged.clear();
  }

  foldersChanged(): void {
    this.fileLayers.clear();
    this.peopleLayers.clear();
    this.merged.clear();
    this.delays.clear();
  }

  trustChanged(trusted: boolean): void {
    this.options.trusted = trusted;
    this.peopleLayers.clear();
    this.merged.clear();
  }

  private async load(scope: string): Promise<ScopeSettings> {
    const [fromFile, people, section] = await Promise.all([
      scope ? this.layer(this.fileLayers, scope, () => this.host.projectSettings(scope)) : {},
      scope && this.options.trusted ? this.layer(this.peopleLayers, scope, () => this.host.repositoryPeople(scope)) : [],
      this.options.canPull ? this.options.pull(scope || undefined).catch(() => this.pushed) : this.pushed,
    ]);
    const get = (key: string): unknown => valueAt(section, key);
    const lintDelayMs = lintDelayFrom(get('lintDelayMs'));
    this.delays.set(scope, lintDelayMs);
    return {
      lint: mergeSettings(fromFile, { people }, settingsFromEditor(get)),
      lintDelayMs,
      workspaceDiagnostics: get('workspaceDiagnostics') ?? 'auto',
    };
  }

  private layer<T>(cache: Map<string, Promise<T>>, scope: string, load: () => Promise<T>): Promise<T> {
    let layer = cache.get(scope);
    if (!layer) {
      layer = load();
      cache.set(scope, layer);
    }
    return layer;
  }
}

/**
 * A dotted setting in the client's `postmortem` section: VS Code nests `rules.schema` as
 * `{ rules: { schema } }`; other clients may write the dotted key as it is.
 */
function valueAt(section: unknown, key: string): unknown {
  if (!isObject(section)) return undefined;
  if (Object.hasOwn(section, key)) return section[key];
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  const head = key.slice(0, dot);
  return Object.hasOwn(section, head) ? valueAt(section[head], key.slice(dot + 1)) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
