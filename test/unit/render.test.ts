import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/lint';
import { parsePostmortem } from '../../src/core/parse';
import {
  buildReportModel,
  escapeHtml,
  escapeMarkdown,
  pathAtOffset,
  renderHtml,
  renderMarkdown,
  renderReportBody,
  safeHref,
} from '../../src/render/index';
import { formatDuration, formatMoney, formatRelative } from '../../src/render/format';

const FIXTURES = join(__dirname, '..', 'fixtures', 'render');
const today = { year: 2023, month: 9, day: 1 };
const full = readFileSync(join(FIXTURES, 'full.pm.yaml'), 'utf8');
const hostile = readFileSync(join(FIXTURES, 'hostile.pm.yaml'), 'utf8');

function modelOf(text: string) {
  const { parsed, diagnostics } = lintText(text, { today });
  return buildReportModel({ parsed, diagnostics, today });
}

test('escapeHtml escapes the five characters, attribute quotes included', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  assert.equal(escapeHtml(undefined), '');
});

test('safeHref allows http, https and mailto only', () => {
  assert.equal(safeHref('https://example.com/a?b=c'), 'https://example.com/a?b=c');
  assert.equal(safeHref('mailto:oncall@example.com'), 'mailto:oncall@example.com');
  for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example.com', '/relative', 'https:/x', 42]) {
    assert.equal(safeHref(bad), undefined, String(bad));
  }
});

test('formatting of durations, relative times and money', () => {
  assert.equal(formatDuration(150), '2h 30m');
  assert.equal(formatDuration(125), '2h 05m');
  assert.equal(formatDuration(45), '45m');
  assert.equal(formatDuration(1500), '1d 1h');
  assert.equal(formatRelative(12), 'T+12m');
  assert.equal(formatRelative(-8), 'T-8m');
  assert.equal(formatRelative(0), 'T+0');
  assert.equal(formatMoney(87000, 'USD'), '$87,000.00');
  assert.equal(formatMoney(1234.5, 'EUR'), '€1,234.50');
  // Unknown or malformed codes fall back to the number and the code as written.
  assert.equal(formatMoney(1234.5, 'EURO'), '1,234.50 EURO');
  assert.equal(formatMoney(1234.5, null), '1,234.50');
});

test('the model reads the full example', () => {
  const model = modelOf(full);
  assert.equal(model.header.id, 'INC-2023-08-15-001');
  assert.equal(model.header.severityDefinition, 'SEV-1: revenue impact');
  assert.equal(model.cost.total, 87000);
  assert.equal(model.factors.cells.find((c) => c.isRootCause)?.key, 'capacity');
  assert.deepEqual(
    model.actions.rows.map((r) => [r.overdue, r.outsideWindow]),
    [
      [false, false],
      [true, false],
      [false, true],
      [false, false],
    ],
  );
  // Entry 2's 33-minute gap starts at the trigger, before summary.start: outside the window, not flagged.
  // The 20 minutes from fix-deployed (12:10) to resolved (12:30) are after the acute phase: no limit by default (issue 10, item 7).
  assert.deepEqual(model.timeline.rows.map((r) => r.gapTooLong), [false, false, false, false, true, true, false]);
  assert.deepEqual(model.timeline.rows.map((r) => r.gapLimitMinutes), [null, 15, 15, 15, 15, 15, null]);
});

test('HTML body: figures, heatmap numbers, data-paths, highlighted rows', () => {
  const html = renderReportBody(modelOf(full));
  assert.match(html, /data-figure="cost-total">\$87,000\.00</);
  assert.match(html, /data-figure="cost-per-minute">\$580\.00</);
  assert.match(html, /data-figure="duration">2h 30m</);
  assert.match(html, /class="cell score-3 root-cause" data-path="contributing_factors\.capacity"[^>]*><span class="cell-score">3</);
  assert.match(html, /<tr class="action-row overdue status-open" data-path="action_items\.1">/);
  assert.match(html, /<tr class="action-row outside-window status-in-progress" data-path="action_items\.2">/);
  assert.match(html, /data-path="timeline\.4"><span class="tl-rel">T\+1h 20m<\/span>/);
  assert.match(html, /title="SEV-1: revenue impact"/);
  assert.match(html, /Vendor costs <\/th><td class="amount"><span class="missing"[^>]*>not given/);
  assert.match(html, /<a href="https:\/\/status\.example\.com\/incidents\/1" rel="noopener noreferrer">status page<\/a>/);
});

