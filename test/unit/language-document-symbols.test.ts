import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { parsePostmortem } from '../../src/core/parse';
import { documentSymbols, MAX_LIST_SYMBOLS, MAX_SYMBOL_TEXT } from '../../src/language/documentSymbols';

const at = (range: Range): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** One line per symbol, indented by depth: name | detail | kind | range | selection range. */
function outline(text: string): string[] {
  const lines: string[] = [];
  const walk = (symbol: DocumentSymbol, indent: string): void => {
    lines.push(`${indent}${symbol.name} | ${symbol.detail ?? ''} | ${symbol.kind} | ${at(symbol.range)} | ${at(symbol.selectionRange)}`);
    for (const child of symbol.children ?? []) walk(child, `${indent}  `);
  };
  for (const symbol of documentSymbols(parsePostmortem(text))) walk(symbol, '');
  return lines;
}

// SymbolKind is a namespace of numbers: name them back for readable expectations.
const kindNames = new Map(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));
function kinds(text: string): string[] {
  return outline(text).map((line) => line.replace(/\| (\d+) \|/, (_, n: string) => `| ${kindNames.get(Number(n))} |`));
}

const DOC = [
  'id: INC-2023-08-15-001', //                                   0
  'summary:', //                                                 1
  '  severity: SEV-1   # revenue', //                            2
  '  impact:', //                                                3
  '    users_affected: all', //                                  4
  'timeline:', //                                                5
  '  - at: 2023-08-15T09:52:00Z   # deploy', //                  6
  '    event: Connection-pool change deployed to orders-api', // 7
  '    kind: trigger', //                                        8
  '  - { at: "10:25", event: First customer report, kind: alert }', // 9
  'root_cause:', //                                              10
  '  whys:', //                                                  11
  '    - The database refused connections.', //                  12
  '  category: capacity', //                                     13
  'contributing_factors:', //                                    14
  '  capacity: { score: 3, notes: max_connections exceeded }', // 15
  '  testing:', //                                               16
  '    score: 1', //                                             17
  'action_items:', //                                            18
  '  - action: Alert on connection refusals', //                 19
  '    owner: Priya Natarajan', //                               20
  '  - owner: database-platform', //                             21
  'went_well: [Rollback took four minutes]', //                  22
  'regulatory:', //                                              23
  '  - regime: GDPR', //                                         24
  '    discovered: 2023-08-15', //                               25
  'related: [INC-2023-05-02-003]', //                            26
  '',
].join('\n');

test('sections with their keys, timeline entries, whys, factors, action items, list entries: names, kinds and exact ranges', () => {
  assert.deepEqual(kinds(DOC), [
    'id | INC-2023-08-15-001 | String | 0:0-0:22 | 0:0-0:2',
    'summary |  | Module | 1:0-4:23 | 1:0-1:7',
    '  severity | SEV-1 | String | 2:2-2:17 | 2:2-2:10',
    '  impact |  | Module | 3:2-4:23 | 3:2-3:8',
    '    users_affected | all | String | 4:4-4:23 | 4:4-4:18',
    'timeline | 2 entries | Array | 5:0-9:62 | 5:0-5:8',
    '  2023-08-15T09:52:00Z Connection-pool change deployed to ord… | trigger | Event | 6:4-8:17 | 6:4-6:28',
    '  10:25 First customer report | alert | Event | 9:4-9:62 | 9:4-9:62',
    'root_cause |  | Module | 10:0-13:20 | 10:0-10:10',
    '  whys | 1 entry | Array | 11:2-12:39 | 11:2-11:6',
    '    Why 1 | The database refused connections. | String | 12:6-12:39 | 12:6-12:39',
    '  category | capacity | String | 13:2-13:20 | 13:2-13:10',
    'contributing_factors |  | Module | 14:0-17:12 | 14:0-14:20',
    '  capacity | score 3 | Module | 15:2-15:57 | 15:2-15:10',
    '  testing | score 1 | Module | 16:2-17:12 | 16:2-16:9',
    'action_items | 2 entries | Array | 18:0-21:28 | 18:0-18:12',
    '  Alert on connection refusals | Priya Natarajan | Function | 19:4-20:26 | 19:4-19:40',
    '  Action item 2 | database-platform | Function | 21:4-21:28 | 21:4-21:28',
    'went_well | 1 entry | Array | 22:0-22:39 | 22:0-22:9',
    '  Rollback took four minutes |  | String | 22:12-22:38 | 22:12-22:38',
    'regulatory | 1 entry | Array | 23:0-25:26 | 23:0-23:10',
    '  GDPR | 2023-08-15 | Object | 24:4-25:26 | 24:4-24:16',
    'related | 1 entry | Array | 26:0-26:29 | 26:0-26:7',
    '  INC-2023-05-02-003 |  | String | 26:10-26:28 | 26:10-26:28',
  ]);
});

