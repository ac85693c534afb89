/**
 * Where the name lists (and the quick check's plain words) come from in Node: dist/person-names.json
 * (dist/plain-words.json) beside the bundle, or src/generated/ when run from source. The browser build swaps this module for
 * src/web/personNameData.ts (scripts/build.mjs), which has no disk to read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NameData {
  given: string;
  family: string;
  wordNames: string;
}

/** The plain words of the blame quick check (src/core/blame/quickCheck.ts; generatePlainWords in scripts/build.mjs). */
export interface PlainWordData {
  /** Sorted, one space between words: searched as it is (inSortedList in src/core/blame/quickCheck.ts). */
  words: string;
  /** Plain words that are names too ("will", "grant"): not plain when capitalised. */
  notCapitalised: string;
}

/** dist/ when bundled (the file sits beside the bundle), src/generated/ when run from source. */
function readGenerated(name: string): object {
  for (const file of [join(__dirname, name), join(__dirname, '../../generated', name)]) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as object;
    } catch {
      // Not there (or not generated yet): try the next place.
    }
  }
  return {};
}

export function readNameData(): Partial<NameData> {
  return readGenerated('person-names.json');
}

export function readPlainWordData(): Partial<PlainWordData> {
  return readGenerated('plain-words.json');
}
