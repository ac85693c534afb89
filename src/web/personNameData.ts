/**
 * The name lists in the browser: bundled into the server's worker (a worker has no disk to read
 * dist/person-names.json from), in place of src/core/blame/personNameData.ts (scripts/build.mjs).
 * A `require` inside the function, so the list is evaluated on first use only, as in Node.
 */
import type { NameData, PlainWordData } from '../core/blame/personNameData';

export function readNameData(): Partial<NameData> {
  return require('../generated/person-names.json') as NameData;
}

export function readPlainWordData(): Partial<PlainWordData> {
  return require('../generated/plain-words.json') as PlainWordData;
}
