// The rule docs and the README's rule table are part of the product: every
// rule has a page, the table matches src/rules/index.ts, and each page's
// examples do what the page says (the "Flagged" one is flagged, the "Fine" one is not).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/rules/index';
import { ruleDiagnostics } from './rules/ruleTester';
import { assertCheckCatchesAndRepairs } from './generatedDocs';

const root = join(__dirname, '..', '..');
const script = join(root, 'scripts', 'gen-rule-docs.mjs');

function runGenerator(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
}

describe('README rule table', () => {
  it('is up to date with src/rules/index.ts (run `npm run docs:rules` when this fails)', () => {
    const result = runGenerator('--check');
    assert.equal(result.status, 0, result.stderr);
  });

  it('the check fails on a stale table, and the generator repairs it', () => {
    assertCheckCatchesAndRepairs(script, join(root, 'README.md'), '--readme', (readme) => readme.replace(/\| PM\d+ \| \[`action-vague`\][^\n]*\n/, ''));
  });
});

describe('rule settings in package.json', () => {
  it('declares postmortem.rules.<slug> for every rule and core slug, with the same levels', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const properties = manifest.contributes.configuration.properties as Record<string, { enum?: string[]; default?: string; markdownDescription?: string }>;
    for (const slug of ['schema', 'yaml-syntax', ...RULES.map((r) => r.slug)]) {
      const setting = properties[`postmortem.rules.${slug}`];
      assert.ok(setting, `postmortem.rules.${slug} is declared`);
      assert.deepEqual(setting.enum, ['default', 'off', 'error', 'warning', 'info', 'hint']);
      assert.equal(setting.default, 'default');
    }
    for (const rule of RULES) assert.ok(properties[`postmortem.rules.${rule.slug}`].markdownDescription?.includes(rule.description));
  });
});

describe('rule docs', () => {
  for (const rule of RULES) {
    it(`${rule.slug}: has a page with id, severity and both examples`, () => {
      const path = join(root, 'docs', 'rules', `${rule.slug}.md`);
      assert.ok(existsSync(path), `docs/rules/${rule.slug}.md exists`);
      const page = readFileSync(path, 'utf8');
      assert.ok(page.startsWith(`# ${rule.id} \`${rule.slug}\``), 'title names id and slug');
      assert.ok(page.includes(`Default severity: **${rule.defaultSeverity}**`));
      for (const section of ['## What it flags', '## Why it matters', '## How to fix', '## Examples', '## Configuration']) {
        assert.ok(page.includes(section), `has ${section}`);
      }
      if (rule.crossFile) return; // their examples span two files
      const [flagged, fine] = examples(page);
      assert.ok(ruleDiagnostics(rule, flagged).length > 0, `the "Flagged" example is flagged:\n${flagged}`);
      assert.deepEqual(ruleDiagnostics(rule, fine).map((d) => d.message), [], `the "Fine" example is fine:\n${fine}`);
    });
  }
});

function examples(page: string): [string, string] {
  const block = (label: string): string => {
    const m = new RegExp(`\\n${label}[^\\n]*:\\n\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(page);
    assert.ok(m, `a ${label} example`);
    return m[1];
  };
  return [block('Flagged'), block('Fine')];
}
