/**
 * "Is a repeat of": a later incident with the same `root_cause.category` that
 * shares a service with an earlier one (format page: the same root cause twice
 * is a systemic failure). One definition for the `repeat-incident` rule and the
 * quarterly review, so the dashboard lists exactly the pairs the editor warns about.
 */
import { asString, asStringArray, isRecord, type Postmortem } from './model';
import { parseDateTime } from './time';

/** What the predicate reads of a post-mortem, extracted once (documents may fail the schema). */
export interface RepeatKey {
  id: string | undefined;
  /** summary.start; undefined when it cannot be read. */
  startMs: number | undefined;
  category: string | undefined;
  services: readonly string[];
}

export function repeatKeyOf(doc: Postmortem): RepeatKey {
  return {
    id: asString(doc.id),
    startMs: isRecord(doc.summary) ? parseDateTime(doc.summary.start)?.epochMs : undefined,
    category: isRecord(doc.root_cause) ? asString(doc.root_cause.category) : undefined,
    services: [...new Set(asStringArray(doc.services))],
  };
}

/** Earlier by summary.start; when either start is unknown (or both are equal), by id (ids embed the date). */
export function isEarlierIncident(other: RepeatKey, self: RepeatKey): boolean {
  const a = other.startMs;
  const b = self.startMs;
  if (a !== undefined && b !== undefined && a !== b) return a < b;
  // Numeric collation: the sequence number may pass 999 (INC-2026-11-02-1000 comes after ...-999).
  return other.id !== undefined && self.id !== undefined && other.id.localeCompare(self.id, 'en', { numeric: true }) < 0;
}

/**
 * The services `later` shares with `earlier` when `later` is a repeat of
 * `earlier`: same category, at least one shared service, and `earlier` is
 * earlier. Empty when it is not a repeat.
 */
export function repeatedServices(earlier: RepeatKey, later: RepeatKey): string[] {
  if (!later.category || earlier.category !== later.category) return [];
  const shared = earlier.services.filter((service) => later.services.includes(service));
  return shared.length > 0 && isEarlierIncident(earlier, later) ? shared : [];
}
