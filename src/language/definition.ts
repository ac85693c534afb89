/**
 * Go to definition: from an incident id in `related` to the `id` of that
 * incident's file. URLs (`rfc`, `link`, `source`) open through document links,
 * not here: a definition is a place in a file the editor can open.
 */
import type { Location } from 'vscode-languageserver-types';
import type { ParsedPostmortem } from '../core/parse';
import type { Position, Range } from '../core/types';
import { incidentReferences, type ResolveIncident } from './documentLinks';

export function definitionAt(parsed: ParsedPostmortem, position: Position, resolveIncident: ResolveIncident): Location | undefined {
  const reference = incidentReferences(parsed).find((candidate) => touches(candidate.range, position));
  const target = reference && resolveIncident(reference.id);
  return target ? { uri: target.uri, range: target.range } : undefined;
}

/** The position is in the range or at either end of it (a cursor just after an id still means that id). */
function touches(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
