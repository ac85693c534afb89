import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/lint';
import type { Diagnostic } from '../../src/core/types';

/** Schema findings only: the review rules are tested in their own tables. */
function schemaErrors(text: string): Diagnostic[] {
  return lintText(text, { rules: [], today: '2026-11-27' }).diagnostics;
}

/** [startLine, startChar, endLine, endChar] */
function span(d: Diagnostic): [number, number, number, number] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

function only(text: string): Diagnostic {
  const diagnostics = schemaErrors(text);
  assert.equal(diagnostics.length, 1, `expected one diagnostic, got ${JSON.stringify(diagnostics.map((d) => d.message))}`);
  assert.equal(diagnostics[0].rule, 'schema');
  assert.equal(diagnostics[0].severity, 'error');
  return diagnostics[0];
}

// Lines 0-6; each test changes one thing.
const MINIMAL = [
  'id: INC-2026-03-02-001',
  'title: Checkout latency',
  'status: draft',
  'summary:',
  '  start: 2026-03-02T14:05:00Z',
  '  end: 2026-03-02T15:40:00Z',
  '  severity: SEV-2',
  '',
].join('\n');

test('the minimal document and the complete fixture are valid', () => {
  assert.deepEqual(schemaErrors(MINIMAL), []);
  const fixture = readFileSync(join(__dirname, '../fixtures/valid.pm.yaml'), 'utf8');
  assert.deepEqual(schemaErrors(fixture), []);
});

test('the example of the format page is valid', () => {
  const example = readFileSync(join(__dirname, '../fixtures/format-page-example.yaml'), 'utf8');
  assert.match(example, /regime: HIPAA/);
  assert.deepEqual(schemaErrors(example), []);
});

test('enum: a wrong value underlines the value and lists the allowed ones', () => {
  const d = only(MINIMAL.replace('severity: SEV-2', 'severity: SEV-4'));
  assert.equal(d.message, '`summary.severity` must be one of SEV-1, SEV-2, SEV-3; did you mean `SEV-1`?');
  assert.deepEqual(span(d), [6, 12, 6, 17]);
});

test('enum: a value far from every allowed one gets no suggestion', () => {
  const d = only(MINIMAL.replace('status: draft', 'status: finished'));
  assert.equal(d.message, '`status` must be one of draft, in-review, reviewed, closed');
  assert.deepEqual(span(d), [2, 8, 2, 16]);
});

test('type: a text where a number belongs underlines the value', () => {
  const d = only(`${MINIMAL}contributing_factors:\n  testing: { score: high }\n`);
  assert.equal(d.message, '`contributing_factors.testing.score` must be a whole number from 0 to 3, but it is the text `high`');
  assert.deepEqual(span(d), [8, 20, 8, 24]);
});

test('type: a fraction where a whole number belongs', () => {
  const d = only(`${MINIMAL}contributing_factors:\n  testing: { score: 1.5 }\n`);
  assert.equal(d.message, '`contributing_factors.testing.score` must be a whole number from 0 to 3, but it is `1.5`');
  assert.deepEqual(span(d), [8, 20, 8, 23]);
});

test('type: yes is text in YAML 1.2, not a boolean', () => {
  const d = only(`${MINIMAL}recurrence_prevention:\n  runbook: yes\n`);
  assert.equal(d.message, '`recurrence_prevention.runbook` must be true or false, but it is the text `yes`');
  assert.deepEqual(span(d), [8, 11, 8, 14]);
});

test('type: a block list where a mapping belongs underlines the key, not the whole list', () => {
  const text = ['id: INC-2026-03-02-001', 'title: T', 'status: draft', 'summary:', '  - start', '  - end', ''].join('\n');
  const d = only(text);
  assert.equal(d.message, '`summary` must be a mapping of keys (start, end, severity, impact, ...), but it is a list');
  assert.deepEqual(span(d), [3, 0, 3, 7]);
});

test('type: a scalar where a list belongs underlines the scalar', () => {
  const d = only(`${MINIMAL}services: checkout-api\n`);
  assert.equal(d.message, '`services` must be a list of texts, but it is the text `checkout-api`');
  assert.deepEqual(span(d), [7, 10, 7, 22]);
});

test('type: a key with no value underlines the key', () => {
  const d = only(MINIMAL.replace('severity: SEV-2', 'severity:'));
  assert.equal(d.message, '`summary.severity` must be one of SEV-1, SEV-2, SEV-3, but it is empty');
  assert.deepEqual(span(d), [6, 2, 6, 10]);
});

