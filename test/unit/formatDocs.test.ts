// docs/format.md's "Required keys" is generated from the schema (scripts/gen-format-docs.mjs), so the two cannot drift.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertCheckCatchesAndRepairs } from './generatedDocs';

const root = join(__dirname, '..', '..');
const script = join(root, 'scripts', 'gen-format-docs.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });

describe('docs/format.md required keys (issue 10, item 11)', () => {
  it('is up to date with schemas/postmortem.schema.json (run `npm run docs:format` when this fails)', () => {
    const result = run('--check');
    assert.equal(result.status, 0, result.stderr);
  });

  it('says which keys are required: the document\'s and an action item\'s', () => {
    const page = readFileSync(join(root, 'docs', 'format.md'), 'utf8');
    assert.match(page, /\| the document \| `id`, `title`, `status`, `summary` \|/);
    assert.match(page, /\| `action_items\[\]` \| `action`, `priority`, `status` \|/);
  });

  it('the check fails on a stale page, and the generator repairs it', () => {
    assertCheckCatchesAndRepairs(script, join(root, 'docs', 'format.md'), '--doc', (page) => page.replace('`action`, `priority`, `status`', '`action`'));
  });
});
