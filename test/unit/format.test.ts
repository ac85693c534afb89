import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration } from '../../src/core/format';
import { formatMinutes } from '../../src/review/format';

test('figure style: how the preview and the quarterly review show a duration', () => {
  assert.equal(formatDuration(150), '2h 30m');
  assert.equal(formatDuration(125), '2h 05m');
  assert.equal(formatDuration(60), '1h');
  assert.equal(formatDuration(45), '45m');
  assert.equal(formatDuration(1500), '1d 1h');
  assert.equal(formatDuration(0.5), '30s');
  assert.equal(formatDuration(-10), '-10m');
});

test('prose style: inside a diagnostic sentence', () => {
  assert.equal(formatDuration(150, 'prose'), '2 h 30 min');
  assert.equal(formatDuration(125, 'prose'), '2 h 5 min');
  assert.equal(formatDuration(120, 'prose'), '2 h');
  assert.equal(formatDuration(14.6, 'prose'), '15 min');
});

test('the review shows durations as the preview does, a dash when not known', () => {
  assert.equal(formatMinutes(90), formatDuration(90));
  assert.equal(formatMinutes(12.5), '13m');
  // Rounded before splitting into hours and minutes: never "1 h 60 min".
  assert.equal(formatMinutes(119.6), '2h');
  assert.equal(formatMinutes(null), '—');
});
