/**
 * What the language server in a web worker asks the web extension for: a worker has no disk and
 * no `vscode` API, so the extension answers with `vscode.workspace.fs` (github.dev, vscode.dev and
 * code-server serve the repository through it). URIs are the client's spelling (`uri.toString()`).
 * Plain method names, no library import: both sides' bundles share this file.
 */

/** Every `*.pm.yaml` under a workspace folder (not in `node_modules` or `.git`): `string[]` of URIs. */
export const FIND_POSTMORTEMS = 'postmortem/web/findPostmortems';
export interface FindPostmortemsParams {
  folderUri: string;
}

/**
 * A file's text, or null when it is missing, not a regular file or larger than `maxBytes` (the CLI's
 * cap, so a huge file costs the editor nothing). A byte-order mark is dropped, as editors decode.
 */
export const READ_TEXT_FILE = 'postmortem/web/readTextFile';
export interface ReadTextFileParams {
  uri: string;
  maxBytes: number;
}

/** The worker's global that holds the extension's URI (the package root), set before the server loads. */
export const PACKAGE_ROOT_GLOBAL = 'postmortemPackageRoot';

/**
 * The worker's global that holds the NLP library (dist/compromise.js) and the name list
 * (dist/person-names.json) as functions the server calls on first use (src/web/lazyModules.ts):
 * the same files as the desktop's, not copies inside the worker's bundle.
 */
export const LAZY_MODULES_GLOBAL = 'postmortemLazyModules';
