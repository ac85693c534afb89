import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LOCKED_DOWN_GIT, lockedDownGitEnvironment } from '../../src/core/repositoryPeople';
import { mayReadRepositoryPeople } from '../../src/extension/trust';

test('the repository people (git, CODEOWNERS) are read only in a trusted, local folder', () => {
  assert.equal(mayReadRepositoryPeople({ scheme: 'file', trusted: true }), true);
  assert.equal(mayReadRepositoryPeople({ scheme: 'file', trusted: false }), false);
  assert.equal(mayReadRepositoryPeople({ scheme: 'vscode-vfs', trusted: true }), false);
  assert.equal(mayReadRepositoryPeople({ scheme: 'vscode-vfs', trusted: false }), false);
});

test('package.json declares limited support for untrusted workspaces and says what is off', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.match(manifest.capabilities.untrustedWorkspaces.description, /git is never run/);
});

test('git runs with every program-starting setting overridden', () => {
  const settings = LOCKED_DOWN_GIT.filter((_, i) => LOCKED_DOWN_GIT[i - 1] === '-c');
  for (const expected of ['log.showSignature=false', 'gpg.program=false', 'gpg.ssh.program=false', 'core.fsmonitor=false', 'core.hooksPath=/dev/null', 'protocol.allow=never']) {
    assert.ok(settings.includes(expected), expected);
  }
  assert.equal(LOCKED_DOWN_GIT[0], '--no-pager');
});

test("git's environment: none of the caller's GIT_* variables, no system or global config", () => {
  const env = lockedDownGitEnvironment({ PATH: '/usr/bin', GIT_DIR: '/elsewhere', GIT_CONFIG_PARAMETERS: "'log.showsignature'='true'", git_trace: '1', HOME: '/home/x' });
  assert.equal(env.PATH, '/usr/bin');
  assert.equal(env.HOME, '/home/x');
  assert.equal(env.GIT_DIR, undefined);
  assert.equal(env.GIT_CONFIG_PARAMETERS, undefined);
  assert.equal(env.git_trace, undefined);
  assert.equal(env.GIT_CONFIG_NOSYSTEM, '1');
  assert.equal(env.GIT_TERMINAL_PROMPT, '0');
});
