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

  // Geometry, by hand: the plot is 380 - 94 - 34 = 252 wide and 160 - 24 - 28 = 108 high; the first and
  // last points sit 20 inside it (x 114 and 326), the others evenly between; a value v is at
  // y = 24 + 108 - 108 * v / top. One decimal place.
  const ttd = (values: Array<number | null>, max?: number): ChartSpec => ({
    id: 'ttd',
    title: 'Time to detect <mean>',
    description: 'Mean time to detect per quarter',
    points: values.map((value, i) => ({ label: `2026-Q${i + 1}`, value, text: `2026-Q${i + 1}: ${value ?? 'no data'} & more` })),
    format: (v) => `${v} min`,
    ...(max === undefined ? {} : { max }),
  });

  it('draws the whole chart: scale, broken line, points with their values, the selected one, axis labels', () => {
    assert.equal(
      renderLineChart(ttd([30, null, 40, 20]), '2026-Q3'),
      '<figure class="chart" id="ttd"><svg role="img" viewBox="0 0 380 160" width="380" height="160" aria-labelledby="ttd-title ttd-desc">' +
        '<title id="ttd-title">Time to detect &lt;mean&gt;</title>' +
        '<desc id="ttd-desc">Mean time to detect per quarter: 2026-Q1: 30 &amp; more; 2026-Q2: no data &amp; more; 2026-Q3: 40 &amp; more; 2026-Q4: 20 &amp; more.</desc>' +
        '<line class="chart-grid" x1="94" y1="132" x2="346" y2="132"/><line class="chart-grid" x1="94" y1="24" x2="346" y2="24"/>' +
        '<text class="chart-axis" x="88" y="28" text-anchor="end">40 min</text><text class="chart-axis" x="88" y="136" text-anchor="end">0 min</text>' +
        // The first point stands alone before the gap: no line of one point.
        '<polyline class="chart-line" points="255.3,24 326,78"/>' +
        '<g class="chart-point" data-quarter="2026-Q1" data-value="30"><title>2026-Q1: 30 &amp; more</title><circle cx="114" cy="51" r="5"/><text class="chart-value" x="114" y="41" text-anchor="middle" aria-hidden="true">30 min</text></g>' +
        '<g class="chart-missing" data-quarter="2026-Q2"><title>2026-Q2: no data &amp; more</title><circle class="chart-gap" cx="184.7" cy="132" r="3"/><text class="chart-value chart-no-data" x="184.7" y="78" text-anchor="middle" aria-hidden="true">no data</text></g>' +
        '<g class="chart-point selected" data-quarter="2026-Q3" data-value="40"><title>2026-Q3: 40 &amp; more</title><circle cx="255.3" cy="24" r="5"/><text class="chart-value" x="255.3" y="14" text-anchor="middle" aria-hidden="true">40 min</text></g>' +
        '<g class="chart-point" data-quarter="2026-Q4" data-value="20"><title>2026-Q4: 20 &amp; more</title><circle cx="326" cy="78" r="5"/><text class="chart-value" x="326" y="68" text-anchor="middle" aria-hidden="true">20 min</text></g>' +
        '<text class="chart-axis" x="114" y="152" text-anchor="middle">2026-Q1</text><text class="chart-axis" x="184.7" y="152" text-anchor="middle">2026-Q2</text>' +
        '<text class="chart-axis" x="255.3" y="152" text-anchor="middle">2026-Q3</text><text class="chart-axis" x="326" y="152" text-anchor="middle">2026-Q4</text>' +
        '</svg><figcaption>Time to detect &lt;mean&gt;</figcaption></figure>',
    );
  });

  it('puts a single point in the middle, at the top of its own scale', () => {
    const svg = renderLineChart(ttd([0.5]));
    assert.ok(svg.includes('<circle cx="220" cy="24" r="5"/>'), svg);
    assert.ok(svg.includes('<text class="chart-axis" x="88" y="28" text-anchor="end">0.5 min</text>'), svg);
    assert.equal(count(svg, '<polyline'), 0);
  });

  it('scales to a fixed top (rates) and labels every second quarter, and the last, past six', () => {
    const svg = renderLineChart(ttd([0.25, 0.5, 0.75, 1, null, 0.5, 0.5, 0.5], 1));
    assert.ok(svg.includes('<circle cx="114" cy="105" r="5"/>'), svg);
    assert.deepEqual(
      svg.match(/<text class="chart-axis" x="[\d.]+" y="152" text-anchor="middle">[^<]*<\/text>/g)?.map((t) => t.replace(/<[^>]*>/g, '') + ' ' + /x="([\d.]+)"/.exec(t)![1]),
      ['2026-Q1 114', '2026-Q3 174.6', '2026-Q5 235.1', '2026-Q7 295.7', '2026-Q8 326'],
    );
  });

  it('with no value at all: the grid, "No data yet" in the middle, a hollow mark per quarter, nothing else', () => {
    assert.equal(
      renderLineChart(ttd([null, null])),
      '<figure class="chart" id="ttd"><svg role="img" viewBox="0 0 380 160" width="380" height="160" aria-labelledby="ttd-title ttd-desc">' +
        '<title id="ttd-title">Time to detect &lt;mean&gt;</title>' +
        '<desc id="ttd-desc">Mean time to detect per quarter: 2026-Q1: no data &amp; more; 2026-Q2: no data &amp; more.</desc>' +
        '<line class="chart-grid" x1="94" y1="132" x2="346" y2="132"/><line class="chart-grid" x1="94" y1="24" x2="346" y2="24"/>' +
        '<text class="chart-axis chart-empty" x="220" y="78" text-anchor="middle">No data yet</text>' +
        '<g class="chart-missing" data-quarter="2026-Q1"><title>2026-Q1: no data &amp; more</title><circle class="chart-gap" cx="114" cy="132" r="3"/></g>' +
        '<g class="chart-missing" data-quarter="2026-Q2"><title>2026-Q2: no data &amp; more</title><circle class="chart-gap" cx="326" cy="132" r="3"/></g>' +
        '<text class="chart-axis" x="114" y="152" text-anchor="middle">2026-Q1</text><text class="chart-axis" x="326" y="152" text-anchor="middle">2026-Q2</text>' +
        '</svg><figcaption>Time to detect &lt;mean&gt;</figcaption></figure>',
    );
  });

  it('draws one line per run of values, side by side, and nothing for an unlabelled quarter', () => {
    const svg = renderLineChart(ttd([10, 20, null, 30, 40]));
    assert.ok(svg.includes('<polyline class="chart-line" points="114,105 167,78"/><polyline class="chart-line" points="273,51 326,24"/><g '), svg);
    const eight = renderLineChart(ttd([1, 2, 3, 4, 5, 6, 7, 8]));
    assert.ok(eight.includes('>2026-Q1</text><text class="chart-axis" x="174.6" y="152" text-anchor="middle">2026-Q3</text><text'), eight);
  });

  it('keeps a scale of zeros flat at the baseline (no division by zero)', () => {
    const svg = renderLineChart(ttd([0, 0]));
    assert.ok(svg.includes('<polyline class="chart-line" points="114,132 326,132"/>'), svg);
  });
});
