/**
 * "Did you mean ...?" for misspelt keys and enum values: the closest candidate
 * by Damerau-Levenshtein distance (optimal string alignment: an insertion,
 * deletion, substitution or swap of two neighbours each costs 1), compared
 * case-insensitively, and only when it is close enough to be a plausible typo.
 */

/** Edit distance where a transposition of adjacent characters counts as one edit. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows are enough for the transposition lookback.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        best = Math.min(best, before[j - 2] + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/**
 * The most edits a word of this length may be away from a candidate and still
 * count as a typo of it: one for short words, about a third of the length for
 * longer ones (`severty` -> `severity`, `knowlege_concentraton` -> ...).
 */
function tolerance(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

const memo = new Map<string, string | undefined>();

/** The candidate `word` was most likely meant to be, or undefined when none is close. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  // A document with the same typo in 10,000 timeline entries asks the same question 10,000 times.
  const key = `${word}\u0000${candidates.join('\u0000')}`;
  if (memo.has(key)) return memo.get(key);
  if (memo.size > 1000) memo.clear();
  const found = findClosest(word, candidates);
  memo.set(key, found);
  return found;
}

function findClosest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0 || word.length > 100) return undefined;
  const wanted = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  // A case-only difference (`Severity`) is always a typo; otherwise stay within
  // the tolerance and keep at least one character in common.
  return bestDistance <= tolerance(Math.max(word.length, best.length)) && bestDistance < word.length ? best : undefined;
}