test('format date: a day that does not exist', () => {
  const d = only(`${MINIMAL}reviewed: 2026-02-30\n`);
  assert.equal(d.message, '`reviewed` 2026-02-30 is not a real date');
  assert.deepEqual(span(d), [7, 10, 7, 20]);
});

test('format date: not a date at all', () => {
  const d = only(`${MINIMAL}reviewed: next tuesday\n`);
  assert.equal(d.message, '`reviewed` is `next tuesday`, not a date YYYY-MM-DD, like 2023-08-16');
  assert.deepEqual(span(d), [7, 10, 7, 22]);
});

test('format date-time: no UTC offset', () => {
  const d = only(MINIMAL.replace('start: 2026-03-02T14:05:00Z', 'start: 2026-03-02T14:05:00'));
  assert.equal(
    d.message,
    '`summary.start` 2026-03-02T14:05:00 has no UTC offset; add Z for UTC or the local offset such as +02:00',
  );
  assert.deepEqual(span(d), [4, 9, 4, 28]);
});

test('format date-time: minutes precision with an offset is valid, as the format page and parseDateTime read it', () => {
  assert.deepEqual(schemaErrors(MINIMAL.replace('start: 2026-03-02T14:05:00Z', 'start: 2026-03-02T14:05Z')), []);
  assert.deepEqual(schemaErrors(MINIMAL.replace('end: 2026-03-02T15:40:00Z', 'end: 2026-03-02T15:40+02:00')), []);
  const timeline = `${MINIMAL}timeline:\n  - at: 2026-03-02T14:12-05:00\n    event: Page\n    kind: alert\n`;
  assert.deepEqual(schemaErrors(timeline), []);
  const regulatory = `${MINIMAL}regulatory:\n  - regime: GDPR\n    discovered: 2026-03-02T14:30Z\n`;
  assert.deepEqual(schemaErrors(regulatory), []);
});

test('format date-time: minutes precision still needs an offset', () => {
  const d = only(MINIMAL.replace('end: 2026-03-02T15:40:00Z', 'end: 2026-03-02T15:40'));
  assert.equal(
    d.message,
    '`summary.end` 2026-03-02T15:40 has no UTC offset; add Z for UTC or the local offset such as +02:00',
  );
  assert.deepEqual(span(d), [5, 7, 5, 23]);
});

test('format date-time: minutes precision on a day or at an hour that does not exist', () => {
  assert.equal(only(MINIMAL.replace('end: 2026-03-02T15:40:00Z', 'end: 2026-02-30T10:00Z')).message, '`summary.end` 2026-02-30T10:00Z is not a real date');
  assert.equal(only(MINIMAL.replace('end: 2026-03-02T15:40:00Z', 'end: 2026-03-02T24:00Z')).message, '`summary.end` 2026-03-02T24:00Z is not a real time of day');
});

test('format date-time: a date that does not exist', () => {
  const d = only(MINIMAL.replace('end: 2026-03-02T15:40:00Z', 'end: 2026-02-30T15:40:00Z'));
  assert.equal(d.message, '`summary.end` 2026-02-30T15:40:00Z is not a real date');
  assert.deepEqual(span(d), [5, 7, 5, 27]);
});

test('format date-time: an hour that does not exist', () => {
  const d = only(MINIMAL.replace('end: 2026-03-02T15:40:00Z', 'end: 2026-03-02T25:40:00Z'));
  assert.equal(d.message, '`summary.end` 2026-03-02T25:40:00Z is not a real time of day');
});

test('format uri: a link that is not a URL', () => {
  const text = `${MINIMAL}action_items:\n  - action: Add an alert\n    priority: P1\n    status: open\n    link: OPS-123\n`;
  const d = only(text);
  assert.equal(d.message, '`action_items[0].link` is `OPS-123`, not a full URL, like https://example.com/page');
  assert.deepEqual(span(d), [11, 10, 11, 17]);
});

test('pattern: an id with more than three digits is valid (the generator grows past 999)', () => {
  assert.deepEqual(schemaErrors(MINIMAL.replace('id: INC-2026-03-02-001', 'id: INC-2026-01-01-1000')), []);
  assert.deepEqual(schemaErrors(`${MINIMAL}related: [INC-2026-01-01-1000]\n`), []);
  assert.equal(only(MINIMAL.replace('id: INC-2026-03-02-001', 'id: INC-2026-01-01-01')).rule, 'schema');
});

