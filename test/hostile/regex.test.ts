/**
 * Regular-expression bombs: 1 MB inputs built from the overlapping prefixes of the patterns applied to user text
 * (`](` for link targets, runs of spaces, `@`, `<`, `[`, dots, long words, list markers...), through the public
 * entry points: lint of a document whose field holds the input, parse, CODEOWNERS, the settings file, render.
 * Each must finish within a generous bound: the quadratic cases this guards against took from seconds
 * (200 KB of `](`: 9.5 s) to hours at this size. Linear work on 1 MB takes well under a second to a few seconds
 * (the YAML library on a megabyte of syntax errors); the bound leaves room for a shared, saturated CI machine
 * and still fails any quadratic path by minutes. The time of each case is printed, for the report.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../src/core/lint';
import { parsePostmortem } from '../../src/core/parse';
import { parseCodeowners } from '../../src/core/repositoryPeople';
import { readProjectConfig } from '../../src/core/config';
import { renderReport } from '../../src/render/index';

const SIZE = 1_000_000;
const BOUND_MS = 30_000;

/** `unit` repeated to 1 MB. */
const repeat = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const PAYLOADS: Record<string, string> = {
  'link targets `](`': repeat(']('),
  'spaces then a letter': ' '.repeat(SIZE) + 'x',
  'spaces then a comma': ' '.repeat(SIZE) + ',x',
  '`@`': repeat('@'),
  '`x@`': repeat('x@'),
  '`@bob `': repeat('@bob '),
  '`a@b.`': repeat('a@b.'),
  '`http://`': repeat('http://'),
  'one long word': 'a'.repeat(SIZE) + '!',
  'dots then a letter': '.'.repeat(SIZE) + 'x',
  '`a.`': repeat('a.'),
  'dashes between letters': 'a' + '-'.repeat(SIZE) + 'b',
  '`a-`': repeat('a-'),
  '`Aa-`': repeat('Aa-'),
  'backticks `a': repeat('`a'),
  'fences ```': repeat('```'),
  '`*`': repeat('*'),
  '`[`': repeat('['),
  '`<`': repeat('<'),
  '`#`': repeat('#'),
  '`: `': repeat(': '),
  'quotes': repeat('"'),
  "`'s`": repeat("'s"),
  'capital letters': repeat('A'),
  'capitalised names': repeat('Bob Smith '),
  '`, and `': repeat(', and '),
  '` and`': repeat(' and'),
  '`engineer, `': repeat('engineer, '),
  '`the engineer `': repeat('the engineer '),
  'blame sentences': repeat('Bob forgot to check. '),
  'tabs and spaces': repeat('\t '),
};

/** A complete post-mortem whose `field` holds `payload` (one line of a literal block scalar). */
function documentWith(field: 'description' | 'owner' | 'action', payload: string): string {
  const block = (indent: string, value: string): string => `|\n${indent}${value}`;
  const put = (name: typeof field, indent: string): string => block(indent, name === field ? payload : 'x');
  return `id: INC-2026-01-01-001
title: Hostile text
status: reviewed
authors: [Bob Smith]
services: [api]
summary:
  start: 2026-01-01T10:00:00Z
  end: 2026-01-01T11:00:00Z
  severity: SEV-2
  impact: { users_affected: 10 }
  detection: { method: monitoring, first_alert: 2026-01-01T10:05:00Z }
  description: ${put('description', '    ')}
timeline:
  - { at: 2026-01-01T10:00:00Z, event: Errors rose, kind: trigger }
  - { at: 2026-01-01T11:00:00Z, event: Fixed, kind: resolved }
root_cause:
  whys: [The deploy had no canary]
  category: testing
contributing_factors:
  testing: { score: 3, notes: No canary }
action_items:
  - action: ${put('action', '      ')}
    owner: ${put('owner', '      ')}
    deadline: 2026-02-01
    priority: P1
    status: open
    type: prevent
`;
}

function timed(label: string, run: () => unknown): void {
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  console.log(`  ${label}: ${ms.toFixed(0)} ms`);
  assert.ok(ms < BOUND_MS, `${label} took ${ms.toFixed(0)} ms (bound ${BOUND_MS} ms)`);
}

describe('1 MB adversarial text in a field, through lint', () => {
  for (const [name, payload] of Object.entries(PAYLOADS)) {
    it(`description holding ${name}`, () => {
      timed(`lint, description = ${name}`, () => {
        const { diagnostics } = lintText(documentWith('description', payload), { today: '2026-11-27', settings: { people: ['Bob Smith'] } });
        assert.ok(!diagnostics.some((d) => /could not finish/.test(d.message)), 'no rule aborted');
      });
    });
  }
  for (const name of ['`<`', '`@`', '`x@`', '`a@b.`', 'spaces then a letter', 'capitalised names', '`, and `']) {
    it(`owner holding ${name}`, () => timed(`lint, owner = ${name}`, () => lintText(documentWith('owner', PAYLOADS[name]), { today: '2026-11-27' })));
  }
  for (const name of ['one long word', 'spaces then a letter', 'dots then a letter', '` and`', 'blame sentences']) {
    it(`action holding ${name}`, () => timed(`lint, action = ${name}`, () => lintText(documentWith('action', PAYLOADS[name]), { today: '2026-11-27' })));
  }
});

