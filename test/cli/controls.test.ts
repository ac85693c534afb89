/**
 * The controls linter users expect (ESLint, markdownlint-cli2): --max-warnings, --quiet, --strict,
 * --config, --no-config, and the paths SARIF and GitHub annotations print. Run through the built bin
 * (dist/cli.js), as CI runs it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN, DRAFT_WITHOUT_OWNERS, SCHEMA_BROKEN, runBuiltCli, tempProject } from './helpers';

type JsonReport = Array<{ file: string; diagnostics: Array<{ rule: string; severity: string }> }>;

const OWNER_WARNINGS = 2;

describe('--max-warnings', () => {
  test('at the limit: exit 0; one over: exit 1 with ESLint\'s message on stderr', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': DRAFT_WITHOUT_OWNERS });
    try {
      const counted = JSON.parse(runBuiltCli(['lint', '--format', 'json'], p.dir).stdout) as JsonReport;
      assert.equal(counted[0].diagnostics.filter((d) => d.severity === 'warning').length, OWNER_WARNINGS);
      const atLimit = runBuiltCli(['lint', '--max-warnings', String(OWNER_WARNINGS)], p.dir);
      assert.equal(atLimit.code, 0, atLimit.stderr);
      assert.equal(atLimit.stderr, '');
      const over = runBuiltCli(['lint', '--max-warnings', String(OWNER_WARNINGS - 1)], p.dir);
      assert.equal(over.code, 1);
      assert.equal(over.stderr, `postmortem lint: found too many warnings (${OWNER_WARNINGS}; maximum: ${OWNER_WARNINGS - 1}).\n`);
      assert.match(over.stdout, /2 problems \(0 errors, 2 warnings/);
    } finally {
      p.cleanup();
    }
  });

  for (const bad of ['-1', 'many', '1.5', '']) {
    test(`--max-warnings "${bad}" is a usage error (exit 2)`, () => {
      const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN });
      try {
        const run = runBuiltCli(['lint', `--max-warnings=${bad}`], p.dir);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /--max-warnings must be a whole number/);
        assert.equal(run.stdout, '');
      } finally {
        p.cleanup();
      }
    });
  }
});

describe('--quiet', () => {
  const layout = { 'postmortems/a.pm.yaml': DRAFT_WITHOUT_OWNERS, 'postmortems/b.pm.yaml': SCHEMA_BROKEN.replace('INC-2026-06-09-001', 'INC-2026-06-09-002') };

  test('reports errors only: the warnings of the draft are not printed', () => {
    const p = tempProject(layout);
    try {
      const loud = runBuiltCli(['lint', '--format', 'json'], p.dir);
      assert.ok((JSON.parse(loud.stdout) as JsonReport).some((r) => r.diagnostics.some((d) => d.severity === 'warning')));
      const quiet = runBuiltCli(['lint', '--quiet', '--format', 'json'], p.dir);
      assert.equal(quiet.code, 1);
      const reports = JSON.parse(quiet.stdout) as JsonReport;
      assert.deepEqual(
        reports.map((r) => [r.file, r.diagnostics.map((d) => `${d.severity} ${d.rule}`)]),
        [
          ['postmortems/a.pm.yaml', []],
          ['postmortems/b.pm.yaml', ['error schema']],
        ],
      );
    } finally {
      p.cleanup();
    }
  });

  test('hidden warnings do not fail the run, but still count for --max-warnings (as in ESLint)', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': DRAFT_WITHOUT_OWNERS });
    try {
      const quiet = runBuiltCli(['lint', '--quiet'], p.dir);
      assert.equal(quiet.code, 0);
      assert.equal(quiet.stdout, 'No problems in 1 file.\n');
      const capped = runBuiltCli(['lint', '--quiet', '--max-warnings', '0'], p.dir);
      assert.equal(capped.code, 1);
      assert.equal(capped.stderr, `postmortem lint: found too many warnings (${OWNER_WARNINGS}; maximum: 0).\n`);
    } finally {
      p.cleanup();
    }
  });
});

describe('--strict', () => {
  test('a draft gets no leniency: a missing owner is an error, exit 1', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': DRAFT_WITHOUT_OWNERS });
    try {
      const lenient = runBuiltCli(['lint', '--format', 'json'], p.dir);
      assert.equal(lenient.code, 0);
      const strict = runBuiltCli(['lint', '--strict', '--format', 'json'], p.dir);
      assert.equal(strict.code, 1);
      const owners = (JSON.parse(strict.stdout) as JsonReport)[0].diagnostics.filter((d) => d.rule === 'action-owner-missing');
      assert.deepEqual(owners.map((d) => d.severity), ['error', 'error']);
    } finally {
      p.cleanup();
    }
  });

  test('a level set in .postmortem.yaml still wins over --strict', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': DRAFT_WITHOUT_OWNERS, '.postmortem.yaml': 'rules:\n  action-owner-missing: warning\n' });
    try {
      const strict = runBuiltCli(['lint', '--strict'], p.dir);
      assert.equal(strict.code, 0, strict.stdout);
      assert.match(strict.stdout, /warning Action item 2 has no owner/);
    } finally {
      p.cleanup();
    }
  });
});

describe('--config and --no-config', () => {
  const OFF = 'rules:\n  action-owner-missing: off\n';

  test('--config FILE reads that file instead of the nearest .postmortem.yaml', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': DRAFT_WITHOUT_OWNERS, 'ci/lint-config.yaml': OFF, '.postmortem.yaml': 'rules:\n  action-owner-missing: error\n' });
    try {
      const nearest = runBuiltCli(['lint'], p.dir);
      assert.equal(nearest.code, 1, 'the nearest config makes the missing owner an error');
      const named = runBuiltCli(['lint', '--config', 'ci/lint-config.yaml'], p.dir);
      assert.equal(named.code, 0, named.stdout + named.stderr);
      assert.equal(named.stdout, 'No problems in 1 file.\n');
    } finally {
      p.cleanup();
    }
  });

  test('--config names bad entries of that file by its path', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN, 'ci/c.yaml': 'rules:\n  no-such-rule: off\n' });
    try {
      const run = runBuiltCli(['lint', '--config', 'ci/c.yaml'], p.dir);
      assert.equal(run.code, 0);
      assert.match(run.stderr, /^postmortem lint: .*ci\/c\.yaml:2:3 .*no-such-rule/m);
    } finally {
      p.cleanup();
    }
  });

  test('a --config that cannot be read stops the run (exit 2), as ESLint does', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN });
    mkdirSync(join(p.dir, 'folder.yaml'));
    try {
      for (const [config, reason] of [
        ['missing.yaml', /no such file or directory/],
        ['folder.yaml', /not a regular file \(a folder\)/],
      ] as const) {
        const run = runBuiltCli(['lint', '--config', config], p.dir);
        assert.equal(run.code, 2, config);
        assert.match(run.stderr, new RegExp(`postmortem lint: cannot read the config .*${config}: ${reason.source}`));
        assert.equal(run.stdout, '');
      }
    } finally {
      p.cleanup();
    }
  });

  test('--no-config ignores every .postmortem.yaml; with --config it is a usage error', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': DRAFT_WITHOUT_OWNERS, '.postmortem.yaml': 'rules:\n  action-owner-missing: error\n' });
    try {
      assert.equal(runBuiltCli(['lint'], p.dir).code, 1);
      const none = runBuiltCli(['lint', '--no-config', '--format', 'json'], p.dir);
      assert.equal(none.code, 0);
      assert.deepEqual((JSON.parse(none.stdout) as JsonReport)[0].diagnostics.map((d) => d.severity), ['warning', 'warning']);
      const both = runBuiltCli(['lint', '--no-config', '--config', '.postmortem.yaml'], p.dir);
      assert.equal(both.code, 2);
      assert.match(both.stderr, /--config and --no-config cannot be used together/);
    } finally {
      p.cleanup();
    }
  });
});

describe('paths in the output', () => {
  const layout = { 'postmortems/team/a.pm.yaml': SCHEMA_BROKEN };

  test('github and sarif name files from the repository root, whatever the working folder; text and json from the working folder', () => {
    const p = tempProject(layout);
    try {
      const cwd = join(p.dir, 'postmortems');
      const github = runBuiltCli(['lint', '--format', 'github', 'team'], cwd);
      assert.equal(github.code, 1);
      assert.match(github.stdout, /^::error file=postmortems\/team\/a\.pm\.yaml,line=13,/m);
      const sarif = JSON.parse(runBuiltCli(['lint', '--format', 'sarif', 'team/a.pm.yaml'], cwd).stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
      assert.deepEqual(
        sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri),
        ['postmortems/team/a.pm.yaml'],
      );
      const text = runBuiltCli(['lint', 'team'], cwd);
      assert.match(text.stdout, /^team\/a\.pm\.yaml:13:13 error/m);
      const json = JSON.parse(runBuiltCli(['lint', '--format', 'json', './team/'], cwd).stdout) as JsonReport;
      assert.equal(json[0].file, './team/a.pm.yaml');
    } finally {
      p.cleanup();
    }
  });
});

describe('--help', () => {
  test('names every flag', () => {
    const p = tempProject({});
    try {
      const help = runBuiltCli(['lint', '--help'], p.dir);
      assert.equal(help.code, 0);
      for (const flag of ['--format', '--today', '--fix', '--quiet', '--max-warnings', '--strict', '--config', '--no-config', '--ignore', '--stdin-filename', '"-"']) {
        assert.ok(help.stdout.includes(flag), flag);
      }
      const review = runBuiltCli(['review', '--help'], p.dir);
      assert.match(review.stdout, /markdown\|json\|html\|ndjson\|csv/);
    } finally {
      p.cleanup();
    }
  });
});
