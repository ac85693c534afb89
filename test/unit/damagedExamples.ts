// The example post-mortems with random damage a reviewer might leave: a line gone or doubled, a value emptied,
// a suppression comment added. Shared by the fast-check properties of fixAll and of the suppression quick fix.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export const DRAFT = readFileSync(join(root, 'examples', 'drafts', '2026-11-20-payment-retries.pm.yaml'), 'utf8');

/** The draft first, then every finished example. */
export const EXAMPLES: readonly string[] = [
  DRAFT,
  ...readdirSync(join(root, 'examples', 'postmortems'))
    .sort()
    .map((name) => readFileSync(join(root, 'examples', 'postmortems', name), 'utf8')),
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('empty-value' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('comment' as const), at: fc.nat(), slug: fc.constantFrom('action-owner-missing', 'factors-complete', 'action-vague', '') }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    const at = m.at % lines.length;
    if (m.kind === 'delete') lines.splice(at, 1);
    else if (m.kind === 'duplicate') lines.splice(at, 0, lines[at]);
    else if (m.kind === 'empty-value') lines[at] = lines[at].replace(/^(\s*(?:- )?[\w-]+:).*$/, '$1');
    else lines.splice(at, 0, `${/^\s*/.exec(lines[at])![0]}# postmortem-disable-next-line ${m.slug}`);
  }
  return lines.join('\n');
}

/** An example with up to four mutations, sometimes with CRLF line breaks. */
export const damagedExample: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...EXAMPLES), fc.array(mutation, { maxLength: 4 }), fc.boolean())
  .map(([text, mutations, crlf]) => {
    const damaged = mutate(text, mutations);
    return crlf ? damaged.replace(/\n/g, '\r\n') : damaged;
  });
