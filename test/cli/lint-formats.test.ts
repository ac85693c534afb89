import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, SCHEMA_BROKEN, SYNTAX_BROKEN, positionOf, runCli, tempProject } from './helpers';
import { RULES } from '../../src/rules/index';
import { escapeData, escapeProperty } from '../../src/cli/formats/github';

const CLEAN_FILE = 'postmortems/clean.pm.yaml';
const SCHEMA_FILE = 'postmortems/schema.pm.yaml';
const SYNTAX_FILE = 'postmortems/syntax.pm.yaml';
// Where the wrong enum value is: the value `SEV-9`, not the key or the line.
const SEV9 = positionOf(SCHEMA_BROKEN, 'SEV-9');
const SEV9_RANGE = { start: SEV9, end: { line: SEV9.line, character: SEV9.character + 5 } };

let project: ReturnType<typeof tempProject>;
before(() => {
  project = tempProject({
    [CLEAN_FILE]: CLEAN,
    // Distinct ids, so cross-file duplicate-id never adds to what each case checks.
    [SCHEMA_FILE]: SCHEMA_BROKEN.replace('INC-2026-06-09-001', 'INC-2026-06-09-005'),
    [SYNTAX_FILE]: SYNTAX_BROKEN,
  });
});
after(() => project.cleanup());

describe('--format json', () => {
  test('a clean file: one entry with no diagnostics, exit 0', async () => {
    const run = await runCli(['lint', '--format', 'json', CLEAN_FILE], project.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [{ file: CLEAN_FILE, diagnostics: [] }]);
  });

  test('a schema error: exactly the documented shape, 0-based range on the value, exit 1', async () => {
    const run = await runCli(['lint', '--format=json', SCHEMA_FILE], project.dir);
    assert.equal(run.code, 1);
    const out = JSON.parse(run.stdout);
    assert.equal(out.length, 1);
    assert.equal(out[0].file, SCHEMA_FILE);
    const schema = out[0].diagnostics.filter((d: { rule: string }) => d.rule === 'schema');
    assert.equal(schema.length, 1, JSON.stringify(out[0].diagnostics));
    assert.deepEqual(Object.keys(schema[0]).sort(), ['message', 'range', 'rule', 'severity']);
    assert.equal(schema[0].severity, 'error');
    assert.match(schema[0].message, /severity.*SEV-1, SEV-2, SEV-3/);
    assert.deepEqual(schema[0].range, SEV9_RANGE);
  });

  test('a YAML syntax error uses the slug yaml-syntax', async () => {
    const run = await runCli(['lint', '--format', 'json', SYNTAX_FILE], project.dir);
    assert.equal(run.code, 1);
    const [entry] = JSON.parse(run.stdout);
    assert.ok(entry.diagnostics.length >= 1);
    assert.ok(entry.diagnostics.every((d: { rule: string }) => d.rule === 'yaml-syntax'), run.stdout);
    assert.equal(entry.diagnostics[0].severity, 'error');
  });

  test('a folder is searched recursively and files are listed as found, sorted', async () => {
    const run = await runCli(['lint', '--format', 'json', 'postmortems'], project.dir);
    assert.equal(run.code, 1);
    assert.deepEqual(
      JSON.parse(run.stdout).map((e: { file: string }) => e.file),
      ['postmortems/clean.pm.yaml', 'postmortems/schema.pm.yaml', 'postmortems/syntax.pm.yaml'],
    );
  });

  test('with no path, postmortems/ is linted', async () => {
    const run = await runCli(['lint', '--format', 'json'], project.dir);
    assert.equal(JSON.parse(run.stdout).length, 3);
  });
});

describe('--format text', () => {
  test('the summary says how many of the files have the problems (issue 10, item 6)', async () => {
    const run = await runCli(['lint', '--format', 'text', CLEAN_FILE, SCHEMA_FILE], project.dir);
    const summary = run.stdout.trimEnd().split('\n').pop();
    assert.match(summary ?? '', /^\d+ problems? \(.*\) in 1 of 2 files\.$/);
  });

  test('a clean file prints only the summary', async () => {
    const run = await runCli(['lint', CLEAN_FILE], project.dir);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, 'No problems in 1 file.\n');
  });

  test('a broken file: path:line:col severity message [rule], 1-based, then a summary', async () => {
    const run = await runCli(['lint', '--format', 'text', SCHEMA_FILE], project.dir);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    const schemaLine = lines.find((l) => l.endsWith('[schema]'));
    assert.ok(schemaLine, run.stdout);
    assert.ok(schemaLine.startsWith(`${SCHEMA_FILE}:${SEV9.line + 1}:${SEV9.character + 1} error `), schemaLine);
    assert.match(lines[lines.length - 1], /^\d+ problems? \(1 error, \d+ warnings?, \d+ info, \d+ hints?\) in 1 file\.$/);
  });
});

