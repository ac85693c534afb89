import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXCERPT_LENGTH, escapeJsonForTerminal, escapeOutput, escapeTerminal, excerpt, printable } from '../../src/core/excerpt';

test('printable escapes C0, DEL, C1, line separators and bidi controls, and leaves other text alone', () => {
  assert.equal(printable('a\u001b[31mb\u0007c\u007fd\u009be\u202ef\u2066g\u2028h\ni\tj\rk'), 'a\\x1b[31mb\\x07c\\x7fd\\x9be\\u202ef\\u2066g\\u2028h\\ni\\tj\\rk');
  assert.equal(printable('Zoë · 東京 · emoji 🚀 · 100%'), 'Zoë · 東京 · emoji 🚀 · 100%');
});

test('escapeTerminal keeps line breaks and tabs, turns CRLF into LF, escapes a lone CR', () => {
  assert.equal(escapeTerminal('one\r\ntwo\tx\rthree\u001b[2J'), 'one\ntwo\tx\\rthree\\x1b[2J');
});

test('excerpt: one line, at most EXCERPT_LENGTH characters with an ellipsis, escaped after the cut', () => {
  assert.equal(excerpt('short  value\n here'), 'short value here');
  const long = 'x'.repeat(10_000);
  assert.equal(excerpt(long), `${'x'.repeat(EXCERPT_LENGTH - 1)}…`);
  assert.equal(excerpt('\u001b'.repeat(100), 4), '\\x1b\\x1b\\x1b…');
  // A cut never splits a surrogate pair.
  assert.equal(excerpt('🚀'.repeat(5), 3), '🚀🚀…');
});

test('JSON output: the escaped characters come back as the same characters', () => {
  const value = { title: 'a\u009bb\u202ec\u007fd\u001be' };
  const escaped = escapeJsonForTerminal(JSON.stringify(value));
  assert.equal(escaped, '{"title":"a\\u009bb\\u202ec\\u007fd\\u001be"}');
  assert.deepEqual(JSON.parse(escaped), value);
  assert.equal(escapeOutput(JSON.stringify(value), 'sarif'), escaped);
  assert.equal(escapeOutput('<p>\u001b</p>', 'html'), '<p>\u001b</p>');
  assert.equal(escapeOutput('# T\u001b\n', 'markdown'), '# T\\x1b\n');
});
