import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, symlinkSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLEAN, SCHEMA_BROKEN, examplesDir, repoRoot, runCli, tempProject } from './helpers';

type JsonReport = Array<{ file: string; diagnostics: Array<{ rule: string; severity: string; message: string }> }>;

describe('exit codes and usage errors', () => {
  test('only warnings, info or hints: exit 0', async () => {
    // A draft: the missing owner (an error from in-review on) is only a warning.
    const draft = CLEAN.replace('status: reviewed', 'status: draft').replace('    owner: search-team\n    deadline: 2026-06-12\n', '    deadline: 2026-06-12\n');
    const p = tempProject({ 'postmortems/a.pm.yaml': draft });
    try {
      const run = await runCli(['lint', '--format', 'json'], p.dir);
      const [entry] = JSON.parse(run.stdout) as JsonReport;
      assert.ok(entry.diagnostics.some((d) => d.rule === 'action-owner-missing' && d.severity === 'warning'), run.stdout);
      assert.equal(run.code, 0);
    } finally {
      p.cleanup();
    }
  });

  test('the same file in review: the error counts, exit 1', async () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN.replace('    owner: search-team\n    deadline: 2026-06-12\n', '    deadline: 2026-06-12\n') });
    try {
      assert.equal((await runCli(['lint'], p.dir)).code, 1);
    } finally {
      p.cleanup();
    }
  });

  for (const [name, args, pattern] of [
    ['an unknown flag', ['lint', '--frobnicate'], /Unknown option '--frobnicate'/],
    ['a bad --format', ['lint', '--format', 'xml'], /unknown --format "xml"; use one of text, json, sarif, github/],
    ['a bad --today', ['lint', '--today', '2026-02-30'], /--today must be a date written YYYY-MM-DD, got "2026-02-30"/],
    ['--format without a value', ['lint', '--format'], /argument missing|requires an argument|--format/],
  ] as const) {
    test(`${name}: exit 2 with a message on stderr and nothing on stdout`, async () => {
      const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN });
      try {
        const run = await runCli([...args], p.dir);
        assert.equal(run.code, 2);
        assert.match(run.stderr, pattern);
        assert.equal(run.stdout, '');
      } finally {
        p.cleanup();
      }
    });
  }

  test('--help prints the options and exits 0', async () => {
    const run = await runCli(['lint', '--help'], repoRoot);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /--format <text\|json\|sarif\|github>/);
    assert.match(run.stdout, /--fix/);
  });
});

describe('unreadable paths', () => {
  test('a missing path is named on stderr, the rest is still linted, exit 2', async () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': SCHEMA_BROKEN });
    try {
      const run = await runCli(['lint', '--format', 'json', 'nope/missing.pm.yaml', 'postmortems'], p.dir);
      assert.equal(run.code, 2, 'unreadable wins over the error found in the readable file');
      assert.match(run.stderr, /cannot read nope\/missing\.pm\.yaml: no such file or directory/);
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(report.map((r) => r.file), ['postmortems/a.pm.yaml']);
      assert.ok(report[0].diagnostics.some((d) => d.rule === 'schema'));
    } finally {
      p.cleanup();
    }
  });

  test('a dangling link found in a folder is reported and skipped', async () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN });
    try {
      symlinkSync(join(p.dir, 'gone.yaml'), join(p.dir, 'postmortems', 'b.pm.yaml'));
      const run = await runCli(['lint'], p.dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /cannot read postmortems\/b\.pm\.yaml: no such file or directory/);
      assert.match(run.stdout, /No problems in 1 file\./);
    } finally {
      p.cleanup();
    }
  });

  test('no postmortems/ folder and no path: exit 2 naming the default path', async () => {
    const p = tempProject({});
    try {
      const run = await runCli(['lint'], p.dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /cannot read postmortems\/: no such file or directory/);
      // Only the error: "No problems in 0 files." next to it would contradict it (issue 10, item 6).
      assert.equal(run.stdout, '');
    } finally {
      p.cleanup();
    }
  });

  test('binary junk and an empty file give diagnostics, not a crash', async () => {
    const p = tempProject({ 'postmortems/junk.pm.yaml': '\u0000\u0001\u00ff\ufffd{{{:::\n\t- ]]', 'postmortems/empty.pm.yaml': '' });
    try {
      const run = await runCli(['lint', '--format', 'json'], p.dir);
      assert.equal(run.code, 1);
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.equal(report.length, 2);
      assert.ok(report.every((r) => r.diagnostics.length > 0), run.stdout);
    } finally {
      p.cleanup();
    }
  });
});

