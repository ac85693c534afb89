// The bad-input list of the foundation issue: each gives a clear diagnostic,
// never an exception and never a hang. (No timed assertions: a hang would
// time the test run out; speed is measured by `npm run bench`.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/lint';
import { MAX_CHECKED_LENGTH } from '../../src/core/parse';
import type { Diagnostic } from '../../src/core/types';

const VALID = readFileSync(join(__dirname, '../fixtures/valid.pm.yaml'), 'utf8');

function lint(text: string): Diagnostic[] {
  return lintText(text, { today: '2026-11-27' }).diagnostics;
}

function span(d: Diagnostic): [number, number, number, number] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

test('the valid fixture is clean with every rule', () => {
  assert.deepEqual(lint(VALID), []);
});

test('malformed YAML: an unclosed flow sequence', () => {
  const diagnostics = lint('id: INC-2026-03-02-001\nservices: [checkout-api, payments\ntitle: x\n');
  assert.ok(diagnostics.length >= 1);
  assert.ok(diagnostics.every((d) => d.rule === 'yaml-syntax' && d.severity === 'error'));
  assert.match(diagnostics[0].message, /^The list opened with `\[` is not closed: end it with `\]`/);
  // Reported where the parser finds the line that cannot continue the list.
  assert.equal(diagnostics[0].range.start.line, 2);
});

test('malformed YAML: a mapping value where none is allowed', () => {
  const [first] = lint('id: a: b\n');
  assert.equal(first.rule, 'yaml-syntax');
  assert.match(first.message, /YAML syntax error: nested mappings are not allowed in compact mappings/);
  assert.deepEqual(span(first), [0, 4, 0, 5]);
});

test('malformed YAML: an unterminated quoted string', () => {
  const diagnostics = lint('title: "Checkout latency\nstatus: draft\n');
  assert.ok(diagnostics.length >= 1);
  assert.equal(diagnostics[0].rule, 'yaml-syntax');
  assert.match(diagnostics[0].message, /quote|quoted/i);
});

test('several documents in one stream: one diagnostic at the second `---`', () => {
  const diagnostics = lint(`${VALID}---\nid: INC-2026-03-03-001\n`);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].rule, 'yaml-syntax');
  assert.match(diagnostics[0].message, /one YAML document, but this file has 2/);
  const line = VALID.split('\n').length - 1;
  assert.deepEqual(span(diagnostics[0]), [line, 0, line, 3]);
});

test('a scalar where the root mapping belongs', () => {
  const [d] = lint('Checkout was slow on Monday.\n');
  assert.equal(d.rule, 'schema');
  assert.match(d.message, /must be a mapping of keys .* but this file holds the text `Checkout was slow on Monday\.`/);
  assert.deepEqual(span(d), [0, 0, 0, 28]);
});

test('a list where the root mapping belongs', () => {
  const [d] = lint('- id: INC-2026-03-02-001\n- title: x\n');
  assert.match(d.message, /but this file holds a list\.$/);
  assert.deepEqual(span(d), [0, 0, 0, 24]);
});

test('a scalar and a list where nested mappings belong', () => {
  const text = VALID.replace(/summary:\n(  .*\n|    .*\n|\n(?= ))*/, 'summary: slow checkout\n').replace(/contributing_factors:\n(  .*\n)+/, 'contributing_factors:\n  - testing\n  - process\n');
  const schema = lint(text).filter((d) => d.rule === 'schema');
  assert.deepEqual(
    schema.map((d) => d.message),
    [
      '`summary` must be a mapping of keys (start, end, severity, impact, ...), but it is the text `slow checkout`',
      '`contributing_factors` must be a mapping of keys (monitoring, testing, documentation, process, ...), but it is a list',
    ],
  );
});

test('a mapping where a list belongs', () => {
  const text = VALID.replace(/went_well:\n(  .*\n)+/, 'went_well:\n  rollback: fast\n');
  const d = lint(text).find((x) => x.rule === 'schema');
  assert.equal(d?.message, '`went_well` must be a list of texts, but it is a mapping');
});

test('an alias bomb (billion laughs) is refused quickly with a clear diagnostic', () => {
  const lines = ['lol0: &lol0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`lol${i}: &lol${i} [${Array.from({ length: 10 }, () => `*lol${i - 1}`).join(', ')}]`);
  const diagnostics = lint(lines.join('\n') + '\n');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].rule, 'yaml-syntax');
  assert.match(diagnostics[0].message, /alias bomb/);
  assert.equal(diagnostics[0].range.start.line > 0, true, 'points at an alias, not the top of the file');
});

test('an alias with no anchor names the alias', () => {
  const [d] = lint('id: INC-2026-03-02-001\ntitle: *name\n');
  assert.equal(d.rule, 'yaml-syntax');
  assert.equal(d.message, 'The alias `*name` refers to no anchor: define `&name` on a value before this point, or write the value out.');
  assert.deepEqual(span(d), [1, 7, 1, 12]);
});

