/**
 * A small table-driven rule tester in the spirit of ESLint's RuleTester:
 * every `valid` document must produce no diagnostic from the rule, every
 * `invalid` one exactly the listed diagnostics, at the listed positions.
 *
 *   runRuleTests(myRule, {
 *     valid: ['title: fine\n'],
 *     invalid: [{ code: 'title: bad\n', errors: [{ line: 1, column: 8, messageIncludes: 'bad' }], output: 'title: good\n' }],
 *   });
 *
 * Lines and columns are 1-based, like an editor's status bar; `endColumn`
 * (exclusive, 1-based) is checked when given. `output` is the text after
 * applying the first fix of each reported diagnostic (fixes without edits,
 * e.g. a documentation link, are skipped); each of those fixes must also pass
 * the fix check `lint --fix` applies (src/core/fixCheck.ts), so the paths and
 * values it promises in `changes` are the ones its edits change. Only the rule under test runs;
 * schema and syntax findings are filtered out, so a test document may be a
 * fragment of a post-mortem.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../src/core/lint';
import { applyEdits } from '../../../src/core/fix';
import { checkFixes } from '../../../src/core/fixCheck';
import type { LintSettings } from '../../../src/core/settings';
import type { Diagnostic, Severity, TextEdit } from '../../../src/core/types';
import type { Rule } from '../../../src/rules/types';

export const TEST_TODAY = '2026-11-27';

export interface ValidCase {
  code: string;
  settings?: Partial<LintSettings>;
  /** YYYY-MM-DD; TEST_TODAY when not given. */
  today?: string;
  /** Shown as the test name instead of the code. */
  name?: string;
}

export interface ExpectedError {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  messageIncludes?: string;
  severity?: Severity;
}

export interface InvalidCase {
  code: string;
  settings?: Partial<LintSettings>;
  /** YYYY-MM-DD; TEST_TODAY when not given. */
  today?: string;
  name?: string;
  errors: ExpectedError[];
  output?: string;
  /** The title of the first diagnostic's first fix, when given. */
  fixTitle?: string;
  /** Whether the first diagnostic's first fix may be applied by `lint --fix` (its `safe` flag), when given. */
  fixSafe?: boolean;
}

export interface RuleTests {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

/**
 * The rule's diagnostics for `code`, linted with only that rule and a fixed today, with the rule's own fixes:
 * the "Disable <rule> for this line" fix every finding gets is tested in test/unit/suppressions.test.ts.
 */
export function ruleDiagnostics(rule: Rule, code: string, settings?: Partial<LintSettings>, today = TEST_TODAY): Diagnostic[] {
  const { diagnostics } = lintText(code, { rules: [rule], today, settings });
  return diagnostics.filter((d) => d.rule === rule.slug).map(withoutSuppressionFix);
}

export function withoutSuppressionFix(diagnostic: Diagnostic): Diagnostic {
  const fixes = diagnostic.fixes?.filter((fix) => fix.suppresses === undefined);
  const { fixes: _all, ...rest } = diagnostic;
  return fixes && fixes.length > 0 ? { ...rest, fixes } : rest;
}

/** The text after applying the first fix with edits of each diagnostic. */
export function applyFirstFixes(code: string, diagnostics: readonly Diagnostic[]): string {
  const edits: TextEdit[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.edits.length > 0);
    if (fix) edits.push(...fix.edits);
  }
  return applyEdits(code, edits);
}

/** Each diagnostic's first fix with edits passes the fix check on its own: what it promises in `changes` is what it does. */
function assertFixesPassTheCheck(code: string, diagnostics: readonly Diagnostic[]): void {
  const { parsed } = lintText(code, { rules: [] });
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.edits.length > 0);
    if (!fix) continue;
    const check = checkFixes(parsed, [fix]);
    assert.ok(check.ok, `the fix "${fix.title}" is refused by the fix check: ${check.ok ? '' : check.reason}`);
  }
}

