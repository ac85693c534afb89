import { parsePostmortem, type ParsedPostmortem } from './parse';
import { asPostmortem, isRecord } from './model';
import { causeOf, workspaceIdOf, type WorkspaceEntry, type WorkspaceIndex } from './workspace';

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
  /** A fingerprint of each file's text, to skip re-parsing identical saves without keeping every text in memory. */
  private readonly fingerprints = new Map<string, string>();
  /** Entries by trimmed id and by (category, service): cross-file rules read these, so a lint never walks every file. */
  private readonly byId = new MultiMap<StoredPostmortem>();
  private readonly byCause = new MultiMap<StoredPostmortem>();

  /**
   * Adds or replaces a file; returns the stored entry. Unchanged text is not parsed again;
   * a host that has already parsed `text` (the editor, after a lint) passes `parsed` to skip a second parse.
   */
  upsert(file: string, text: string, parsed?: ParsedPostmortem): StoredPostmortem {
    const existing = this.byFile.get(file);
    const fingerprint = textFingerprint(text);
    if (existing && this.fingerprints.get(file) === fingerprint) return existing;
    const entry = summarize(file, text, parsed?.text === text ? parsed : undefined);
    if (existing) this.unindex(existing);
    this.byFile.set(file, entry);
    this.index(entry);
    this.fingerprints.set(file, fingerprint);
    return entry;
  }

  remove(file: string): boolean {
    this.fingerprints.delete(file);
    const existing = this.byFile.get(file);
    if (existing) this.unindex(existing);
    return this.byFile.delete(file);
  }

  withId(id: string): Iterable<StoredPostmortem> {
    return this.byId.get(id);
  }

  withCause(category: string, service: string): Iterable<StoredPostmortem> {
    return this.byCause.get(causeKey(category, service));
  }

  private index(entry: StoredPostmortem): void {
    const id = workspaceIdOf(entry.doc);
    if (id) this.byId.add(id, entry);
    const { category, services } = causeOf(entry.doc);
    if (category !== undefined) for (const service of services) this.byCause.add(causeKey(category, service), entry);
  }

  private unindex(entry: StoredPostmortem): void {
    const id = workspaceIdOf(entry.doc);
    if (id) this.byId.delete(id, entry);
    const { category, services } = causeOf(entry.doc);
    if (category !== undefined) for (const service of services) this.byCause.delete(causeKey(category, service), entry);
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

/** One string per (category, service) pair; JSON keeps pairs apart whatever characters the values hold. */
function causeKey(category: string, service: string): string {
  return JSON.stringify([category, service]);
}

/** Sets of values by string key (a Map: user values such as `__proto__` are plain keys). */
class MultiMap<T> {
  private readonly sets = new Map<string, Set<T>>();

  add(key: string, value: T): void {
    const set = this.sets.get(key);
    if (set) set.add(value);
    else this.sets.set(key, new Set([value]));
  }

  delete(key: string, value: T): void {
    const set = this.sets.get(key);
    if (!set) return;
    set.delete(value);
    if (set.size === 0) this.sets.delete(key);
  }

  get(key: string): Iterable<T> {
    return this.sets.get(key) ?? [];
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
    doc: asPostmortem(detachStrings(parsed.data)),
    idRange: parsed.valueRange(['id']),
    categoryRange: parsed.valueRange(['root_cause', 'category']),
  };
}

/**
 * The length and a 53-bit hash (cyrb53: two 32-bit multiply-xor lanes) of a text's UTF-16 code units.
 * Not cryptographic: it only tells an unchanged save from an edit, where a collision would at worst keep
 * one stale entry until the next edit; 53 bits plus the length make that vanishingly rare. Pure
 * JavaScript, so the core stays usable without Node's crypto; about as fast as sha1 on a 140 KB text.
 */
export function textFingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${text.length}:${hash.toString(36)}`;
}

/** V8 keeps a substring of 13 or more characters as a slice that holds its whole source text alive. */
const SLICE_MIN_LENGTH = 13;
/** Deeper data is kept as it is: it only costs memory, and a pathological nesting must not exhaust the stack. */
const DETACH_MAX_DEPTH = 64;

/**
 * A copy of parsed data whose long strings no longer point into the file's text. The YAML parser's strings are
 * slices of the text, so without this every stored entry would keep its whole file in memory (about 30 MB for
 * 10,000 files of 4 KB) even though the store keeps no text. Plain objects and arrays are copied once each:
 * values shared through YAML aliases stay shared (no blow-up) and cycles stay cycles.
 */
function detachStrings(data: unknown): unknown {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return value.length >= SLICE_MIN_LENGTH ? (JSON.parse(JSON.stringify(value)) as string) : value;
    if (typeof value !== 'object' || value === null || depth > DETACH_MAX_DEPTH) return value;
    const done = copies.get(value);
    if (done !== undefined) return done;
    if (Array.isArray(value)) {
      const array: unknown[] = [];
      copies.set(value, array);
      for (const item of value) array.push(copy(item, depth + 1));
      return array;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return value;
    const object: Record<string, unknown> = prototype === null ? Object.create(null) : {};
    copies.set(value, object);
    for (const [key, item] of Object.entries(value)) {
      // An own `__proto__` key (the parser defines it as data) must stay data, not set the copy's prototype.
      if (key === '__proto__') Object.defineProperty(object, key, { value: copy(item, depth + 1), enumerable: true, writable: true, configurable: true });
      else object[key] = copy(item, depth + 1);
    }
    return object;
  };
  return copy(data, 0);
}
