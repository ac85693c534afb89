import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/lines';

test('LF: positions and offsets round-trip', () => {
  const lines = new LineIndex('ab\ncd\n');
  assert.equal(lines.lineCount, 3);
  assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(5), { line: 1, character: 2 });
  assert.deepEqual(lines.positionAt(6), { line: 2, character: 0 });
  for (let offset = 0; offset <= 6; offset++) assert.equal(lines.offsetAt(lines.positionAt(offset)), offset);
});

test('CRLF: \\r\\n is one line break and never part of a line', () => {
  const lines = new LineIndex('ab\r\ncd\r\n');
  assert.equal(lines.lineCount, 3);
  assert.equal(lines.lineText(0), 'ab');
  assert.equal(lines.lineText(1), 'cd');
  assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
  // Between \r and \n: clamped to the end of the line, never past it.
  assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
  assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  assert.equal(lines.lineEnd(0), 2);
  assert.equal(lines.lineStart(1), 4);
});

test('a lone \\r is a line break, as in VS Code', () => {
  const lines = new LineIndex('a\rb\nc');
  assert.equal(lines.lineCount, 3);
  assert.deepEqual(lines.positionAt(2), { line: 1, character: 0 });
  assert.equal(lines.lineText(2), 'c');
});

test('columns are UTF-16 code units: an emoji counts two, a combining mark one', () => {
  const lines = new LineIndex('🔥 e\u0301x\n火事y');
  assert.deepEqual(lines.positionAt('🔥 e\u0301'.length), { line: 0, character: 5 });
  assert.deepEqual(lines.positionAt('🔥 e\u0301x\n火事'.length), { line: 1, character: 2 });
});

test('out-of-range offsets and positions are clamped', () => {
  const lines = new LineIndex('ab\ncd');
  assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
  assert.equal(lines.offsetAt({ line: -1, character: 0 }), 0);
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), 5);
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
});

test('rangeOf and the empty text', () => {
  const lines = new LineIndex('ab\ncd');
  assert.deepEqual(lines.rangeOf(1, 4), { start: { line: 0, character: 1 }, end: { line: 1, character: 1 } });
  const empty = new LineIndex('');
  assert.equal(empty.lineCount, 1);
  assert.deepEqual(empty.positionAt(0), { line: 0, character: 0 });
  assert.equal(empty.lineText(0), '');
});
