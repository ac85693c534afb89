import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { parsePostmortem } from '../../src/core/parse';
import { completionsAt, MAX_COMPLETIONS, scalarText, type CompletionSources } from '../../src/language/completion';
import { withCursor } from '../lib/cursor';

const SOURCES: CompletionSources = {
  owners: ['Priya Natarajan', '@ops-team', 'database-platform'],
  incidents: [
    { id: 'INC-2023-05-02-003', title: 'Orders database refused connections' },
    { id: 'INC-2023-08-15-001', title: 'This very incident' },
    { id: 'INC-2023-07-01-002', title: 'Checkout latency' },
    { id: 'OPS-2022-01-01-001' },
  ],
};

function complete(source: string, sources: CompletionSources = SOURCES): { items: CompletionItem[]; isIncomplete: boolean } {
  const { text, position } = withCursor(source);
  return completionsAt(parsePostmortem(text), position, sources);
}

const labels = (source: string, sources?: CompletionSources): string[] => complete(source, sources).items.map((item) => item.label);

/** Each item's label, the text it writes and the columns it replaces on the cursor's line. */
const edits = (source: string): Array<[string, string, number, number]> =>
  complete(source).items.map((item) => {
    const edit = item.textEdit as TextEdit;
    return [item.label, edit.newText, edit.range.start.character, edit.range.end.character];
  });

const ID = 'id: INC-2023-08-15-001\n';

test('top-level keys: every key of the schema not yet written, in the format page order, writing `key: `', () => {
  assert.deepEqual(labels(`${ID}title: Outage\nsummary:\n  severity: SEV-1\n‸`), [
    'status', 'authors', 'reviewed', 'industry', 'services', 'timeline', 'root_cause', 'contributing_factors',
    'went_well', 'got_lucky', 'action_items', 'recurrence_prevention', 'cost', 'regulatory', 'related',
  ]);
  const status = complete(`${ID}sta‸`).items.find((item) => item.label === 'status')!;
  assert.deepEqual(status, {
    label: 'status',
    kind: CompletionItemKind.Property,
    detail: 'Status (required)',
    documentation: {
      kind: MarkupKind.Markdown,
      value: 'Where the post-mortem is in its life. In a `draft`, review findings that would be errors are shown as warnings. One of: draft, in-review, reviewed, closed. E.g. `draft`.',
    },
    sortText: '00002',
    filterText: 'status',
    insertText: 'status: ',
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, newText: 'status: ' },
  });
  assert.equal(complete(`${ID}aut‸`).items.find((item) => item.label === 'authors')!.detail, 'Authors');
});

test('keys of a section while the section does not parse: summary keys minus those written', () => {
  assert.deepEqual(edits(`${ID}summary:\n  start: 2023-08-15T10:00:00Z\n  se‸\n`), [
    ['end', 'end: ', 2, 4],
    ['severity', 'severity: ', 2, 4],
    ['impact', 'impact: ', 2, 4],
    ['detection', 'detection: ', 2, 4],
    ['description', 'description: ', 2, 4],
  ]);
  assert.deepEqual(labels(`${ID}summary:\n  impact:\n    ‸\n`), ['users_affected', 'sla_breached']);
  assert.deepEqual(labels(`${ID}summary:\n  detection:\n    method: monitoring\n    ‸\n`), ['first_alert']);
});

test('a key edited in place writes its name only: the colon is already there', () => {
  assert.deepEqual(edits(`${ID}summary:\n  sev‸: SEV-1\n`).find(([label]) => label === 'severity'), ['severity', 'severity', 2, 5]);
});

test('the keys of a new timeline entry and of a new action item', () => {
  assert.deepEqual(edits(`${ID}timeline:\n  - at: "10:00"\n    event: x\n    kind: alert\n  - ‸\n`), [
    ['at', 'at: ', 4, 4],
    ['event', 'event: ', 4, 4],
    ['kind', 'kind: ', 4, 4],
    ['source', 'source: ', 4, 4],
  ]);
  assert.deepEqual(labels(`${ID}action_items:\n  - action: Add an alert\n    ‸\n`), ['owner', 'deadline', 'priority', 'status', 'type', 'link', 'reason']);
  assert.deepEqual(labels(`${ID}regulatory:\n  - regime: OSHA\n    ‸\n`), ['discovered', 'notified', 'event']);
});

