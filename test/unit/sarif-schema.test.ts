// The CLI's SARIF against the official SARIF 2.1.0 schema (test/fixtures/sarif/SOURCE.md), and the
// fields code scanning reads: rule help from the rule pages, fingerprints that survive moved lines.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { FINGERPRINT_KEY, formatSarif } from '../../src/cli/formats/sarif';
import { ruleHelp, readRulePage } from '../../src/cli/formats/ruleHelp';
import type { FileReport } from '../../src/cli/formats/index';
import { RULES } from '../../src/rules/index';
import { CLEAN, SCHEMA_BROKEN, SYNTAX_BROKEN, repoRoot, runCli, tempProject } from '../cli/helpers';

function officialValidator() {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  // Draft-04 markers, renamed for Ajv's draft-07 class; nothing else differs for this schema.
  schema.$schema = 'http://json-schema.org/draft-07/schema#';
  schema.$id = schema.id;
  delete schema.id;
  // strict: false: the schema was not written for Ajv's strict mode (a `required` naming a property
  // its branch does not declare); formats (uri, date-time) are still checked.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
const validate = officialValidator();

function assertValidSarif(text: string): any {
  const log = JSON.parse(text);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  return log;
}

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({ start: { line, character }, end: { line: endLine, character: endCharacter } });

describe('SARIF against the official 2.1.0 schema', () => {
  it('the validator can fail: a log without the driver name, a region with a 0 line, an unknown level', () => {
    const log = JSON.parse(formatSarif([{ file: 'a.pm.yaml', diagnostics: [{ rule: 'whys-count', severity: 'warning', message: 'm', range: range(0, 0, 0, 1) }] }]));
    assert.ok(validate(log));
    const broken = structuredClone(log) as any;
    delete broken.runs[0].tool.driver.name;
    assert.equal(validate(broken), false);
    const zeroLine = structuredClone(log) as any;
    zeroLine.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(zeroLine), false);
    const level = structuredClone(log) as any;
    level.runs[0].results[0].level = 'info';
    assert.equal(validate(level), false);
  });

  it('an empty run and a run of every severity, related locations and odd paths are valid', () => {
    assertValidSarif(formatSarif([]));
    const reports: FileReport[] = [
      {
        file: 'postmortems/a b%.pm.yaml',
        diagnostics: [
          { rule: 'duplicate-id', severity: 'error', message: 'Twice.', range: range(4, 2, 6, 0), related: [{ file: 'C:\\pm\\b.pm.yaml', range: range(0, 0, 0, 0), message: 'here' }] },
          { rule: 'action-vague', severity: 'hint', message: 'Say\nwhat.', range: range(0, 0, 0, 5) },
          { rule: 'timeline-granularity', severity: 'info', message: 'Gap.', range: range(1, 1, 1, 2) },
          { rule: 'not-a-rule', severity: 'warning', message: '\u001b[31m', range: range(2, 0, 2, 4) },
        ],
      },
      { file: '/abs/ünïcode/c.pm.yaml', diagnostics: [] },
    ];
    assertValidSarif(formatSarif(reports));
  });

  it('a lint of several broken files (syntax, schema, review rules, a duplicate id across files) is valid', async () => {
    const hostile = CLEAN.replace(/^title: .*$/m, 'title: "\\u001b]8;;https://evil.example\\u0007x"');
    const p = tempProject({
      'postmortems/a.pm.yaml': CLEAN,
      'postmortems/b.pm.yaml': SCHEMA_BROKEN,
      'postmortems/c.pm.yaml': SYNTAX_BROKEN,
      'postmortems/d e.pm.yaml': hostile,
      'postmortems/f.pm.yaml': CLEAN.replace(/^action_items:[\s\S]*?(?=^\S)/m, 'action_items:\n  - action: Be more careful\n'),
    });
    try {
      const run = await runCli(['lint', '--format', 'sarif', '--today', '2026-07-01', 'postmortems'], p.dir);
      assert.equal(run.code, 1, run.stderr);
      const log = assertValidSarif(run.stdout);
      const results = log.runs[0].results;
      const rules = new Set(results.map((r: { ruleId: string }) => r.ruleId));
      for (const expected of ['schema', 'yaml-syntax', 'duplicate-id', 'action-owner-missing']) assert.ok(rules.has(expected), `${expected} in ${[...rules]}`);
      const duplicate = results.find((r: { ruleId: string }) => r.ruleId === 'duplicate-id');
      assert.ok(duplicate.relatedLocations.length > 0);
      for (const result of results) assert.match(result.partialFingerprints[FINGERPRINT_KEY], /^[0-9a-f]{32}:\d+$/);
    } finally {
      p.cleanup();
    }
  });
});

