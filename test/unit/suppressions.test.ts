// In-file suppressions (src/core/suppressions.ts) as every host sees them: through lintText. The draft example
// has one finding of most rules; each test adds comments to it and compares the findings before and after.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, type LintOptions } from '../../src/core/lint';
import { checkFixes } from '../../src/core/fixCheck';
import { applyEdits } from '../../src/core/fix';
import { readProjectConfig } from '../../src/core/config';
import { readSuppressions } from '../../src/core/suppressions';
import { parsePostmortem } from '../../src/core/parse';
import type { Diagnostic } from '../../src/core/types';
import { damagedExample } from './damagedExamples';

const root = join(__dirname, '..', '..');
const DRAFT = readFileSync(join(root, 'examples', 'drafts', '2026-11-20-payment-retries.pm.yaml'), 'utf8');
const CLEAN = readFileSync(join(root, 'examples', 'postmortems', '2026-06-09-search-ranking-bad-deploy.pm.yaml'), 'utf8');
const TODAY = '2026-11-27';

function lint(text: string, options: LintOptions = {}): Diagnostic[] {
  return lintText(text, { today: TODAY, ...options }).diagnostics;
}

/** `rule@line:column` (1-based, as an editor shows them) of each finding. */
function found(text: string, options: LintOptions = {}): string[] {
  return lint(text, options).map((d) => `${d.rule}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
}

/** The text with `insert` (whole lines) put before the 1-based line `line`. */
function insertBefore(text: string, line: number, insert: string): string {
  const lines = text.split('\n');
  lines.splice(line - 1, 0, ...insert.split('\n'));
  return lines.join('\n');
}

/** The same finding list with every line from `from` (1-based) on moved down by `by`. */
function shifted(list: readonly string[], from: number, by: number): string[] {
  return list.map((entry) => entry.replace(/@(\d+):/, (_m, line: string) => `@${Number(line) >= from ? Number(line) + by : Number(line)}:`));
}

const BEFORE = found(DRAFT);

describe('the draft example without suppressions', () => {
  it('has the findings the tests below suppress', () => {
    assert.deepEqual(BEFORE, [
      'timeline-milestones@25:1',
      'timeline-order@35:9',
      'blame-named-individual@36:12',
      'timeline-granularity@38:9',
      'whys-count@43:3',
      'whys-person-root@47:7',
      'factors-complete@50:1',
      'factors-complete@51:3',
      'went-well-count@55:1',
      'action-vague@59:13',
      'action-deadline-window@61:15',
      'action-owner-missing@64:5',
      'action-deadline-missing@64:5',
      'rfc-required@72:3',
    ]);
  });
});

describe('postmortem-disable-next-line', () => {
  it('suppresses the named rule on the next line only, with a reason', () => {
    const text = insertBefore(DRAFT, 36, '    # postmortem-disable-next-line blame-named-individual -- Marco asked to be named');
    assert.deepEqual(found(text), shifted(BEFORE, 36, 1).filter((f) => !f.startsWith('blame-named-individual')));
    const [directive] = readSuppressions(parsePostmortem(text)).directives;
    assert.equal(directive.kind, 'disable-next-line');
    assert.equal(directive.reason, 'Marco asked to be named');
    assert.deepEqual(directive.slugs.map((s) => s.slug), ['blame-named-individual']);
    assert.deepEqual(directive.lines, { first: 36, last: 36 });
  });

  it('takes several slugs, separated by commas or blanks', () => {
    for (const list of ['action-owner-missing, action-deadline-missing', 'action-owner-missing action-deadline-missing', 'action-owner-missing,action-deadline-missing']) {
      const text = insertBefore(DRAFT, 64, `  # postmortem-disable-next-line ${list}`);
      assert.deepEqual(found(text), shifted(BEFORE, 64, 1).filter((f) => !f.includes('@65:')), list);
    }
  });

  it('without a slug suppresses every rule on the next line', () => {
    const text = insertBefore(DRAFT, 64, '  # postmortem-disable-next-line -- tracked in PAY-1234');
    assert.deepEqual(found(text), shifted(BEFORE, 64, 1).filter((f) => !f.includes('@65:')));
    assert.equal(readSuppressions(parsePostmortem(text)).directives[0].reason, 'tracked in PAY-1234');
  });

  it('skips blank lines and other comments: two directives stack above one line', () => {
    const text = insertBefore(DRAFT, 64, '  # postmortem-disable-next-line action-owner-missing -- the team is chosen on Monday\n\n  # a note\n  # postmortem-disable-next-line action-deadline-missing');
    assert.deepEqual(found(text), shifted(BEFORE, 64, 4).filter((f) => !f.includes('@68:')));
  });

  it('covers a block scalar whole when it names the line the value starts on', () => {
    const text = DRAFT.replace(
      '  description: |\n    About 2,300 customers were charged twice because payment retries were\n',
      '  # postmortem-disable-next-line blame-named-individual -- quoted from the ticket\n  description: |\n    About 2,300 customers were charged twice because payment retries were\n    retried after Marco forgot to check the retry settings.\n',
    );
    assert.deepEqual(found(text), shifted(BEFORE, 22, 2));
    const unsuppressed = found(text.replace('  # postmortem-disable-next-line blame-named-individual -- quoted from the ticket\n', ''));
    assert.ok(unsuppressed.includes('blame-named-individual@23:19'), unsuppressed.join(' '));
  });
  it('covers one line of a block mapping, not the entries under its key', () => {
    const text = insertBefore(DRAFT, 50, '# postmortem-disable-next-line factors-complete');
    assert.deepEqual(found(text), shifted(BEFORE, 50, 1).filter((f) => f !== 'factors-complete@51:1'));
    assert.ok(found(text).includes('factors-complete@52:3'));
  });

  it('covers a double-quoted string over several lines, and the quick fix goes above its key', () => {
    const text = DRAFT.replace('    event: Marco forgot to check the retry settings before the upgrade.\n', '    event: "The upgrade went out on Friday;\n      Marco forgot to check the retry settings."\n');
    const d = lint(text).find((x) => x.rule === 'blame-named-individual')!;
    assert.equal(d.range.start.line, 36, 'the finding is on the second line of the string');
    const fix = d.fixes!.at(-1)!;
    assert.deepEqual(fix.edits[0].range.start, { line: 35, character: 0 });
    const check = checkFixes(parsePostmortem(text), [fix]);
    assert.ok(check.ok, check.ok ? '' : check.reason);
    assert.deepEqual(lint(check.text).filter((x) => x.rule === 'blame-named-individual' || x.rule === 'unused-suppression'), []);
  });
});