test('webview HTML carries a nonce CSP and no inline script; export has no script at all', () => {
  const model = modelOf(full);
  const webview = renderHtml(model, { mode: 'webview', nonce: 'abc123', cspSource: 'vscode-resource:', styleUri: 'vscode-resource:/media/preview.css', scriptUri: 'vscode-resource:/media/preview.js' });
  assert.match(webview, /content="default-src 'none'; style-src vscode-resource:; img-src vscode-resource: data:; font-src vscode-resource:; script-src 'nonce-abc123';"/);
  assert.equal(webview.match(/<script/g)?.length, 1);
  assert.match(webview, /<script nonce="abc123" src="vscode-resource:\/media\/preview\.js"><\/script>/);
  assert.doesNotMatch(webview, /\son[a-z]+=/i);
  const exported = renderHtml(model, { mode: 'export', css: 'body{color:red}' });
  assert.doesNotMatch(exported, /<script/i);
  assert.match(exported, /<style>body\{color:red\}<\/style>/);
});

test('hostile strings come out as text: no tag, handler or unsafe link survives', () => {
  const model = modelOf(hostile);
  const html = renderHtml(model, { mode: 'export', css: '' });
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<svg|<iframe|<marquee|<b onclick|<style>body\{display:none/i);
  assert.doesNotMatch(html, /href="(?!https?:|mailto:)/i);
  assert.match(html, /&lt;script&gt;alert\(&#39;id&#39;\)&lt;\/script&gt;/);
  assert.match(html, /&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
  const markdown = renderMarkdown(model);
  // An escaped `\](` is text; only a bare `](` would make a link.
  assert.doesNotMatch(markdown, /<script|<img|<svg|(?<!\\)\]\((javascript|data):|(?<!\\)!\[/i);
  assert.match(markdown, /&lt;script&gt;/);
});

test('Markdown: GFM tables, task lists, escaped pipes', () => {
  const markdown = renderMarkdown(modelOf(full));
  assert.match(markdown, /^# INC-2023-08-15-001 — Orders database outage$/m);
  // Times read as in the preview, not as raw ISO 8601.
  assert.match(markdown, /^\*\*Incident:\*\* 2023-08-15 10:00 UTC → 2023-08-15 12:30 UTC /m);
  // Amounts are right-aligned, so the digits line up on GitHub.
  assert.match(markdown, /^\| Part \| Amount \|\n\| --- \| ---: \|$/m);
  assert.match(markdown, /^\| \*\*Total\*\* \| \*\*\$87,000\.00\*\* \|$/m);
  assert.match(markdown, /^- \[x\] Alert on connection refusals at the database \(Priya Natarajan\)$/m);
  assert.match(markdown, /^- \[ \] Check pool settings against database capacity in CI \(Platform team\)$/m);
  assert.match(markdown, /^- \[x\] Monitoring added or improved for this failure mode$/m);
  assert.match(markdown, /^- \[ \] Test coverage added$/m);
  assert.match(markdown, /\*\*overdue by 12 days\*\*/);
  assert.match(markdown, /\| T\+1h 20m \| 11:20 \| ◆ root-cause \| Pool limit identified above max\\_connections ⚠ 40m gap before \|/);
  const piped = renderMarkdown(modelOf(full.replace('Rollback took four minutes once the cause was known.', '"a | b [x](javascript:y)"')));
  assert.match(piped, /^- a \\\| b \\\[x\\\]\(javascript:y\)$/m);
  assert.equal(escapeMarkdown('line one\nline two'), 'line one line two');
});

test('a partly broken document still renders what parses, with a banner', () => {
  const broken = full.replace('  - action: Rewrite the pool library', '  - action: [unclosed');
  const { parsed, diagnostics } = lintText(broken, { today });
  assert.equal(parsed.data, undefined);
  const model = buildReportModel({ parsed, diagnostics, today });
  assert.equal(model.readable, true);
  assert.equal(model.syntaxErrors, true);
  const html = renderReportBody(model);
  assert.match(html, /The YAML has syntax errors/);
  assert.match(html, /data-figure="cost-total">\$87,000\.00</);
  assert.match(html, /Orders database outage/);
  assert.match(html, /class="diag diag-error"/);
});

test('wrong types are shown as unreadable, not thrown on', () => {
  const model = modelOf('title: 42\nsummary: "not a map"\ntimeline: {a: 1}\nroot_cause: { whys: [1, {x: 2}] }\naction_items: [7, {action: [1]}]\ncost: []\n');
  const html = renderReportBody(model);
  assert.match(html, /<h1 data-path="title">42<\/h1>/);
  assert.match(html, /class="invalid"/);
  assert.match(html, /No <code>cost<\/code> section/);
  assert.ok(renderMarkdown(model).length > 0);
});

test('nothing readable: a message and the problems, never a blank page', () => {
  const model = modelOf('just a string');
  assert.equal(model.readable, false);
  assert.match(renderReportBody(model), /Nothing could be read from this file/);
  assert.match(renderMarkdown(model), /Nothing could be read/);
});

test('pathAtOffset finds the deepest node under the cursor', () => {
  const parsed = parsePostmortem(full);
  const at = (needle: string, delta = 0) => pathAtOffset(parsed, full.indexOf(needle) + delta);
  assert.deepEqual(at('First customer report'), ['timeline', 1, 'event']);
  assert.deepEqual(at('revenue_lost: 42000', 15), ['cost', 'revenue_lost']);
  assert.deepEqual(at('  - action: Check pool', 2), ['action_items', 1]);
  assert.deepEqual(at('  - action: Check pool', 6), ['action_items', 1, 'action']);
  assert.deepEqual(at('title: Orders'), ['title']);
});

test('any document shape renders without throwing, and no document string becomes markup', async () => {
  const fc = await import('fast-check');
  const { stringify } = await import('yaml');
  const keys = ['id', 'title', 'status', 'authors', 'reviewed', 'services', 'summary', 'timeline', 'root_cause', 'contributing_factors', 'went_well', 'got_lucky', 'action_items', 'recurrence_prevention', 'cost', 'regulatory', 'related'];
  const hostileString = fc.constantFrom('<script>x</script>', '"><img src=x onerror=y>', 'javascript:x', '</style>', "'", '10:25', '2023-08-15T10:00:00Z', '2023-08-15', 'SEV-1', 'P0', 'done', 'GDPR');
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.string(), hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom('at', 'event', 'kind', 'score', 'notes', 'start', 'end', 'severity', 'deadline', 'status', 'priority', 'regime', 'discovered', 'notified', 'whys', 'currency', 'revenue_lost', 'churn', 'link', 'source'), fc.string()), tie('node'), { maxKeys: 5 })),
  })).node;
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 }), (doc) => {
      const model = modelOf(stringify(doc));
      const html = renderHtml(model, { mode: 'export', css: '' });
      renderMarkdown(model);
      assert.doesNotMatch(html, /<script|<img/i);
    }),
    { numRuns: 300 },
  );
});