describe('SARIF rule metadata', () => {
  const driver = JSON.parse(formatSarif([])).runs[0].tool.driver;

  it('every review rule carries its page: fullDescription from "What it flags", help as Markdown and text', () => {
    for (const rule of RULES) {
      const descriptor = driver.rules.find((r: { id: string }) => r.id === rule.slug);
      const page = readFileSync(join(repoRoot, 'docs/rules', `${rule.slug}.md`), 'utf8');
      assert.equal(descriptor.shortDescription.text, rule.description);
      assert.ok(descriptor.help.markdown.startsWith(`# ${rule.id} \`${rule.slug}\``), rule.slug);
      assert.ok(descriptor.help.markdown.includes('## How to fix'), rule.slug);
      assert.ok(descriptor.help.text.startsWith(`${rule.id} ${rule.slug}`), descriptor.help.text.slice(0, 40));
      assert.doesNotMatch(descriptor.help.text, /^#|```/m);
      const flags = /## What it flags\n\n([^\n]+)/.exec(page)![1].replace(/`/g, '').replace(/\*\*/g, '');
      assert.ok(descriptor.fullDescription.text.startsWith(flags.slice(0, 40)), `${rule.slug}: ${descriptor.fullDescription.text.slice(0, 60)}`);
      assert.equal(descriptor.helpUri, undefined);
    }
  });

  it('the core checks have no page: their description is the help', () => {
    const schema = driver.rules.find((r: { id: string }) => r.id === 'schema');
    assert.deepEqual(schema.help, { text: 'The document follows the post-mortem format (schemas/postmortem.schema.json).' });
    assert.equal(schema.fullDescription.text, schema.shortDescription.text);
  });

  it('links between rule pages become text naming the page: there is no base URL to resolve them', () => {
    const help = ruleHelp('# X\n\nSee [the window rule](action-deadline-window.md) and [docs](https://example.com/a).\n');
    assert.equal(help.markdown, '# X\n\nSee the window rule (docs/rules/action-deadline-window.md) and [docs](https://example.com/a).');
    assert.equal(help.fullDescription, undefined);
  });

  it('reads pages only by slug: no path out of docs/rules', () => {
    assert.equal(readRulePage('../../package'), undefined);
    assert.equal(readRulePage('no-such-rule'), undefined);
    assert.match(readRulePage('whys-count') ?? '', /^# PM112 `whys-count`/);
  });
});

describe('SARIF fingerprints and regions', () => {
  const owner = (text: string): FileReport => {
    const line = text.split('\n').findIndex((l) => l.includes('deadline: 2026-06-10'));
    return { file: 'postmortems/x.pm.yaml', text, diagnostics: [{ rule: 'action-owner-missing', severity: 'error', message: 'No owner.', range: range(line, 4, line, 12) }] };
  };
  const base = 'id: INC-1\nsummary: short\naction_items:\n  - action: Add an alert\n    deadline: 2026-06-10\n';
  const fingerprint = (report: FileReport) => JSON.parse(formatSarif([report])).runs[0].results[0].partialFingerprints[FINGERPRINT_KEY];

  it('stays the same when lines above the finding are added, and changes with the path, rule, file or message', () => {
    const moved = base.replace('summary: short\n', 'summary: |\n  A longer summary\n  over three\n  lines.\n');
    assert.equal(fingerprint(owner(moved)), fingerprint(owner(base)));
    const secondItem = base.replace('action_items:\n', 'action_items:\n  - action: Fix it\n    owner: Ops\n    deadline: 2026-06-09\n');
    assert.notEqual(fingerprint(owner(secondItem)), fingerprint(owner(base)));
    assert.notEqual(fingerprint({ ...owner(base), file: 'postmortems/y.pm.yaml' }), fingerprint(owner(base)));
    const report = owner(base);
    assert.notEqual(fingerprint({ ...report, diagnostics: [{ ...report.diagnostics[0], message: 'Other.' }] }), fingerprint(report));
    assert.notEqual(fingerprint({ ...report, diagnostics: [{ ...report.diagnostics[0], rule: 'action-deadline-missing' }] }), fingerprint(report));
    // Whitespace in the message does not count.
    assert.equal(fingerprint({ ...report, diagnostics: [{ ...report.diagnostics[0], message: ' No\n  owner. ' }] }), fingerprint(report));
  });

  it('numbers equal findings in one file, and is the same with or without related locations', () => {
    const report = owner(base);
    const twice = { ...report, diagnostics: [report.diagnostics[0], { ...report.diagnostics[0], related: [{ file: 'a', range: range(0, 0, 0, 1), message: 'r' }] }] };
    const [first, second] = JSON.parse(formatSarif([twice])).runs[0].results.map((r: any) => r.partialFingerprints[FINGERPRINT_KEY]);
    assert.equal(first.split(':')[0], second.split(':')[0]);
    assert.deepEqual([first.split(':')[1], second.split(':')[1]], ['1', '2']);
  });

  it('a range ending at the start of a line ends on the line before, with no end column (the end of that line)', () => {
    const [result] = JSON.parse(formatSarif([{ file: 'a.pm.yaml', diagnostics: [{ rule: 'whys-count', severity: 'warning', message: 'm', range: range(2, 2, 5, 0) }] }])).runs[0].results;
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 3, startColumn: 3, endLine: 5 });
    const [empty] = JSON.parse(formatSarif([{ file: 'a.pm.yaml', diagnostics: [{ rule: 'whys-count', severity: 'warning', message: 'm', range: range(2, 0, 2, 0) }] }])).runs[0].results;
    assert.deepEqual(empty.locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 1 });
  });
});
