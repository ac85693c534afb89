/**
 * Prototype-named values: every enum-valued field of the schema (and ids, owners, services, authors, currency,
 * a contributing-factor key) set to a name that Object.prototype has. Lint, render and review must not crash,
 * must not print a function from Object.prototype, and must show the value as plain text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempProject } from '../cli/helpers';
import { lintText } from '../../src/core/lint';
import { renderReport } from '../../src/render/index';
import { PostmortemStore } from '../../src/core/store';
import { computeReview } from '../../src/review/review';
import { parseProjectConfig } from '../../src/core/config';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const TODAY = { year: 2026, month: 11, day: 27 };

/** A post-mortem whose every enum-valued field (status, industry, severity, detection method, kind, category, priority, status, type, regime, event) is `v`. */
function hostile(v: string, start = '2026-01-01T10:00:00Z'): string {
  return `id: ${v}
title: ${v}
status: ${v}
authors: [${v}]
industry: ${v}
services: [${v}]
summary:
  start: ${start}
  end: 2026-03-01T11:00:00Z
  severity: ${v}
  impact: { users_affected: 10 }
  detection:
    method: ${v}
    first_alert: ${start}
  description: ${v}
timeline:
  - at: ${start}
    event: ${v}
    kind: ${v}
root_cause:
  whys: [${v}]
  category: ${v}
contributing_factors:
  ${v}: { score: 3, notes: ${v} }
  testing: { score: 3, notes: ${v} }
action_items:
  - action: ${v}
    owner: ${v}
    deadline: 2026-02-01
    priority: ${v}
    status: ${v}
    type: ${v}
cost:
  currency: ${v}
  revenue_lost: 10
regulatory:
  - regime: ${v}
    event: ${v}
    discovered: ${start}
`;
}

function assertClean(output: string, what: string): void {
  assert.doesNotMatch(output, /\[native code\]/, `${what} prints a native function`);
  assert.doesNotMatch(output, /\bfunction\b/, `${what} prints a function`);
  assert.doesNotMatch(output, /could not finish/, `${what}: a rule aborted`);
  assert.doesNotMatch(output, /internal error|TypeError|\n\s+at /, `${what} crashed`);
}

/** The value as it is written in plain text, Markdown (underscores escaped) or HTML. */
function assertShows(output: string, value: string, what: string): void {
  const forms = [value, value.replace(/_/g, '\\_'), value.replace(/_/g, '&#95;')];
  assert.ok(forms.some((form) => output.includes(form)), `${what} does not show ${value}`);
}

describe('prototype-named values through the CLI', () => {
  for (const value of NAMES) {
    it(`${value}: lint, render (html, markdown, json) and review (markdown, json, html) finish and show it as text`, async () => {
      const project = tempProject({
        'postmortems/a.pm.yaml': hostile(value),
        'postmortems/b.pm.yaml': hostile(value, '2026-02-01T10:00:00Z'),
      });
      try {
        for (const format of ['text', 'json', 'sarif', 'github']) {
          const lint = await runCli(['lint', '--format', format, '--today', '2026-11-27'], project.dir);
          assert.equal(lint.code, 1, `lint --format ${format}: ${lint.stderr}`);
          assertClean(lint.stdout + lint.stderr, `lint --format ${format}`);
        }
        for (const format of ['html', 'markdown', 'json']) {
          const render = await runCli(['render', 'postmortems/a.pm.yaml', '--format', format, '--today', '2026-11-27'], project.dir);
          assert.equal(render.code, 0, `render --format ${format}: ${render.stderr}`);
          assertClean(render.stdout + render.stderr, `render --format ${format}`);
          if (format !== 'json') assertShows(render.stdout, value, `render --format ${format}`);
        }
        for (const format of ['markdown', 'json', 'html']) {
          const review = await runCli(['review', '--format', format, '--today', '2026-11-27'], project.dir);
          assert.equal(review.code, 0, `review --format ${format}: ${review.stderr}`);
          assertClean(review.stdout + review.stderr, `review --format ${format}`);
          assertShows(review.stdout, value, `review --format ${format}`);
        }
      } finally {
        project.cleanup();
      }
    });
  }

  it('a subcommand named like a prototype property is an unknown command', async () => {
    for (const value of NAMES) {
      const run = await runCli([value], process.cwd());
      assert.equal(run.code, 2);
      assert.match(run.stderr, /unknown command/);
    }
  });
});

describe('prototype-named values in the core', () => {
  for (const value of NAMES) {
    it(`${value}: every enum field is reported as not allowed, and the renders and review hold no function`, () => {
      const { parsed, diagnostics } = lintText(hostile(value), { file: 'a.pm.yaml', today: '2026-11-27' });
      assertClean(JSON.stringify(diagnostics.map((d) => d.message)), 'lint');
      // Each enum field gets its own "must be one of" error (status, industry, severity, method, kind, category, priority, status, type, regime).
      assert.ok(diagnostics.filter((d) => d.rule === 'schema' && /must be one of/.test(d.message)).length >= 10, JSON.stringify(diagnostics.map((d) => d.message)));
      for (const format of ['html', 'markdown', 'json'] as const) {
        assertClean(renderReport({ parsed, diagnostics, today: TODAY }, format), `renderReport ${format}`);
      }
      const store = new PostmortemStore();
      store.upsert('a.pm.yaml', hostile(value));
      const review = JSON.stringify(computeReview(store.entries(), { today: TODAY }));
      assertClean(review, 'computeReview');
      assert.ok(!/"factor_score":"/.test(review), 'a factor score is a number, not a text');
    });

    it(`${value}: a rule level named ${value} in .postmortem.yaml is not a level`, () => {
      const settings = parseProjectConfig(`rules:\n  action-vague: ${value}\n`);
      assert.equal(settings.rules?.['action-vague'], undefined);
    });
  }
});
