/** How the blame corpora's scorers (tests and scripts/train-blame-model.mjs) match a flagged name to a labelled one. */

/** Titles and honorifics are not part of the name ("Mr. Gupta", "Kenji-san", "Pani Ewa"). */
const TITLES = /^(?:mr|mrs|ms|miss|dr|prof|sir|madam|mx|herr|frau|pak|bu|pani|pan)\.?$/i;

function tokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/-(?:san|sama|kun|chan|ssi|ji)\b/gu, '')
    .split(/[\s]+/u)
    .map((t) => t.replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => t !== '' && !TITLES.test(t));
}

/** True when a flagged name is (a whole-word part of) the labelled person, titles aside. */
export function samePerson(flagged: string, labelled: string): boolean {
  const a = tokens(flagged);
  const b = tokens(labelled);
  if (a.length === 0 || b.length === 0) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  for (let i = 0; i + shorter.length <= longer.length; i++) {
    if (shorter.every((t, j) => longer[i + j] === t)) return true;
  }
  return false;
}