describe('postmortem-disable-line', () => {
  it('suppresses the rule on its own line, as a trailing comment', () => {
    const text = DRAFT.replace('before the upgrade.\n', 'before the upgrade.  # postmortem-disable-line blame-named-individual -- agreed\n');
    assert.deepEqual(found(text), BEFORE.filter((f) => !f.startsWith('blame-named-individual')));
  });
});

describe('postmortem-disable / postmortem-enable', () => {
  it('suppresses the named rule between the two comments, and only there', () => {
    const text = insertBefore(insertBefore(DRAFT, 55, '# postmortem-enable factors-complete'), 50, '# postmortem-disable factors-complete -- scored in the review meeting');
    assert.deepEqual(found(text), shifted(shifted(BEFORE, 55, 1), 50, 1).filter((f) => !f.startsWith('factors-complete')));
  });

  it('without a slug suppresses every rule until a bare enable', () => {
    const text = insertBefore(insertBefore(DRAFT, 42, '# postmortem-enable'), 25, '# postmortem-disable -- the timeline is being rebuilt');
    assert.deepEqual(found(text), shifted(shifted(BEFORE, 42, 1), 25, 1).filter((f) => !/@(2[6-9]|3\d|4[0-2]):/.test(f)));
  });

  it('an enable of one rule after a bare disable brings back that rule only', () => {
    const text = insertBefore(DRAFT, 25, '# postmortem-disable\n# postmortem-enable timeline-order');
    const after = found(text);
    assert.deepEqual(after, ['timeline-order@37:9']);
  });

  it('without an enable lasts to the end of the file', () => {
    const text = insertBefore(DRAFT, 58, '# postmortem-disable action-owner-missing');
    assert.deepEqual(found(text), shifted(BEFORE, 58, 1).filter((f) => !f.startsWith('action-owner-missing')));
  });
});

