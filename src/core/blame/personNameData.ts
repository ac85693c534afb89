/**
 * Where the name lists come from in Node: dist/person-names.json beside the bundle, or
 * src/generated/ when run from source. The browser build swaps this module for
 * src/web/personNameData.ts (scripts/build.mjs), which has no disk to read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NameData {
  given: string;
  family: string;
  wordNames: string;
}

/** dist/ when bundled (the file sits beside the bundle), src/core/blame/ when run from source. */
const CANDIDATES = [join(__dirname, 'person-names.json'), join(__dirname, '../../generated/person-names.json')];

export function readNameData(): Partial<NameData> {
  for (const file of CANDIDATES) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as NameData;
    } catch {
      // Not there (or not generated yet): try the next place.
    }
  }
  return {};
}
