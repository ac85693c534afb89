/**
 * Which documents are post-mortems, for every host (the extension, the language server): pure, so
 * a browser worker can use it too.
 */

/** Read-only copies of a file from its history; see `isPostmortemDocument`. */
const HISTORY_SCHEMES = new Set(['git', 'gitfs', 'output']);
/** How far into an untitled buffer we look for the signs of a post-mortem. */
export const SNIFF_LENGTH = 4096;
const ID_LINE = /^id:[ \t]*['"]?[A-Za-z][A-Za-z0-9]*-\d{4}-\d{2}-\d{2}-\d+/m;
const SUMMARY_KEY = /^summary:[ \t]*(?:#.*)?$/m;
const SEVERITY_LINE = /^[ \t]+severity:[ \t]*['"]?SEV-\d/m;

export interface DocumentFacts {
  /** The URI's scheme: `file`, `untitled`, `git`... */
  scheme: string;
  /** The URI's path. */
  path: string;
  /** The editor's language id (`yaml`). */
  languageId: string;
  /** The document's first SNIFF_LENGTH characters, asked for only when needed. */
  head: () => string;
}

/**
 * Any document whose path ends in `.pm.yaml`, whatever its scheme (file,
 * vscode-vfs, an untitled buffer created with a name). An untitled buffer
 * without such a name ("Untitled-1") has no file name to go by, so it counts
 * when its language is YAML and its start reads like a post-mortem: a
 * top-level `id: PREFIX-YYYY-MM-DD-NNN`, or a top-level `summary:` with a
 * `severity: SEV-n` inside. That catches a pasted or snippet-written
 * post-mortem without linting every scratch YAML buffer. Old versions shown by
 * source control (`git:` in a diff against HEAD) are not checked: they would
 * repeat every problem of the file in the Problems panel.
 */
export function isPostmortemDocument(document: DocumentFacts): boolean {
  if (HISTORY_SCHEMES.has(document.scheme)) return false;
  if (document.path.endsWith('.pm.yaml')) return true;
  if (document.scheme !== 'untitled' || document.languageId !== 'yaml') return false;
  return looksLikePostmortem(document.head());
}

/** Whether the start of a YAML text reads like a post-mortem (see `isPostmortemDocument`). */
export function looksLikePostmortem(head: string): boolean {
  return ID_LINE.test(head) || (SUMMARY_KEY.test(head) && SEVERITY_LINE.test(head));
}
