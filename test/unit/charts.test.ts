import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderLineChart, type ChartSpec } from '../../src/review/charts';

const spec = (values: Array<number | null>): ChartSpec => ({
  id: 'cost',
  title: 'Incident cost (total)',
  description: 'Total cost per quarter',
  points: values.map((value, i) => ({ label: `2026-Q${i + 1}`, value, text: `2026-Q${i + 1}: ${value ?? 'no data'}` })),
  format: (v) => v.toFixed(2),
});

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('trend chart', () => {
  it('with no value at all says "No data yet" once, with no scale and no per-point labels', () => {
    const svg = renderLineChart(spec([null, null]));
    assert.equal(count(svg, 'No data yet'), 1);
    assert.equal(count(svg, 'chart-no-data'), 0);
    assert.equal(count(svg, '0.00'), 0, 'no 0.00-to-0.00 scale');
    assert.equal(count(svg, 'class="chart-gap"'), 2, 'each quarter still has its hollow mark and hover text');
  });

  it('with some values labels the scale and marks each missing quarter', () => {
    const svg = renderLineChart(spec([1500, null, 2000]));
    assert.equal(count(svg, 'No data yet'), 0);
    assert.equal(count(svg, 'chart-no-data'), 1);
    assert.ok(svg.includes('>2000.00<') && svg.includes('>0.00<'), 'the scale runs from 0.00 to the top value');
  });
});