describe('what is linted', () => {
  test('the three examples lint clean, with every rule', async () => {
    const run = await runCli(['lint', '--format', 'json', '--today', '2026-11-27', examplesDir], repoRoot);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.length, 3);
    for (const entry of report) assert.deepEqual(entry.diagnostics, [], `${entry.file}: ${JSON.stringify(entry.diagnostics, null, 1)}`);
    assert.equal(run.code, 0);
  });

  test('the draft example shows the mistakes reviewers send back, as warnings since it is a draft', async () => {
    const drafts = join(repoRoot, 'examples', 'drafts');
    const run = await runCli(['lint', '--format', 'json', '--today', '2026-11-27', drafts], repoRoot);
    const [entry] = JSON.parse(run.stdout) as JsonReport;
    const rules = new Set(entry.diagnostics.map((d) => d.rule));
    for (const rule of ['blame-named-individual', 'whys-person-root', 'action-owner-missing', 'action-deadline-window', 'timeline-order', 'rfc-required']) {
      assert.ok(rules.has(rule), `the draft demonstrates ${rule}`);
    }
    assert.ok(entry.diagnostics.every((d) => d.severity !== 'error'), 'a draft reports errors as warnings');
    assert.equal(run.code, 0);
  });

  test('--today moves what is overdue', async () => {
    const open = CLEAN.replace(/status: done\n    type: detect/, 'status: open\n    type: detect');
    const p = tempProject({ 'postmortems/a.pm.yaml': open });
    try {
      const rulesOn = async (today: string) =>
        (JSON.parse((await runCli(['lint', '--format', 'json', '--today', today], p.dir)).stdout) as JsonReport)[0].diagnostics.map((d) => d.rule);
      assert.ok(!(await rulesOn('2026-06-12')).includes('action-overdue'));
      assert.ok((await rulesOn('2026-06-13')).includes('action-overdue'));
    } finally {
      p.cleanup();
    }
  });

  test('cross-file rules see every linted file: the same id in two files is reported in both', async () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN, 'postmortems/sub/b.pm.yaml': CLEAN.replace('title: Search', 'title: Copy of search') });
    try {
      const run = await runCli(['lint', '--format', 'json'], p.dir);
      assert.equal(run.code, 1);
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(report.map((r) => r.file), ['postmortems/a.pm.yaml', 'postmortems/sub/b.pm.yaml']);
      for (const entry of report) assert.ok(entry.diagnostics.some((d) => d.rule === 'duplicate-id'), entry.file);
    } finally {
      p.cleanup();
    }
  });

  test('.postmortem.yaml above the current folder turns a rule off', async () => {
    // A 92-minute gap in the acute phase (the trigger moved to 12:30, the start to 12:02).
    const gap = CLEAN.replace('start: 2026-06-09T14:02:00+02:00', 'start: 2026-06-09T12:02:00+02:00').replace('  - at: "13:58"', '  - at: "12:30"');
    const p = tempProject({ 'postmortems/a.pm.yaml': gap, '.postmortem.yaml': 'rules:\n  timeline-granularity: off\n' });
    const q = tempProject({ 'postmortems/a.pm.yaml': gap });
    try {
      const rules = async (dir: string) => (JSON.parse((await runCli(['lint', '--format', 'json', 'a.pm.yaml'], dir)).stdout) as JsonReport)[0].diagnostics.map((d) => d.rule);
      assert.ok((await rules(join(q.dir, 'postmortems'))).includes('timeline-granularity'), 'reported without the config');
      assert.ok(!(await rules(join(p.dir, 'postmortems'))).includes('timeline-granularity'), 'off with the config');
    } finally {
      p.cleanup();
      q.cleanup();
    }
  });
});