test('anchors and aliases used sensibly are fine', () => {
  const text = VALID.replace('services: [checkout-api, payments-gateway]', 'services: &svc [checkout-api, payments-gateway]').replace(
    'got_lucky:',
    'x_services: *svc\ngot_lucky:',
  );
  const schema = lint(text).filter((d) => d.rule === 'schema');
  assert.deepEqual(schema.map((d) => d.message), ['Unknown key `x_services` at the top level; did you mean `services`?']);
});

test('a 10 MB file is refused with a clear diagnostic instead of parsed for seconds', () => {
  const entry = '  - at: "14:30"\n    event: Latency measured again on every checkout-api pod\n    kind: note\n';
  const big = VALID.replace('timeline:\n', `timeline:\n${entry.repeat(Math.ceil(10_000_000 / entry.length))}`);
  assert.ok(big.length > MAX_CHECKED_LENGTH);
  const diagnostics = lint(big);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].rule, 'yaml-syntax');
  assert.match(diagnostics[0].message, /^This file is too large to check \(10\.0 million characters; the limit is 4 million\)/);
  assert.deepEqual(span(diagnostics[0]), [0, 0, 0, 22]);
});

test('a large but plausible file (just under the limit) is checked', () => {
  const entry = '  - at: "14:30"\n    event: Latency measured again on every checkout-api pod\n    kind: note\n';
  const large = VALID.replace('timeline:\n', `timeline:\n${entry.repeat(Math.floor((MAX_CHECKED_LENGTH - VALID.length - 1000) / entry.length))}`);
  const schema = lintText(large, { rules: [] }).diagnostics;
  assert.deepEqual(schema, []);
});

test('random bytes, read as Latin-1 or UTF-8, are one "binary data" diagnostic', () => {
  let seed = 42;
  const bytes = Buffer.alloc(100_000);
  for (let i = 0; i < bytes.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed & 0xff;
  }
  for (const encoding of ['latin1', 'utf8'] as const) {
    const diagnostics = lint(bytes.toString(encoding));
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.severity, ...span(d)]), [['yaml-syntax', 'error', 0, 0, 0, 1]], encoding);
    assert.match(diagnostics[0].message, /^This file holds binary data/, encoding);
  }
});

test('NUL bytes and control characters: one error at each, naming the character', () => {
  const text = VALID.replace('title: Checkout latency', 'title: Checkout\u0000late\u0007ncy');
  const diagnostics = lint(text);
  assert.deepEqual(
    diagnostics.map((d) => [d.rule, d.severity, d.message, ...span(d)]),
    [
      ['yaml-syntax', 'error', 'The control character U+0000 (NUL) is not allowed in YAML and is invisible in most editors; delete it.', 1, 15, 1, 16],
      ['yaml-syntax', 'error', 'The control character U+0007 (BEL) is not allowed in YAML and is invisible in most editors; delete it.', 1, 20, 1, 21],
    ],
  );
});

test('many control characters: ten reported, then one summary', () => {
  const text = VALID.replace('title: Checkout latency', `title: Checkout ${'x\u0001'.repeat(15)}`);
  const diagnostics = lint(text).filter((d) => /control character/.test(d.message));
  assert.equal(diagnostics.length, 11);
  assert.equal(diagnostics[10].message, '5 more control characters after this one are not shown; delete them too.');
});

test('DEL and C1 controls are reported; tab and NEL are not', () => {
  const diagnostics = lint(VALID.replace('title: Checkout latency', 'title: Check\u007fout\u0085lat\u0090ency\tx'));
  assert.deepEqual(diagnostics.map((d) => d.message.slice(0, 40)), ['The control character U+007F (DEL) is no', 'The control character U+0090 is not allo']);
});

test('deep nesting is reported, not a stack overflow', () => {
  const diagnostics = lint(`id: ${'['.repeat(50_000)}`);
  assert.ok(diagnostics.length >= 1);
  assert.ok(diagnostics.some((d) => /nests more than 200 levels deep/.test(d.message)));
});

test('a UTF-8 byte-order mark is ignored; positions are counted without it', () => {
  assert.deepEqual(lint(`\ufeff${VALID}`), []);
  const [d] = lint(`\ufeff${VALID.replace('severity: SEV-2', 'severity: SEV-5')}`);
  assert.deepEqual(span(d), [11, 12, 11, 17]);
});

test('UTF-16 read as text is refused with one diagnostic that says to save as UTF-8', () => {
  const utf16 = (s: string): string => [...s].map((c) => `${c}\u0000`).join('');
  for (const text of ['\ufffe' + utf16('id: x\n'), '\ufeff' + utf16('id: x\n'), '\ufffd\ufffd' + utf16('id: x\n'), utf16(VALID)]) {
    const diagnostics = lint(text);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.equal(diagnostics[0].rule, 'yaml-syntax');
    assert.equal(diagnostics[0].severity, 'error');
    assert.match(diagnostics[0].message, /^This file is UTF-16 text .*Save it with UTF-8 encoding/);
  }
});

