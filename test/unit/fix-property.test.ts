// Property tests of every fix a rule offers, on every way YAML can write the values the fix touches:
// plain, single- and double-quoted, block scalars (| > with each chomping, with a header comment),
// anchored (and aliased elsewhere), commented, in flow mappings, with CRLF line breaks and a BOM.
// After the fix: the file parses, the fixed value is what the fix promised, every comment survives,
// and the text outside the edit is byte for byte the same. Where a fix cannot keep that promise
// (an anchor another key aliases), the fix check must refuse it.
// Seeded: fixed when CI is set; fast-check prints the seed of any failure to replay it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, parse } from 'yaml';
import { applyEdits } from '../../src/core/fix';
import { checkFixes } from '../../src/core/fixCheck';
import { lintText } from '../../src/core/lint';
import { LineIndex } from '../../src/core/lines';
import { parsePostmortem } from '../../src/core/parse';
import type { Fix } from '../../src/core/types';
import type { Rule } from '../../src/rules/types';
import { actionDeadlineMissing } from '../../src/rules/action-deadline-missing';
import { actionDeadlineWindow } from '../../src/rules/action-deadline-window';
import { actionOwnerMissing, OWNER_PLACEHOLDER } from '../../src/rules/action-owner-missing';
import { actionWontDoReason } from '../../src/rules/action-wont-do-reason';
import { blameNamedIndividual } from '../../src/rules/blame-named-individual';
import { factorsComplete } from '../../src/rules/factors-complete';
import { RULES } from '../../src/rules/index';

const SEED = process.env.CI ? 20261128 : undefined;
const RUNS = 150;
const TODAY = '2023-08-16';
/** reviewed 2023-08-16 + P1 (7 days): the latest deadline the window rule and the missing-deadline fix set. */
const LATEST_P1 = '2023-08-23';

function assertProperty<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void): void {
  fc.assert(fc.property(arbitrary, check), { seed: SEED, numRuns: RUNS, verbose: 1 });
}

/** How a value is written after `key:`, at `indent` (the key's column). Null forms write nothing (`key:`). */
type Form = (value: string, indent: string, eol: string) => string;

const VALUE_FORMS: Record<string, Form> = {
  plain: (v) => ` ${v}`,
  single: (v) => ` '${v}'`,
  double: (v) => ` "${v}"`,
  commented: (v) => ` ${v}   # the team's date`,
  anchored: (v) => ` &due ${v}`,
  taggedString: (v) => ` !!str ${v}`,
  folded: (v, i, eol) => ` >-${eol}${i}  ${v}`,
  foldedClip: (v, i, eol) => ` >${eol}${i}  ${v}`,
  literal: (v, i, eol) => ` |-${eol}${i}  ${v}`,
  literalClip: (v, i, eol) => ` |${eol}${i}  ${v}`,
  literalKeep: (v, i, eol) => ` |+${eol}${i}  ${v}${eol}`,
  blockWithComment: (v, i, eol) => ` >- # the date${eol}${i}  ${v}`,
  doubleEscaped: (v) => ` "${v.replace(/-/g, '\\x2D')}"`,
};

/** Forms that may stand inside a flow mapping `{ ... }`. */
const FLOW_FORMS = ['plain', 'single', 'double', 'anchored', 'taggedString', 'doubleEscaped'];

/** An absent value: `key:` with nothing, an empty string, null in every spelling, an empty block scalar. */
const EMPTY_FORMS: Record<string, Form> = {
  bare: () => '',
  bareCommented: () => ' # to do',
  emptyDouble: () => ' ""',
  emptySingle: () => " ''",
  tilde: () => ' ~',
  null: () => ' null',
  emptyBlock: () => ' |',
  emptyBlockCommented: () => ' >- # later',
};

interface Layout {
  eol: '\n' | '\r\n';
  bom: boolean;
  /** Comment lines between keys and after values. */
  comments: boolean;
  /** The action item written as a flow mapping `- { action: ..., ... }`. */
  flow: boolean;
  /** An earlier action item before the one under test. */
  earlierItem: boolean;
}

const layout: fc.Arbitrary<Layout> = fc.record({
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  comments: fc.boolean(),
  flow: fc.boolean(),
  earlierItem: fc.boolean(),
});

/** One action item's keys, in order, each with its value text (after the colon) for block and flow. */
type ItemKey = { key: string; block: Form; flowText?: string };

