// The pre-commit hooks, run by the real pre-commit (Debian's package; .ci/run installs it) in temporary git
// repositories, offline: the `repo: local` recipe of docs/ci.md with the package installed from its tarball,
// and this repository's .pre-commit-hooks.yaml through `pre-commit try-repo`, its npx stood in for.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLEAN, SCHEMA_BROKEN, repoRoot } from './helpers';
import { installOffline, packPackage } from './npmPackage';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
const LOCAL_CONFIG = readFileSync(join(repoRoot, 'docs/ci.md'), 'utf8').match(/<!-- pre-commit-local:start -->\n```yaml\n([\s\S]*?)```/)?.[1];
const GIT_ENV = { GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' };

describe('pre-commit', { skip: !hasPreCommit && !process.env.CI ? 'pre-commit is not installed (Debian package pre-commit)' : false }, () => {
  let root: string;
  let tarball: string;
  const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
    spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: join(root, 'pre-commit-home'), npm_config_cache: join(root, 'npm-cache'), ...env } });

  /** A git repository with the package installed (offline) and two post-mortems: one clean, one with a schema error. */
  function project(name: string): string {
    const dir = join(root, name);
    mkdirSync(join(dir, 'postmortems'), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
    installOffline(dir, tarball, join(root, 'npm-cache'));
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
    writeFileSync(join(dir, 'postmortems/clean.pm.yaml'), CLEAN);
    writeFileSync(join(dir, 'postmortems/broken.pm.yaml'), SCHEMA_BROKEN.replace(/^id: .*$/m, 'id: INC-2026-06-09-077'));
    writeFileSync(join(dir, 'notes.yaml'), 'severity: SEV-9\n');
    return dir;
  }

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'pm-precommit-'));
    ({ tarball } = packPackage(root));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the hook file runs the npm package of this version, on post-mortems only, in one process', () => {
    assert.equal(hooks.length, 1);
    assert.deepEqual(hooks[0], {
      id: 'postmortem-lint',
      name: 'postmortem lint',
      description: 'Checks post-mortems (*.pm.yaml) with the postmortem CLI.',
      entry: `npx --yes postmortems-as-code@${version} lint`,
      language: 'system',
      files: '\\.pm\\.yaml$',
      require_serial: true,
    });
  });

  it('the repo: local recipe of docs/ci.md blocks a commit with a broken post-mortem and lets a fixed one through', () => {
    assert.ok(LOCAL_CONFIG, 'docs/ci.md has the local recipe between pre-commit-local markers');
    const dir = project('local');
    writeFileSync(join(dir, '.pre-commit-config.yaml'), LOCAL_CONFIG);
    assert.equal(run('pre-commit', ['install'], dir).status, 0);
    run('git', ['add', '.'], dir);
    const blocked = run('git', ['commit', '-q', '-m', 'add post-mortems'], dir);
    // A git hook's output reaches the terminal on stderr.
    const output = blocked.stdout + blocked.stderr;
    assert.equal(blocked.status, 1, output);
    assert.match(output, /postmortem lint\.+Failed/);
    assert.match(output, /postmortems\/broken\.pm\.yaml:\d+:\d+ error .*SEV-1, SEV-2, SEV-3.*\[schema\]/);
    // Only post-mortems are handed to the CLI: notes.yaml (a SEV-9 too) is not one.
    assert.doesNotMatch(output, /notes\.yaml/);

    writeFileSync(join(dir, 'postmortems/broken.pm.yaml'), CLEAN.replace(/^id: .*$/m, 'id: INC-2026-06-09-077'));
    run('git', ['add', '.'], dir);
    const committed = run('git', ['commit', '-q', '-m', 'add post-mortems'], dir);
    assert.equal(committed.status, 0, committed.stdout + committed.stderr);
    assert.match(committed.stdout + committed.stderr, /postmortem lint\.+Passed/);
  });

  it('try-repo with this repository\'s hook: npx gets the pinned package, the CLI gets the staged post-mortems', () => {
    // The hook repository as users reference it: a git repository holding .pre-commit-hooks.yaml.
    const hookRepo = join(root, 'hook-repo');
    mkdirSync(hookRepo);
    copyFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), join(hookRepo, '.pre-commit-hooks.yaml'));
    run('git', ['init', '-q'], hookRepo);
    run('git', ['add', '.'], hookRepo);
    assert.equal(run('git', ['commit', '-q', '-m', 'hooks'], hookRepo).status, 0);

    const dir = project('remote');
    run('git', ['add', '.'], dir);
    // The registry is out of reach: this npx records its arguments and runs the installed CLI with the rest.
    const bin = join(root, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'npx'), `#!/usr/bin/env bash\nprintf '%s\\n' "$@" > "${root}/npx-args"\nshift 2\nexec node "${dir}/node_modules/postmortems-as-code/dist/cli.js" "$@"\n`);
    chmodSync(join(bin, 'npx'), 0o755);
    const result = run('pre-commit', ['try-repo', hookRepo, 'postmortem-lint'], dir, { PATH: `${bin}:${process.env.PATH}` });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    const args = readFileSync(join(root, 'npx-args'), 'utf8').trim().split('\n');
    assert.deepEqual(args.slice(0, 3), ['--yes', `postmortems-as-code@${version}`, 'lint']);
    assert.deepEqual(args.slice(3).sort(), ['postmortems/broken.pm.yaml', 'postmortems/clean.pm.yaml']);
    assert.match(result.stdout, /postmortems\/broken\.pm\.yaml:\d+:\d+ error /);
    assert.ok(existsSync(join(root, 'pre-commit-home')), 'pre-commit kept its cache in the temporary folder');
  });
});
