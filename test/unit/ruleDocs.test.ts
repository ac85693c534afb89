// The rule docs and the README's rule table are part of the product: every
// rule has a page, the table matches src/rules/index.ts, and each page's
// examples do what the page says (the "Flagged" one is flagged, the "Fine" one is not).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/rules/index';
import { ruleDiagnostics, TEST_TODAY } from './rules/ruleTester';
import { lintText } from '../../src/core/lint';
import { PostmortemStore } from '../../src/core/store';
import type { Rule } from '../../src/rules/types';
import type { Diagnostic } from '../../src/core/types';
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
      const [flagged, fine] = examples(page);
      const found = rule.crossFile ? workspaceDiagnostics : ruleDiagnostics;
      assert.ok(found(rule, flagged).length > 0, `the "Flagged" example is flagged:\n${flagged}`);
      assert.deepEqual(found(rule, fine).map((d) => d.message), [], `the "Fine" example is fine:\n${fine}`);
    });
  }
});

/**
 * A cross-file rule's example is several files of one workspace, each after a
 * `# postmortems/<name>.pm.yaml` line; the rule runs on the last one.
 */
function workspaceDiagnostics(rule: Rule, example: string): Diagnostic[] {
  const parts = example.split(/^# (postmortems\/[^\s]+\.pm\.yaml)\n/m);
  assert.equal(parts[0], '', 'the example starts with a "# postmortems/<name>.pm.yaml" line');
  const files = new Map<string, string>();
  for (let i = 1; i < parts.length; i += 2) files.set(parts[i], parts[i + 1]);
  assert.ok(files.size >= 2, `a cross-file example shows at least two files:\n${example}`);
  const store = new PostmortemStore();
  for (const [file, text] of files) store.upsert(file, text);
  const last = [...files.keys()].at(-1)!;
  return lintText(files.get(last)!, { rules: [rule], file: last, workspace: store, today: TEST_TODAY }).diagnostics.filter((d) => d.rule === rule.slug);
}

function examples(page: string): [string, string] {
  const block = (label: string): string => {
    const m = new RegExp(`\\n${label}[^\\n]*:\\n\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(page);
    assert.ok(m, `a ${label} example`);
    return m[1];
  };
  return [block('Flagged'), block('Fine')];
}
