import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, formatMoney } from '../../src/core/format';
import { formatMoney as previewMoney } from '../../src/render/format';
import { factorLabel, formatCost, formatMinutes, formatPct, formatRate, formatStats } from '../../src/review/format';

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

test('money: one rule for the preview and the quarterly review', () => {
  // The currency's own minor unit, always shown.
  assert.equal(formatMoney(3000, 'USD'), '$3,000.00');
  assert.equal(formatMoney(1234.5, 'EUR'), '€1,234.50');
  assert.equal(formatMoney(1234.5, 'JPY'), '¥1,235');
  assert.equal(formatMoney(-250, 'USD'), '-$250.00');
  assert.equal(formatMoney(0.004, 'USD'), '$0.00');
  // Lower case and padding are still the currency the user meant.
  assert.equal(formatMoney(10, ' usd '), '$10.00');
  // No currency: the number with two decimals.
  assert.equal(formatMoney(3000, null), '3,000.00');
  assert.equal(formatMoney(3000, undefined), '3,000.00');
  assert.equal(formatMoney(3000, '  '), '3,000.00');
  // A code Intl rejects: the number and the code as written, never a throw.
  assert.equal(formatMoney(1234.5, 'EURO'), '1,234.50 EURO');
  assert.equal(formatMoney(1234.5, '$'), '1,234.50 $');
});

test('money: the preview and the review format an amount identically', () => {
  for (const [amount, currency] of [[87000, 'USD'], [1234.5, 'EUR'], [99, null], [5, 'EURO']] as const) {
    assert.equal(previewMoney(amount, currency), formatMoney(amount, currency));
    assert.equal(formatCost(amount, currency), formatMoney(amount, currency));
  }
  assert.equal(formatCost(null, 'USD'), '—', 'the review shows a dash for an unknown amount');
});

test('review figures: sample stats, percentages, rates and factor names as the review prints them', () => {
  assert.equal(formatStats({ mean: 90, median: 30, p90: 125, n: 3 }), 'mean 1h 30m, median 30m, p90 2h 05m (n = 3)');
  assert.equal(formatStats({ mean: null, median: null, p90: null, n: 0 }), 'not known (n = 0)');
  // A change: signed, grouped like money, at most two decimals; none when there is no previous quarter.
  assert.equal(formatPct(31072), '+31,072%');
  assert.equal(formatPct(-12.345), '-12.35%');
  assert.equal(formatPct(0), '0%');
  assert.equal(formatPct(null), '—');
  // A completion rate (0..1) as a percentage with one decimal.
  assert.equal(formatRate(2 / 3), '66.7%');
  assert.equal(formatRate(1), '100%');
  assert.equal(formatRate(0), '0%');
  assert.equal(formatRate(null), '—');
  assert.equal(factorLabel('change_management'), 'change management');
  assert.equal(factorLabel('a_b_c'), 'a b c');
});
