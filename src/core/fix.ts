import { LineIndex } from './lines';
import type { Diagnostic, Fix, TextEdit } from './types';

/**
 * Applies text edits to a text. Edits are applied from the end backwards so
 * earlier offsets stay valid; overlapping edits after the first are skipped
 * (the next lint pass offers them again). Everything outside the edited
 * ranges, comments and formatting included, is kept byte for byte.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // Positions count without a byte-order mark (parsePostmortem drops it, as editors do): edit after it, keep it.
  if (text.charCodeAt(0) === 0xfeff) return '\uFEFF' + applyEdits(text.slice(1), edits);
  const lines = new LineIndex(text);
  const resolved = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: typeof resolved = [];
  let lastEnd = -1;
  for (const edit of resolved) {
    if (edit.start < lastEnd) continue;
    accepted.push(edit);
    lastEnd = Math.max(edit.end, edit.start);
  }
  let result = text;
  for (const edit of accepted.reverse()) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** The fixes `lint --fix` may apply without a person choosing: the first safe fix of each diagnostic. */
export function safeFixes(diagnostics: readonly Diagnostic[]): Fix[] {
  const fixes: Fix[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.safe && f.edits.length > 0);
    if (fix) fixes.push(fix);
  }
  return fixes;
}
