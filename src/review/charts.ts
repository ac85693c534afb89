/**
 * Trend charts as accessible inline SVG: role="img" with <title> and <desc>
 * (the values in words, for screen readers), and a <title> on every point so
 * hovering shows its value. Geometry only in attributes: the webview's CSP
 * allows no inline styles, so colours come from classes in media/review.css.
 */
import { escapeHtml } from '../core/html';

export interface ChartPoint {
  label: string;
  value: number | null;
  /** What hovering the point says, e.g. "2026-Q3: 42 min (n = 5)". */
  text: string;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** Describes the measure for <desc>, e.g. "Mean time to detect per quarter". */
  description: string;
  points: ChartPoint[];
  /** Formats an axis value. */
  format: (value: number) => string;
  /** Fixed top of the scale (1 for rates), else the largest value. */
  max?: number;
}

const WIDTH = 380;
const HEIGHT = 160;
const PAD = { left: 94, right: 34, top: 24, bottom: 28 };
/** Keeps the first and last points clear of the axis labels. */
const INSET = 20;

export function renderLineChart(spec: ChartSpec, selected?: string): string {
  const values = spec.points.map((p) => p.value).filter((v): v is number => v !== null);
  const hasValues = values.length > 0;
  const top = spec.max ?? Math.max(0, ...values);
  const scaleTop = top > 0 ? top : 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const count = spec.points.length;
  const x = (i: number): number => PAD.left + (count === 1 ? plotW / 2 : INSET + ((plotW - 2 * INSET) * i) / (count - 1));
  const y = (v: number): number => PAD.top + plotH - (plotH * v) / scaleTop;
  const fmt = (n: number): string => String(Math.round(n * 10) / 10);

  // A missing value breaks the line rather than pretending the trend was continuous.
  const segments: string[][] = [[]];
  spec.points.forEach((p, i) => {
    if (p.value === null) segments.push([]);
    else segments[segments.length - 1].push(`${fmt(x(i))},${fmt(y(p.value))}`);
  });
  const lines = segments
    .filter((s) => s.length > 1)
    .map((s) => `<polyline class="chart-line" points="${s.join(' ')}"/>`)
    .join('');
  const points = spec.points
    .map((p, i) => {
      const quarter = escapeHtml(p.label);
      const cls = `chart-point${p.label === selected ? ' selected' : ''}`;
      if (p.value === null) {
        // Said in words, so the hollow mark on the baseline is not read as a zero.
        // With no value anywhere, the single "No data yet" below says it once.
        const noData = hasValues ? `<text class="chart-value chart-no-data" x="${fmt(x(i))}" y="${fmt(PAD.top + plotH / 2)}" text-anchor="middle" aria-hidden="true">no data</text>` : '';
        return `<g class="chart-missing" data-quarter="${quarter}"><title>${escapeHtml(p.text)}</title><circle class="chart-gap" cx="${fmt(x(i))}" cy="${fmt(PAD.top + plotH)}" r="3"/>${noData}</g>`;
      }
      // The value is written next to its point: a trend is read at a glance, not by hovering each point.
      return `<g class="${cls}" data-quarter="${quarter}" data-value="${p.value}"><title>${escapeHtml(p.text)}</title><circle cx="${fmt(x(i))}" cy="${fmt(y(p.value))}" r="5"/><text class="chart-value" x="${fmt(x(i))}" y="${fmt(y(p.value) - 10)}" text-anchor="middle" aria-hidden="true">${escapeHtml(spec.format(p.value))}</text></g>`;
    })
    .join('');
  const labelEvery = Math.max(1, Math.ceil(count / 6));
  const xLabels = spec.points
    .map((p, i) =>
      i % labelEvery === 0 || i === count - 1
        ? `<text class="chart-axis" x="${fmt(x(i))}" y="${HEIGHT - 8}" text-anchor="middle">${escapeHtml(p.label)}</text>`
        : '',
    )
    .join('');
  const axis =
    `<line class="chart-grid" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}"/>` +
    `<line class="chart-grid" x1="${PAD.left}" y1="${PAD.top}" x2="${WIDTH - PAD.right}" y2="${PAD.top}"/>` +
    // A scale with nothing on it (0.00 to 0.00) says nothing: label it only when there are values.
    (hasValues
      ? `<text class="chart-axis" x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${escapeHtml(spec.format(top))}</text>` +
        `<text class="chart-axis" x="${PAD.left - 6}" y="${PAD.top + plotH + 4}" text-anchor="end">${escapeHtml(spec.format(0))}</text>`
      : '');
  const empty =
    !hasValues ? `<text class="chart-axis chart-empty" x="${fmt(PAD.left + plotW / 2)}" y="${fmt(PAD.top + plotH / 2)}" text-anchor="middle">No data yet</text>` : '';
  const desc = `${spec.description}: ${spec.points.map((p) => p.text).join('; ')}.`;
  return (
    `<figure class="chart" id="${escapeHtml(spec.id)}">` +
    `<svg role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" aria-labelledby="${escapeHtml(spec.id)}-title ${escapeHtml(spec.id)}-desc">` +
    `<title id="${escapeHtml(spec.id)}-title">${escapeHtml(spec.title)}</title>` +
    `<desc id="${escapeHtml(spec.id)}-desc">${escapeHtml(desc)}</desc>` +
    axis +
    empty +
    lines +
    points +
    xLabels +
    `</svg><figcaption>${escapeHtml(spec.title)}</figcaption></figure>`
  );
}
