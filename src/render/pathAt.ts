/** The preview's cursor highlight: which part of a post-mortem a position of its text is in. No Node built-in (the server's web worker bundles it). */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedPostmortem } from '../core/parse';

/**
 * The path of the deepest node at `offset` (a cursor in the editor), for
 * highlighting the matching part of the preview. Undefined outside the document's mapping.
 */
export function pathAtOffset(parsed: ParsedPostmortem, offset: number): Array<string | number> | undefined {
  let node: unknown = parsed.document?.contents;
  if (!isMap(node) && !isSeq(node)) return undefined;
  const path: Array<string | number> = [];
  for (let depth = 0; depth < 32; depth++) {
    if (isMap(node)) {
      let next: unknown;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        const start = key?.range?.[0] ?? value?.range?.[0];
        const end = value?.range?.[1] ?? key?.range?.[1];
        if (start === undefined || end === undefined || offset < start || offset > end) continue;
        path.push(isScalar(key) ? String(key.value) : String(key));
        next = value;
        break;
      }
      if (next === undefined) return path;
      node = next;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => {
        const range = (item as Node | null)?.range;
        // A block item starts after its "- ": count the dash as part of the item.
        return range != null && offset >= range[0] - 2 && offset <= range[1];
      });
      if (index === -1) return path;
      path.push(index);
      node = node.items[index];
    } else {
      return path;
    }
    if (isAlias(node)) return path;
  }
  return path;
}
