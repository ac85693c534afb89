// A repository whose own `.git/config` names programs: reading its commit authors must start none of them.
// Each case first proves that plain `git log` in that repository does start the program (the marker file
// appears), then that `postmortem lint` and `render` (which read the authors for the blame rule) do not.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { gitAuthors } from '../../src/core/repositoryPeople';
import { CLEAN, hostileWorld, runBuilt, type HostileWorld } from './helpers';

const hasGit = spawnSync('git', ['--version']).status === 0;

let world: HostileWorld;
let marker: string;
let program: string;
beforeEach(() => {
  world = hostileWorld();
  marker = join(world.outside, 'MARKER');
  program = join(world.outside, 'evil-program.sh');
  writeFileSync(program, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`);
  chmodSync(program, 0o755);
});
afterEach(() => world.cleanup());

function git(args: string[]): string {
  return execFileSync('git', ['-C', world.repo, ...args], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
}

/** A real repository (replacing the `.git` marker) whose one commit carries a signature header of `kind`, with `config` in `.git/config`. */
function signedRepository(kind: 'PGP' | 'SSH', config: Record<string, string>): void {
  rmSync(join(world.repo, '.git'), { recursive: true });
  git(['init', '-q']);
  world.write('postmortems/own.pm.yaml', CLEAN);
  git(['add', '.']);
  git(['-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', 'one']);
  const commit = git(['cat-file', 'commit', 'HEAD']);
  const signed = commit.replace(/^(committer .*\n)/m, `$1gpgsig -----BEGIN ${kind} SIGNATURE-----\n \n iQEzBAABCAAdFiEEfake\n -----END ${kind} SIGNATURE-----\n`);
  const id = execFileSync('git', ['-C', world.repo, 'hash-object', '-t', 'commit', '-w', '--stdin'], { input: signed, encoding: 'utf8' }).trim();
  git(['update-ref', 'HEAD', id]);
  for (const [key, value] of Object.entries(config)) git(['config', key, value]);
}

const CASES: Array<{ name: string; kind: 'PGP' | 'SSH'; config: (program: string, world: HostileWorld) => Record<string, string> }> = [
  { name: 'log.showSignature + gpg.program (the reported repository)', kind: 'PGP', config: (p) => ({ 'log.showSignature': 'true', 'gpg.program': p }) },
  { name: 'log.showSignature + gpg.openpgp.program', kind: 'PGP', config: (p) => ({ 'log.showSignature': 'true', 'gpg.openpgp.program': p }) },
  {
    name: 'log.showSignature + an SSH signature + gpg.ssh.program',
    kind: 'SSH',
    config: (p, w) => ({ 'log.showSignature': 'true', 'gpg.ssh.program': p, 'gpg.ssh.allowedSignersFile': w.write('allowed_signers', '') }),
  },
];

describe('a repository config that names programs', { skip: !hasGit || process.platform === 'win32' ? 'needs git and a POSIX shell' : false }, () => {
  for (const { name, kind, config } of CASES) {
    test(name, async () => {
      signedRepository(kind, config(program, world));
      // The repository is as hostile as claimed: plain git runs the program.
      spawnSync('git', ['-C', world.repo, 'log', '--format=%aN'], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
      assert.ok(existsSync(marker), 'plain git log should have run the program (the test would prove nothing)');
      rmSync(marker);

      const lint = await runBuilt(['lint'], world.repo);
      assert.equal(lint.timedOut, false);
      assert.equal(existsSync(marker), false, 'postmortem lint started a program named by the repository');
      assert.equal(lint.stdout, 'No problems in 1 file.\n');
      const render = await runBuilt(['render', 'postmortems/own.pm.yaml'], world.repo);
      assert.equal(render.code, 0);
      assert.equal(existsSync(marker), false, 'postmortem render started a program named by the repository');
      // And the authors are still read.
      assert.ok((await gitAuthors(world.repo)).includes('Ada Lovelace'));
      assert.equal(existsSync(marker), false);
    });
  }

  test('GIT_* variables of the caller (GIT_CONFIG_PARAMETERS, GIT_DIR) do not reach git', async () => {
    signedRepository('PGP', { 'gpg.program': program });
    const env = { GIT_CONFIG_PARAMETERS: `'log.showsignature'='true'`, GIT_DIR: join(world.outside, 'nowhere') };
    const lint = await runBuilt(['lint'], world.repo, { env });
    assert.equal(lint.code, 0);
    assert.equal(existsSync(marker), false);
  });

  test('core.fsmonitor, core.pager, pager.log and hooks naming the program start nothing either', async () => {
    signedRepository('PGP', { 'core.fsmonitor': program, 'core.pager': program, 'pager.log': program, 'core.hooksPath': world.outside, 'diff.external': program });
    writeFileSync(join(world.outside, 'post-checkout'), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    const lint = await runBuilt(['lint'], world.repo);
    assert.equal(lint.code, 0);
    assert.equal(existsSync(marker), false);
    assert.ok((await gitAuthors(world.repo)).includes('Ada Lovelace'));
  });
});
