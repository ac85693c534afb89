import { parsePostmortem, type ParsedPostmortem } from './parse';
import { asPostmortem, isRecord } from './model';
import type { WorkspaceEntry, WorkspaceIndex } from './workspace';

/** A post-mortem of the workspace as the index keeps it: plain data and a few ranges, not the YAML tree (memory). */
export interface StoredPostmortem extends WorkspaceEntry {
  /** Why the file cannot be used (syntax error, not a mapping); such files are listed as skipped, never dropped. */
  problem?: string;
}

/**
 * All post-mortems of a workspace (or of the CLI's paths), each parsed once and
 * re-parsed only when its text changes. Cross-file rules and the quarterly
 * review read it; hosts feed it (file watcher in the extension, disk in the CLI).
 */
export class PostmortemStore implements WorkspaceIndex {
  private readonly byFile = new Map<string, StoredPostmortem>();
  private readonly texts = new Map<string, string>();

  /**
   * Adds or replaces a file; returns the stored entry. Unchanged text is not parsed again;
   * a host that has already parsed `text` (the editor, after a lint) passes `parsed` to skip a second parse.
   */
  upsert(file: string, text: string, parsed?: ParsedPostmortem): StoredPostmortem {
    const existing = this.byFile.get(file);
    if (existing && this.texts.get(file) === text) return existing;
    const entry = summarize(file, text, parsed?.text === text ? parsed : undefined);
    this.byFile.set(file, entry);
    // Keep the text only to skip re-parsing identical saves; it is small next to the data.
    this.texts.set(file, text);
    return entry;
  }

  remove(file: string): boolean {
    this.texts.delete(file);
    return this.byFile.delete(file);
  }

  get(file: string): StoredPostmortem | undefined {
    return this.byFile.get(file);
  }

  get size(): number {
    return this.byFile.size;
  }

  entries(): IterableIterator<StoredPostmortem> {
    return this.byFile.values();
  }

  /** Only the files that parsed into a post-mortem mapping. */
  *usable(): IterableIterator<StoredPostmortem> {
    for (const entry of this.byFile.values()) if (!entry.problem) yield entry;
  }
}

export function summarize(file: string, text: string, alreadyParsed?: ParsedPostmortem): StoredPostmortem {
  const parsed = alreadyParsed ?? parsePostmortem(text);
  const firstError = parsed.syntaxDiagnostics.find((d) => d.severity === 'error');
  if (firstError) {
    return { file, doc: {}, problem: `line ${firstError.range.start.line + 1}: ${firstError.message}` };
  }
  if (!isRecord(parsed.data)) {
    return { file, doc: {}, problem: 'the file is not a YAML mapping of post-mortem fields' };
  }
  return {
    file,
    doc: asPostmortem(parsed.data),
    idRange: parsed.valueRange(['id']),
    categoryRange: parsed.valueRange(['root_cause', 'category']),
  };
}