test('enum values: severity, status, timeline kind, action priority, status and type, category, method, industry, regime', () => {
  assert.deepEqual(edits(`${ID}summary:\n  severity: ‸\n`), [
    ['SEV-1', 'SEV-1', 12, 12],
    ['SEV-2', 'SEV-2', 12, 12],
    ['SEV-3', 'SEV-3', 12, 12],
  ]);
  assert.deepEqual(labels(`${ID}status: ‸`), ['draft', 'in-review', 'reviewed', 'closed']);
  assert.deepEqual(labels(`${ID}timeline:\n  - at: "10:00"\n    kind: ‸\n`), ['trigger', 'alert', 'notified', 'investigating', 'root-cause', 'fix-deployed', 'resolved', 'note']);
  assert.deepEqual(labels(`${ID}action_items:\n  - priority: ‸\n`), ['P0', 'P1', 'P2']);
  assert.deepEqual(labels(`${ID}action_items:\n  - action: x\n    status: ‸\n`), ['open', 'in-progress', 'done', 'wont-do']);
  assert.deepEqual(labels(`${ID}action_items:\n  - type: ‸\n`), ['detect', 'mitigate', 'prevent', 'process']);
  assert.deepEqual(labels(`${ID}root_cause:\n  category: ‸\n`), [
    'monitoring', 'testing', 'documentation', 'process', 'knowledge_concentration', 'capacity', 'third_party', 'communication', 'change_management', 'technical_debt',
  ]);
  assert.deepEqual(labels(`${ID}summary:\n  detection:\n    method: ‸\n`), ['monitoring', 'customer-report', 'internal']);
  assert.deepEqual(labels(`${ID}industry: ‸`), ['fintech', 'healthcare', 'saas', 'e-commerce', 'manufacturing', 'other']);
  assert.deepEqual(labels(`${ID}regulatory:\n  - regime: ‸\n`), ['HIPAA', 'GDPR', 'PCI-DSS', 'SOX', 'SOC2', 'SEC-8K', 'OSHA']);
  assert.deepEqual(labels(`${ID}regulatory:\n  - regime: OSHA\n    event: ‸\n`), ['fatality', 'hospitalization']);
});

test('an enum value item carries the schema title and description', () => {
  const [first] = complete(`${ID}summary:\n  severity: S‸\n`).items;
  assert.deepEqual(first, {
    label: 'SEV-1',
    kind: CompletionItemKind.EnumMember,
    detail: 'Severity',
    documentation: { kind: MarkupKind.Markdown, value: 'SEV-1: revenue impact; SEV-2: customer impact; SEV-3: internal impact. One of: SEV-1, SEV-2, SEV-3. E.g. `SEV-1`.' },
    sortText: '00000',
    insertText: 'SEV-1',
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: { start: { line: 2, character: 12 }, end: { line: 2, character: 13 } }, newText: 'SEV-1' },
  });
});

test('booleans, a constant among alternatives, and small score ranges', () => {
  assert.deepEqual(labels(`${ID}recurrence_prevention:\n  runbook: ‸\n`), ['true', 'false']);
  assert.equal(complete(`${ID}recurrence_prevention:\n  runbook: ‸\n`).items[0].kind, CompletionItemKind.Constant);
  assert.deepEqual(labels(`${ID}summary:\n  impact:\n    users_affected: ‸\n`), ['all']);
  assert.deepEqual(labels(`${ID}contributing_factors:\n  monitoring:\n    score: ‸\n`), ['0', '1', '2', '3']);
  assert.deepEqual(labels(`${ID}contributing_factors:\n  testing: { score: ‸ }\n`), ['0', '1', '2', '3']);
  // Inside quotes, true or 2 would be text, not the boolean or number the schema wants.
  assert.deepEqual(labels(`${ID}recurrence_prevention:\n  runbook: "‸\n`), []);
});

test('contributing factors: the factor keys not yet scored, then the keys of a flow mapping', () => {
  assert.deepEqual(labels(`${ID}contributing_factors:\n  monitoring: { score: 2 }\n  testing: { score: 1 }\n  ‸\n`), [
    'documentation', 'process', 'knowledge_concentration', 'capacity', 'third_party', 'communication', 'change_management', 'technical_debt',
  ]);
  assert.deepEqual(edits(`${ID}contributing_factors:\n  monitoring: { score: 2, ‸ }\n`), [['notes', 'notes: ', 26, 26]]);
});