describe('--fix', () => {
  test('applies the safe fixes, writes the file, and reports only what remains', async () => {
    // A P0 due three weeks after the review: the safe fix sets the latest allowed date (next business day).
    const late = CLEAN.replace('    deadline: 2026-06-12\n    priority: P0', '    deadline: 2026-07-01\n    priority: P0').replace(
      'severity: SEV-2',
      'severity: SEV-9',
    );
    const p = tempProject({ 'postmortems/a.pm.yaml': late });
    try {
      // On the review day, so the latest allowed date is still ahead (a closed window: see the next test).
      const before = await runCli(['lint', '--format', 'json', '--today', '2026-06-11'], p.dir);
      assert.ok((JSON.parse(before.stdout) as JsonReport)[0].diagnostics.some((d) => d.rule === 'action-deadline-window'));

      const run = await runCli(['lint', '--fix', '--format', 'json', '--today', '2026-06-11'], p.dir);
      const fixed = readFileSync(join(p.dir, 'postmortems/a.pm.yaml'), 'utf8');
      assert.equal(fixed, late.replace('deadline: 2026-07-01', 'deadline: 2026-06-12'), 'only the deadline changed; comments and layout kept');
      assert.match(run.stderr, /fixed 1 problem in postmortems\/a\.pm\.yaml/);
      const rules = (JSON.parse(run.stdout) as JsonReport)[0].diagnostics.map((d) => d.rule);
      assert.deepEqual(rules, ['schema'], 'the unfixable schema error remains');
      assert.equal(run.code, 1);
    } finally {
      p.cleanup();
    }
  });

  test('never writes a deadline that is already past: the next business day after today instead (issue 10, item 5)', async () => {
    // Open P0 items whose window closed months ago: one due too late, one without a deadline.
    const late = CLEAN.replace('    deadline: 2026-06-12\n    priority: P0\n    status: done', '    deadline: 2026-12-24\n    priority: P0\n    status: open').replace(
      '    deadline: 2026-06-18\n    priority: P1\n    status: done',
      '    priority: P1\n    status: open',
    );
    assert.notEqual(late, CLEAN);
    const p = tempProject({ 'postmortems/a.pm.yaml': late });
    try {
      // 2026-11-27 is a Friday: the next business day is Monday 2026-11-30.
      await runCli(['lint', '--fix', '--today', '2026-11-27'], p.dir);
      const fixed = readFileSync(join(p.dir, 'postmortems/a.pm.yaml'), 'utf8');
      assert.match(fixed, /deadline: 2026-11-30\n    priority: P0/);
      assert.match(fixed, /priority: P1\n    status: open\n[\s\S]*?deadline: 2026-11-30\n/);
      const after = await runCli(['lint', '--format', 'json', '--today', '2026-11-27'], p.dir);
      const rules = (JSON.parse(after.stdout) as JsonReport)[0].diagnostics.map((d) => d.rule);
      assert.ok(!rules.includes('action-overdue'), rules.join(', '));
    } finally {
      p.cleanup();
    }
  });

  test('a clean file is left untouched', async () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN });
    try {
      const run = await runCli(['lint', '--fix'], p.dir);
      assert.equal(run.code, 0);
      assert.equal(run.stderr, '');
      assert.equal(readFileSync(join(p.dir, 'postmortems/a.pm.yaml'), 'utf8'), CLEAN);
    } finally {
      p.cleanup();
    }
  });
});

describe('the built bin', () => {
  test('dist/cli.js runs lint with the same exit codes', () => {
    const cli = join(repoRoot, 'dist', 'cli.js');
    if (!existsSync(cli)) spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'ignore' });
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN, 'postmortems/b.pm.yaml': SCHEMA_BROKEN.replace('INC-2026-06-09-001', 'INC-2026-06-09-002') });
    try {
      const clean = spawnSync(process.execPath, [cli, 'lint', 'postmortems/a.pm.yaml'], { cwd: p.dir, encoding: 'utf8' });
      assert.equal(clean.status, 0, clean.stderr);
      assert.equal(clean.stdout, 'No problems in 1 file.\n');
      const broken = spawnSync(process.execPath, [cli, 'lint', '--format', 'json'], { cwd: p.dir, encoding: 'utf8' });
      assert.equal(broken.status, 1, broken.stderr);
      assert.equal((JSON.parse(broken.stdout) as JsonReport).length, readdirSync(join(p.dir, 'postmortems')).length);
      const usage = spawnSync(process.execPath, [cli, 'lint', '--format', 'yaml'], { cwd: p.dir, encoding: 'utf8' });
      assert.equal(usage.status, 2);
    } finally {
      p.cleanup();
    }
  });
});
