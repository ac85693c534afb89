import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitAuthors, loadRepositoryPeople, parseCodeowners } from '../../src/core/repositoryPeople';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pm-people-'));
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-C', dir, ...args], { stdio: 'ignore' });
}

test('parseCodeowners keeps @users and personal e-mails, drops teams, comments, sections and role mailboxes', () => {
  const text = [
    '# Owners of everything',
    '*            @alice-w @acme/platform-team',
    '/docs/       carol@example.com   # the writer',
    '[Database] @acme/dba',
    '/db/         @bob.k alerts@example.com',
    'path\\ with\\ spaces/ @dora',
    '',
  ].join('\n');
  assert.deepEqual(parseCodeowners(text), ['@alice-w', 'carol@example.com', '@bob.k', '@dora']);
});

test('loadRepositoryPeople reads the three CODEOWNERS locations and git authors, without duplicates or bots', async () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir, '.github'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, '.github/CODEOWNERS'), '* @alice-w\n');
    writeFileSync(join(dir, 'CODEOWNERS'), '/src/ @bob.k\n');
    writeFileSync(join(dir, 'docs/CODEOWNERS'), '/docs/ @alice-w carol@example.com\r\n');
    git(dir, 'init', '-q');
    const commit = (name: string, email: string): void =>
      git(dir, '-c', `user.name=${name}`, '-c', `user.email=${email}`, 'commit', '-q', '--allow-empty', '-m', 'x');
    commit('Priya Natarajan', 'priya@example.com');
    commit('Jürgen Weiß', 'juergen@example.com');
    commit('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com');
    commit('Jenkins', 'jenkins@ci.example.com');
    commit('Priya Natarajan', 'priya@example.com');
    const people = await loadRepositoryPeople(dir);
    assert.deepEqual(
      [...people].sort(),
      ['@alice-w', '@bob.k', 'carol@example.com', 'juergen@example.com', 'Jürgen Weiß', 'priya@example.com', 'Priya Natarajan'].sort(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder that is not a repository, or a missing git, gives no people and no error', async () => {
  const dir = tempDir();
  try {
    assert.deepEqual(await loadRepositoryPeople(dir), []);
    assert.deepEqual(await gitAuthors(dir, { gitPath: join(dir, 'no-such-git') }), []);
    assert.deepEqual(await loadRepositoryPeople(join(dir, 'does-not-exist')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