describe('unused and ill-formed suppressions', () => {
  it('reports each unused slug at the slug, and leaves the used ones alone', () => {
    const text = insertBefore(DRAFT, 59, '  # postmortem-disable-next-line action-vague, timeline-order -- wording agreed');
    const unused = lint(text).filter((d) => d.rule === 'unused-suppression');
    assert.deepEqual(unused, [
      {
        rule: 'unused-suppression',
        severity: 'warning',
        message: 'Unused `postmortem-disable-next-line` directive (no problems were reported from `timeline-order`); remove it.',
        range: { start: { line: 58, character: 47 }, end: { line: 58, character: 61 } },
      },
    ]);
    assert.ok(!found(text).some((f) => f.startsWith('action-vague')));
  });

  it('reports a directive without slugs that suppresses nothing over the whole comment', () => {
    const text = insertBefore(DRAFT, 5, '# postmortem-disable-next-line');
    const unused = lint(text).filter((d) => d.rule === 'unused-suppression');
    assert.deepEqual(
      unused.map((d) => [d.message, d.range]),
      [['Unused `postmortem-disable-next-line` directive (no problems were reported); remove it.', { start: { line: 4, character: 0 }, end: { line: 4, character: 30 } }]],
    );
  });

  it('reports an unknown slug with a suggestion, and the finding stays', () => {
    const text = insertBefore(DRAFT, 59, '  # postmortem-disable-next-line actoin-vague');
    const diagnostics = lint(text);
    assert.ok(diagnostics.some((d) => d.rule === 'action-vague'));
    const [unknown] = diagnostics.filter((d) => d.rule === 'unused-suppression');
    assert.equal(unknown.message, 'Unknown rule `actoin-vague` in `postmortem-disable-next-line`; did you mean `action-vague`? It suppresses nothing.');
    assert.deepEqual(unknown.range, { start: { line: 58, character: 33 }, end: { line: 58, character: 45 } });
    assert.equal(diagnostics.filter((d) => d.rule === 'unused-suppression').length, 1, 'an all-unknown list is not read as "every rule"');
  });

  it('reports a misspelt directive name, and ignores comments that only start alike', () => {
    const text = insertBefore(DRAFT, 59, '  # postmortem-disable-nextline action-vague\n  # postmortem-notes: see the retro doc');
    const reports = lint(text).filter((d) => d.rule === 'unused-suppression');
    assert.deepEqual(
      reports.map((d) => [d.message, d.range.start, d.range.end]),
      [['Unknown directive `postmortem-disable-nextline`; did you mean `postmortem-disable-next-line`? This comment suppresses nothing.', { line: 58, character: 4 }, { line: 58, character: 31 }]],
    );
  });

  it('reports an enable that enables nothing', () => {
    const text = insertBefore(DRAFT, 5, '# postmortem-enable action-vague\n# postmortem-enable');
    assert.deepEqual(
      lint(text).filter((d) => d.rule === 'unused-suppression').map((d) => d.message),
      ['Unused `postmortem-enable` directive (`action-vague` was not disabled here); remove it.', 'Unused `postmortem-enable` directive (nothing was disabled here); remove it.'],
    );
  });

  it('reports nothing for a rule that did not run (turned off, or not asked for)', () => {
    const text = insertBefore(DRAFT, 59, '  # postmortem-disable-next-line action-vague');
    const withoutRule = lint(text, { settings: { rules: { 'action-vague': 'off' } } });
    assert.deepEqual(withoutRule.filter((d) => d.rule === 'unused-suppression'), []);
    const duplicate = insertBefore(DRAFT, 4, '# postmortem-disable-next-line duplicate-id');
    assert.deepEqual(lint(duplicate).filter((d) => d.rule === 'unused-suppression'), [], 'a cross-file rule does not run without a workspace');
  });

  it('takes its level from the settings like any rule', () => {
    const text = insertBefore(DRAFT, 5, '# postmortem-disable-next-line action-vague');
    assert.deepEqual(lint(text, { settings: { rules: { 'unused-suppression': 'off' } } }).filter((d) => d.rule === 'unused-suppression'), []);
    assert.deepEqual(lint(text, { settings: { rules: { 'unused-suppression': 'error' } } }).filter((d) => d.rule === 'unused-suppression').map((d) => d.severity), ['error']);
    assert.deepEqual(readProjectConfig('rules:\n  unused-suppression: off\n'), { settings: { rules: { 'unused-suppression': 'off' } }, warnings: [] });
  });

  it('an unused-suppression finding itself cannot be suppressed', () => {
    const text = insertBefore(DRAFT, 5, '# postmortem-disable-next-line unused-suppression\n# postmortem-disable-next-line action-vague');
    assert.deepEqual(
      lint(text).filter((d) => d.rule === 'unused-suppression').map((d) => d.message),
      [
        '`unused-suppression` cannot be suppressed in the file; set its level in the settings (`rules: { unused-suppression: off }`).',
        'Unused `postmortem-disable-next-line` directive (no problems were reported from `action-vague`); remove it.',
      ],
    );
  });
});

