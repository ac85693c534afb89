/**
 * `review --format ndjson|csv` through the built bin: every ndjson line parses, the CSV reads back with a
 * strict RFC 4180 reader into the same rows, formula-like text is defused for spreadsheets, and numbers,
 * dates and booleans keep their types.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROW_COLUMNS } from '../../src/cli/reviewRows';
import { CLEAN, runBuiltCli, tempProject } from './helpers';

type Row = Record<string, string | number | boolean | null>;

/**
 * RFC 4180, strictly: records end with CRLF, a field is quoted or holds no quote, comma, CR or LF, and
 * a quote inside a quoted field is doubled. Throws on anything else, so a malformed export fails the test.
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let at = 0;
  while (at < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[at] === '"') {
        at++;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote < 0) throw new Error(`unclosed quote from ${at}`);
          field += text.slice(at, quote);
          at = quote + 1;
          if (text[at] !== '"') break;
          field += '"';
          at++;
        }
      } else {
        const end = text.slice(at).search(/[,\r\n"]/);
        const stop = end < 0 ? text.length : at + end;
        if (text[stop] === '"') throw new Error(`a quote inside an unquoted field at ${stop}`);
        field = text.slice(at, stop);
        at = stop;
      }
      record.push(field);
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text.startsWith('\r\n', at)) {
        at += 2;
        break;
      }
      throw new Error(`expected , or CRLF at ${at}, found ${JSON.stringify(text.slice(at, at + 10))}`);
    }
    records.push(record);
  }
  return records;
}

/** Two incidents; the second's title and an owner start like spreadsheet formulas, an action text holds a quote, a comma and a line break. */
const SECOND = CLEAN.replace(/^id: .*$/m, 'id: INC-2026-06-09-002')
  .replace(/^title: .*$/m, 'title: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"')
  .replace('owner: Amara Okafor', 'owner: "@here -1+2"')
  .replace('  - action: Publish a shared request schema for internal search APIs', '  - action: "Publish a \\"shared\\" schema, v2\\nfor search APIs"');

describe('review --format ndjson and csv', () => {
  test('ndjson: one object per line, one per incident and one per action item, every column present, numbers as numbers', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN, 'postmortems/b.pm.yaml': SECOND });
    try {
      const run = runBuiltCli(['review', '--format', 'ndjson', '--today', '2026-11-27'], p.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.endsWith('\n'));
      const rows = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Row);
      assert.deepEqual(rows.map((r) => r.type), ['incident', 'action', 'action', 'action', 'action', 'incident', 'action', 'action', 'action', 'action']);
      for (const row of rows) assert.deepEqual(Object.keys(row), [...ROW_COLUMNS]);
      const [incident, firstAction] = rows;
      assert.equal(incident.incident_id, 'INC-2026-06-09-001');
      assert.equal(incident.start, '2026-06-09T12:02:00.000Z');
      assert.equal(incident.quarter, '2026-Q2');
      assert.equal(incident.severity, 'SEV-2');
      assert.equal(incident.services, 'search-ranking; search-api');
      assert.equal(typeof incident.cost_total, 'number');
      assert.equal(incident.currency, 'USD');
      assert.equal(incident.detect_minutes, 17);
      assert.equal(incident.resolve_minutes, 68);
      assert.equal(incident.action, null);
      assert.deepEqual(
        [firstAction.incident_id, firstAction.action_index, firstAction.owner, firstAction.deadline, firstAction.action_state, firstAction.overdue, firstAction.cost_total],
        ['INC-2026-06-09-001', 0, 'Amara Okafor', '2026-06-18', 'done', false, null],
      );
      assert.equal(rows[5].title, '=HYPERLINK("http://evil.example","click")', 'ndjson keeps text as written: it is not opened by spreadsheets');
      assert.equal(new Set(rows.map((r) => r.repository)).size, 1);
    } finally {
      p.cleanup();
    }
  });

  test('csv: RFC 4180 that reads back into the ndjson rows; formula-like text gets a leading quote', () => {
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN, 'postmortems/b.pm.yaml': SECOND });
    try {
      const ndjson = runBuiltCli(['review', '--format', 'ndjson', '--today', '2026-11-27'], p.dir).stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Row);
      const run = runBuiltCli(['review', '--format', 'csv', '--today', '2026-11-27'], p.dir);
      assert.equal(run.code, 0, run.stderr);
      const [header, ...records] = readCsv(run.stdout);
      assert.deepEqual(header, [...ROW_COLUMNS]);
      assert.equal(records.length, ndjson.length);
      records.forEach((record, i) => {
        const expected = ROW_COLUMNS.map((column) => {
          const value = ndjson[i][column];
          if (value === null) return '';
          return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
        });
        assert.deepEqual(record, expected, `row ${i + 1}`);
      });
      const second = records[5];
      assert.equal(second[ROW_COLUMNS.indexOf('title')], `'=HYPERLINK("http://evil.example","click")`);
      assert.equal(records[6][ROW_COLUMNS.indexOf('owner')], `'@here -1+2`);
      assert.equal(records[9][ROW_COLUMNS.indexOf('action')], 'Publish a "shared" schema, v2\nfor search APIs');
      assert.match(records[0][ROW_COLUMNS.indexOf('cost_total')], /^\d+(\.\d+)?$/, 'a plain number, no currency sign or grouping');
    } finally {
      p.cleanup();
    }
  });

  test('--quarter and drafts: the rows are the incidents the review counts', () => {
    const draft = CLEAN.replace(/^id: .*$/m, 'id: INC-2026-06-09-003').replace('status: reviewed', 'status: draft');
    const p = tempProject({ 'postmortems/a.pm.yaml': CLEAN, 'postmortems/c.pm.yaml': draft });
    try {
      const ids = (args: string[]): unknown[] =>
        runBuiltCli(['review', '--format', 'ndjson', '--today', '2026-11-27', ...args], p.dir)
          .stdout.trimEnd()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Row)
          .filter((r) => r.type === 'incident')
          .map((r) => r.incident_id);
      assert.deepEqual(ids([]), ['INC-2026-06-09-001']);
      assert.deepEqual(ids(['--include-drafts']), ['INC-2026-06-09-001', 'INC-2026-06-09-003']);
      assert.deepEqual(ids(['--quarter', '2026-Q3']), []);
    } finally {
      p.cleanup();
    }
  });
});

describe('the test\'s CSV reader', () => {
  test('reads quoted fields and refuses malformed text', () => {
    assert.deepEqual(readCsv('a,"b,""c""\r\nd",\r\n'), [['a', 'b,"c"\r\nd', '']]);
    assert.throws(() => readCsv('a,b"c\r\n'), /a quote inside an unquoted field/);
    assert.throws(() => readCsv('a,b\n'), /expected , or CRLF/);
    assert.throws(() => readCsv('"a\r\n'), /unclosed quote/);
  });
});
