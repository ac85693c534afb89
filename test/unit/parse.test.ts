import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../src/core/parse';
import type { Range } from '../../src/core/types';

function r(range: Range | undefined): [number, number, number, number] | undefined {
  return range && [range.start.line, range.start.character, range.end.line, range.end.character];
}

const TEXT = [
  '# header comment', //                       0
  'id: INC-2026-03-02-001', //                 1
  'summary:', //                               2
  '  severity: SEV-2   # trailing', //         3
  '  description: |', //                       4
  '    Two lines', //                          5
  '    of text', //                            6
  'timeline:', //                              7
  '  - at: "14:12"   # first', //              8
  '    kind: alert', //                        9
  '  - { at: "14:20", kind: note }', //        10
  'services: [a, "b\\"c", d]', //              11
  'empty:', //                                 12
  '',
].join('\n');

test('plain data: dates stay strings, "HH:MM" is not sexagesimal, yes stays text', () => {
  const parsed = parsePostmortem('a: 2026-03-02\nb: 10:25\nc: yes\nd: 2026-03-02T10:00:00Z\ne: 0x1F\n');
  assert.deepEqual(parsed.data, { a: '2026-03-02', b: '10:25', c: 'yes', d: '2026-03-02T10:00:00Z', e: 31 });
  assert.deepEqual(parsed.syntaxDiagnostics, []);
});

test('nodeAt, keyRange and valueRange for keys, list items and flow collections', () => {
  const parsed = parsePostmortem(TEXT);
  assert.deepEqual(parsed.syntaxDiagnostics, []);
  assert.deepEqual(r(parsed.keyRange(['summary', 'severity'])), [3, 2, 3, 10]);
  assert.deepEqual(r(parsed.valueRange(['summary', 'severity'])), [3, 12, 3, 17]);
  assert.deepEqual(r(parsed.keyRange(['timeline', 1, 'kind'])), [10, 19, 10, 23]);
  assert.deepEqual(r(parsed.valueRange(['timeline', 1, 'kind'])), [10, 25, 10, 29]);
  assert.deepEqual(r(parsed.valueRange(['services', 1])), [11, 14, 11, 20]);
  assert.equal(parsed.nodeAt(['timeline', 2]), undefined);
  assert.equal(parsed.nodeAt(['nope', 'deeper']), undefined);
});

test('keyRange of a list item is its first line without the comment', () => {
  const parsed = parsePostmortem(TEXT);
  assert.deepEqual(r(parsed.keyRange(['timeline', 0])), [8, 4, 8, 15]);
  assert.deepEqual(r(parsed.keyRange(['timeline', 1])), [10, 4, 10, 31]);
});

test('a key without a value: valueRange falls back to the key', () => {
  const parsed = parsePostmortem(TEXT);
  assert.deepEqual(r(parsed.valueRange(['empty'])), [12, 0, 12, 5]);
});

test('anchorRange walks up to the nearest existing ancestor', () => {
  const parsed = parsePostmortem(TEXT);
  assert.deepEqual(r(parsed.anchorRange(['summary', 'end'])), [2, 0, 2, 7]);
  assert.deepEqual(r(parsed.anchorRange(['timeline', 0, 'event'])), [8, 4, 8, 15]);
  assert.deepEqual(r(parsed.anchorRange(['missing'])), [1, 0, 1, 22]);
});

test('documentStartRange is the first entry, without comments', () => {
  assert.deepEqual(r(parsePostmortem(TEXT).documentStartRange()), [1, 0, 1, 22]);
  assert.deepEqual(r(parsePostmortem('\n\n  # only comments\n').documentStartRange()), [2, 0, 2, 17]);
  assert.deepEqual(r(parsePostmortem('').documentStartRange()), [0, 0, 0, 0]);
});

test('aliases are not followed for ranges (the range would be elsewhere)', () => {
  const parsed = parsePostmortem('base: &b { severity: SEV-1 }\nsummary: *b\n');
  assert.deepEqual(parsed.data, { base: { severity: 'SEV-1' }, summary: { severity: 'SEV-1' } });
  assert.equal(parsed.nodeAt(['summary', 'severity']), undefined);
  assert.deepEqual(r(parsed.anchorRange(['summary', 'severity'])), [1, 0, 1, 7]);
});

test('YAML syntax errors: code, message for a person, exact range', () => {
  const cases: [string, RegExp, [number, number, number, number]][] = [
    ['a: b: c\n', /nested mappings are not allowed/, [0, 3, 0, 4]],
    ['a: 1\na: 2\n', /This key appears twice/, [1, 0, 1, 1]],
    ['"quoted key": 1\n"quoted key": 2\n', /This key appears twice/, [1, 0, 1, 12]],
    ['a:\n\tb: 1\n', /Tabs cannot indent YAML/, [1, 0, 1, 1]],
    ['a: "\\q"\n', /Invalid escape in a double-quoted string/, [0, 4, 0, 6]],
    ['a: [1, 2\nb: 3\n', /The list opened with `\[` is not closed/, [1, 0, 1, 1]],
    ['a: {x: 1\nb: 3\n', /The mapping opened with `\{` is not closed/, [1, 0, 1, 1]],
  ];
  for (const [text, message, range] of cases) {
    const parsed = parsePostmortem(text);
    assert.ok(parsed.hasSyntaxErrors, text);
    const [first] = parsed.syntaxDiagnostics;
    assert.equal(first.rule, 'yaml-syntax');
    assert.match(first.message, message, text);
    assert.deepEqual(r(first.range), range, text);
    assert.equal(parsed.data, undefined, 'no data is built from a broken document');
  }
});

test('a second document: the first is kept, the extra is reported at its separator', () => {
  const parsed = parsePostmortem('a: 1\n---\nb: 2\n---\nc: 3\n');
  assert.deepEqual(parsed.data, { a: 1 });
  assert.equal(parsed.syntaxDiagnostics.length, 1);
  assert.match(parsed.syntaxDiagnostics[0].message, /this file has 3/);
  assert.deepEqual(r(parsed.syntaxDiagnostics[0].range), [1, 0, 1, 3]);
});

test('a document end marker alone is not a second document', () => {
  const parsed = parsePostmortem('a: 1\n...\n');
  assert.deepEqual(parsed.syntaxDiagnostics, []);
  assert.deepEqual(parsed.data, { a: 1 });
});

test('the byte-order mark is removed from the text', () => {
  const parsed = parsePostmortem('\ufeffa: 1\n');
  assert.equal(parsed.text, 'a: 1\n');
  assert.deepEqual(r(parsed.keyRange(['a'])), [0, 0, 0, 1]);
});