test('owners: known owners, quoted when YAML would not read them back as the same text', () => {
  assert.deepEqual(edits(`${ID}action_items:\n  - action: Add an alert\n    owner: ‸\n`), [
    ['Priya Natarajan', 'Priya Natarajan', 11, 11],
    ['@ops-team', '"@ops-team"', 11, 11],
    ['database-platform', 'database-platform', 11, 11],
  ]);
  // Filtered by what is typed (the characters in order, any case); the range covers it.
  assert.deepEqual(edits(`${ID}action_items:\n  - owner: pn‸\n`), [['Priya Natarajan', 'Priya Natarajan', 11, 13]]);
  // Inside quotes the name is escaped for them and no quotes are added.
  assert.deepEqual(edits(`${ID}action_items:\n  - owner: "@o‸"\n`), [['@ops-team', '@ops-team', 12, 14]]);
  const [item] = complete(`${ID}action_items:\n  - owner: Pri‸\n`).items;
  assert.equal(item.kind, CompletionItemKind.Value);
  assert.equal(item.detail, 'Known in this repository');
});

test('owners already named in this document are offered too, after the known ones', () => {
  const source = `${ID}authors: [Ann Lee]\naction_items:\n  - action: x\n    owner: Bo Chen\n  - action: y\n    owner: ‸\n`;
  assert.deepEqual(labels(source, { owners: ['Priya Natarajan'], incidents: [] }), ['Priya Natarajan', 'Bo Chen', 'Ann Lee']);
});

test('authors are people too; one already listed is not offered again', () => {
  assert.deepEqual(labels(`${ID}authors: [Priya Natarajan, ‸]\n`), ['@ops-team', 'database-platform']);
  assert.deepEqual(labels(`${ID}authors:\n  - database-platform\n  - ‸\n`), ['Priya Natarajan', '@ops-team']);
});

test('related: other incidents newest first, with their title; not this one, not those already listed', () => {
  const items = complete(`${ID}related:\n  - INC-2023-05-02-003\n  - ‸\n`).items;
  assert.deepEqual(
    items.map((item) => [item.label, item.detail, item.kind, item.sortText]),
    [
      ['OPS-2022-01-01-001', '', CompletionItemKind.Reference, '00000'],
      ['INC-2023-07-01-002', 'Checkout latency', CompletionItemKind.Reference, '00001'],
    ],
  );
  assert.deepEqual(edits(`${ID}related: [INC-2023-07-01-002, INC‸]\n`), [['INC-2023-05-02-003', 'INC-2023-05-02-003', 30, 33]]);
  assert.deepEqual(edits(`${ID}related: [‸]\n`).map(([label]) => label), ['OPS-2022-01-01-001', 'INC-2023-07-01-002', 'INC-2023-05-02-003']);
});

test('related in a document whose own id is only readable from its line (the rest does not parse)', () => {
  assert.deepEqual(labels(`${ID}summary: [\nrelated:\n  - 0815‸\n`), ['INC-2023-08-15-001'].filter(() => false));
  assert.deepEqual(labels(`${ID}summary: [\nrelated:\n  - 0702‸\n`), ['INC-2023-07-01-002']);
});

test('many known incidents are cut at the cap, and the list says it is incomplete', () => {
  const incidents = Array.from({ length: MAX_COMPLETIONS + 50 }, (_, i) => ({ id: `INC-2024-01-01-${String(i).padStart(3, '0')}` }));
  const result = complete(`related:\n  - ‸\n`, { owners: [], incidents });
  assert.equal(result.items.length, MAX_COMPLETIONS);
  assert.equal(result.isIncomplete, true);
  assert.equal(result.items[0].label, 'INC-2024-01-01-249');
  // `249` is in order in every id whose number has a 9 (after the 2 and 4 of 2024).
  const narrowed = complete(`related:\n  - 249‸\n`, { owners: [], incidents });
  assert.equal(narrowed.isIncomplete, false);
  assert.equal(narrowed.items.length, incidents.filter((incident) => incident.id.slice(16).includes('9')).length);
  assert.equal(narrowed.items.length, 43);
});