function label(code: string, name?: string): string {
  if (name) return name;
  const oneLine = code.replace(/\s+/g, ' ').trim();
  return oneLine.length > 90 ? `${oneLine.slice(0, 87)}...` : oneLine;
}

function describeDiagnostic(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.message}`;
}

const ROOT = join(__dirname, '..', '..', '..');

/**
 * The rule's id, slug, default severity, cross-file flag and description as users see them: its docs page's heading and its row of the README's rule
 * table (test/unit/ruleDocs.test.ts checks those against the generator in a child process; this keeps each rule's
 * own test file able to catch a changed id, slug or description).
 */
export function assertRuleMetadataMatchesDocs(rule: Rule): void {
  const page = readFileSync(join(ROOT, 'docs', 'rules', `${rule.slug}.md`), 'utf8');
  assert.equal(page.split('\n')[0], `# ${rule.id} \`${rule.slug}\``, 'the docs page heading');
  const row = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').find((line) => line.startsWith(`| ${rule.id} | [\`${rule.slug}\`]`));
  const severity = `${rule.defaultSeverity}${rule.crossFile ? ' (cross-file)' : ''}`;
  assert.ok(
    row?.endsWith(` | ${severity} | ${rule.description.replace(/\|/g, '\\|')} |`),
    `the README row of ${rule.id} ends with its default severity (and whether it is cross-file) and the description: ${row}`,
  );
}

export function runRuleTests(rule: Rule, tests: RuleTests): void {
  describe(`${rule.id} ${rule.slug}`, () => {
    it('id, slug and description match the docs page and the README table', () => assertRuleMetadataMatchesDocs(rule));
    describe('valid', () => {
      for (const entry of tests.valid) {
        const valid: ValidCase = typeof entry === 'string' ? { code: entry } : entry;
        it(label(valid.code, valid.name), () => {
          const found = ruleDiagnostics(rule, valid.code, valid.settings, valid.today);
          assert.deepEqual(found.map(describeDiagnostic), [], 'expected no diagnostics');
        });
      }
    });
    describe('invalid', () => {
      for (const invalid of tests.invalid) {
        it(label(invalid.code, invalid.name), () => {
          const found = ruleDiagnostics(rule, invalid.code, invalid.settings, invalid.today);
          assert.equal(
            found.length,
            invalid.errors.length,
            `expected ${invalid.errors.length} diagnostic(s), got:\n${found.map(describeDiagnostic).join('\n')}`,
          );
          invalid.errors.forEach((expected, i) => {
            const d = found[i];
            const where = `diagnostic ${i + 1} (${describeDiagnostic(d)})`;
            assert.equal(d.range.start.line + 1, expected.line, `${where}: line`);
            assert.equal(d.range.start.character + 1, expected.column, `${where}: column`);
            if (expected.endLine !== undefined) assert.equal(d.range.end.line + 1, expected.endLine, `${where}: endLine`);
            if (expected.endColumn !== undefined) assert.equal(d.range.end.character + 1, expected.endColumn, `${where}: endColumn`);
            if (expected.messageIncludes !== undefined) {
              assert.ok(d.message.includes(expected.messageIncludes), `${where}: message should include "${expected.messageIncludes}"`);
            }
            if (expected.severity !== undefined) assert.equal(d.severity, expected.severity, `${where}: severity`);
          });
          if (invalid.output !== undefined) {
            assert.equal(applyFirstFixes(invalid.code, found), invalid.output);
            assertFixesPassTheCheck(invalid.code, found);
          }
          if (invalid.fixTitle !== undefined) assert.equal(found[0]?.fixes?.[0]?.title, invalid.fixTitle);
          if (invalid.fixSafe !== undefined) assert.equal(found[0]?.fixes?.[0]?.safe ?? false, invalid.fixSafe, 'the first fix\'s safe flag');
        });
      }
    });
  });
}