test('pattern: an id in the wrong form', () => {
  const d = only(MINIMAL.replace('id: INC-2026-03-02-001', 'id: inc-2026-3-2-1'));
  assert.equal(
    d.message,
    '`id` is `inc-2026-3-2-1`, not an incident id PREFIX-YYYY-MM-DD-NNN, like INC-2023-08-15-001 (an upper-case prefix, the date and a number of at least three digits)',
  );
  assert.deepEqual(span(d), [0, 4, 0, 18]);
});

test('pattern: a currency code', () => {
  const d = only(`${MINIMAL}cost:\n  currency: dollars\n`);
  assert.equal(d.message, '`cost.currency` is `dollars`, not a three-letter currency code, like USD');
  assert.deepEqual(span(d), [8, 12, 8, 19]);
});

test('maximum and minimum: scores and probabilities out of range', () => {
  const text = `${MINIMAL}contributing_factors:\n  capacity: { score: 4 }\ncost:\n  churn: { probability: -0.5 }\n`;
  const diagnostics = schemaErrors(text);
  assert.deepEqual(
    diagnostics.map((d) => [d.message, span(d)]),
    [
      ['`contributing_factors.capacity.score` is `4`, not a whole number from 0 to 3', [8, 21, 8, 22]],
      ['`cost.churn.probability` is `-0.5`, not a number from 0 to 1', [10, 24, 10, 28]],
    ],
  );
});

test('minLength: an empty title', () => {
  const d = only(MINIMAL.replace('title: Checkout latency', 'title: ""'));
  assert.equal(d.message, '`title` must not be empty');
  assert.deepEqual(span(d), [1, 7, 1, 9]);
});

test('required at the root underlines the first line', () => {
  const d = only(MINIMAL.replace('title: Checkout latency\n', ''));
  assert.equal(d.message, 'The post-mortem is missing the required key `title`');
  assert.deepEqual(span(d), [0, 0, 0, 22]);
});

test('required keys of one mapping are reported together on its key', () => {
  const d = only(MINIMAL.replace('  start: 2026-03-02T14:05:00Z\n', '').replace('  severity: SEV-2\n', ''));
  assert.equal(d.message, '`summary` is missing the required keys `start` and `severity`');
  assert.deepEqual(span(d), [3, 0, 3, 7]);
});

test('required in a list item underlines the first line of the item, without its comment', () => {
  const text = `${MINIMAL}timeline:\n  - at: "14:12"   # first page\n    kind: alert\n`;
  const d = only(text);
  assert.equal(d.message, '`timeline[0]` is missing the required key `event`');
  assert.deepEqual(span(d), [8, 4, 8, 15]);
});

test('required by a condition: OSHA entries need `event`', () => {
  const text = `${MINIMAL}regulatory:\n  - regime: OSHA\n    discovered: 2026-03-02\n  - regime: GDPR\n    discovered: 2026-03-02\n`;
  const d = only(text);
  assert.equal(d.message, '`regulatory[0]` is missing the required key `event` (required when `regime` is OSHA)');
  assert.deepEqual(span(d), [8, 4, 8, 16]);
});

test('owner and deadline are not schema errors: the review rules report them with quick fixes', () => {
  const text = `${MINIMAL}action_items:\n  - action: Add an alert on refused connections\n    priority: P1\n    status: open\n`;
  assert.deepEqual(schemaErrors(text), []);
});

test('unknown key: underlines the key and names the closest valid key', () => {
  const d = only(MINIMAL.replace('severity: SEV-2', 'severty: SEV-2'));
  // The missing `severity` is the same mistake; one diagnostic says it.
  assert.equal(d.message, 'Unknown key `severty` in `summary`; did you mean `severity`?');
  assert.deepEqual(span(d), [6, 2, 6, 9]);
});

test('unknown key: a transposition and a case difference are typos too', () => {
  assert.equal(only(MINIMAL.replace('title:', 'tilte:')).message, 'Unknown key `tilte` at the top level; did you mean `title`?');
  assert.equal(only(MINIMAL.replace('title:', 'Title:')).message, 'Unknown key `Title` at the top level; did you mean `title`?');
});

test('unknown key: a key at the wrong level is sent home', () => {
  const d = only(`${MINIMAL}first_alert: 2026-03-02T14:12:00Z\n`);
  assert.equal(d.message, 'Unknown key `first_alert` at the top level; `first_alert` belongs in `summary.detection`.');
  assert.deepEqual(span(d), [7, 0, 7, 11]);
});