test('the preview and Markdown say "not estimated" for a cost section of zeros, not $0.00 (issue 10, item 2)', () => {
  const text = 'id: INC-2026-11-28-001\nstatus: draft\nsummary:\n  start: 2026-11-28T10:00:00Z\n  end: 2026-11-28T11:00:00Z\ncost:\n  currency: USD\n  revenue_lost: 0\n  sla_credits: 0\n  vendor_costs: 0\n  engineering_hours: 0\n  loaded_rate: 0\n';
  const model = modelOf(text);
  assert.equal(model.cost.estimated, false);
  const html = renderReportBody(model);
  assert.match(html, /data-figure="cost-total"><span class="missing"[^>]*>not estimated</);
  assert.match(html, /data-figure="cost-per-minute"><span class="missing">not estimated</);
  assert.doesNotMatch(html, /data-figure="cost-total">\$0\.00/);
  const markdown = renderMarkdown(model);
  assert.match(markdown, /\| \*\*Total\*\* \| _not estimated_ \(every amount is 0 or not given\) \|/);
  assert.doesNotMatch(markdown, /\*\*\$0\.00\*\*/);
});

test('the last why is labelled by its position, never "organizational root" (issue 10, item 9)', () => {
  const text = 'id: INC-2026-11-28-001\nroot_cause:\n  whys:\n    - The database refused connections.\n    - The pool limit was raised.\n    - The change was not reviewed.\n    - Nobody checked the limits.\n    - Human error.\n';
  const model = modelOf(text);
  const html = renderReportBody(model);
  assert.match(html, /<span class="why-label">Why 5 · last why<\/span><span class="why-text">Human error\.<\/span>/);
  assert.doesNotMatch(html, /organizational root/i);
  // whys-person-root speaks for the content, in the Problems panel and the preview alike.
  const { diagnostics } = lintText(text, { today });
  assert.ok(diagnostics.some((d) => d.rule === 'whys-person-root'));
});
