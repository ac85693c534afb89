/**
 * Paths as ESLint takes them: glob patterns, --ignore, the repository's .gitignore files (root and
 * nested), and "-" for standard input with --stdin-filename. Run through the built bin (dist/cli.js).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN, DRAFT_WITHOUT_OWNERS, SCHEMA_BROKEN, runBuiltCli, tempFolder, tempProject } from './helpers';

type JsonReport = Array<{ file: string; diagnostics: Array<{ rule: string; severity: string; message: string }> }>;

const withId = (n: number): string => CLEAN.replace(/^id: .*$/m, `id: INC-2026-06-09-00${n}`);

/** Post-mortems in several teams' folders, some excluded by .gitignore files at two levels. */
const LAYOUT: Record<string, string> = {
  'teams/search/postmortems/a.pm.yaml': withId(1),
  'teams/search/postmortems/archive/old.pm.yaml': withId(2),
  'teams/orders/postmortems/b.pm.yaml': withId(3),
  'teams/orders/postmortems/generated/g.pm.yaml': withId(4),
  'teams/orders/postmortems/generated/keep.pm.yaml': withId(5),
  'teams/orders/notes.yaml': CLEAN,
  'teams/orders/node_modules/dep/d.pm.yaml': withId(6),
  'scratch/s.pm.yaml': withId(7),
  '.gitignore': 'scratch/\n',
  'teams/orders/.gitignore': 'postmortems/generated/\n',
};

function linted(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonReport).map((r) => r.file);
}