describe('what is not a suppression, and what cannot be suppressed', () => {
  it('a directive written inside a block scalar or a quoted string is text, not a comment', () => {
    const text = DRAFT.replace(
      '  description: |\n',
      '  description: |\n    # postmortem-disable\n    # postmortem-disable-next-line blame-named-individual\n',
    )
      .replace('event: Marco forgot', 'event: "Marco forgot')
      .replace('before the upgrade.\n', 'before the upgrade. # postmortem-disable-line blame-named-individual"\n');
    assert.deepEqual(found(text), shifted(BEFORE, 22, 2).map((f) => (f === 'blame-named-individual@38:12' ? 'blame-named-individual@38:13' : f)));
    assert.deepEqual(readSuppressions(parsePostmortem(text)).directives, []);
  });

  it('yaml-syntax findings stay, under a bare disable and when named', () => {
    const tagged = CLEAN.replace('industry: saas', 'industry: !!binary c2Fhcw==');
    assert.deepEqual(found(tagged), ['schema@7:20', 'yaml-syntax@7:20']);
    const text = '# postmortem-disable -- the schema finding goes\n' + tagged.replace('industry:', '# postmortem-disable-next-line yaml-syntax\nindustry:');
    const diagnostics = lint(text);
    assert.deepEqual(found(text), ['unused-suppression@8:32', 'yaml-syntax@9:20'], 'the bare disable takes the schema finding only');
    assert.equal(diagnostics[0].message, '`yaml-syntax` problems cannot be suppressed: the rest of the file is only checked once the YAML is fixed.');
  });

  it('schema findings can be suppressed like a rule', () => {
    const text = CLEAN.replace('  severity: SEV-2', '  # postmortem-disable-next-line schema -- SEV-9 is our own level\n  severity: SEV-9');
    assert.deepEqual(found(text), []);
    assert.deepEqual(found(text.replace(' schema --', ' action-vague --')), ['unused-suppression@13:34', 'schema@14:13']);
  });

  it('reads CRLF files the same', () => {
    const lf = insertBefore(insertBefore(DRAFT, 55, '# postmortem-enable factors-complete'), 50, '# postmortem-disable factors-complete -- scored later');
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(found(crlf), found(lf));
    const withUnused = insertBefore(DRAFT, 59, '  # postmortem-disable-next-line action-vague, timeline-order');
    const withoutFixes = (list: Diagnostic[]) => list.map(({ fixes: _fixes, ...rest }) => rest);
    assert.deepEqual(withoutFixes(lint(withUnused.replace(/\n/g, '\r\n'))), withoutFixes(lint(withUnused)));
  });
});

