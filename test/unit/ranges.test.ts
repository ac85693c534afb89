// Exact ranges in the places where offsets usually drift: block scalars, flow
// collections, quoted strings with escapes, CRLF line breaks, non-ASCII text
// (positions are UTF-16 code units, as in LSP and VS Code) and byte-order marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../src/core/lint';
import type { Diagnostic } from '../../src/core/types';

function only(text: string): Diagnostic {
  const diagnostics = lintText(text, { rules: [] }).diagnostics;
  assert.equal(diagnostics.length, 1, `expected one diagnostic, got ${JSON.stringify(diagnostics.map((d) => d.message))}`);
  return diagnostics[0];
}

function span(d: Diagnostic): [number, number, number, number] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

const HEAD = ['id: INC-2026-03-02-001', 'title: Checkout latency', 'status: draft', 'summary:'];
const SUMMARY = ['  start: 2026-03-02T14:05:00Z', '  end: 2026-03-02T15:40:00Z', '  severity: SEV-2'];
const doc = (...lines: string[]): string => [...lines, ''].join('\n');

test('a literal block scalar before the error does not shift it', () => {
  const d = only(doc(...HEAD, '  description: |', '    Line one: with a colon', '    - not a list', '', ...SUMMARY.slice(0, 2), '  severity: SEV-9'));
  assert.deepEqual(span(d), [10, 12, 10, 17]);
});

test('a wrong value written as a block scalar underlines its content, not the header', () => {
  const d = only(doc(...HEAD, ...SUMMARY.slice(0, 2), '  severity: |', '    SEV-9'));
  assert.equal(d.message, '`summary.severity` must be one of SEV-1, SEV-2, SEV-3; did you mean `SEV-1`?');
  assert.deepEqual(span(d), [7, 4, 7, 9]);
});

test('a folded block scalar with kept trailing lines ends at its last character', () => {
  const d = only(doc(...HEAD, ...SUMMARY.slice(0, 2), '  severity: >+', '    SEV-9', '', '', 'services: [a]'));
  assert.deepEqual(span(d), [7, 4, 7, 9]);
});

test('an error inside a flow mapping underlines just the value', () => {
  const d = only(doc(...HEAD, ...SUMMARY, 'contributing_factors: { testing: { score: 9, notes: x }, capacity: { score: 1 } }'));
  assert.deepEqual(span(d), [7, 42, 7, 43]);
});

test('an error inside a flow mapping spread over several lines', () => {
  const d = only(doc(...HEAD, ...SUMMARY, 'contributing_factors: {', '  capacity: { score: 1 },', '  testing: {', '    score: -2 }', '}'));
  assert.equal(d.message, '`contributing_factors.testing.score` is `-2`, not a whole number from 0 to 3');
  assert.deepEqual(span(d), [10, 11, 10, 13]);
});

test('an item of a flow sequence underlines the item', () => {
  const d = only(doc(...HEAD, ...SUMMARY, 'services: [checkout-api, 42, payments]'));
  assert.equal(d.message, '`services[1]` must be a non-empty text, but it is `42`');
  assert.deepEqual(span(d), [7, 25, 7, 27]);
});

test('a double-quoted value with escapes is underlined from quote to quote', () => {
  const d = only(doc(...HEAD, ...SUMMARY.slice(0, 2), String.raw`  severity: "SEV\u002D9"`));
  assert.equal(d.message, '`summary.severity` must be one of SEV-1, SEV-2, SEV-3; did you mean `SEV-1`?');
  assert.deepEqual(span(d), [6, 12, 6, 24]);
});

test('a single-quoted value with a doubled quote', () => {
  const d = only(doc(HEAD[0], HEAD[1], `status: 'in''review'`, HEAD[3], ...SUMMARY));
  assert.equal(d.message, '`status` must be one of draft, in-review, reviewed, closed; did you mean `in-review`?');
  assert.deepEqual(span(d), [2, 8, 2, 20]);
});

test('escapes earlier on the same line do not shift a later error', () => {
  const d = only(doc(...HEAD, ...SUMMARY, String.raw`timeline: [{ at: "14:12", event: "say \"hi\"\t\u00e9", kind: alerte }]`));
  assert.deepEqual(span(d), [7, 61, 7, 67]);
});

test('a quoted unknown key is underlined with its quotes', () => {
  const d = only(doc(...HEAD, ...SUMMARY, '  "severty": SEV-1'));
  assert.equal(d.message, 'Unknown key `severty` in `summary`; did you mean `severity`?');
  assert.deepEqual(span(d), [7, 2, 7, 11]);
});

test('a plain scalar continued on the next line spans both lines', () => {
  const d = only(doc(...HEAD, ...SUMMARY.slice(0, 2), '  severity: SEV', '    -9'));
  assert.deepEqual(span(d), [6, 12, 7, 6]);
});

test('CRLF line breaks: the value range is the same as with LF', () => {
  const text = doc(...HEAD, '  description: |', '    Two lines', '    of text', ...SUMMARY.slice(0, 2), '  severity: SEV-9').replace(/\n/g, '\r\n');
  const d = only(text);
  assert.deepEqual(span(d), [9, 12, 9, 17]);
});

test('CRLF line breaks: a missing key underlines the parent key without the \\r', () => {
  const d = only(doc(...HEAD, ...SUMMARY.slice(0, 2)).replace(/\n/g, '\r\n'));
  assert.equal(d.message, '`summary` is missing the required key `severity`');
  assert.deepEqual(span(d), [3, 0, 3, 7]);
});

test('CRLF line breaks: a missing key at the root stops before the \\r', () => {
  const d = only(doc(HEAD[0], HEAD[2], HEAD[3], ...SUMMARY).replace(/\n/g, '\r\n'));
  assert.deepEqual(span(d), [0, 0, 0, 22]);
});

test('an emoji (two UTF-16 units), CJK and a combining mark before the error on the same line', () => {
  // 🔥 is one code point but two UTF-16 code units; é is e + U+0301 (two units).
  const d = only(doc(...HEAD, ...SUMMARY, 'timeline: [{ at: "14:12", event: "🔥 火事 e\u0301", kind: alerte }]'));
  assert.deepEqual(span(d), [7, 51, 7, 57]);
});

test('non-ASCII in the wrong value itself is counted in UTF-16 units', () => {
  const d = only(doc(...HEAD, ...SUMMARY.slice(0, 2), '  severity: 🔥SEV-1'));
  assert.deepEqual(span(d), [6, 12, 6, 19]);
});

test('non-ASCII on earlier lines does not shift later lines', () => {
  const d = only(doc(HEAD[0], 'title: 東京リージョンの障害 🔥🔥', HEAD[2], HEAD[3], ...SUMMARY.slice(0, 2), '  severity: SEV-9'));
  assert.deepEqual(span(d), [6, 12, 6, 17]);
});

test('a byte-order mark is not counted: positions match what the editor shows', () => {
  const d = only('\ufeff' + doc(...HEAD, ...SUMMARY.slice(0, 2), '  severity: SEV-9'));
  assert.deepEqual(span(d), [6, 12, 6, 17]);
  const root = only('\ufeff' + doc(HEAD[1], HEAD[2], HEAD[3], ...SUMMARY));
  assert.deepEqual(span(root), [0, 0, 0, 23]);
});

test('comments and blank lines between keys do not move ranges', () => {
  const d = only(doc('# Post-mortem', '', ...HEAD, '  # when', '', ...SUMMARY.slice(0, 2), '  severity: SEV-9   # was SEV-2'));
  assert.deepEqual(span(d), [10, 12, 10, 17]);
});
