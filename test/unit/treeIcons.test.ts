import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROBLEM_CODICONS, SEVERITY_CODICONS } from '../../src/extension/review/severityIcons';
import { SEVERITIES } from '../../src/core/model';

test('incident severities have icons of their own, never the Problems panel\'s warning and info (issue 10, item 10)', () => {
  assert.deepEqual(Object.keys(SEVERITY_CODICONS), [...SEVERITIES]);
  const ids = Object.values(SEVERITY_CODICONS).map((icon) => icon.id);
  assert.deepEqual(ids.filter((id) => PROBLEM_CODICONS.has(id)), []);
  assert.equal(new Set(ids).size, ids.length, 'each severity looks different');
});
