import { detectBlame, mayContainBlame } from '../core/blame/detect';
import { ANONYMOUS_PEOPLE, PERSON_ROOT_PHRASES } from '../core/blame/lexicon';
import { rosterFor } from '../core/blame/people';
import { splitSentences } from '../core/blame/sentences';
import { asArray, asRecord } from '../core/model';
import type { Rule } from './types';

export const WHYS_GUIDE = 'docs/rules/whys-person-root.md';

/**
 * PM002. Default severity: warning, for the same reason as PM001 (the verdict
 * comes from phrase and language analysis); a team can raise it to error.
 */
export const whysPersonRoot: Rule = {
  id: 'PM002',
  slug: 'whys-person-root',
  description: 'The last of the 5 Whys stops at a person or at "human error" instead of an organisational cause.',
  defaultSeverity: 'warning',
  check(ctx) {
    const whys = asArray(asRecord(ctx.doc.root_cause)?.whys);
    if (whys.length === 0) return;
    const index = whys.length - 1;
    const last = whys[index];
    if (typeof last !== 'string') return;
    const reason = personRootReason(last, rosterFor(ctx.doc, ctx.settings.people));
    if (!reason) return;
    ctx.report({
      message:
        `The last why stops at a person (${reason}). Keep asking what let the mistake through until the answer is an organisational or process cause, ` +
        `e.g. "No check ties pool settings to database capacity".`,
      range: ctx.rangeAt(['root_cause', 'whys', index], 'value'),
      fixes: [{ title: 'How to take a why past a person', edits: [], link: WHYS_GUIDE }],
    });
  },
};

/** Why the text is a person-root, in a few words for the message; undefined when it is not. */
export function personRootReason(text: string, roster: ReturnType<typeof rosterFor>): string | undefined {
  const named = detectBlame(text, roster)[0];
  if (named) return `"${named.name}" ${named.term}`;
  for (const phrase of PERSON_ROOT_PHRASES) {
    const m = phrase.exec(text);
    if (m) return `"${m[0]}"`;
  }
  if (!mayContainBlame(text)) return undefined;
  // "Someone should have caught it", "The engineer forgot": an anonymous person beside a mistake.
  for (const sentence of splitSentences(text)) {
    const who = ANONYMOUS_PEOPLE.exec(sentence.text);
    if (who && mayContainBlame(sentence.text)) return `"${who[0]}" beside a mistake`;
  }
  return undefined;
}
