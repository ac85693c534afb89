import { asStringArray, isRecord, type Postmortem } from './model';
import type { Range } from './types';

/** One other post-mortem of the workspace, as cross-file rules and the review see it. */
export interface WorkspaceEntry {
  /** Path or URI string, as the host names files. */
  file: string;
  doc: Postmortem;
  /** Where `id` is written in that file (for related information). */
  idRange?: Range;
  /** Where `root_cause.category` is written in that file. */
  categoryRange?: Range;
}

/**
 * Read-only view of all post-mortems the host knows; hosts keep it up to date incrementally.
 * The lookups are optional (a plain list is a valid index); a host with thousands of files
 * provides them, so that each file's cross-file rules read a few entries, not all of them.
 */
export interface WorkspaceIndex {
  entries(): Iterable<WorkspaceEntry>;
  /** The entries whose `id` is `id` once trimmed. */
  withId?(id: string): Iterable<WorkspaceEntry>;
  /** The entries whose `root_cause.category` is `category` and whose `services` include `service`. */
  withCause?(category: string, service: string): Iterable<WorkspaceEntry>;
}

/** The id a post-mortem is known by across files: `id` trimmed; empty when it has none. */
export function workspaceIdOf(doc: Postmortem): string {
  return typeof doc.id === 'string' ? doc.id.trim() : '';
}

/** The entries of `index` whose trimmed id is `id`: through the index's lookup when it has one. */
export function entriesWithId(index: WorkspaceIndex, id: string): Iterable<WorkspaceEntry> {
  if (index.withId) return index.withId(id);
  return [...index.entries()].filter((entry) => workspaceIdOf(entry.doc) === id);
}

/** The entries of `index` with root-cause `category` sharing `service`: through the index's lookup when it has one. */
export function entriesWithCause(index: WorkspaceIndex, category: string, service: string): Iterable<WorkspaceEntry> {
  if (index.withCause) return index.withCause(category, service);
  return [...index.entries()].filter((entry) => {
    const cause = causeOf(entry.doc);
    return cause.category === category && cause.services.includes(service);
  });
}

/** What the (category, service) lookup reads of a post-mortem. */
export function causeOf(doc: Postmortem): { category: string | undefined; services: string[] } {
  const category = isRecord(doc.root_cause) && typeof doc.root_cause.category === 'string' ? doc.root_cause.category : undefined;
  return { category, services: [...new Set(asStringArray(doc.services))] };
}

/**
 * How many matching files a cross-file message names (and links as related information): a big repository can
 * have hundreds of matches, and a message listing all of them is unreadable and grows the output quadratically.
 */
export const MAX_LISTED_MATCHES = 3;

/** `names` joined with commas, followed by "and N more" when `total` counts more than were named. */
export function listWithRest(names: readonly string[], total: number): string {
  const rest = total - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
}