describe('1 MB adversarial description, rendered (markdown-it and the renderers)', () => {
  for (const name of ['`[`', 'backticks `a', '`<`', '`*`', 'link targets `](`', 'fences ```', '`a-`', '`: `']) {
    it(`description holding ${name}`, () => {
      const parsed = parsePostmortem(documentWith('description', PAYLOADS[name]));
      for (const format of ['html', 'markdown'] as const) {
        timed(`render ${format}, description = ${name}`, () => renderReport({ parsed, diagnostics: [], today: { year: 2026, month: 11, day: 27 } }, format));
      }
    });
  }
});

describe('1 MB adversarial YAML, parsed', () => {
  const texts: Record<string, string> = {
    'a key of spaces before its colon': `title${' '.repeat(SIZE)}: x\n`,
    'runs of `: `': `title: ${repeat(': ')}\n`,
    'a double-quoted run of backslashes': `title: "${repeat('\\\\')}"\n`,
    "a single-quoted run of ''": `title: '${repeat("''")}'\n`,
    'one line of `#`': repeat('#'),
    '`- ` runs': repeat('- '),
    'a duplicate key, 100,000 times': 'a: 1\n'.repeat(100_000),
    '100,000 unknown keys': Array.from({ length: 100_000 }, (_, i) => `key_${i}: ${i}`).join('\n'),
  };
  for (const [name, text] of Object.entries(texts)) {
    it(name, () => timed(`parse+lint, ${name}`, () => lintText(text, { today: '2026-11-27' })));
  }

  it('100,000 unknown keys: at most 100 schema messages and one that counts the rest', () => {
    const { diagnostics } = lintText(`id: INC-2026-01-01-001\n${texts['100,000 unknown keys']}\n`, { today: '2026-11-27' });
    const schema = diagnostics.filter((d) => d.rule === 'schema');
    assert.equal(schema.length, 101);
    assert.ok(schema.some((d) => /^\d+ more problems with the post-mortem format are not shown; fix the 100 above first\.$/.test(d.message)));
  });

  it('nesting: 199 levels parse, 201 are one error (not composed: deep recursion could abort the process)', () => {
    assert.notEqual(parsePostmortem(`${'['.repeat(199)}${']'.repeat(199)}`).data, undefined);
    const deep = parsePostmortem(`title: ${'['.repeat(201)}${']'.repeat(201)}`);
    assert.equal(deep.data, undefined);
    assert.deepEqual(
      deep.syntaxDiagnostics.map((d) => d.message),
      ['The YAML nests more than 200 levels deep here; a post-mortem needs only a few. Is this a YAML file?'],
    );
  });

  it('a duplicate key is still an error, on the second key', () => {
    const { diagnostics } = lintText('id: INC-2026-01-01-001\ntitle: a\ntitle: b\n', { today: '2026-11-27' });
    const duplicate = diagnostics.filter((d) => /appears twice/.test(d.message));
    assert.equal(duplicate.length, 1);
    assert.deepEqual(duplicate[0].range.start, { line: 2, character: 0 });
  });
});

describe('1 MB adversarial CODEOWNERS and settings', () => {
  for (const [name, line] of Object.entries({
    'a path of spaces': `*${' '.repeat(SIZE)}@bob`,
    'a section header of `[`': repeat('['),
    'owners `a@a.a.a...`': `* a@${repeat('a.')}1`,
    'a field of `@`': `* ${repeat('@')}`,
    'escaped spaces': `*${repeat('\\ ')} @bob`,
  })) {
    it(`CODEOWNERS: ${name}`, () => timed(`CODEOWNERS, ${name}`, () => parseCodeowners(`${line}\n* @alice\n`)));
  }
  for (const name of ['`<`', '`@`', 'spaces then a letter', 'capitalised names', '`a@b.`']) {
    it(`.postmortem.yaml people entry holding ${name}`, () => {
      timed(`settings + lint, people = ${name}`, () => {
        const config = readProjectConfig(`people:\n  - ${JSON.stringify(PAYLOADS[name])}\n`);
        lintText(documentWith('description', 'Bob Smith forgot to run the migration.'), { today: '2026-11-27', settings: config.settings });
      });
    });
  }
});
