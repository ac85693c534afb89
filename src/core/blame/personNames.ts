/**
 * Given and family names from many languages (about 30,000, from the per-
 * locale lists of @faker-js/faker), generated at build time by
 * scripts/build.mjs into src/generated/person-names.json and, for the
 * bundles, dist/person-names.json beside them (not inside: activation never
 * parses it). The file is read on first use only: the detector asks for it
 * after a sentence has passed the blame prefilter, so activation and
 * documents without blame language never load it. Without the file every
 * lookup answers "unknown" and the detector falls back on its other evidence.
 */
import { readNameData } from './personNameData';

export interface PersonNames {
  /** A given or family name that is not also a common English word ("Adebayo", "Nowak"). */
  has(word: string): boolean;
  /** A name that is also an English word ("Will", "Grant", "Hope"): a person only where the syntax says so. */
  isWordName(word: string): boolean;
}

let loaded: PersonNames | undefined;

export function personNames(): PersonNames {
  if (loaded) return loaded;
  const data = readNameData();
  const names = new Set([...(data.given ?? '').split('\n'), ...(data.family ?? '').split('\n')]);
  const wordNames = new Set((data.wordNames ?? '').split('\n'));
  names.delete('');
  wordNames.delete('');
  loaded = {
    has: (word) => names.has(word.toLowerCase()),
    isWordName: (word) => wordNames.has(word.toLowerCase()),
  };
  return loaded;
}