describe('glob patterns and ignores', () => {
  test('a glob takes the *.pm.yaml files it matches in name order, skipping node_modules and what .gitignore files exclude', () => {
    const p = tempProject(LAYOUT);
    try {
      const run = runBuiltCli(['lint', '--format', 'json', 'teams/*/postmortems/**/*.pm.yaml', 'scratch/*.pm.yaml'], p.dir);
      assert.deepEqual(linted(run.stdout), ['teams/orders/postmortems/b.pm.yaml', 'teams/search/postmortems/a.pm.yaml', 'teams/search/postmortems/archive/old.pm.yaml']);
      // scratch/ is wholly ignored by the root .gitignore: ESLint's "all files are ignored" error, exit 2.
      assert.equal(run.code, 2);
      assert.match(run.stderr, /All files matching the pattern "scratch\/\*\.pm\.yaml" are ignored/);
    } finally {
      p.cleanup();
    }
  });

  test('a folder argument is filtered the same way; a nested .gitignore can re-include a file', () => {
    const p = tempProject({ ...LAYOUT, 'teams/orders/postmortems/generated/.gitignore': '!keep.pm.yaml\n' });
    try {
      // The parent folder is excluded: as in git, a file below an excluded folder cannot be re-included.
      const run = runBuiltCli(['lint', '--format', 'json', 'teams'], p.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(linted(run.stdout), ['teams/orders/postmortems/b.pm.yaml', 'teams/search/postmortems/a.pm.yaml', 'teams/search/postmortems/archive/old.pm.yaml']);
    } finally {
      p.cleanup();
    }
    const q = tempProject({ ...LAYOUT, 'teams/orders/.gitignore': 'postmortems/generated/*\n', 'teams/orders/postmortems/generated/.gitignore': '!keep.pm.yaml\n' });
    try {
      // Files excluded one by one (`generated/*`) can be: keep.pm.yaml comes back.
      const run = runBuiltCli(['lint', '--format', 'json', 'teams/orders'], q.dir);
      assert.deepEqual(linted(run.stdout), ['teams/orders/postmortems/b.pm.yaml', 'teams/orders/postmortems/generated/keep.pm.yaml']);
    } finally {
      q.cleanup();
    }
  });

  test('--ignore patterns (repeatable, relative to the current folder) exclude files from folders and globs', () => {
    const p = tempProject(LAYOUT);
    try {
      const run = runBuiltCli(['lint', '--format', 'json', 'teams', '--ignore', '**/archive/**', '--ignore', 'teams/orders'], p.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(linted(run.stdout), ['teams/search/postmortems/a.pm.yaml']);
      const fromSubfolder = runBuiltCli(['lint', '--format', 'json', '**/*.pm.yaml', '--ignore', 'archive/'], join(p.dir, 'teams/search'));
      assert.deepEqual(linted(fromSubfolder.stdout), ['postmortems/a.pm.yaml']);
    } finally {
      p.cleanup();
    }
  });

  test('a file named on the command line that an ignore pattern excludes is skipped with a notice, not an error', () => {
    const p = tempProject(LAYOUT);
    try {
      const run = runBuiltCli(['lint', 'scratch/s.pm.yaml', 'teams/orders/postmortems/b.pm.yaml'], p.dir);
      assert.equal(run.code, 0);
      assert.equal(run.stderr, 'postmortem lint: ignored scratch/s.pm.yaml: it matches an ignore pattern (--ignore or .gitignore)\n');
      assert.equal(run.stdout, 'No problems in 1 file.\n');
    } finally {
      p.cleanup();
    }
  });

  test('a glob that matches nothing is an error (exit 2), as in ESLint; the other paths are still linted', () => {
    const p = tempProject(LAYOUT);
    try {
      const run = runBuiltCli(['lint', 'nowhere/**/*.pm.yaml', 'teams/orders/postmortems/b.pm.yaml'], p.dir);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'postmortem lint: No files matching the pattern "nowhere/**/*.pm.yaml" were found.\n');
      assert.equal(run.stdout, 'No problems in 1 file.\n');
    } finally {
      p.cleanup();
    }
  });

  test('outside any repository the current folder\'s .gitignore files still apply', () => {
    const p = tempFolder(LAYOUT);
    try {
      const run = runBuiltCli(['lint', '--format', 'json', '**/*.pm.yaml'], p.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(linted(run.stdout), ['teams/orders/postmortems/b.pm.yaml', 'teams/search/postmortems/a.pm.yaml', 'teams/search/postmortems/archive/old.pm.yaml']);
    } finally {
      p.cleanup();
    }
  });

  test('globs keep the reading guarantees: a link out of the repository is skipped with a notice, a FIFO is not read', () => {
    const outside = tempFolder({ 'secret.pm.yaml': 'id: SECRET\n' });
    const p = tempProject({ 'postmortems/a.pm.yaml': withId(1) });
    try {
      symlinkSync(join(outside.dir, 'secret.pm.yaml'), join(p.dir, 'postmortems/leak.pm.yaml'));
      symlinkSync(outside.dir, join(p.dir, 'postmortems/linked'));
      execFileSync('mkfifo', [join(p.dir, 'postmortems/pipe.pm.yaml')]);
      const run = runBuiltCli(['lint', '--format', 'json', 'postmortems/**/*.pm.yaml'], p.dir);
      assert.deepEqual(linted(run.stdout), ['postmortems/a.pm.yaml']);
      assert.match(run.stderr, /skipped postmortems\/leak\.pm\.yaml: it is a link that leads outside/);
      assert.match(run.stderr, /cannot read postmortems\/pipe\.pm\.yaml: not a regular file \(a named pipe\)/);
      assert.doesNotMatch(run.stdout + run.stderr, /SECRET|linked/);
      assert.equal(run.code, 2, 'a FIFO cannot be checked');
    } finally {
      p.cleanup();
      outside.cleanup();
    }
  });
});

describe('standard input', () => {
  test('"-" lints the text piped in, named <stdin> by default', () => {
    const p = tempProject({});
    try {
      const run = runBuiltCli(['lint', '-'], p.dir, SCHEMA_BROKEN);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /^<stdin>:13:13 error .*\[schema\]$/m);
    } finally {
      p.cleanup();
    }
  });

  test('--stdin-filename names it, finds its .postmortem.yaml, and brings its folder\'s post-mortems in for cross-file rules', () => {
    const p = tempProject({ 'team/postmortems/other.pm.yaml': withId(1), 'team/.postmortem.yaml': 'rules:\n  action-owner-missing: error\n' });
    try {
      // The same id as other.pm.yaml (duplicate-id), and owners missing (errors by team/.postmortem.yaml).
      const run = runBuiltCli(['lint', '-', '--stdin-filename', 'team/postmortems/new.pm.yaml', '--format', 'json'], p.dir, DRAFT_WITHOUT_OWNERS);
      assert.equal(run.code, 1, run.stderr);
      const [report, ...others] = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(others, [], 'the context files are read, not reported');
      assert.equal(report.file, 'team/postmortems/new.pm.yaml');
      const found = report.diagnostics.map((d) => `${d.severity} ${d.rule}`);
      assert.deepEqual(found, ['warning duplicate-id', 'error action-owner-missing', 'error action-owner-missing']);
      assert.match(report.diagnostics[0].message, /also used by team\/postmortems\/other\.pm\.yaml/);
    } finally {
      p.cleanup();
    }
  });

  test('the file on disk under the --stdin-filename is replaced by the text piped in', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': SCHEMA_BROKEN });
    try {
      const run = runBuiltCli(['lint', '-', '--stdin-filename', 'postmortems/a.pm.yaml'], p.dir, CLEAN);
      assert.equal(run.code, 0, run.stdout);
      assert.equal(run.stdout, 'No problems in 1 file.\n');
    } finally {
      p.cleanup();
    }
  });

  test('--fix with "-" prints the fixed text to stdout and what remains to stderr; no file is written', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN });
    try {
      const input = CLEAN.replace('    deadline: 2026-06-12\n', '');
      const run = runBuiltCli(['lint', '--fix', '-', '--stdin-filename', 'postmortems/b.pm.yaml', '--today', '2026-06-10'], p.dir, input);
      const added = /\n {4}type: detect\n {4}deadline: (2026-06-\d\d)\n/.exec(run.stdout);
      assert.ok(added, run.stdout);
      assert.equal(run.stdout, input.replace('    type: detect\n', `    type: detect\n    deadline: ${added[1]}\n`), 'only the deadline line was added');
      assert.equal(readFileSync(join(p.dir, 'postmortems/a.pm.yaml'), 'utf8'), CLEAN);
      assert.match(run.stderr, /postmortems\/b\.pm\.yaml:2:5 error The id INC-2026-06-09-001 is also used by postmortems\/a\.pm\.yaml/);
      assert.equal(run.code, 1);
    } finally {
      p.cleanup();
    }
  });

  test('usage errors: "-" with other paths, --stdin-filename without "-"', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN });
    try {
      const mixed = runBuiltCli(['lint', '-', 'postmortems'], p.dir, CLEAN);
      assert.equal(mixed.code, 2);
      assert.match(mixed.stderr, /"-" \(standard input\) cannot be combined with other paths/);
      const orphan = runBuiltCli(['lint', '--stdin-filename', 'x.pm.yaml'], p.dir);
      assert.equal(orphan.code, 2);
      assert.match(orphan.stderr, /--stdin-filename names the text read from "-"/);
    } finally {
      p.cleanup();
    }
  });

  test('empty standard input is an empty document: reported, not a crash', () => {
    const p = tempProject({});
    try {
      const run = runBuiltCli(['lint', '-', '--format', 'json'], p.dir, '');
      assert.equal(run.code, 1);
      assert.equal((JSON.parse(run.stdout) as JsonReport)[0].file, '<stdin>');
      assert.ok((JSON.parse(run.stdout) as JsonReport)[0].diagnostics.some((d) => d.severity === 'error'));
    } finally {
      p.cleanup();
    }
  });
});