function postmortem(item: ItemKey[], l: Layout, extra = ''): string {
  const e = l.eol;
  const c = (text: string): string => (l.comments ? text : '');
  const lines: string[] = [];
  lines.push('# A post-mortem under --fix');
  lines.push(`id: INC-2023-08-16-001${c('  # the id')}`);
  lines.push('reviewed: 2023-08-16');
  lines.push('status: draft');
  lines.push('action_items:');
  if (l.earlierItem) {
    lines.push('  - action: Add a dashboard for queue depth', '    owner: SRE', '    priority: P2', '    deadline: 2023-08-20', '    status: open');
    if (l.comments) lines.push('  # the item under test');
  }
  if (l.flow && item.every((k) => k.flowText !== undefined)) {
    lines.push(`  - { ${item.map((k) => `${k.key}:${k.flowText}`).join(', ')} }${c('  # flow item')}`);
  } else {
    item.forEach((k, i) => {
      const head = i === 0 ? '  - ' : '    ';
      lines.push(`${head}${k.key}:${k.block('', '    ', e)}`);
      if (l.comments && i < item.length - 1) lines.push('    # between keys');
    });
  }
  if (l.comments) lines.push('# trailing comment');
  if (extra) lines.push(extra);
  return (l.bom ? '\uFEFF' : '') + lines.join(e) + e;
}

/** A key whose value text is `form` applied to `value`. */
function key(name: string, value: string, form: Form, flowForm?: Form): ItemKey {
  return { key: name, block: (_v, i, e) => form(value, i, e), flowText: flowForm ? flowForm(value, '', ' ') : undefined };
}

const plainKey = (name: string, value: string): ItemKey => key(name, value, VALUE_FORMS.plain, VALUE_FORMS.plain);

/** A last key written as a block scalar (`action: |`) or plainly: insertions must go after it, not into it. */
const actionKey = fc.constantFrom('plain', 'literalKeep', 'folded', 'commented', 'double').map((form) =>
  key('action', 'Add an alert on queue depth', VALUE_FORMS[form], FLOW_FORMS.includes(form) ? VALUE_FORMS[form] : undefined),
);

function fixesOf(text: string, rule: Rule, settings = {}): { fixes: Fix[]; messages: string[] } {
  const { diagnostics } = lintText(text, { rules: [rule], today: TODAY, settings });
  const mine = diagnostics.filter((d) => d.rule === rule.slug);
  return { fixes: mine.flatMap((d) => (d.fixes ?? []).filter((f) => f.edits.length > 0 && f.suppresses === undefined)), messages: mine.map((d) => d.message) };
}

function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((t) => t.startsWith('#')).map((t) => t.trimEnd()).sort();
}

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  return path.reduce<unknown>((node, segment) => (node as Record<string | number, unknown> | undefined)?.[segment], data);
}

/**
 * Applies `fix` to `text` (as `lint --fix` does: with its BOM) and checks every promise, independently of
 * the fix check: returns the fixed text.
 */
function assertExactFix(text: string, fix: Fix, expected: Array<{ path: Array<string | number>; value: unknown }>): string {
  assert.equal(fix.edits.length, 1, 'one edit per fix');
  const parsed = parsePostmortem(text);
  const check = checkFixes(parsed, [fix]);
  assert.ok(check.ok, `the fix check refused "${fix.title}": ${check.ok ? '' : check.reason}\n${JSON.stringify(text)}`);

  const after = applyEdits(text, fix.edits);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  assert.equal(after.charCodeAt(0) === 0xfeff, bom === 1, 'the BOM is kept');
  // Byte for byte outside the edit: the same prefix before it and the same suffix after it.
  const lines = new LineIndex(text.slice(bom));
  const start = lines.offsetAt(fix.edits[0].range.start) + bom;
  const end = lines.offsetAt(fix.edits[0].range.end) + bom;
  assert.equal(after.slice(0, start), text.slice(0, start), 'text before the edit unchanged');
  assert.equal(after.slice(start + fix.edits[0].newText.length), text.slice(end), 'text after the edit unchanged');
  if (text.includes('\r\n')) assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/, 'CRLF stays CRLF: no bare line break added');

  const reparsed = parsePostmortem(after);
  assert.deepEqual(reparsed.syntaxDiagnostics.filter((d) => d.severity === 'error'), [], `the result parses:\n${after}`);
  const data = parse(after.slice(bom), { version: '1.2', schema: 'core' });
  for (const { path, value } of expected) assert.deepEqual(valueAt(data, path), value, `${path.join('.')} holds the promised value`);
  const kept = comments(after);
  for (const comment of comments(text)) assert.ok(kept.includes(comment), `comment kept: ${comment}`);
  return after;
}

