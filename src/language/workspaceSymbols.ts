/**
 * Workspace symbols: the repository's incidents by id and title, matched the
 * way VS Code's symbol search does (case-insensitive, the query's characters
 * in order), best matches first: the id or title starting with the query,
 * then containing it, then a scattered match. One pass over the incidents per
 * query; at most MAX_WORKSPACE_SYMBOLS results.
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { normalizeQuery, subsequenceScore } from './subsequence';
import type { IncidentSummary } from './workspaceFacts';

export const MAX_WORKSPACE_SYMBOLS = 200;

export function workspaceSymbols(incidents: Iterable<IncidentSummary>, query: string): SymbolInformation[] {
  const normalized = normalizeQuery(query);
  // One list per score (0 best): only the lists that fill the result are sorted.
  const byScore: Array<Array<{ incident: IncidentSummary; name: string }>> = [[], [], []];
  for (const incident of incidents) {
    const name = incident.title ? `${incident.id} ${incident.title}` : incident.id;
    const score = scoreOf(incident, name.toLowerCase(), normalized);
    if (score !== undefined) byScore[score].push({ incident, name });
  }
  const chosen: Array<{ incident: IncidentSummary; name: string }> = [];
  for (const matches of byScore) {
    if (chosen.length >= MAX_WORKSPACE_SYMBOLS) break;
    matches.sort((a, b) => compare(a.incident.id, b.incident.id) || compare(a.incident.uri, b.incident.uri));
    chosen.push(...matches.slice(0, MAX_WORKSPACE_SYMBOLS - chosen.length));
  }
  return chosen.map(({ incident, name }) => ({
    name,
    kind: SymbolKind.Event,
    location: { uri: incident.uri, range: incident.range },
    containerName: fileName(incident.uri),
  }));
}

/**
 * 0 when the id or the title starts with the query, 1 when the name (id and title) contains it, 2 when it has
 * the query's characters in order (a query may span the id and the title), undefined otherwise.
 */
function scoreOf(incident: IncidentSummary, lowerName: string, query: string): 0 | 1 | 2 | undefined {
  const score = subsequenceScore(lowerName, query);
  if (score === 0 || score === undefined) return score;
  return incident.title && lowerName.startsWith(query, incident.id.length + 1) ? 0 : score;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The last segment of a path or URI, decoded when it is percent-encoded: where the incident is written. */
function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
