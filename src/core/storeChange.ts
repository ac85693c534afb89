import type { StoredPostmortem } from './store';

/**
 * What an update of one file of the PostmortemStore means for the other files' lints, for every host
 * (the extension's index, the language server):
 * - `cross-file`: something cross-file rules read (id, category, services, start, related, action
 *   statuses, or whether the file parses) changed, or the file is new: every other post-mortem needs
 *   a re-lint;
 * - `ranges-moved`: only where its id or category are written moved (an edit above them): only lints
 *   whose related information points into this file change;
 * - `local`: nothing other files see.
 */
export type StoreChangeKind = 'cross-file' | 'ranges-moved' | 'local';

export function classifyStoreChange(before: StoredPostmortem | undefined, after: StoredPostmortem): StoreChangeKind {
  if (!before || crossFileSignature(before) !== crossFileSignature(after)) return 'cross-file';
  if (rangeSignature(before) !== rangeSignature(after)) return 'ranges-moved';
  return 'local';
}

/**
 * What cross-file rules (src/rules/duplicate-id.ts, src/rules/repeat-incident.ts with src/core/repeat.ts)
 * read from another file; when it is unchanged, other documents lint to the same findings. Where the id
 * and category are written is left out (see `rangeSignature`): any edit above them moves those lines.
 */
function crossFileSignature(entry: StoredPostmortem): string {
  const doc = entry.doc;
  const actions = Array.isArray(doc.action_items)
    ? doc.action_items.map((a) => (a && typeof a === 'object' ? (a as { status?: unknown }).status : undefined))
    : [];
  return JSON.stringify([
    entry.problem,
    doc.id,
    doc.root_cause?.category,
    doc.services,
    doc.summary?.start,
    doc.related,
    actions,
  ]);
}

/** Where the id and category are written: the targets of other documents' related information. */
function rangeSignature(entry: StoredPostmortem): string {
  return JSON.stringify([entry.idRange, entry.categoryRange]);
}

/** What changed in a host's index of the workspace, batched: the files (keys) added, updated or removed. */
export interface IndexChange {
  files: string[];
  /**
   * True when something cross-file rules read changed in one of them, or a file came or went, so
   * every other open post-mortem needs a re-lint. A typo fix in a description is false, and so is a
   * line inserted above the id.
   */
  crossFile: boolean;
  /**
   * Files of `files` whose entries changed only where their id or category are written (an edit above
   * them moved the lines). Only documents whose diagnostics point there (related information) need a
   * re-lint, so their links land on the moved lines; the others would lint to the same result.
   */
  rangesMoved: string[];
}

/**
 * Which open documents an index change re-lints: none of the changed files themselves (their own edit
 * or the disk re-lints those), and, when only ranges moved, only the documents `pointsInto` says link
 * into a moved file. Undefined: none.
 */
export function documentsToRelint(
  change: IndexChange,
  pointsInto: (document: string, files: Set<string>) => boolean,
): { except: Set<string>; only?: (document: string) => boolean } | undefined {
  const except = new Set(change.files);
  if (change.crossFile) return { except };
  if (change.rangesMoved.length === 0) return undefined;
  const moved = new Set(change.rangesMoved);
  return { except, only: (document) => pointsInto(document, moved) };
}
