/** Costs past the range the figures can show (`1e308 + 1e308` is Infinity): a diagnostic, and "out of range" in every output. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempProject } from '../cli/helpers';
import { lintText } from '../../src/core/lint';
import { computeFigures } from '../../src/core/figures';
import { formatMoney } from '../../src/core/format';
import { parsePostmortem } from '../../src/core/parse';

const VALID = readFileSync(join(__dirname, '../fixtures/valid.pm.yaml'), 'utf8');
const HUGE = VALID.replace(/revenue_lost: .*/, 'revenue_lost: 1e308').replace(/sla_credits: .*/, 'sla_credits: 1e308');
/** Each input within the bound, the product not: 1e9 users × 1 × 1e9 LTV. */
const HUGE_PRODUCT = VALID.replace(/churn: .*/, 'churn: { affected_users: 1000000000, probability: 1, ltv: 1000000000 }');

describe('costs out of range', () => {
  it('lint points at each input whose amount is out of range', () => {
    const messages = lintText(HUGE, { today: '2026-11-27' }).diagnostics.filter((d) => /out of the range/.test(d.message));
    assert.deepEqual(
      messages.map((d) => [d.range.start.line + 1, d.message]),
      [
        [VALID.split('\n').findIndex((l) => l.includes('revenue_lost')) + 1, '`cost.revenue_lost` comes to more than 1,000,000,000,000,000, out of the range the cost figures can show: check the value and its unit.'],
        [VALID.split('\n').findIndex((l) => l.includes('sla_credits')) + 1, '`cost.sla_credits` comes to more than 1,000,000,000,000,000, out of the range the cost figures can show: check the value and its unit.'],
      ],
    );
    const product = lintText(HUGE_PRODUCT, { today: '2026-11-27' }).diagnostics.filter((d) => /out of the range/.test(d.message));
    assert.equal(product.length, 1);
    assert.match(product[0].message, /^`cost\.churn` comes to more than/);
  });

  it('a valid cost gets no such diagnostic', () => {
    assert.equal(lintText(VALID, { today: '2026-11-27' }).diagnostics.filter((d) => /out of the range/.test(d.message)).length, 0);
  });

  it('the figures flag it; money formats as "out of range", never ∞ or NaN', () => {
    const figures = computeFigures(parsePostmortem(HUGE).data as never, { today: { year: 2026, month: 11, day: 27 } });
    assert.equal(figures.cost.out_of_range, true);
    assert.equal(computeFigures(parsePostmortem(VALID).data as never, { today: { year: 2026, month: 11, day: 27 } }).cost.out_of_range, undefined);
    for (const amount of [Infinity, -Infinity, NaN, 2e15]) assert.equal(formatMoney(amount, 'USD'), 'out of range');
    assert.equal(formatMoney(1e15, 'USD'), '$1,000,000,000,000,000.00');
  });

  it('render (markdown, html, json) and review (markdown, json, html) show no ∞, NaN or a null total', async () => {
    const project = tempProject({ 'postmortems/a.pm.yaml': HUGE });
    try {
      const markdown = await runCli(['render', 'postmortems/a.pm.yaml', '--format', 'markdown', '--today', '2026-11-27'], project.dir);
      assert.match(markdown.stdout, /^\| \*\*Total\*\* \| \*\*out of range\*\* \|$/m);
      const html = await runCli(['render', 'postmortems/a.pm.yaml', '--format', 'html', '--today', '2026-11-27'], project.dir);
      assert.match(html.stdout, /data-figure="cost-total">out of range</);
      const json = JSON.parse((await runCli(['render', 'postmortems/a.pm.yaml', '--format', 'json', '--today', '2026-11-27'], project.dir)).stdout);
      assert.equal(json.cost.out_of_range, true);
      for (const run of [markdown, html]) assert.doesNotMatch(run.stdout, /∞|NaN|Infinity/);
      for (const format of ['markdown', 'json', 'html']) {
        const review = await runCli(['review', '--format', format, '--today', '2026-11-27'], project.dir);
        assert.equal(review.code, 0, review.stderr);
        assert.doesNotMatch(review.stdout, /∞|NaN|Infinity/, `review --format ${format}`);
      }
    } finally {
      project.cleanup();
    }
  });
});
