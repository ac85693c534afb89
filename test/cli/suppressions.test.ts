// The built CLI (dist/cli.js) honours in-file suppressions with no code of its own: they are applied in lintParsed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN, repoRoot, SCHEMA_BROKEN, tempProject } from './helpers';

const cli = join(repoRoot, 'dist', 'cli.js');

function run(dir: string, ...args: string[]) {
  if (!existsSync(cli)) spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'ignore' });
  return spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
}

const SUPPRESSED = SCHEMA_BROKEN.replace('  severity: SEV-9', '  # postmortem-disable-next-line schema, action-vague -- SEV-9 is our own level\n  severity: SEV-9');

describe('postmortem lint with suppression comments (dist/cli.js)', () => {
  test('a suppressed finding is not reported; the unused slug is, as a warning that keeps exit 0', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': SUPPRESSED });
    try {
      const before = run(p.dir, 'lint', '--today', '2026-11-27', 'postmortems/a.pm.yaml');
      assert.equal(before.status, 0, before.stderr);
      assert.equal(
        before.stdout,
        'postmortems/a.pm.yaml:13:42 warning Unused `postmortem-disable-next-line` directive (no problems were reported from `action-vague`); remove it. [unused-suppression]\n' +
          '1 problem (0 errors, 1 warning, 0 info, 0 hints) in 1 file.\n',
      );
      writeFileSync(join(p.dir, 'postmortems/a.pm.yaml'), SUPPRESSED.replace('schema, action-vague', 'schema'));
      const clean = run(p.dir, 'lint', '--today', '2026-11-27');
      assert.equal(clean.stdout, 'No problems in 1 file.\n');
      assert.equal(clean.status, 0);
    } finally {
      p.cleanup();
    }
  });

  test('.postmortem.yaml sets the level of unused-suppression like any rule', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': SUPPRESSED, '.postmortem.yaml': 'rules:\n  unused-suppression: error\n' });
    try {
      const result = run(p.dir, 'lint', '--format', 'json', '--today', '2026-11-27');
      assert.equal(result.status, 1, result.stderr);
      const [report] = JSON.parse(result.stdout) as Array<{ diagnostics: Array<{ rule: string; severity: string; range: unknown }> }>;
      assert.deepEqual(report.diagnostics.map((d) => [d.rule, d.severity, d.range]), [
        ['unused-suppression', 'error', { start: { line: 12, character: 41 }, end: { line: 12, character: 53 } }],
      ]);
      writeFileSync(join(p.dir, '.postmortem.yaml'), 'rules:\n  unused-suppression: off\n');
      assert.equal(run(p.dir, 'lint', '--today', '2026-11-27').stdout, 'No problems in 1 file.\n');
    } finally {
      p.cleanup();
    }
  });

  test('--fix leaves a suppressed finding and the comment alone, and fixes the rest', () => {
    // Two P0 items due too late; the first one's deadline is suppressed.
    const late = CLEAN.replace('    deadline: 2026-06-12\n    priority: P0', '    # postmortem-disable-next-line action-deadline-window -- agreed with the CTO\n    deadline: 2026-07-01\n    priority: P0');
    assert.notEqual(late, CLEAN);
    const p = tempProject({ 'postmortems/a.pm.yaml': late });
    try {
      const before = run(p.dir, 'lint', '--today', '2026-06-11');
      assert.equal(before.stdout, 'No problems in 1 file.\n', 'suppressed, so nothing to report');
      const fix = run(p.dir, 'lint', '--fix', '--today', '2026-06-11');
      assert.equal(fix.stderr, '');
      assert.equal(readFileSync(join(p.dir, 'postmortems/a.pm.yaml'), 'utf8'), late, 'nothing written');
      // Without the comment the same run fixes the deadline.
      writeFileSync(join(p.dir, 'postmortems/a.pm.yaml'), late.replace('    # postmortem-disable-next-line action-deadline-window -- agreed with the CTO\n', ''));
      const unsuppressed = run(p.dir, 'lint', '--fix', '--today', '2026-06-11');
      assert.match(unsuppressed.stderr, /fixed 1 problem in postmortems\/a\.pm\.yaml/);
    } finally {
      p.cleanup();
    }
  });
});
