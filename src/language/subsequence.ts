/**
 * The loose matching editors use for symbol and completion filters: the query's
 * characters appear in the candidate in order, ignoring case and the query's
 * blanks ("inc0815" matches "INC-2023-08-15-001"). Linear in the candidate.
 */

/** True when every non-blank character of `query` appears in `candidate` in order, ignoring case. */
export function matchesSubsequence(candidate: string, query: string): boolean {
  return subsequenceScore(candidate.toLowerCase(), normalizeQuery(query)) !== undefined;
}

/** The query as matching reads it: lower case, without blanks. */
export function normalizeQuery(query: string): string {
  return query.replace(/\s+/g, '').toLowerCase();
}

/**
 * How well a normalized query matches a lower-cased candidate, lower is better, or undefined for no match:
 * 0 the candidate starts with the query, 1 contains it, 2 has its characters in order with gaps.
 */
export function subsequenceScore(lowerCandidate: string, normalizedQuery: string): 0 | 1 | 2 | undefined {
  if (normalizedQuery === '') return 0;
  const at = lowerCandidate.indexOf(normalizedQuery);
  if (at === 0) return 0;
  if (at > 0) return 1;
  let next = 0;
  for (let i = 0; i < lowerCandidate.length && next < normalizedQuery.length; i++) {
    if (lowerCandidate[i] === normalizedQuery[next]) next++;
  }
  return next === normalizedQuery.length ? 2 : undefined;
}
