/** The checks of a file as text, before YAML: encodings, control characters, line breaks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, describeCodePoint, isDisallowedControl, textForParsing } from '../../src/core/textChecks';

test('YAML 1.2 printable set: tab, LF, CR and NEL allowed; other C0, DEL and C1 not', () => {
  const allowed = [0x09, 0x0a, 0x0d, 0x20, 0x7e, 0x85, 0xa0, 0x263a];
  const refused = [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x84, 0x86, 0x9f];
  for (const code of allowed) assert.equal(isDisallowedControl(code), false, describeCodePoint(code));
  for (const code of refused) assert.equal(isDisallowedControl(code), true, describeCodePoint(code));
  assert.equal(describeCodePoint(0x1b), 'U+001B (ESC)');
  assert.equal(describeCodePoint(0x9f), 'U+009F');
});

test('clean text, CRLF text and tabs have no problem', () => {
  assert.deepEqual(checkText('id: a\r\ntitle: b\tc\r\n'), []);
  assert.deepEqual(checkText(''), []);
});

test('lone carriage returns become line feeds one for one, so offsets stay valid', () => {
  const text = 'a: 1\rb: 2\r\nc: 3\r';
  const parsed = textForParsing(text);
  assert.equal(parsed, 'a: 1\nb: 2\r\nc: 3\n');
  assert.equal(parsed.length, text.length);
  assert.equal(textForParsing('no breaks'), 'no breaks');
  assert.equal(textForParsing('crlf\r\nonly\r\n'), 'crlf\r\nonly\r\n');
});

test('a lone CR problem points at the first one and counts them when mixed', () => {
  const [problem] = checkText('a: 1\nb: 2\rc: 3\rd: 4\n');
  assert.equal(problem.kind, 'lone-cr');
  assert.deepEqual([problem.start, problem.end], [9, 10]);
  assert.match(problem.message, /mixes lone carriage returns \(2\) with line feeds/);
});

test('a fatal problem (UTF-16, binary) comes alone', () => {
  const utf16 = [...'id: INC-1\ntitle: x\n'].map((c) => `${c}\u0000`).join('');
  assert.deepEqual(checkText(utf16).map((p) => [p.kind, p.fatal]), [['utf16', true]]);
  const binary = '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008'.repeat(20);
  assert.deepEqual(checkText(binary).map((p) => [p.kind, p.fatal]), [['binary', true]]);
  // A few control characters in real text are reported one by one, not as a binary file.
  assert.deepEqual(checkText(`title: ${'x'.repeat(500)}\u0000\u0000`).map((p) => [p.kind, p.start]), [['control-character', 507], ['control-character', 508]]);
});

test('a megabyte of control characters and carriage returns is one linear pass', () => {
  const big = 'ab\r'.repeat(350_000);
  const problems = checkText(big);
  assert.deepEqual(problems.map((p) => p.kind), ['lone-cr']);
  assert.equal(textForParsing(big).length, big.length);
});
