import type { Position } from '../../src/core/types';

/** The cursor marker of test documents: `severity: SE‸` is the text `severity: SE` with the cursor after `SE`. */
export const CURSOR = '‸';

/** A test document without its cursor marker, and the position the marker stood at. */
export function withCursor(source: string): { text: string; position: Position } {
  const offset = source.indexOf(CURSOR);
  if (offset === -1 || source.indexOf(CURSOR, offset + 1) !== -1) throw new Error('a test document needs exactly one cursor marker');
  const before = source.slice(0, offset).split('\n');
  return { text: source.slice(0, offset) + source.slice(offset + 1), position: { line: before.length - 1, character: before[before.length - 1].length } };
}