test('unknown key: nothing close lists the allowed keys', () => {
  const d = only(`${MINIMAL}contributing_factors:\n  weather: { score: 1 }\n`);
  assert.match(d.message, /^Unknown key `weather` in `contributing_factors`; the keys allowed here are monitoring, testing, /);
  assert.deepEqual(span(d), [8, 2, 8, 9]);
});

test('anyOf: one message per location for a timeline `at`', () => {
  const d = only(`${MINIMAL}timeline:\n  - at: "25:10"\n    event: Page\n    kind: alert\n`);
  assert.equal(
    d.message,
    '`timeline[0].at` is `25:10`, not an ISO 8601 date-time with a UTC offset (like 2023-08-15T10:00:00Z) or a time HH:MM (like "10:25")',
  );
  assert.deepEqual(span(d), [8, 8, 8, 15]);
});

test('anyOf: a timeline date-time without offset says so', () => {
  const d = only(`${MINIMAL}timeline:\n  - at: 2026-03-02T14:12:00\n    event: Page\n    kind: alert\n`);
  assert.match(d.message, /^`timeline\[0\]\.at` 2026-03-02T14:12:00 has no UTC offset; add Z/);
});

test('anyOf: users_affected is a whole number or "all"', () => {
  const d = only(`${MINIMAL.replace('  severity: SEV-2\n', '  severity: SEV-2\n  impact:\n    users_affected: some\n')}`);
  assert.equal(d.message, '`summary.impact.users_affected` is `some`, not a whole number of at least 0 or "all"');
  assert.deepEqual(span(d), [8, 20, 8, 24]);
});

test('anyOf: a regulatory date that does not exist', () => {
  const d = only(`${MINIMAL}regulatory:\n  - regime: GDPR\n    discovered: 2026-02-30\n`);
  assert.equal(d.message, '`regulatory[0].discovered` 2026-02-30 is not a real date');
  assert.deepEqual(span(d), [9, 16, 9, 26]);
});

test('array items: a wrong item underlines that item', () => {
  const d = only(`${MINIMAL}related: [INC-2026-01-01-001, last-week]\n`);
  assert.match(d.message, /^`related\[1\]` is `last-week`, not an incident id/);
  assert.deepEqual(span(d), [7, 30, 7, 39]);
});

test('a scalar, a list or nothing at the root', () => {
  assert.deepEqual(
    ['just text\n', '- a\n- b\n', '', '# only a comment\n'].map((t) => {
      const d = only(t);
      return [d.message, span(d)];
    }),
    [
      ['A post-mortem must be a mapping of keys (id, title, status, summary, ...), but this file holds the text `just text`.', [0, 0, 0, 9]],
      ['A post-mortem must be a mapping of keys (id, title, status, summary, ...), but this file holds a list.', [0, 0, 0, 3]],
      ['The post-mortem is empty; it is a mapping of keys starting with id, title, status and summary.', [0, 0, 0, 0]],
      ['The post-mortem is empty; it is a mapping of keys starting with id, title, status and summary.', [0, 0, 0, 16]],
    ],
  );
});

test('messages never carry raw Ajv wording', () => {
  const text = [
    'id: x',
    'title: 3',
    'status: done',
    'reviewed: 2026-13-01',
    'summary:',
    '  start: yesterday',
    '  severity: [SEV-1]',
    '  impact: { users_affected: -1, sla_breached: 2 }',
    'timeline: [{ at: 1, event: "", kind: oops }]',
    'went_well: {}',
    'regulatory: [{ regime: OSHA, discovered: soon, event: fire }]',
    'extra: 1',
    '',
  ].join('\n');
  const diagnostics = schemaErrors(text);
  assert.ok(diagnostics.length >= 12, `many problems, got ${diagnostics.length}`);
  for (const d of diagnostics) {
    assert.doesNotMatch(d.message, /must have required property|must NOT have|must match (format|pattern|a schema)|must be equal to|must be >=|must be <=|must be (string|object|array|integer|number|boolean)\b/);
    assert.match(d.message, /`/, `names the place: ${d.message}`);
  }
  const keys = diagnostics.map((d) => `${span(d).join(':')} ${d.message}`);
  assert.equal(new Set(keys).size, keys.length, 'no duplicates');
});

test('the schema severity can be changed or turned off by settings', () => {
  const broken = MINIMAL.replace('SEV-2', 'SEV-9');
  assert.equal(lintText(broken, { rules: [], settings: { rules: { schema: 'warning' } } }).diagnostics[0].severity, 'warning');
  assert.deepEqual(lintText(broken, { rules: [], settings: { rules: { schema: 'off' } } }).diagnostics, []);
});