describe('the "Disable <rule> for this line" quick fix', () => {
  const disableFixOf = (d: Diagnostic) => d.fixes?.find((f) => f.suppresses !== undefined);

  it('is offered last on every rule finding, never safe, promising no data change', () => {
    const parsed = parsePostmortem(DRAFT);
    const diagnostics = lint(DRAFT);
    for (const d of diagnostics) {
      const fix = disableFixOf(d);
      assert.ok(fix, `${d.rule} has the fix`);
      assert.equal(d.fixes!.at(-1), fix);
      assert.equal(fix.title, `Disable ${d.rule} for this line`);
      assert.equal(fix.safe, false);
      assert.deepEqual(fix.changes, []);
      assert.equal(fix.suppresses, d.rule);
      const check = checkFixes(parsed, [fix]);
      assert.ok(check.ok, `${d.rule}: ${check.ok ? '' : check.reason}`);
      // Applied, it removes exactly its finding and leaves no unused suppression.
      const after = lint(check.text);
      assert.equal(after.length, diagnostics.length - 1, `${d.rule}: ${after.map((a) => a.rule).join(' ')}`);
      assert.equal(after.filter((a) => a.rule === d.rule).length, diagnostics.filter((b) => b.rule === d.rule).length - 1);
    }
  });

  it('inserts the comment on its own line above the finding, indented like it', () => {
    const d = lint(DRAFT).find((x) => x.rule === 'blame-named-individual')!;
    assert.deepEqual(disableFixOf(d)!.edits, [
      { range: { start: { line: 35, character: 0 }, end: { line: 35, character: 0 } }, newText: '    # postmortem-disable-next-line blame-named-individual -- \n' },
    ]);
    const list = lint(DRAFT).find((x) => x.rule === 'action-owner-missing')!;
    assert.equal(disableFixOf(list)!.edits[0].newText, '  # postmortem-disable-next-line action-owner-missing -- \n');
    assert.deepEqual(disableFixOf(list)!.edits[0].range.start, { line: 63, character: 0 });
  });

  it('goes above the key of a block scalar, never inside it', () => {
    const text = DRAFT.replace('    not idempotent after a client library upgrade.\n', '    not idempotent after a client library upgrade.\n    Marco forgot to check the retry settings.\n');
    const d = lint(text).find((x) => x.rule === 'blame-named-individual' && x.range.start.line === 23)!;
    assert.ok(d, 'the finding inside the block scalar');
    const fix = disableFixOf(d)!;
    assert.deepEqual(fix.edits, [{ range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, newText: '  # postmortem-disable-next-line blame-named-individual -- \n' }]);
    const check = checkFixes(parsePostmortem(text), [fix]);
    assert.ok(check.ok);
    assert.equal(lint(check.text).filter((x) => x.rule === 'blame-named-individual').length, 1, 'the one in the timeline stays');
    assert.deepEqual(lint(check.text).filter((x) => x.rule === 'unused-suppression'), []);
  });

  it('goes above a flow list spanning several lines', () => {
    const text = CLEAN.replace('authors: [Amara Okafor]', 'authors: [Amara Okafor,\n  Ben Ito]').replace('industry: saas', 'industry: [saas,\n  retail]');
    const d = lint(text).find((x) => x.rule === 'schema' && x.range.start.line === 7)!;
    assert.ok(d, lint(text).map((x) => `${x.rule}@${x.range.start.line}`).join(' '));
    const fix = disableFixOf(d)!;
    assert.equal(fix.edits[0].range.start.line, 7);
    const check = checkFixes(parsePostmortem(text), [fix]);
    assert.ok(check.ok && lint(check.text).length === 0, check.ok ? lint(check.text).map((x) => x.message).join('\n') : check.reason);
  });

  it('keeps CRLF line breaks and a byte-order mark', () => {
    const text = '\uFEFF' + DRAFT.replace(/\n/g, '\r\n');
    const d = lint(text).find((x) => x.rule === 'blame-named-individual')!;
    const fix = disableFixOf(d)!;
    assert.equal(fix.edits[0].newText, '    # postmortem-disable-next-line blame-named-individual -- \r\n');
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.startsWith('\uFEFF# A DRAFT'));
    assert.ok(fixed.includes('  - at: "14:10"\r\n    # postmortem-disable-next-line blame-named-individual -- \r\n    event: Marco'));
  });

  it('is not offered on yaml-syntax or unused-suppression findings', () => {
    const text = '# postmortem-disable-next-line action-vague\n' + CLEAN.replace('industry: saas', 'industry: !!binary c2Fhcw==');
    const diagnostics = lint(text);
    assert.deepEqual(diagnostics.map((d) => d.rule), ['unused-suppression', 'schema', 'yaml-syntax']);
    assert.deepEqual(diagnostics.map((d) => disableFixOf(d)?.title), [undefined, 'Disable schema for this line', undefined]);
  });
});

describe('the disable quick fix on damaged examples (property)', () => {
  it('passes the fix check wherever a file parses, takes away its finding and is never unused', () => {
    fc.assert(
      fc.property(damagedExample, (text) => {
        const parsed = parsePostmortem(text);
        if (parsed.hasSyntaxErrors) return;
        const diagnostics = lint(text);
        const count = (list: Diagnostic[], rule: string) => list.filter((d) => d.rule === rule).length;
        for (const d of diagnostics) {
          const fix = d.fixes?.find((f) => f.suppresses !== undefined);
          if (!fix) continue;
          const check = checkFixes(parsed, [fix]);
          assert.ok(check.ok, `${d.rule} at line ${d.range.start.line + 1}: ${check.ok ? '' : check.reason}`);
          const after = lint(check.text);
          // At least this finding goes (others of the rule on the same line or value go with it).
          assert.ok(count(after, d.rule) <= count(diagnostics, d.rule) - 1, `${d.rule} at line ${d.range.start.line + 1}`);
          assert.equal(count(after, 'unused-suppression'), count(diagnostics, 'unused-suppression'));
        }
      }),
      { numRuns: 12 },
    );
  });
});