test('every selection range lies inside its range (VS Code rejects the outline otherwise)', () => {
  const inside = (outer: Range, inner: Range): boolean =>
    (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  const check = (symbols: DocumentSymbol[]): void => {
    for (const symbol of symbols) {
      assert.ok(inside(symbol.range, symbol.selectionRange), `${symbol.name}: ${at(symbol.selectionRange)} outside ${at(symbol.range)}`);
      assert.notEqual(symbol.name, '');
      check(symbol.children ?? []);
    }
  };
  check(documentSymbols(parsePostmortem(DOC)));
  check(documentSymbols(parsePostmortem('timeline:\n  - at: 1\ntimeline:\n  - x\n  - y\n  - z\n')));
});

test('long or multi-line texts become one short line; an empty entry is named by its place', () => {
  const long = 'word '.repeat(40).trim();
  const symbols = documentSymbols(parsePostmortem(`went_well:\n  - ${long}\n  - "line one\\nline\\ttwo\\u202e"\n  - ""\n`));
  const names = symbols[0].children!.map((child) => child.name);
  assert.equal(names[0].length, MAX_SYMBOL_TEXT);
  assert.ok(names[0].endsWith('…'));
  assert.equal(names[1], 'line one line two');
  assert.equal(names[2], 'Item 3');
});

test('a half-typed document still shows what parses', () => {
  // `sev` with no colon yet runs into the next line: YAML reads one key `sev start`; the outline shows that.
  assert.deepEqual(kinds('id: INC-2023-08-15-001\nsummary:\n  sev\n  start: x\ntimeline:\n  - at: "10:00"\n    event: Restart\n'), [
    'id | INC-2023-08-15-001 | String | 0:0-0:22 | 0:0-0:2',
    'summary |  | Module | 1:0-3:10 | 1:0-1:7',
    '  sev start | x | String | 2:2-3:10 | 2:2-3:7',
    'timeline | 1 entry | Array | 4:0-6:18 | 4:0-4:8',
    '  10:00 Restart |  | Event | 5:4-6:18 | 5:4-5:15',
  ]);
  // An unterminated quote: the entries before it are still listed.
  const lines = kinds('id: INC-2023-08-15-001\ntimeline:\n  - at: "10:00"\n    event: Restart\n  - at: "10:05\n');
  assert.equal(lines[0], 'id | INC-2023-08-15-001 | String | 0:0-0:22 | 0:0-0:2');
  assert.equal(lines[2], '  10:00 Restart |  | Event | 2:4-3:18 | 2:4-2:15');
});

test('never throws, and gives nothing for documents that are not mappings', () => {
  for (const text of ['', 'just text', '- a\n- b', '\u0000\u0001', '{', 'a: *missing', '? [a, b]\n: c', `${'- '.repeat(300)}x`, 'a: &x [*x]']) {
    assert.doesNotThrow(() => documentSymbols(parsePostmortem(text)), JSON.stringify(text));
  }
  assert.deepEqual(documentSymbols(parsePostmortem('- a\n- b\n')), []);
  assert.deepEqual(documentSymbols(parsePostmortem('')), []);
  assert.deepEqual(outline('? [a, b]\n: c\n'), ['[a, b] | c | 15 | 0:2-1:3 | 0:2-0:8']);
});

/** A timeline of `count` entries, three lines each, starting on line 1. */
function timelineOf(count: number): string {
  const entries = Array.from({ length: count }, (_, i) => `  - at: "${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}"\n    event: Step ${i}\n    kind: note\n`);
  return `timeline:\n${entries.join('')}`;
}

test(`a timeline of ${MAX_LIST_SYMBOLS} entries gives one symbol per entry`, () => {
  const [timeline] = documentSymbols(parsePostmortem(timelineOf(MAX_LIST_SYMBOLS)));
  assert.equal(timeline.children!.length, MAX_LIST_SYMBOLS);
  assert.equal(timeline.children![MAX_LIST_SYMBOLS - 1].name, '03:19 Step 199');
  assert.deepEqual(timeline.children![MAX_LIST_SYMBOLS - 1].selectionRange, { start: { line: 598, character: 4 }, end: { line: 598, character: 15 } });
});

test('a longer timeline is outlined in runs of 10, 100, ... entries: named by their numbers, detailed by their first entry, ranging over them', () => {
  const lines = kinds(timelineOf(MAX_LIST_SYMBOLS + 1));
  assert.deepEqual(lines.slice(0, 3), [
    'timeline | 201 entries | Array | 0:0-603:14 | 0:0-0:8',
    '  Entries 1-10 | 00:00 Step 0 | Array | 1:4-30:14 | 1:4-1:15',
    '  Entries 11-20 | 00:10 Step 10 | Array | 31:4-60:14 | 31:4-31:15',
  ]);
  assert.equal(lines.length, 1 + 21);
  assert.equal(lines[21], '  Entries 201-201 | 03:20 Step 200 | Array | 601:4-603:14 | 601:4-601:15');

  const [big] = documentSymbols(parsePostmortem(timelineOf(10_000)));
  assert.equal(big.children!.length, 100);
  assert.deepEqual(
    big.children!.slice(-1).map((s) => [s.name, s.detail, s.range.start.line, s.range.end.line]),
    [['Entries 9901-10000', '21:00 Step 9900', 29_701, 30_000]],
  );
  assert.ok(big.children!.every((s) => s.children === undefined));
});
