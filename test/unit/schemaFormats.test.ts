import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import validate from '../../src/generated/postmortem-validator';
import { DATE_TIME_FORMAT, formats } from '../../src/core/schemaFormats';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'postmortem.schema.json'), 'utf8')) as unknown;

/**
 * The `format` checks of Red Hat YAML (yaml-language-server), which reads our
 * schema through package.json `yamlValidation`. Copied from
 * redhat-developer/yaml-language-server, src/languageservice/parser/schemaValidation/baseValidator.ts
 * (`formats` and the `format` switch of validateStringNode; jsonParser07.ts in
 * older versions has the same patterns). It implements exactly these:
 *   uri, uri-reference  vscode-uri URI.parse; `uri` must have a scheme
 *   color-hex, date-time, date, time, email, ipv4, ipv6  the regular expressions below
 * and ignores every other format name. A mismatch shows as a yellow warning
 * from "yaml-schema: ..." in the editor even when our lint is silent.
 */
const RED_HAT_PATTERNS: Record<string, RegExp> = {
  'color-hex': /^#([0-9A-Fa-f]{3,4}|([0-9A-Fa-f]{2}){3,4})$/,
  'date-time':
    /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)([01][0-9]|2[0-3]):([0-5][0-9]))$/i,
  date: /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/i,
  time: /^([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)([01][0-9]|2[0-3]):([0-5][0-9]))$/i,
  email:
    /^(([^<>()[\]\\.,;:\s@"]+(\.[^<>()[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/,
  ipv4: /^((25[0-5]|(2[0-4]|1\d|[1-9]|)\d)\.?\b){4}$/,
  ipv6: /^([0-9a-f]|:){1,4}(:([0-9a-f]{0,4})*){1,7}$/i,
};
const RED_HAT_FORMATS = new Set(['uri', 'uri-reference', ...Object.keys(RED_HAT_PATTERNS)]);
/** Red Hat's `uri`: vscode-uri's parse regular expression, and a scheme (the part before `:`) must be there. */
const RED_HAT_URI = /^(([^:/?#]+?):)?(\/\/([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?/;

/**
 * Standard formats we keep because Red Hat's check accepts everything ours
 * accepts (ours may be stricter: the lint reports what the editor lets pass,
 * never the other way round). Checked value by value below.
 */
const AGREEING_STANDARD_FORMATS = new Set(['date', 'uri']);

function formatsIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) formatsIn(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') found.add(value);
      else formatsIn(value, found);
    }
  }
  return found;
}

function ours(format: string, value: string): boolean {
  const check = (formats as Record<string, unknown>)[format];
  if (typeof check === 'function') return (check as (v: string) => boolean)(value);
  if (check instanceof RegExp) return check.test(value);
  return (check as { validate: (v: string) => boolean }).validate(value);
}

test('the schema names no format that Red Hat YAML would check differently from us', () => {
  const named = formatsIn(SCHEMA);
  assert.deepEqual([...named].sort(), ['date', 'postmortem-date-time', 'uri']);
  for (const format of named) {
    assert.ok(!RED_HAT_FORMATS.has(format) || AGREEING_STANDARD_FORMATS.has(format), `Red Hat YAML checks "${format}" its own way`);
    assert.ok(format in formats, `"${format}" has a check in src/core/schemaFormats.ts`);
  }
  assert.equal(DATE_TIME_FORMAT, 'postmortem-date-time');
  assert.ok(!RED_HAT_FORMATS.has(DATE_TIME_FORMAT));
});

test('why date-time has its own name: Red Hat demands seconds, the format does not', () => {
  for (const value of ['2023-08-15T10:00Z', '2023-08-15T10:00+02:00', '2023-08-15T10:00-05:00']) {
    assert.equal(ours(DATE_TIME_FORMAT, value), true, value);
    assert.equal(RED_HAT_PATTERNS['date-time'].test(value), false, value);
  }
  // With seconds both agree, so nothing is lost for those users.
  assert.equal(ours(DATE_TIME_FORMAT, '2023-08-15T10:00:00Z'), true);
  assert.equal(RED_HAT_PATTERNS['date-time'].test('2023-08-15T10:00:00Z'), true);
});

test('date: every date we accept, Red Hat accepts; only we reject dates that do not exist', () => {
  for (const value of ['2026-01-01', '2026-02-28', '2024-02-29', '2026-12-31', '1999-09-09']) {
    assert.equal(ours('date', value), true, value);
    assert.equal(RED_HAT_PATTERNS.date.test(value), true, value);
  }
  for (const value of ['2026-02-30', '2025-02-29', '2026-04-31']) {
    assert.equal(ours('date', value), false, `${value} must still be rejected by us`);
    assert.equal(RED_HAT_PATTERNS.date.test(value), true, `${value}: Red Hat only looks at the shape`);
  }
  for (const value of ['2026-13-01', '2026-1-01', '2026-01-01T10:00Z', 'tomorrow']) {
    assert.equal(ours('date', value), false, value);
    assert.equal(RED_HAT_PATTERNS.date.test(value), false, value);
  }
});

test('uri: every URL we accept has the scheme Red Hat asks for', () => {
  for (const value of ['https://example.com/page', 'http://localhost:8080/a?b=c#d', 'mailto:oncall@example.com', 'urn:isbn:0451450523']) {
    assert.equal(ours('uri', value), true, value);
    assert.ok(RED_HAT_URI.exec(value)?.[2], value);
  }
  for (const value of ['example.com/page', '/runbooks/db.md', '']) {
    assert.equal(ours('uri', value), false, value);
  }
});

test('the schema takes minute-precision date-times everywhere a date-time goes', () => {
  const document = {
    id: 'INC-2026-03-02-001',
    title: 'Checkout latency',
    status: 'draft',
    summary: { start: '2026-03-02T14:05Z', end: '2026-03-02T15:40+01:00', severity: 'SEV-2' },
    timeline: [{ at: '2026-03-02T14:12-05:00', event: 'Page', kind: 'alert' }],
    regulatory: [{ regime: 'GDPR', discovered: '2026-03-02T14:30Z' }],
  };
  assert.equal(validate(document), true, JSON.stringify(validate.errors));
  // The custom name still checks: no offset, or a day that does not exist, fails.
  assert.equal(validate({ ...document, summary: { ...document.summary, start: '2026-03-02T14:05' } }), false);
  assert.equal(validate({ ...document, summary: { ...document.summary, start: '2026-02-30T14:05Z' } }), false);
  assert.equal(validate({ ...document, reviewed: '2026-03-03' }), true);
  assert.equal(validate({ ...document, reviewed: '2026-02-30' }), false);
});
