/**
 * What the editor features need from the workspace's post-mortems (a
 * PostmortemStore or any WorkspaceIndex): the incidents with their title and
 * where their id is written, the owners already used, and the lookup from an
 * id to its file. Pure: the server calls these on its store.
 */
import { asArray, asString, isRecord } from '../core/model';
import type { Range } from '../core/types';
import { entriesWithId, workspaceIdOf, type WorkspaceEntry, type WorkspaceIndex } from '../core/workspace';
import type { CompletionSources } from './completion';
import type { ResolveIncident } from './documentLinks';
import { oneLine } from './oneLine';

/** One incident of the workspace. */
export interface IncidentSummary {
  /** The trimmed id. */
  id: string;
  /** The title on one line, when the file has one. */
  title?: string;
  /** The file, as the host names it (the server: a URI). */
  uri: string;
  /** Where the id is written in that file (the start of the file when unknown). */
  range: Range;
}

/** Titles are shown in lists: longer ones are cut. */
export const MAX_TITLE_LENGTH = 200;

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** One summary per file that has an id, in the index's order. */
export function incidentsOf(index: WorkspaceIndex): IncidentSummary[] {
  const incidents: IncidentSummary[] = [];
  for (const entry of index.entries()) {
    const incident = summaryOf(entry);
    if (incident) incidents.push(incident);
  }
  return incidents;
}

function summaryOf(entry: WorkspaceEntry): IncidentSummary | undefined {
  const id = workspaceIdOf(entry.doc);
  if (id === '') return undefined;
  const title = typeof entry.doc.title === 'string' ? oneLine(entry.doc.title, MAX_TITLE_LENGTH) : '';
  return { id, ...(title !== '' ? { title } : {}), uri: entry.file, range: entry.idRange ?? FILE_START };
}

/**
 * The owners of action items across the index, most used first (ties by name), then the repository's
 * `people` (CODEOWNERS, commit authors) not already listed.
 */
export function ownersOf(index: WorkspaceIndex, people: readonly string[] = []): string[] {
  const counts = new Map<string, number>();
  for (const entry of index.entries()) {
    for (const item of asArray(entry.doc.action_items)) {
      const owner = isRecord(item) ? asString(item.owner)?.trim() : undefined;
      if (owner) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
  }
  const owners = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([owner]) => owner);
  const listed = new Set(owners);
  for (const person of people) {
    const name = person.trim();
    if (name !== '' && !listed.has(name)) {
      listed.add(name);
      owners.push(name);
    }
  }
  return owners;
}

/** Everything completion needs from the workspace. */
export function completionSourcesOf(index: WorkspaceIndex, people: readonly string[] = []): CompletionSources {
  return { owners: ownersOf(index, people), incidents: incidentsOf(index) };
}

/**
 * The lookup from an id to the file that defines it. When several files share the id (a duplicate-id finding),
 * the first by name that is not `fromFile` (the document asking) is chosen, so the answer does not change with
 * the order files were scanned.
 */
export function incidentResolver(index: WorkspaceIndex, fromFile?: string): ResolveIncident {
  return (id) => {
    const candidates = [...entriesWithId(index, id.trim())].filter((entry) => entry.file !== fromFile);
    if (candidates.length === 0) return undefined;
    const chosen = candidates.reduce((best, entry) => (entry.file < best.file ? entry : best));
    return { uri: chosen.file, range: chosen.idRange ?? FILE_START };
  };
}
