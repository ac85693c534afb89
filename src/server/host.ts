import type { LintSettings } from '../core/settings';

/**
 * Everything the language server reads from outside the editor: files, the project config, the
 * repository's people. Behind an interface so src/server/server.ts stays free of Node built-ins (a
 * browser worker will implement it with the client's file system); src/server/nodeHost.ts is the
 * Node implementation. URIs are strings. Nothing here throws.
 */
export interface ServerHost {
  /** The package root (the folder holding `docs/`), as a URI without a trailing slash: rule doc links point into it. */
  readonly packageRootUri: string;
  /**
   * One spelling per resource (clients encode file URIs differently: `file:///c%3A/x` and
   * `file:///C:/x`): the name the workspace store and cross-file findings use.
   */
  canonicalUri(uri: string): string;
  /** Every `*.pm.yaml` under a workspace folder, skipping `node_modules` and `.git`, as canonical URIs. */
  findPostmortems(folderUri: string): Promise<string[]>;
  /** A post-mortem's text read as the CLI reads it (contained in its folder or repository, regular, size-capped); undefined when not read. */
  readPostmortem(uri: string, folderUri: string | undefined): Promise<string | undefined>;
  /** The `.postmortem.yaml` layer of a workspace folder; `{}` when none. */
  projectSettings(folderUri: string): Promise<Partial<LintSettings>>;
  /** The repository's people (CODEOWNERS, git authors) of a folder; asked only for a trusted workspace. */
  repositoryPeople(folderUri: string): Promise<string[]>;
}
