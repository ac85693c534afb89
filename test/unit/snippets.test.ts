import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { lintText } from '../../src/core/lint';
import { FACTOR_KEYS } from '../../src/core/model';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const root = join(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const snippetPath = join(root, 'snippets', 'postmortem.code-snippets');

function loadSnippets(): Record<string, Snippet> {
  return JSON.parse(readFileSync(snippetPath, 'utf8'));
}

/** Variables VS Code fills in, with fixed values so the test is deterministic. */
const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2026',
  CURRENT_MONTH: '03',
  CURRENT_DATE: '02',
  CURRENT_HOUR: '10',
  CURRENT_MINUTE: '25',
};

/**
 * What the snippet inserts when the user accepts every default: placeholders
 * become their default text, choices their first option, bare tab stops
 * nothing. Innermost constructs first, so nested placeholders expand too.
 */
function expand(body: string): string {
  let text = body;
  for (let guard = 0; guard < 100; guard++) {
    const next = text
      .replace(/\$\{(\d+)\|([^|},]*)(?:,[^|}]*)?\|\}/g, (_m, _n, first: string) => first)
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_m, _n, value: string) => value)
      .replace(/\$\{([A-Z_]+)\}/g, (m, name: string) => VARIABLES[name] ?? m)
      .replace(/\$\{([A-Z_]+):([^${}]*)\}/g, (_m, name: string, fallback: string) => VARIABLES[name] ?? fallback)
      .replace(/\$([A-Z_]+)/g, (m, name: string) => VARIABLES[name] ?? m)
      .replace(/\$\{\d+\}|\$\d+/g, '');
    if (next === text) break;
    text = next;
  }
  return text;
}

function bodyText(snippet: Snippet): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

test('package.json contributes the snippet file for YAML', () => {
  const contribution = packageJson.contributes.snippets.find((s: { path: string }) => s.path.endsWith('postmortem.code-snippets'));
  assert.ok(contribution, 'snippets contribution');
  assert.equal(contribution.language, 'yaml');
});

test('the snippet file is strict JSON and every prefix starts with pm-', () => {
  const snippets = loadSnippets();
  assert.ok(Object.keys(snippets).length >= 10);
  for (const [name, snippet] of Object.entries(snippets)) {
    const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
    for (const prefix of prefixes) assert.match(prefix, /^pm-[a-z-]+$/, name);
    assert.ok(snippet.description && snippet.description.length > 10, `${name} has a description`);
  }
});

test('every section of the format has a snippet', () => {
  const prefixes = new Set(Object.values(loadSnippets()).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix])));
  for (const wanted of ['pm-summary', 'pm-timeline', 'pm-whys', 'pm-factors', 'pm-went-well', 'pm-action', 'pm-recurrence', 'pm-cost', 'pm-regulatory', 'pm-postmortem']) {
    assert.ok(prefixes.has(wanted), wanted);
  }
});

test('the expander used below really expands nested placeholders, choices and variables', () => {
  assert.equal(expand('a: ${1|SEV-1,SEV-2|} b: ${2:x ${3:y}} c: $CURRENT_YEAR-${CURRENT_DATE}T $0'), 'a: SEV-1 b: x y c: 2026-02T ');
});

test('each snippet, with its defaults accepted, is valid YAML with no tab stop left', () => {
  for (const [name, snippet] of Object.entries(loadSnippets())) {
    const text = expand(bodyText(snippet));
    assert.doesNotMatch(text, /\$[\d{A-Z]/, `${name}: unexpanded snippet syntax in\n${text}`);
    const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true });
    assert.deepEqual(doc.errors.map((e) => e.message), [], `${name}:\n${text}`);
    assert.ok(doc.toJS() !== null && typeof doc.toJS() === 'object', `${name} inserts a mapping or a list`);
  }
});

test('the choices offer the enum values of the format', () => {
  const snippets = Object.values(loadSnippets()).map(bodyText).join('\n');
  assert.match(snippets, /\$\{\d+\|SEV-1,SEV-2,SEV-3\|\}/);
  assert.match(snippets, /\$\{\d+\|P0,P1,P2\|\}/);
  assert.match(snippets, /\$\{\d+\|open,in-progress,done,wont-do\|\}/);
  assert.match(snippets, /\$\{\d+\|trigger,alert,notified,investigating,root-cause,fix-deployed,resolved,note\|\}/);
});

test('the contributing-factors snippet has all ten keys', () => {
  const factors = Object.values(loadSnippets()).find((s) => s.prefix === 'pm-factors')!;
  const data = parseDocument(expand(bodyText(factors))).toJS();
  assert.deepEqual(Object.keys(data.contributing_factors).sort(), [...FACTOR_KEYS].sort());
});

test('the whole-document snippet lints with no syntax or schema errors', () => {
  const whole = Object.values(loadSnippets()).find((s) => s.prefix === 'pm-postmortem')!;
  const text = expand(bodyText(whole));
  const { diagnostics, parsed } = lintText(text, { today: '2026-03-02' });
  const structural = diagnostics.filter((d) => d.rule === 'schema' || d.rule === 'yaml-syntax');
  assert.deepEqual(structural, [], text);
  const data = parsed.data as Record<string, unknown>;
  assert.equal(data.id, 'INC-2026-03-02-001');
  for (const section of ['summary', 'timeline', 'root_cause', 'contributing_factors', 'went_well', 'action_items', 'recurrence_prevention', 'cost']) {
    assert.ok(section in data, section);
  }
});
