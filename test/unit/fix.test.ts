import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/fix';
import { lintText } from '../../src/core/lint';
import { actionDeadlineWindow } from '../../src/rules/action-deadline-window';

test('edits on the first line of a file with a byte-order mark land where the parser counted them', () => {
  // parsePostmortem (like every editor) counts positions without the BOM; `lint --fix` applies them to the file's text.
  const text = '\uFEFF{reviewed: 2023-08-16, action_items: [{action: Add an alert, owner: SRE, priority: P1, deadline: 2023-09-30}]}\n';
  const [diagnostic] = lintText(text, { rules: [actionDeadlineWindow], today: '2023-08-16' }).diagnostics.filter((d) => d.rule === 'action-deadline-window');
  assert.equal(diagnostic.rule, 'action-deadline-window');
  const fixed = applyEdits(text, diagnostic.fixes![0].edits);
  assert.equal(fixed, '\uFEFF{reviewed: 2023-08-16, action_items: [{action: Add an alert, owner: SRE, priority: P1, deadline: 2023-08-23}]}\n');
});

test('a text without a byte-order mark is edited as before', () => {
  const edit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'X' };
  assert.equal(applyEdits('abc\r\ndef', [edit]), 'Xbc\r\ndef');
});
