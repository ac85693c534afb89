import { detectBlame, detectBlameInAll, rosterKey, type BlameFinding, type DetectOptions } from '../core/blame/detect';
import { freeTextFields, type TextField } from '../core/blame/fields';
import { rosterFor } from '../core/blame/people';
import { scalarText } from '../core/blame/scalarText';
import type { Fix, Range } from '../core/types';
import type { Rule } from './types';

export const BLAME_GUIDE = 'docs/rules/blame-named-individual.md';

/**
 * PM001. Default severity: warning. The finding comes from language analysis
 * (on the blind development set of 440 sentences, precision 1.00 / recall 0.82; see the rule's page; never perfect
 * on real prose), so it should ask the author to reconsider, not fail CI on its own;
 * teams that want a hard gate set `postmortem.rules.blame-named-individual: error`.
 */
export const blameNamedIndividual: Rule = {
  id: 'PM001',
  slug: 'blame-named-individual',
  description: 'A person (name, @handle, e-mail) is named in the same sentence as a mistake.',
  defaultSeverity: 'warning',
  check(ctx) {
    const roster = rosterFor(ctx.doc, ctx.settings.people);
    // Per field text, from the previous lint of the same document when the caller keeps one: an edit analyses one field.
    const table = ctx.memo && `blame\u0002${rosterKey(roster)}`;
    const options = (field: TextField): DetectOptions => ({ markdown: field.markdown });
    const memoKey = (field: TextField): string => `${field.markdown ? 'm' : 'p'}${field.value}`;
    const fields = [...freeTextFields(ctx.doc)];
    // The fields this lint analyses (all of them when a document opens), together: their sentences are tagged at once.
    const fresh = table ? fields.filter((field) => !ctx.memo!.has(table, memoKey(field))) : fields;
    const found = detectBlameInAll(fresh.map((field) => ({ text: field.value, options: options(field) })), roster);
    const freshFindings = new Map(fresh.map((field, i) => [memoKey(field), found[i]]));
    const detect = (field: TextField): BlameFinding[] => freshFindings.get(memoKey(field)) ?? detectBlame(field.value, roster, options(field));
    for (const field of fields) report(field, table ? ctx.memo!.lookup(table, memoKey(field), () => detect(field)) : detect(field));

    function report(field: TextField, findings: BlameFinding[]): void {
      if (findings.length === 0) return;
      const scalar = scalarText(ctx.parsed, field.path);
      for (const finding of findings) {
        const range = scalar?.sourceRange(finding.start, finding.end) ?? ctx.rangeAt(field.path, 'value');
        const possessiveRange = finding.possessiveEnd !== undefined ? scalar?.sourceRange(finding.start, finding.possessiveEnd) : undefined;
        ctx.report({
          message: messageFor(finding),
          range,
          fixes: scalar ? fixesFor(finding, field, range, possessiveRange) : [guideFix()],
        });
      }
    }
  },
};

function messageFor(finding: BlameFinding): string {
  return (
    `"${finding.name}" is named next to a mistake ("${finding.term}"). A blameless post-mortem looks at systems, not individuals: ` +
    `reword with a role ("the on-call engineer"), or better, say what the process or tooling allowed.`
  );
}

function fixesFor(finding: BlameFinding, field: TextField, nameRange: Range, possessiveRange: Range | undefined): Fix[] {
  const cap = (s: string): string => (finding.sentenceStart ? s[0].toUpperCase() + s.slice(1) : s);
  // The field's value after the rewrite: what the fix check holds the edited file to.
  const replace = (end: number, words: string): Fix['changes'] => [{ path: field.path, value: field.value.slice(0, finding.start) + words + field.value.slice(end) }];
  const fixes: Fix[] = [];
  if (possessiveRange) {
    // "Mark's deploy broke checkout" -> "The deploy broke checkout": the change, not its author.
    fixes.push({ title: `Replace "${finding.name}'s" with "${cap('the')}"`, edits: [{ range: possessiveRange, newText: cap('the') }], changes: replace(finding.possessiveEnd!, cap('the')) });
    fixes.push({ title: `Replace "${finding.name}" with "${cap('an engineer')}"`, edits: [{ range: nameRange, newText: cap('an engineer') }], changes: replace(finding.end, cap('an engineer')) });
  } else {
    fixes.push({ title: `Replace "${finding.name}" with "${cap('the on-call engineer')}"`, edits: [{ range: nameRange, newText: cap('the on-call engineer') }], changes: replace(finding.end, cap('the on-call engineer')) });
    fixes.push({ title: `Replace "${finding.name}" with "${cap('an engineer')}"`, edits: [{ range: nameRange, newText: cap('an engineer') }], changes: replace(finding.end, cap('an engineer')) });
  }
  fixes.push(guideFix());
  return fixes;
}

function guideFix(): Fix {
  return { title: 'How to rewrite blame as a system gap', edits: [], link: BLAME_GUIDE };
}
