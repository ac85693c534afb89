// The CLI's output formats called directly, so every field is pinned without a
// file system (test/cli/lint-formats.test.ts checks them end to end through `lint`).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FORMATTERS, FORMAT_NAMES, type FileReport } from '../../src/cli/formats/index';
import { formatSarif, informationUri } from '../../src/cli/formats/sarif';
import { formatText } from '../../src/cli/formats/text';
import { formatJson } from '../../src/cli/formats/json';
import { formatGithub } from '../../src/cli/formats/github';
import { RULES } from '../../src/rules/index';
import type { Diagnostic } from '../../src/core/types';
import packageJson from '../../package.json';

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

/** A result spanning three lines (0-based lines 4 to 6), with two related places in other files. */
const MULTI_LINE: Diagnostic = {
  rule: 'duplicate-id',
  severity: 'error',
  message: 'The id INC-1 is also used by two other post-mortems.',
  range: range(4, 2, 6, 9),
  related: [
    { file: 'postmortems/b.pm.yaml', range: range(0, 4, 0, 9), message: 'INC-1 here' },
    { file: 'postmortems/sub dir/c%.pm.yaml', range: range(10, 0, 12, 3), message: 'and here' },
  ],
};
const HINT: Diagnostic = { rule: 'action-vague', severity: 'hint', message: 'Say what to\n  measure.', range: range(0, 0, 0, 5) };
const INFO: Diagnostic = { rule: 'timeline-granularity', severity: 'info', message: 'A gap of 2 h.', range: range(1, 1, 1, 2) };
const WARNING: Diagnostic = { rule: 'whys-count', severity: 'warning', message: 'Only 3 whys.', range: range(2, 0, 2, 4) };
const UNKNOWN_RULE: Diagnostic = { rule: 'not-a-rule', severity: 'warning', message: 'm', range: range(0, 0, 0, 1) };

const REPORTS: FileReport[] = [
  { file: 'postmortems/a.pm.yaml', diagnostics: [MULTI_LINE, HINT] },
  { file: 'postmortems/clean.pm.yaml', diagnostics: [] },
];

const sarifOf = (reports: FileReport[]) => JSON.parse(formatSarif(reports));

