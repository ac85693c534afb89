/**
 * CODEOWNERS as text: where it lives and who it names. No file system here, so the web worker
 * (src/web) reads the same files through the editor and gets the same people; the Node reader and
 * git authors are in repositoryPeople.ts.
 */
import { ROLE_MAILBOX } from './blame/lexicon';

/** Where GitHub and GitLab look for CODEOWNERS, in their order. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/**
 * The owners in a CODEOWNERS text: `@user` handles and e-mail addresses.
 * `@org/team` owners are teams, not people, and are left out; so are the
 * path patterns, comments and `[Section]` headers.
 */
export function parseCodeowners(text: string): string[] {
  const owners: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || /^\^?\[[^\]]*\]/.test(line)) continue;
    // The first field is the path pattern (backslash-escaped spaces belong to it).
    const fields = line.split(/(?<!\\)\s+/).slice(1);
    for (const field of fields) {
      if (/^@[A-Za-z0-9][\w.-]*$/.test(field)) owners.push(field);
      else if (/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(field) && !ROLE_MAILBOX.test(field.split('@')[0])) owners.push(field);
    }
  }
  return owners;
}

/** One entry per person, the first spelling kept (case-insensitive). */
export function uniquePeople(people: string[]): string[] {
  const seen = new Map<string, string>();
  for (const person of people) if (!seen.has(person.toLowerCase())) seen.set(person.toLowerCase(), person);
  return [...seen.values()];
}
