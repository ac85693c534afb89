/**
 * Given and family names from many languages (about 30,000, from the per-
 * locale lists of @faker-js/faker), generated at build time into
 * src/generated/person-names.json by scripts/build.mjs. The list is required
 * on first use only: the detector asks for it after a sentence has passed the
 * blame prefilter, so activation and documents without blame language never
 * load it. Without the file (a source checkout before the first build) every
 * lookup answers "unknown" and the detector falls back on its other evidence.
 */

export interface PersonNames {
  /** A given or family name that is not also a common English word ("Adebayo", "Nowak"). */
  has(word: string): boolean;
  /** A name that is also an English word ("Will", "Grant", "Hope"): a person only where the syntax says so. */
  isWordName(word: string): boolean;
}

interface NameData {
  given: string;
  family: string;
  wordNames: string;
}

let loaded: PersonNames | undefined;

export function personNames(): PersonNames {
  if (loaded) return loaded;
  let data: Partial<NameData> = {};
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    data = require('../../generated/person-names.json') as NameData;
  } catch {
    // Not generated yet: the detector still has compromise's names and its guesses.
  }
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