describe('formatSarif', () => {
  it('gives a multi-line result its own end line and end column, 1-based', () => {
    const [result] = sarifOf(REPORTS).runs[0].results;
    assert.deepEqual(result.locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'postmortems/a.pm.yaml' },
          region: { startLine: 5, startColumn: 3, endLine: 7, endColumn: 10 },
        },
      },
    ]);
  });

  it('writes related places as relatedLocations: numbered ids, messages, encoded URIs, 1-based regions', () => {
    const [result] = sarifOf(REPORTS).runs[0].results;
    assert.deepEqual(result.relatedLocations, [
      {
        id: 0,
        message: { text: 'INC-1 here' },
        physicalLocation: {
          artifactLocation: { uri: 'postmortems/b.pm.yaml' },
          region: { startLine: 1, startColumn: 5, endLine: 1, endColumn: 10 },
        },
      },
      {
        id: 1,
        message: { text: 'and here' },
        physicalLocation: {
          artifactLocation: { uri: 'postmortems/sub%20dir/c%25.pm.yaml' },
          region: { startLine: 11, startColumn: 1, endLine: 13, endColumn: 4 },
        },
      },
    ]);
  });

  it('leaves relatedLocations out when there are none, even as an empty list', () => {
    const results = sarifOf([{ file: 'a.pm.yaml', diagnostics: [HINT, { ...WARNING, related: [] }] }]).runs[0].results;
    assert.deepEqual(results.map((r: object) => 'relatedLocations' in r), [false, false]);
  });

  it('maps severities to SARIF levels and points ruleIndex at the driver rule', () => {
    const log = sarifOf([{ file: 'a.pm.yaml', diagnostics: [MULTI_LINE, WARNING, INFO, HINT] }]);
    const { driver } = log.runs[0].tool;
    const results = log.runs[0].results;
    assert.deepEqual(results.map((r: { level: string }) => r.level), ['error', 'warning', 'note', 'note']);
    assert.deepEqual(
      results.map((r: { ruleIndex: number }) => driver.rules[r.ruleIndex].id),
      ['duplicate-id', 'whys-count', 'timeline-granularity', 'action-vague'],
    );
    assert.deepEqual(results[3].message, { text: 'Say what to\n  measure.' });
    assert.equal(results[0].ruleId, 'duplicate-id');
  });

  it('omits ruleIndex for a rule the driver does not list', () => {
    const [result] = sarifOf([{ file: 'a.pm.yaml', diagnostics: [UNKNOWN_RULE] }]).runs[0].results;
    assert.equal(result.ruleId, 'not-a-rule');
    assert.equal('ruleIndex' in result, false);
  });

  it('describes the tool: name, version from package.json, the two core checks first, then every rule with its stable id', () => {
    const log = sarifOf([]);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(log.runs[0].results, []);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'postmortem');
    assert.equal(driver.fullName, 'Post-Mortems as Code');
    assert.equal(driver.version, packageJson.version);
    assert.equal(driver.semanticVersion, packageJson.version);
    // package.json's homepage (the Marketplace page) comes first.
    assert.equal(driver.informationUri, 'https://marketplace.visualstudio.com/items?itemName=postmortems-as-code.postmortems-as-code');
    assert.deepEqual(driver.rules.slice(0, 2), [
      {
        id: 'yaml-syntax',
        shortDescription: { text: 'The file is well-formed YAML holding one document.' },
        fullDescription: { text: 'The file is well-formed YAML holding one document.' },
        help: { text: 'The file is well-formed YAML holding one document.' },
        defaultConfiguration: { level: 'error' },
      },
      {
        id: 'schema',
        shortDescription: { text: 'The document follows the post-mortem format (schemas/postmortem.schema.json).' },
        fullDescription: { text: 'The document follows the post-mortem format (schemas/postmortem.schema.json).' },
        help: { text: 'The document follows the post-mortem format (schemas/postmortem.schema.json).' },
        defaultConfiguration: { level: 'error' },
      },
    ]);
    const first = RULES[0];
    const { fullDescription, help, ...rest } = driver.rules[2];
    // The page's text (test/unit/sarif-schema.test.ts checks it against every rule page).
    assert.match(fullDescription.text, /\S/);
    assert.match(help.markdown, new RegExp(`^# ${first.id} \`${first.slug}\``));
    assert.deepEqual(rest, {
      id: first.slug,
      shortDescription: { text: first.description },
      defaultConfiguration: { level: { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[first.defaultSeverity] },
      properties: { stableId: first.id },
    });
    assert.deepEqual(driver.rules.slice(2).map((r: { id: string }) => r.id), RULES.map((r) => r.slug));
  });

  it('ends with one newline and is indented by two spaces', () => {
    const text = formatSarif([]);
    assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
    assert.match(text, /^\{\n {2}"version": "2\.1\.0",\n/);
  });

  it('points informationUri at the homepage, else a web repository (without .git), else the npm page', () => {
    assert.equal(informationUri({ homepage: 'https://pm.example.com', repository: 'https://github.com/o/r' }), 'https://pm.example.com');
    assert.equal(informationUri({ repository: 'https://github.com/o/r.git' }), 'https://github.com/o/r');
    assert.equal(informationUri({ repository: { url: 'http://git.example.com/o/r.git' } }), 'http://git.example.com/o/r');
    assert.equal(informationUri({ repository: 'https://github.com/o/site.github.io' }), 'https://github.com/o/site.github.io');
    // Not a web address: npm's shorthand and git+https URLs fall back to the npm page.
    assert.equal(informationUri({ name: 'pm-lint', repository: 'git+https://github.com/o/r.git' }), 'https://www.npmjs.com/package/pm-lint');
    assert.equal(informationUri({ repository: 'github:o/r' }), 'https://www.npmjs.com/package/postmortems-as-code');
    assert.equal(informationUri({}), 'https://www.npmjs.com/package/postmortems-as-code');
  });

  it('encodes a colon inside a relative path: only a leading scheme or drive letter makes a URI', () => {
    const uris = sarifOf([
      { file: 'postmortems/x://y.pm.yaml', diagnostics: [HINT] },
      { file: 'pm/c:/a.pm.yaml', diagnostics: [HINT] },
    ]).runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris, ['postmortems/x%3A//y.pm.yaml', 'pm/c%3A/a.pm.yaml']);
  });

  it('writes absolute, Windows and URI paths as URIs', () => {
    const uris = sarifOf([
      { file: '/home/me/pm/a b.pm.yaml', diagnostics: [HINT] },
      { file: 'C:\\work\\pm\\a.pm.yaml', diagnostics: [HINT] },
      { file: 'postmortems\\win\\b.pm.yaml', diagnostics: [HINT] },
      { file: 'https://example.com/x.pm.yaml', diagnostics: [HINT] },
    ]).runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris, [
      'file:///home/me/pm/a%20b.pm.yaml',
      'file:///C:/work/pm/a.pm.yaml',
      'postmortems/win/b.pm.yaml',
      'https://example.com/x.pm.yaml',
    ]);
  });
});

