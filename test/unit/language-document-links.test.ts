import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../src/core/parse';
import { definitionAt } from '../../src/language/definition';
import { documentLinks, incidentReferences, MAX_URL_LENGTH, safeHttpUrl, type IncidentTarget, type ResolveIncident } from '../../src/language/documentLinks';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

const KNOWN: Record<string, IncidentTarget> = {
  'INC-2023-05-02-003': { uri: 'file:///repo/postmortems/2023-05-02-orders.pm.yaml', range: range(0, 4, 22) },
  'INC-2023-06-01-001': { uri: 'file:///repo/postmortems/2023-06-01-cache.pm.yaml', range: range(2, 4, 22) },
};
const resolve: ResolveIncident = (id) => KNOWN[id];

const DOC = [
  'id: INC-2023-08-15-001', //                                           0
  'timeline:', //                                                        1
  '  - at: "10:00"', //                                                  2
  '    source: https://deploys.example.com/1234', //                     3
  'action_items:', //                                                    4
  '  - action: x', //                                                    5
  '    link: "https://tracker.example.com/OPS-123"', //                  6
  'recurrence_prevention:', //                                           7
  '  rfc: https://wiki.example.com/rfc/42   # the RFC', //              8
  'related: [INC-2023-05-02-003, "INC-2023-06-01-001", INC-2023-01-01-999]', // 9
  '',
].join('\n');

test('related ids open their files at the id; URL fields open their pages', () => {
  assert.deepEqual(documentLinks(parsePostmortem(DOC), resolve), [
    { range: range(9, 10, 28), target: 'file:///repo/postmortems/2023-05-02-orders.pm.yaml#L1,5', tooltip: 'Open INC-2023-05-02-003' },
    { range: range(9, 31, 49), target: 'file:///repo/postmortems/2023-06-01-cache.pm.yaml#L3,5', tooltip: 'Open INC-2023-06-01-001' },
    { range: range(3, 12, 44), target: 'https://deploys.example.com/1234' },
    { range: range(6, 11, 46), target: 'https://tracker.example.com/OPS-123' },
    { range: range(8, 7, 38), target: 'https://wiki.example.com/rfc/42' },
  ]);
});

test('a target that already has a fragment is kept as it is', () => {
  const links = documentLinks(parsePostmortem('related:\n  - INC-2023-05-02-003\n'), () => ({ uri: 'vscode-vfs://x/a.pm.yaml#frag', range: range(0, 0, 0) }));
  assert.deepEqual(links, [{ range: range(1, 4, 22), target: 'vscode-vfs://x/a.pm.yaml#frag', tooltip: 'Open INC-2023-05-02-003' }]);
});

test('hostile values are never linked', () => {
  const doc = [
    'recurrence_prevention:',
    '  rfc: javascript:alert(1)',
    'action_items:',
    '  - link: "https://example.com/\\u0000x"',
    '  - link: "https://exa\\u202emple.com/"',
    '  - link: "https://example.com/ a"',
    '  - link: data:text/html,<script>alert(1)</script>',
    '  - link: file:///etc/passwd',
    '  - link: https://',
    '  - link: |',
    '      https://example.com/block',
    '  - link: 42',
    'timeline:',
    '  - source: "  https://example.com/padded"',
    'related: ["INC-2023-05-02-003\\u0007", "../../etc/passwd", inc-2023-05-02-003]',
    'title: https://example.com/not-a-url-field',
  ].join('\n');
  assert.deepEqual(documentLinks(parsePostmortem(doc), () => KNOWN['INC-2023-05-02-003']), []);
});

test('only well-formed absolute http(s) URLs pass', () => {
  assert.equal(safeHttpUrl('https://example.com/a?b=c#d'), 'https://example.com/a?b=c#d');
  assert.equal(safeHttpUrl('HTTP://Example.COM'), 'http://example.com/');
  assert.equal(safeHttpUrl('https://user@example.com/'), 'https://user@example.com/');
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:x', 'ftp://example.com', 'https//example.com', 'https://', 'https:///path', '//example.com', 'https://exa mple.com', 'https://example.com/\u0085', 'https://example.com/\u2028', `https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`]) {
    assert.equal(safeHttpUrl(bad), undefined, JSON.stringify(bad));
  }
});

test('an id the workspace does not know is no link; one that is not an id is no reference', () => {
  assert.deepEqual(documentLinks(parsePostmortem('related: [INC-2023-01-01-999]\n'), resolve), []);
  assert.deepEqual(incidentReferences(parsePostmortem('related: [INC-2023-01-01-999, nope, 12, { a: b }, ""]\n')), [{ id: 'INC-2023-01-01-999', range: range(0, 10, 28) }]);
  assert.deepEqual(incidentReferences(parsePostmortem('related: INC-2023-01-01-999\n')), []);
  assert.deepEqual(incidentReferences(parsePostmortem('- related\n')), []);
});

test('go to definition from a related id, at its start, inside and just after it', () => {
  const parsed = parsePostmortem(DOC);
  const expected = { uri: 'file:///repo/postmortems/2023-05-02-orders.pm.yaml', range: range(0, 4, 22) };
  assert.deepEqual(definitionAt(parsed, { line: 9, character: 10 }, resolve), expected);
  assert.deepEqual(definitionAt(parsed, { line: 9, character: 20 }, resolve), expected);
  assert.deepEqual(definitionAt(parsed, { line: 9, character: 28 }, resolve), expected);
  assert.deepEqual(definitionAt(parsed, { line: 9, character: 40 }, resolve), { uri: 'file:///repo/postmortems/2023-06-01-cache.pm.yaml', range: range(2, 4, 22) });
});

test('no definition elsewhere: on the key, between ids, on an unknown id, on a URL, in a broken document', () => {
  const parsed = parsePostmortem(DOC);
  assert.equal(definitionAt(parsed, { line: 9, character: 3 }, resolve), undefined);
  assert.equal(definitionAt(parsed, { line: 9, character: 29 }, resolve), undefined);
  assert.equal(definitionAt(parsed, { line: 9, character: 60 }, resolve), undefined);
  assert.equal(definitionAt(parsed, { line: 8, character: 12 }, resolve), undefined);
  assert.equal(definitionAt(parsePostmortem('\u0000\u0001'), { line: 0, character: 0 }, resolve), undefined);
});

test('links survive a document that does not parse everywhere', () => {
  // The user is still typing the list: it has no closing bracket yet.
  assert.deepEqual(documentLinks(parsePostmortem('summary: x\nrelated: [INC-2023-05-02-003\n'), resolve), [
    { range: range(1, 10, 28), target: 'file:///repo/postmortems/2023-05-02-orders.pm.yaml#L1,5', tooltip: 'Open INC-2023-05-02-003' },
  ]);
  for (const text of ['', '{', 'related: *x', 'related: [[INC-2023-05-02-003]]', '\u0000', 'recurrence_prevention: [https://example.com]']) {
    assert.doesNotThrow(() => documentLinks(parsePostmortem(text), resolve), JSON.stringify(text));
  }
});
