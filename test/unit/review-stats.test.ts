import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { round, sampleStats } from '../../src/review/stats';
import { formatQuarter, isQuarter, nextQuarter, parseQuarter, previousQuarter, quarterOf, quarterRange } from '../../src/review/quarter';
import { parseDateTime } from '../../src/core/time';

describe('sampleStats', () => {
  it('gives nulls and n = 0 for an empty sample', () => {
    assert.deepEqual(sampleStats([]), { mean: null, median: null, p90: null, n: 0 });
  });
  it('gives the value itself for one value', () => {
    assert.deepEqual(sampleStats([42]), { mean: 42, median: 42, p90: 42, n: 1 });
  });
  it('averages the middle two of an even sample for the median', () => {
    assert.deepEqual(sampleStats([40, 10, 30, 20]), { mean: 25, median: 25, p90: 40, n: 4 });
  });
  it('uses the nearest rank for p90', () => {
    const values = Array.from({ length: 10 }, (_, i) => (i + 1) * 10); // 10..100
    assert.equal(sampleStats(values).p90, 90);
    const eleven = Array.from({ length: 11 }, (_, i) => i + 1); // 1..11: rank ceil(9.9) = 10
    assert.equal(sampleStats(eleven).p90, 10);
    assert.equal(sampleStats(eleven).median, 6);
  });
  it('rounds to two decimals and ignores non-finite values', () => {
    assert.deepEqual(sampleStats([1, 2, 2, Number.NaN, Infinity]), { mean: 1.67, median: 2, p90: 2, n: 3 });
  });
});

describe('quarters', () => {
  const q = (text: string): string => quarterOf(parseDateTime(text)!);
  it('counts a quarter on the incident’s own clock, not in UTC', () => {
    assert.equal(q('2026-03-31T23:30:00-05:00'), '2026-Q1'); // 04:30 on April 1st in UTC
    assert.equal(q('2026-04-01T01:00:00+02:00'), '2026-Q2'); // still March 31st in UTC
    assert.equal(q('2026-12-31T23:59:59-10:00'), '2026-Q4'); // already 2027 in UTC
    assert.equal(q('2027-01-01T00:00:00+14:00'), '2027-Q1'); // still 2026 in UTC
  });
  it('puts each month in its quarter', () => {
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
    assert.deepEqual(
      months.map((m) => q(`2026-${m}-15T12:00:00Z`)),
      ['2026-Q1', '2026-Q1', '2026-Q1', '2026-Q2', '2026-Q2', '2026-Q2', '2026-Q3', '2026-Q3', '2026-Q3', '2026-Q4', '2026-Q4', '2026-Q4'],
    );
  });
  it('steps across year ends', () => {
    assert.equal(previousQuarter('2026-Q1'), '2025-Q4');
    assert.equal(nextQuarter('2025-Q4'), '2026-Q1');
    assert.deepEqual(parseQuarter('2026-Q3'), { year: 2026, quarter: 3 });
    assert.equal(parseQuarter('2026-Q5'), undefined);
    assert.equal(parseQuarter('2026Q1'), undefined);
  });
  it('fills the empty quarters between the first and the last', () => {
    assert.deepEqual(quarterRange(['2026-Q2', '2025-Q4', '2026-Q2']), ['2025-Q4', '2026-Q1', '2026-Q2']);
    assert.deepEqual(quarterRange([]), []);
  });
  it('does not produce thousands of quarters for a typo year', () => {
    assert.deepEqual(quarterRange(['0026-Q1', '2026-Q1']), ['0026-Q1', '2026-Q1']);
  });
});

describe('quarters and rounding: the edges mutation testing found unpinned', () => {
  it('reads a quarter only when the whole text is one, spaces around allowed', () => {
    assert.equal(parseQuarter('x2026-Q3'), undefined);
    assert.equal(parseQuarter('2026-Q3x'), undefined);
    assert.deepEqual(parseQuarter(' 2026-Q3\n'), { year: 2026, quarter: 3 });
    assert.equal(isQuarter('2026-Q4'), true);
    assert.equal(isQuarter('Q4 2026'), false);
  });
  it('writes the year with four digits', () => {
    assert.equal(formatQuarter(26, 1), '0026-Q1');
  });
  it('refuses to step from a text that is not a quarter, and says which', () => {
    assert.throws(() => previousQuarter('2026-Q5'), { message: 'not a quarter: 2026-Q5' });
    assert.throws(() => nextQuarter('soon'), { message: 'not a quarter: soon' });
  });
  it('leaves texts that are not quarters out of a range', () => {
    assert.deepEqual(quarterRange(['later', '2026-Q2', '2026-Q1']), ['2026-Q1', '2026-Q2']);
  });
  it('fills at most 400 quarters: exactly 400 are filled, 401 fall back to the keys themselves', () => {
    const filled = quarterRange(['2000-Q1', '2099-Q4']);
    assert.equal(filled.length, 400);
    assert.deepEqual([filled[0], filled[1], filled[399]], ['2000-Q1', '2000-Q2', '2099-Q4']);
    assert.deepEqual(quarterRange(['2000-Q1', '2100-Q1']), ['2000-Q1', '2100-Q1']);
  });
  it('never gives -0 (toLocaleString prints it as "-0")', () => {
    assert.ok(Object.is(round(-0.001), 0));
    assert.ok(Object.is(sampleStats([-0.001]).mean, 0));
  });
});