test('nothing to complete: free text, unknown places, comments, block scalars', () => {
  assert.deepEqual(labels(`${ID}title: Out‸`), []);
  assert.deepEqual(labels(`${ID}summary:\n  start: ‸\n`), []);
  assert.deepEqual(labels(`${ID}nonsense:\n  ‸\n`), []);
  assert.deepEqual(labels(`${ID}constructor: ‸\n`), []);
  assert.deepEqual(labels(`${ID}status: draft   # or rev‸\n`), []);
  assert.deepEqual(labels(`${ID}summary:\n  description: |\n    sev‸\n`), []);
  assert.deepEqual(labels(`${ID}summary:\n  severity:‸\n`), []);
});

test('the text written for a value: plain when YAML reads it back as the same text, quoted otherwise', () => {
  const block = { quote: undefined, inFlow: false };
  const flow = { quote: undefined, inFlow: true };
  assert.equal(scalarText('Priya Natarajan', block), 'Priya Natarajan');
  assert.equal(scalarText('true', block), '"true"');
  assert.equal(scalarText('12', block), '"12"');
  assert.equal(scalarText('a: b', block), '"a: b"');
  assert.equal(scalarText('Lee, Ann', block), 'Lee, Ann');
  assert.equal(scalarText('Lee, Ann', flow), '"Lee, Ann"');
  assert.equal(scalarText('say "hi"', { quote: '"', inFlow: false }), 'say \\"hi\\"');
  assert.equal(scalarText("O'Brien", { quote: "'", inFlow: false }), "O''Brien");
});

test('completion never throws on hostile text', () => {
  const hostile = ['\u0000\u0001: \u0002', '- - - - - ‸', '{ [ { [', 'a: "unterminated', "'", '? complex\n: value', 'a: &x [1]\nb: *x', '\t\tkey: value'];
  for (const text of hostile) {
    const lines = text.split('\n').length;
    const parsed = parsePostmortem(text.replace('‸', ''));
    for (let line = 0; line <= lines; line++) {
      for (let character = 0; character <= 20; character++) {
        assert.doesNotThrow(() => completionsAt(parsed, { line, character }, SOURCES), `${JSON.stringify(text)} at ${line}:${character}`);
      }
    }
  }
});

test('a blank that triggered completion asks for a value, never for keys while indenting', () => {
  const at = (source: string): string[] => {
    const { text, position } = withCursor(source);
    return completionsAt(parsePostmortem(text), position, SOURCES, { triggerCharacter: ' ' }).items.map((item) => item.label);
  };
  assert.deepEqual(at(`${ID}summary:\n  ‸\n`), []);
  assert.deepEqual(at(`${ID}summary:\n  severity: ‸\n`), ['SEV-1', 'SEV-2', 'SEV-3']);
  assert.deepEqual(at(`${ID}action_items:\n  - ‸\n`), ['action', 'owner', 'deadline', 'priority', 'status', 'type', 'link', 'reason']);
  // Invoked by hand (no trigger character), the same indentation offers the keys.
  assert.deepEqual(labels(`${ID}summary:\n  ‸\n`), ['start', 'end', 'severity', 'impact', 'detection', 'description']);
});

test('under a list key, a line with no `-` yet starts an item: values or first keys, each written with `- `', () => {
  // `IN` matches the ids with those letters in order; the id already listed and this document's own are left out.
  assert.deepEqual(edits(`${ID}related:\n  - INC-2023-05-02-003\n  IN‸\n`), [['INC-2023-07-01-002', '- INC-2023-07-01-002', 2, 4]]);
  const [first] = complete(`${ID}related:\n  ‸\n`).items;
  assert.equal(first.filterText, 'OPS-2022-01-01-001');
  assert.equal(first.insertText, '- OPS-2022-01-01-001');
  assert.deepEqual(edits(`${ID}timeline:\n  ‸\n`), [
    ['at', '- at: ', 2, 2],
    ['event', '- event: ', 2, 2],
    ['kind', '- kind: ', 2, 2],
    ['source', '- source: ', 2, 2],
  ]);
  assert.deepEqual(edits(`${ID}authors:\n  ‸\n`).map(([, newText]) => newText), ['- Priya Natarajan', '- "@ops-team"', '- database-platform']);
  // At the key's own column, a key of the document is more likely than a compact list item.
  assert.equal(edits(`${ID}authors:\n‸\n`)[0][1], 'title: ');
});
