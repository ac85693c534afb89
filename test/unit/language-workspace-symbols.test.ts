import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { MAX_WORKSPACE_SYMBOLS, workspaceSymbols } from '../../src/language/workspaceSymbols';
import { matchesSubsequence } from '../../src/language/subsequence';
import type { IncidentSummary } from '../../src/language/workspaceFacts';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

const INCIDENTS: IncidentSummary[] = [
  { id: 'INC-2023-08-15-001', title: 'Orders database outage', uri: 'file:///repo/postmortems/2023-08-15-orders.pm.yaml', range: range(0, 4, 22) },
  { id: 'INC-2023-05-02-003', title: 'Checkout latency', uri: 'file:///repo/postmortems/2023-05-02%20checkout.pm.yaml', range: range(1, 4, 22) },
  { id: 'OPS-2022-01-01-001', uri: 'file:///repo/postmortems/ops.pm.yaml', range: range(0, 4, 22) },
];

test('symbols carry the id and title as name, the file location, and the file name as container', () => {
  assert.deepEqual(workspaceSymbols(INCIDENTS, 'orders'), [
    {
      name: 'INC-2023-08-15-001 Orders database outage',
      kind: SymbolKind.Event,
      location: { uri: 'file:///repo/postmortems/2023-08-15-orders.pm.yaml', range: range(0, 4, 22) },
      containerName: '2023-08-15-orders.pm.yaml',
    },
  ]);
  assert.deepEqual(workspaceSymbols(INCIDENTS, 'checkout').map((symbol) => symbol.containerName), ['2023-05-02 checkout.pm.yaml']);
});

test('matching: case-insensitive, the query characters in order, blanks ignored; prefix, then substring, then scattered', () => {
  const names = (query: string): string[] => workspaceSymbols(INCIDENTS, query).map((symbol) => symbol.name);
  assert.deepEqual(names('ORDERS'), ['INC-2023-08-15-001 Orders database outage']);
  assert.deepEqual(names('inc0815'), ['INC-2023-08-15-001 Orders database outage']);
  assert.deepEqual(names('ops'), ['OPS-2022-01-01-001']);
  // The title starts with `c`; the other id only contains it.
  assert.deepEqual(names('c'), ['INC-2023-05-02-003 Checkout latency', 'INC-2023-08-15-001 Orders database outage']);
  // Both the title `Orders...` and the id `OPS-...` start with `o`: by id; `Checkout` only contains it.
  assert.deepEqual(names('o'), ['INC-2023-08-15-001 Orders database outage', 'OPS-2022-01-01-001', 'INC-2023-05-02-003 Checkout latency']);
  assert.deepEqual(names('ol'), ['INC-2023-05-02-003 Checkout latency']);
  assert.deepEqual(names('check lat'), ['INC-2023-05-02-003 Checkout latency']);
  assert.deepEqual(names('zzz'), []);
  // An empty query lists every incident, by id.
  assert.deepEqual(names(''), ['INC-2023-05-02-003 Checkout latency', 'INC-2023-08-15-001 Orders database outage', 'OPS-2022-01-01-001']);
  // A query spanning the id and the title matches the whole name.
  assert.deepEqual(names('001orders'), ['INC-2023-08-15-001 Orders database outage']);
});

test('subsequence matching', () => {
  assert.equal(matchesSubsequence('Priya Natarajan', 'pn'), true);
  assert.equal(matchesSubsequence('Priya Natarajan', 'np'), false);
  assert.equal(matchesSubsequence('abc', ''), true);
  assert.equal(matchesSubsequence('abc', 'abcd'), false);
});

test('10,000 incidents: results are capped, the best first, and a query stays fast', () => {
  const many: IncidentSummary[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `INC-2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}-${String(i).padStart(5, '0')}`,
    title: `Synthetic incident number ${i} in service-${i % 97}`,
    uri: `file:///repo/postmortems/${i}.pm.yaml`,
    range: range(0, 4, 26),
  }));
  const started = performance.now();
  const all = workspaceSymbols(many, '');
  const substring = workspaceSymbols(many, 'synthetic');
  const scattered = workspaceSymbols(many, 'srv 42');
  const exact = workspaceSymbols(many, 'INC-2024-01-01-00000');
  const none = workspaceSymbols(many, 'nothing matches this');
  const elapsed = performance.now() - started;
  assert.equal(all.length, MAX_WORKSPACE_SYMBOLS);
  assert.equal(substring.length, MAX_WORKSPACE_SYMBOLS);
  const scatteredCount = many.filter((incident) => matchesSubsequence(`${incident.id} ${incident.title}`, 'srv42')).length;
  assert.equal(scattered.length, Math.min(scatteredCount, MAX_WORKSPACE_SYMBOLS));
  assert.ok(scatteredCount > 0);
  // The exact id first, then the ids that only contain its characters in order.
  assert.equal(exact[0].name, 'INC-2024-01-01-00000 Synthetic incident number 0 in service-0');
  assert.equal(exact.length, many.filter((incident) => matchesSubsequence(`${incident.id} ${incident.title}`, 'INC-2024-01-01-00000')).length);
  assert.ok(exact.length > 1);
  assert.ok(exact.slice(1).every((symbol) => !symbol.name.toLowerCase().includes('inc-2024-01-01-00000')));
  assert.deepEqual(none, []);
  // A generous bound: four queries over 10,000 incidents take a few milliseconds each on a quiet machine.
  assert.ok(elapsed < 2000, `${elapsed} ms`);
});
