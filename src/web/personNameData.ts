/**
 * The name lists in the browser, in place of src/core/blame/personNameData.ts (scripts/build.mjs):
 * the desktop's dist/person-names.json, which the worker's start script holds as a function
 * evaluated on first use (src/web/lazyModules.ts). Without it every name lookup answers "unknown",
 * as in Node without the file.
 */
import type { NameData, PlainWordData } from '../core/blame/personNameData';
import { loadNameList, loadPlainWords } from './lazyModules';

export function readNameData(): Partial<NameData> {
  const data = loadNameList();
  return typeof data === 'object' && data !== null ? (data as Partial<NameData>) : {};
}

/** The quick check's plain words, from the desktop's dist/plain-words.json like the name list; without it the check skips nothing. */
export function readPlainWordData(): Partial<PlainWordData> {
  const data = loadPlainWords();
  return typeof data === 'object' && data !== null ? (data as Partial<PlainWordData>) : {};
}
