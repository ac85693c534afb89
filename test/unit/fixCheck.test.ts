import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFixes } from '../../src/core/fixCheck';
import { parsePostmortem } from '../../src/core/parse';
import type { Fix } from '../../src/core/types';

const TEXT = '# top\nreviewed: 2023-08-16\naction_items:\n  - action: Add an alert  # why\n    deadline: 2023-09-30\n    status: open\n';

/** A fix replacing `from` (first occurrence) by `to`, promising `changes`. */
function fixReplacing(text: string, from: string, to: string, changes: Fix['changes']): Fix {
  const offset = text.indexOf(from);
  const lines = parsePostmortem(text).lines;
  return { title: 'test fix', edits: [{ range: lines.rangeOf(offset, offset + from.length), newText: to }], changes };
}

test('a fix that changes only its path, to the promised value, is accepted', () => {
  const check = checkFixes(parsePostmortem(TEXT), [fixReplacing(TEXT, '2023-09-30', '2023-08-23', [{ path: ['action_items', 0, 'deadline'], value: '2023-08-23' }])]);
  assert.ok(check.ok);
  assert.equal(check.text, TEXT.replace('2023-09-30', '2023-08-23'));
});

test('a fix whose result does not parse is refused with the parser’s reason', () => {
  const check = checkFixes(parsePostmortem(TEXT), [fixReplacing(TEXT, '2023-09-30', '[2023-08-23', [{ path: ['action_items', 0, 'deadline'], value: '2023-08-23' }])]);
  assert.equal(check.ok, false);
  assert.match(check.ok ? '' : check.reason, /would not parse/);
});

test('a fix that swallows the line break after its value (the old block-scalar bug) is refused', () => {
  const text = 'action_items:\n  - deadline: >-\n      2023-09-30\n    status: open\n';
  const start = text.indexOf('>-');
  const end = text.indexOf('    status');
  const lines = parsePostmortem(text).lines;
  const fix: Fix = { title: 'old edit', edits: [{ range: lines.rangeOf(start, end), newText: '2023-08-23' }], changes: [{ path: ['action_items', 0, 'deadline'], value: '2023-08-23' }] };
  const check = checkFixes(parsePostmortem(text), [fix]);
  assert.equal(check.ok, false);
  assert.match(check.ok ? '' : check.reason, /would be "2023-08-23    status: open"|would not parse|more than/);
});

test('a fix that changes another key is refused and names it', () => {
  const check = checkFixes(parsePostmortem(TEXT), [fixReplacing(TEXT, 'open', 'done', [{ path: ['action_items', 0, 'deadline'] }])]);
  assert.equal(check.ok, false);
  assert.match(check.ok ? '' : check.reason, /more than action_items\[0\]\.deadline \(also action_items\[0\]\.status\)/);
});

test('a fix whose value differs from its promise is refused', () => {
  const check = checkFixes(parsePostmortem(TEXT), [fixReplacing(TEXT, '2023-09-30', '2023-08-24', [{ path: ['action_items', 0, 'deadline'], value: '2023-08-23' }])]);
  assert.equal(check.ok, false);
  assert.match(check.ok ? '' : check.reason, /action_items\[0\]\.deadline would be "2023-08-24", not "2023-08-23"/);
});

test('a fix that drops a comment is refused', () => {
  const check = checkFixes(parsePostmortem(TEXT), [fixReplacing(TEXT, 'Add an alert  # why', 'Add an alert', [{ path: ['action_items', 0, 'action'], value: 'Add an alert' }])]);
  assert.equal(check.ok, false);
  assert.match(check.ok ? '' : check.reason, /lose the comment "# why"/);
});

test('a fix that edits an anchor another key aliases is refused: the alias would change too', () => {
  const text = 'a: &d 2023-09-30\nb: *d\n';
  const check = checkFixes(parsePostmortem(text), [fixReplacing(text, '2023-09-30', '2023-08-23', [{ path: ['a'], value: '2023-08-23' }])]);
  assert.equal(check.ok, false);
  assert.match(check.ok ? '' : check.reason, /also b/);
});

test('a fix that does not say what it changes, or a file with YAML errors, is refused', () => {
  assert.equal(checkFixes(parsePostmortem(TEXT), [fixReplacing(TEXT, 'open', 'done', undefined)]).ok, false);
  const broken = 'a: [1\nb: 2\n';
  assert.equal(checkFixes(parsePostmortem(broken), [fixReplacing(broken, '2', '3', [{ path: ['b'], value: 3 }])]).ok, false);
});