describe('formatText', () => {
  it('one line per diagnostic, 1-based start, message on one line, then the counts', () => {
    assert.equal(
      formatText([{ file: 'a.pm.yaml', diagnostics: [MULTI_LINE, WARNING, INFO, HINT, { ...HINT, range: range(3, 3, 3, 4) }] }, { file: 'b.pm.yaml', diagnostics: [] }]),
      [
        'a.pm.yaml:5:3 error The id INC-1 is also used by two other post-mortems. [duplicate-id]',
        'a.pm.yaml:3:1 warning Only 3 whys. [whys-count]',
        'a.pm.yaml:2:2 info A gap of 2 h. [timeline-granularity]',
        'a.pm.yaml:1:1 hint Say what to measure. [action-vague]',
        'a.pm.yaml:4:4 hint Say what to measure. [action-vague]',
        '5 problems (1 error, 1 warning, 1 info, 2 hints) in 1 of 2 files.',
        '',
      ].join('\n'),
    );
  });

  it('singular counts, CRLF in messages, and the clean summary', () => {
    assert.equal(
      formatText([{ file: 'a.pm.yaml', diagnostics: [{ ...WARNING, message: 'one\r\n   two' }] }]),
      'a.pm.yaml:3:1 warning one two [whys-count]\n1 problem (0 errors, 1 warning, 0 info, 0 hints) in 1 file.\n',
    );
    assert.equal(formatText([{ file: 'a.pm.yaml', diagnostics: [] }]), 'No problems in 1 file.\n');
    assert.equal(formatText([]), 'No problems in 0 files.\n');
  });
});

describe('formatJson', () => {
  it('writes only the documented fields, 0-based, two-space indented, one final newline', () => {
    const text = formatJson(REPORTS);
    assert.ok(text.endsWith(']\n'));
    assert.match(text, /^\[\n {2}\{\n {4}"file"/);
    assert.deepEqual(JSON.parse(text), [
      {
        file: 'postmortems/a.pm.yaml',
        diagnostics: [
          { rule: 'duplicate-id', severity: 'error', message: MULTI_LINE.message, range: range(4, 2, 6, 9) },
          { rule: 'action-vague', severity: 'hint', message: HINT.message, range: range(0, 0, 0, 5) },
        ],
      },
      { file: 'postmortems/clean.pm.yaml', diagnostics: [] },
    ]);
  });
});

describe('formatGithub', () => {
  it('one workflow command per diagnostic with a 1-based span; info and hints are notices', () => {
    assert.equal(
      formatGithub([{ file: 'pm/a,b:c.pm.yaml', diagnostics: [MULTI_LINE, WARNING, INFO, { ...HINT, message: '50% done\r\nnext' }] }]),
      [
        '::error file=pm/a%2Cb%3Ac.pm.yaml,line=5,col=3,endLine=7,endColumn=10,title=duplicate-id::The id INC-1 is also used by two other post-mortems.',
        '::warning file=pm/a%2Cb%3Ac.pm.yaml,line=3,col=1,endLine=3,endColumn=5,title=whys-count::Only 3 whys.',
        '::notice file=pm/a%2Cb%3Ac.pm.yaml,line=2,col=2,endLine=2,endColumn=3,title=timeline-granularity::A gap of 2 h.',
        '::notice file=pm/a%2Cb%3Ac.pm.yaml,line=1,col=1,endLine=1,endColumn=6,title=action-vague::50%25 done%0D%0Anext',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing at all when there is nothing to say', () => {
    assert.equal(formatGithub([{ file: 'a.pm.yaml', diagnostics: [] }]), '');
  });
});

describe('FORMATTERS', () => {
  it('names the four formats and maps each to its formatter', () => {
    assert.deepEqual(FORMAT_NAMES, ['text', 'json', 'sarif', 'github']);
    assert.deepEqual(FORMATTERS, { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub });
  });
});