describe('--format github', () => {
  test('a clean file prints nothing', async () => {
    const run = await runCli(['lint', '--format', 'github', CLEAN_FILE], project.dir);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
  });

  test('a broken file: one ::error annotation with a 1-based region and the rule as title', async () => {
    const run = await runCli(['lint', '--format', 'github', SCHEMA_FILE], project.dir);
    assert.equal(run.code, 1);
    const line = run.stdout.split('\n').find((l) => l.includes('title=schema'));
    assert.ok(line, run.stdout);
    const { line: l, character: c } = SEV9;
    assert.ok(
      line.startsWith(`::error file=${SCHEMA_FILE},line=${l + 1},col=${c + 1},endLine=${l + 1},endColumn=${c + 6},title=schema::`),
      line,
    );
    assert.match(line, /::`summary\.severity` must be one of/);
  });

  test('escaping: % CR LF in data; also , and : in properties', () => {
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir,1/a:b%.pm.yaml'), 'dir%2C1/a%3Ab%25.pm.yaml');
  });

  test('a file name with a comma and a colon is escaped in the annotation', async () => {
    const odd = tempProject({ 'postmortems/a,b:c.pm.yaml': SCHEMA_BROKEN });
    try {
      const run = await runCli(['lint', '--format', 'github'], odd.dir);
      assert.match(run.stdout, /^::error file=postmortems\/a%2Cb%3Ac\.pm\.yaml,line=/m);
    } finally {
      odd.cleanup();
    }
  });

  test('warnings stay warnings; info and hints become notices', async () => {
    // A draft downgrades errors to warnings; a 92-minute gap before the fix in a SEV-2 timeline is an info.
    const draft = SCHEMA_BROKEN.replace('status: reviewed', 'status: draft')
      .replace('severity: SEV-9', 'severity: SEV-2')
      .replace('    owner: search-team\n    deadline: 2026-06-12\n', '    deadline: 2026-06-12\n')
      .replace('start: 2026-06-09T14:02:00+02:00', 'start: 2026-06-09T12:02:00+02:00')
      .replace('  - at: "13:58"', '  - at: "12:30"');
    const p = tempProject({ 'postmortems/d.pm.yaml': draft });
    try {
      const run = await runCli(['lint', '--format', 'github', '--today', '2026-06-20'], p.dir);
      assert.equal(run.code, 0, run.stdout);
      assert.match(run.stdout, /^::warning file=postmortems\/d\.pm\.yaml,.*title=action-owner-missing::/m);
      assert.match(run.stdout, /^::notice file=postmortems\/d\.pm\.yaml,.*title=timeline-granularity::/m);
      assert.doesNotMatch(run.stdout, /^::error/m);
    } finally {
      p.cleanup();
    }
  });
});

describe('--format sarif', () => {
  test('a valid SARIF 2.1.0 log: version, schema, driver with every rule, results with 1-based regions', async () => {
    const run = await runCli(['lint', '--format', 'sarif', CLEAN_FILE, SCHEMA_FILE], project.dir);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'postmortem');
    assert.match(driver.informationUri, /^https:\/\//);
    const ruleIds = driver.rules.map((r: { id: string }) => r.id);
    for (const slug of ['schema', 'yaml-syntax', ...RULES.map((r) => r.slug)]) assert.ok(ruleIds.includes(slug), slug);
    assert.equal(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text.length > 0);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }

    const results = log.runs[0].results;
    const schema = results.find((r: { ruleId: string }) => r.ruleId === 'schema');
    assert.ok(schema, JSON.stringify(results));
    assert.equal(schema.level, 'error');
    assert.equal(driver.rules[schema.ruleIndex].id, 'schema');
    assert.match(schema.message.text, /SEV-1, SEV-2, SEV-3/);
    const location = schema.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, SCHEMA_FILE);
    assert.deepEqual(location.region, {
      startLine: SEV9.line + 1,
      startColumn: SEV9.character + 1,
      endLine: SEV9.line + 1,
      endColumn: SEV9.character + 6,
    });
    for (const result of results) {
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(ruleIds.includes(result.ruleId), result.ruleId);
    }
  });

  test('a clean file gives a run with no results', async () => {
    const run = await runCli(['lint', '--format', 'sarif', CLEAN_FILE], project.dir);
    assert.equal(run.code, 0);
    assert.deepEqual(JSON.parse(run.stdout).runs[0].results, []);
  });
});
