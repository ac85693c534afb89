/**
 * A people list of 100,000 names (a big organisation's CODEOWNERS and git authors): the roster used to be one
 * regular expression of every name (50,000 names: 18 s and 1.3 GB per file; 100,000: V8 rejected it, the blame
 * rule silently turned off and a 2.8 MB message was printed). Now lint stays fast, the rule stays on, and the
 * output stays small.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/lint';
import { runCli, tempProject } from '../cli/helpers';

const VALID = readFileSync(join(__dirname, '../fixtures/valid.pm.yaml'), 'utf8');
const BOUND_MS = 30_000;
/** 100,000 distinct two-word names, "Person0 Surname0" ... */
const ROSTER = Array.from({ length: 100_000 }, (_, i) => `Person${i.toString(36)} Surname${(i * 7919).toString(36)}`);
const BLAMED = ROSTER[73_421];
const BLAME = VALID.replace(/^ {2}description: .*$/m, `  description: ${BLAMED} forgot to run the migration before the deploy.`);

describe('100,000 people', () => {
  it('lint finishes within the bound, and a roster name in a blame sentence is still flagged', () => {
    assert.notEqual(BLAME, VALID, 'the fixture has a one-line description');
    const started = performance.now();
    const { diagnostics } = lintText(BLAME, { today: '2026-11-27', settings: { people: ROSTER } });
    const ms = performance.now() - started;
    console.log(`  lint with 100,000 people: ${ms.toFixed(0)} ms`);
    assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
    const blame = diagnostics.filter((d) => d.rule === 'blame-named-individual');
    assert.equal(blame.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.match(blame[0].message, new RegExp(BLAMED));
    assert.ok(!diagnostics.some((d) => /could not finish/.test(d.message)));
  });

  it('through the CLI with a .postmortem.yaml of 100,000 people: flagged, and the output stays short', async () => {
    const project = tempProject({
      '.postmortem.yaml': `people:\n${ROSTER.map((name) => `  - ${name}`).join('\n')}\n`,
      'postmortems/a.pm.yaml': BLAME,
    });
    try {
      const run = await runCli(['lint', '--today', '2026-11-27'], project.dir);
      assert.match(run.stdout, new RegExp(`${BLAMED}.*\\[blame-named-individual\\]`));
      assert.ok(run.stdout.length + run.stderr.length < 5_000, `output of ${run.stdout.length + run.stderr.length} characters`);
    } finally {
      project.cleanup();
    }
  });
});

describe('a rule that fails', () => {
  it('is reported with at most 200 characters of its error, whatever the error quotes', () => {
    const failing = { id: 'PM999', slug: 'test-failing', description: 'fails', defaultSeverity: 'warning' as const, check: () => { throw new Error(`Invalid regular expression: /${'x|'.repeat(1_000_000)}/`); } };
    const [d] = lintText(VALID, { today: '2026-11-27', rules: [failing] }).diagnostics.filter((x) => x.rule === 'test-failing');
    assert.match(d.message, /^Rule test-failing could not finish on this document: Invalid regular expression: \/x\|x\|/);
    assert.ok(d.message.length <= 'Rule test-failing could not finish on this document: '.length + 200, `${d.message.length} characters`);
  });
});