test('text with many syntax errors and no control characters is capped at a readable number', () => {
  const junk = Array.from({ length: 400 }, (_, i) => `${'[{'.repeat(i % 3)}: ]} "x\n`).join('');
  const diagnostics = lint(junk);
  assert.ok(diagnostics.length > 10 && diagnostics.length <= 51, `got ${diagnostics.length}`);
  assert.match(diagnostics[diagnostics.length - 1].message, /more YAML syntax errors from here on are not shown/);
});

test('a tab used for indentation', () => {
  const diagnostics = lint(VALID.replace('  start: 2026-03-02T14:05:00Z', '\tstart: 2026-03-02T14:05:00Z'));
  assert.ok(diagnostics.length >= 1);
  const tab = diagnostics.find((d) => /Tabs cannot indent YAML/.test(d.message));
  assert.ok(tab, JSON.stringify(diagnostics.map((d) => d.message)));
  assert.equal(tab.range.start.line, 9);
});

test('tabs inside values are fine', () => {
  assert.deepEqual(lint(VALID.replace('title: Checkout latency', 'title:\tCheckout\tlatency')), []);
});

test('a duplicate key is an error on the second occurrence', () => {
  const diagnostics = lint(VALID.replace('  severity: SEV-2\n', '  severity: SEV-2\n  severity: SEV-1\n'));
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].rule, 'yaml-syntax');
  assert.match(diagnostics[0].message, /This key appears twice/);
  assert.deepEqual(span(diagnostics[0]), [12, 2, 12, 10]);
});

test('a date that does not exist: 2026-02-30', () => {
  const d = lint(VALID.replace('reviewed: 2026-03-04', 'reviewed: 2026-02-30')).find((x) => x.rule === 'schema');
  assert.equal(d?.message, '`reviewed` 2026-02-30 is not a real date');
  assert.deepEqual(d && span(d), [4, 10, 4, 20]);
});

test('a date-time without an offset', () => {
  const d = lint(VALID.replace('first_alert: 2026-03-02T14:12:00Z', 'first_alert: 2026-03-02T14:12:00')).find((x) => x.rule === 'schema');
  assert.match(d?.message ?? '', /^`summary\.detection\.first_alert` 2026-03-02T14:12:00 has no UTC offset; add Z for UTC/);
  assert.deepEqual(d && span(d), [17, 17, 17, 36]);
});

test('an empty file and a whitespace-only file', () => {
  for (const text of ['', '   \n\n', '\r\n']) {
    const diagnostics = lint(text);
    assert.equal(diagnostics.length, 1, JSON.stringify(text));
    assert.match(diagnostics[0].message, /^The post-mortem is empty/);
  }
});

test('lone carriage returns are read as line breaks, with one warning at the first', () => {
  const diagnostics = lint(VALID.replace(/\n/g, '\r'));
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
  assert.equal(diagnostics[0].severity, 'warning');
  assert.match(diagnostics[0].message, /^This file breaks lines with lone carriage returns .*Save it with LF or CRLF/);
  assert.deepEqual(span(diagnostics[0]), [0, 22, 1, 0]);
  // A schema error in such a file lands on the line the editor shows (VS Code breaks lines at a lone CR too).
  const [, severity] = lint(VALID.replace('severity: SEV-2', 'severity: SEV-5').replace(/\n/g, '\r'));
  assert.deepEqual(span(severity), [11, 12, 11, 17]);
});

test('lone carriage returns mixed with line feeds are counted', () => {
  const diagnostics = lint(VALID.replace('\ntitle:', '\rtitle:'));
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].message, 'This file mixes lone carriage returns (1) with line feeds; the lone ones are read as line breaks. Save it with one line ending, LF or CRLF.');
});

test('YAML tags: an unknown tag and a type-changing tag each get a warning that says to remove it', () => {
  const at = (text: string) => lint(text).filter((d) => d.rule === 'yaml-syntax').map((d) => [d.severity, d.message, ...span(d)]);
  assert.deepEqual(at(VALID.replace(/^id: /m, 'id: !!int ')), [
    ['warning', 'The YAML tag `!!int` is not used in post-mortems and is ignored; remove it and write the plain value.', 0, 4, 0, 9],
  ]);
  assert.deepEqual(at(VALID.replace(/^id: /m, 'id: !custom ')), [
    ['warning', 'The YAML tag `!custom` is not used in post-mortems and is ignored; remove it and write the plain value.', 0, 4, 0, 11],
  ]);
  assert.deepEqual(at('!!binary id: x\n'), [
    ['warning', 'The YAML tag `!!binary` changes what this value is read as; post-mortems use plain values: remove the tag.', 0, 9, 0, 11],
  ]);
  // `!!str` only says what the value is anyway.
  assert.deepEqual(lint(VALID.replace(/^title: /m, 'title: !!str ')), []);
});

test('a complex key is an unknown key, named', () => {
  const unknown = lint('? [a, b]\n: c\n').find((d) => /^Unknown key/.test(d.message));
  assert.match(unknown?.message ?? '', /^Unknown key `\[ a, b \]` at the top level/);
});