test('every rule that offers a fix with edits is covered here', () => {
  const covered = new Set([actionDeadlineMissing, actionDeadlineWindow, actionOwnerMissing, actionWontDoReason, blameNamedIndividual, factorsComplete].map((r) => r.slug));
  // Read from the rules' sources (one rule per file): a fix with edits is built with an *Edit( helper or an `edits: [{` literal.
  const offering = RULES.map((rule) => rule.slug).filter((slug) => /Edit\(|edits: \[\{/.test(readFileSync(join(__dirname, '../../src/rules', `${slug}.ts`), 'utf8')));
  assert.deepEqual([...offering].sort(), [...covered].sort(), 'add a property test for each rule whose fixes edit the file');
});

test('action-deadline-window: the deadline becomes the latest allowed date, whatever its style', () => {
  const seen = new Set<string>();
  const forms = Object.keys(VALUE_FORMS);
  assertProperty(fc.record({ l: layout, form: fc.constantFrom(...forms), action: actionKey, aliased: fc.boolean(), order: fc.boolean() }), ({ l, form, action, aliased, order }) => {
    const deadline = key('deadline', '2023-09-30', VALUE_FORMS[form], FLOW_FORMS.includes(form) ? VALUE_FORMS[form] : undefined);
    const others = [plainKey('owner', 'SRE'), plainKey('priority', 'P1')];
    const item = order ? [action, ...others, deadline] : [action, deadline, ...others];
    const aliasUsed = aliased && form === 'anchored';
    const text = postmortem(item, l, aliasUsed ? 'due_again: *due' : '');
    const { fixes } = fixesOf(text, actionDeadlineWindow);
    if (form === 'doubleEscaped' || form === 'literalClip' || form === 'foldedClip' || form === 'literalKeep') {
      // A deadline with a trailing line break or escapes may not read as a date; when it does, the fix must hold.
      if (fixes.length === 0) return;
    }
    assert.equal(fixes.length, 1, `one fix for ${form}:\n${text}`);
    const path = ['action_items', l.earlierItem ? 1 : 0, 'deadline'];
    if (aliasUsed) {
      const check = checkFixes(parsePostmortem(text), fixes);
      assert.equal(check.ok, false, 'changing an anchor that another key aliases changes that key too: refused');
      assert.match(check.ok ? '' : check.reason, /due_again/);
      return;
    }
    assertExactFix(text, fixes[0], [{ path, value: LATEST_P1 }]);
    seen.add(form);
  });
  for (const form of ['plain', 'single', 'double', 'commented', 'anchored', 'folded', 'literal', 'blockWithComment']) assert.ok(seen.has(form), `${form} was tried`);
});

test('the block-scalar deadline of issue 8 is fixed in place and the next key stays on its own line', () => {
  const text = 'reviewed: 2023-08-16\naction_items:\n  - action: Add an alert\n    owner: SRE\n    priority: P1\n    deadline: >-\n      2023-09-30\n    status: open\n';
  const [fix] = fixesOf(text, actionDeadlineWindow).fixes;
  const after = assertExactFix(text, fix, [{ path: ['action_items', 0, 'deadline'], value: LATEST_P1 }]);
  assert.equal(after, text.replace('2023-09-30', LATEST_P1));
});

/** Inserting a key: it is absent, or present with an empty value in any spelling. */
function insertionProperty(rule: Rule, name: string, value: string, item: (missing: ItemKey | undefined) => ItemKey[], settings = {}): void {
  const tried = new Set<string>();
  const emptyForms = [undefined, ...Object.keys(EMPTY_FORMS)];
  assertProperty(fc.record({ l: layout, empty: fc.constantFrom(...emptyForms), place: fc.nat({ max: 3 }) }), ({ l, empty, place }) => {
    const missing = empty === undefined ? undefined : { key: name, block: EMPTY_FORMS[empty], flowText: ['emptyDouble', 'emptySingle', 'tilde', 'null', 'bare'].includes(empty) ? EMPTY_FORMS[empty]('', '', '') : undefined };
    const keys = item(undefined);
    if (missing) keys.splice(Math.min(place, keys.length), 0, missing);
    const text = postmortem(keys, l);
    const { fixes } = fixesOf(text, rule, settings);
    assert.equal(fixes.length, 1, `one fix (${empty ?? 'absent'}):\n${text}`);
    assertExactFix(text, fixes[0], [{ path: ['action_items', l.earlierItem ? 1 : 0, name], value }]);
    tried.add(empty ?? 'absent');
  });
  assert.ok(tried.size >= 6, `several forms tried: ${[...tried].join(', ')}`);
}

test('action-deadline-missing: the deadline is added (or filled in) with the latest allowed date', () => {
  insertionProperty(actionDeadlineMissing, 'deadline', LATEST_P1, () => [
    key('action', 'Add an alert on queue depth', VALUE_FORMS.plain, VALUE_FORMS.plain),
    plainKey('owner', 'SRE'),
    key('priority', 'P1', VALUE_FORMS.commented),
  ]);
});

test('action-owner-missing: the owner placeholder is added (or filled in)', () => {
  insertionProperty(actionOwnerMissing, 'owner', OWNER_PLACEHOLDER, () => [
    key('action', 'Add an alert on queue depth', VALUE_FORMS.literalKeep),
    plainKey('priority', 'P1'),
    key('deadline', '2023-08-20', VALUE_FORMS.single, VALUE_FORMS.single),
  ]);
});

test('action-wont-do-reason: the reason placeholder is added (or filled in)', () => {
  insertionProperty(actionWontDoReason, 'reason', 'TODO-reason', () => [
    plainKey('action', 'Add an alert on queue depth'),
    plainKey('owner', 'SRE'),
    key('status', 'wont-do', VALUE_FORMS.double, VALUE_FORMS.double),
  ]);
});

test('factors-complete: the missing factors are added with score 0, in block and flow mappings', () => {
  const all = ['monitoring', 'testing', 'documentation', 'process', 'knowledge_concentration', 'capacity', 'third_party', 'communication', 'change_management', 'technical_debt'];
  const factorForms: Record<string, (name: string, e: string) => string> = {
    flowValue: (n) => `  ${n}: { score: 1 }`,
    nested: (n, e) => `  ${n}:${e}    score: 1`,
    notesBlock: (n, e) => `  ${n}:${e}    score: 2${e}    notes: |+${e}      It mattered.${e}`,
    commented: (n) => `  ${n}: { score: 1 }   # scored in the review`,
    anchored: (n) => `  ${n}: &f { score: 1 }`,
  };
  assertProperty(
    fc.record({ eol: fc.constantFrom('\n', '\r\n'), bom: fc.boolean(), present: fc.subarray(all, { minLength: 1, maxLength: 9 }), form: fc.constantFrom(...Object.keys(factorForms), 'flowMap', 'emptyFlow') }),
    ({ eol, bom, present, form }) => {
      let body: string;
      if (form === 'flowMap') body = `contributing_factors: { ${present.map((n) => `${n}: { score: 1 }`).join(', ')} }  # flow`;
      else if (form === 'emptyFlow') body = 'contributing_factors: {}  # none yet';
      else body = ['contributing_factors:  # scores', ...present.map((n) => factorForms[form](n, eol))].join(eol);
      const text = (bom ? '\uFEFF' : '') + ['# factors', 'id: INC-2023-08-16-001', body.replace(/\r?\n/g, eol), 'went_well: []'].join(eol) + eol;
      const { fixes } = fixesOf(text, factorsComplete);
      const missing = form === 'emptyFlow' ? all : all.filter((n) => !present.includes(n));
      assert.equal(fixes.length, 1, text);
      assertExactFix(text, fixes[0], missing.map((n) => ({ path: ['contributing_factors', n], value: { score: 0 } })));
    },
  );
});

test('blame-named-individual: the name is replaced inside the value, whatever the scalar style', () => {
  const sentence = 'Rollback was quick even though Mark Chen accidentally deleted the staging bucket.';
  const styles: Record<string, (s: string, e: string) => string> = {
    plain: (s) => ` ${s}`,
    single: (s) => ` '${s}'`,
    double: (s) => ` "${s}"`,
    commented: (s) => ` ${s}  # from the review`,
    anchored: (s) => ` &w ${s}`,
    literal: (s, e) => ` |${e}      ${s}`,
    folded: (s, e) => ` >-  # folded${e}      ${s.replace(' accidentally ', `${e}      accidentally `)}`,
    plainMultiline: (s, e) => ` ${s.replace(' deleted ', `${e}      deleted `)}`,
  };
  const tried = new Set<string>();
  assertProperty(fc.record({ eol: fc.constantFrom('\n', '\r\n'), bom: fc.boolean(), style: fc.constantFrom(...Object.keys(styles)), which: fc.nat({ max: 2 }) }), ({ eol, bom, style, which }) => {
    const text = (bom ? '\uFEFF' : '') + ['authors: [Mark Chen]  # the writer', 'went_well:', `  - Paging worked`, `  -${styles[style](sentence, eol)}`, '  - The runbook was current'].join(eol) + eol;
    const { fixes } = fixesOf(text, blameNamedIndividual);
    assert.ok(fixes.length >= 2, `fixes offered for ${style}:\n${text}`);
    const fix = fixes[which % fixes.length];
    const after = assertExactFix(text, fix, fix.changes!.map((c) => ({ path: [...c.path], value: c.value })));
    const value = String(valueAt(parse(after.replace(/^\uFEFF/, '')), ['went_well', 1]));
    assert.doesNotMatch(value, /Mark Chen/);
    assert.match(value, /engineer|The deploy|the /);
    tried.add(style);
  });
  assert.ok(tried.size >= 6, [...tried].join(', '));
});
