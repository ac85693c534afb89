import type { Postmortem } from './model';
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

/** Read-only view of all post-mortems the host knows; hosts keep it up to date incrementally. */
export interface WorkspaceIndex {
  entries(): Iterable<WorkspaceEntry>;
}
