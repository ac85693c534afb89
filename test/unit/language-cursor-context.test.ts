import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { LineIndex } from '../../src/core/lines';
import { cursorContext, type CursorContext } from '../../src/language/cursorContext';
import { withCursor } from '../lib/cursor';

function contextOf(source: string): CursorContext | undefined {
  const { text, position } = withCursor(source);
  return cursorContext(new LineIndex(text), position);
}

/** The parts a test compares: paths, the replaced columns on the cursor's line, what is typed and present. */
function summary(context: CursorContext | undefined): unknown {
  if (!context) return undefined;
  return {
    mappingPath: context.mappingPath,
    valuePath: context.valuePath,
    replace: [context.replace.start.character, context.replace.end.character],
    typed: context.typed,
    presentKeys: [...context.presentKeys].sort(),
    presentValues: [...context.presentValues],
    colonFollows: context.colonFollows,
    quote: context.quote,
    inFlow: context.inFlow,
  };
}

const key = (mappingPath: unknown[], replace: [number, number], typed: string, presentKeys: string[] = [], extra: object = {}): unknown => ({
  mappingPath,
  valuePath: undefined,
  replace,
  typed,
  presentKeys,
  presentValues: [],
  colonFollows: false,
  quote: undefined,
  inFlow: false,
  ...extra,
});

const value = (valuePath: unknown[], replace: [number, number], typed: string, extra: object = {}): unknown => ({
  mappingPath: undefined,
  valuePath,
  replace,
  typed,
  presentKeys: [],
  presentValues: [],
  colonFollows: false,
  quote: undefined,
  inFlow: false,
  ...extra,
});

test('a half-typed top-level key: its mapping is the document; keys written above and below are present', () => {
  assert.deepEqual(summary(contextOf('id: INC-2023-08-15-001\nsta‸\ntitle: x\n')), key([], [0, 3], 'sta', ['id', 'title']));
});

test('a half-typed key inside a section, with the section not parsing because of it', () => {
  const source = 'summary:\n  start: 2023-08-15T10:00:00Z\n  sev‸\n  end: 2023-08-15T11:00:00Z\ntimeline: []\n';
  assert.deepEqual(summary(contextOf(source)), key(['summary'], [2, 5], 'sev', ['end', 'start']));
});

test('an empty line: the cursor column says which mapping the key joins', () => {
  const source = 'summary:\n  impact:\n    users_affected: all\n‸\n';
  assert.deepEqual(summary(contextOf(source)), key([], [0, 0], '', ['summary']));
  assert.deepEqual(summary(contextOf('summary:\n  impact:\n    users_affected: all\n  ‸\n')), key(['summary'], [2, 2], '', ['impact']));
  assert.deepEqual(summary(contextOf('summary:\n  impact:\n    users_affected: all\n    ‸\n')), key(['summary', 'impact'], [4, 4], '', ['users_affected']));
});

test('an empty value after `key: `, and a partial one', () => {
  assert.deepEqual(summary(contextOf('summary:\n  severity: ‸\n')), value(['summary', 'severity'], [12, 12], ''));
  assert.deepEqual(summary(contextOf('summary:\n  severity: SE‸\n')), value(['summary', 'severity'], [12, 14], 'SE'));
  // The rest of the value after the cursor is replaced too; a comment is not.
  assert.deepEqual(summary(contextOf('summary:\n  severity: SE‸V-9   # wrong\n')), value(['summary', 'severity'], [12, 17], 'SE'));
});

test('no context right after a colon, in a comment, after a closed quote, or on a tag or alias', () => {
  assert.equal(contextOf('status:‸\n'), undefined);
  assert.equal(contextOf('status: draft # dr‸\n'), undefined);
  assert.equal(contextOf('# sta‸\n'), undefined);
  assert.equal(contextOf('status: "draft" ‸\n'), undefined);
  assert.equal(contextOf('status: !!str ‸\n'), undefined);
  assert.equal(contextOf('status: *a‸\n'), undefined);
  assert.equal(contextOf('‸status: draft\n'), undefined);
});

test('a new `- ` list item can be a mapping key or a scalar value; its index counts the items above', () => {
  const source = 'timeline:\n  - at: "10:00"\n    kind: alert\n  - ‸\n';
  assert.deepEqual(summary(contextOf(source)), { ...(key(['timeline', 1], [4, 4], '') as object), valuePath: ['timeline', 1] });
  // Compact lists at the key's own column, as YAML allows.
  assert.deepEqual(summary(contextOf('timeline:\n- at: "10:00"\n- ev‸\n')), { ...(key(['timeline', 1], [2, 4], 'ev') as object), valuePath: ['timeline', 1] });
});

test('the second key of a list item: keys of that item only, above and below the cursor', () => {
  const source = 'timeline:\n  - at: "10:00"\n    kind: alert\n  - at: "10:05"\n    ‸\n    event: Restarted\n  - at: "10:09"\n    source: https://x.example\n';
  assert.deepEqual(summary(contextOf(source)), key(['timeline', 1], [4, 4], '', ['at', 'event']));
});

test('values of a key inside a list item', () => {
  assert.deepEqual(summary(contextOf('action_items:\n  - action: Add an alert\n    priority: P‸\n')), value(['action_items', 0, 'priority'], [14, 15], 'P'));
  assert.deepEqual(summary(contextOf('action_items:\n  - priority: ‸\n')), value(['action_items', 0, 'priority'], [14, 14], ''));
});

test('scalar list items: the values listed above and below are present, the one being typed is not', () => {
  const source = 'related:\n  - INC-2023-05-02-003\n  - "INC-2023-06-01-001"\n  - INC‸\n  - INC-2023-07-01-001 # later\n';
  assert.deepEqual(summary(contextOf(source)), {
    ...(key(['related', 2], [4, 7], 'INC') as object),
    valuePath: ['related', 2],
    presentValues: ['INC-2023-05-02-003', 'INC-2023-06-01-001', 'INC-2023-07-01-001'],
  });
});

test('quoted values: the range starts after the quote and stops before the closing one', () => {
  assert.deepEqual(summary(contextOf('action_items:\n  - owner: "Pri‸\n')), value(['action_items', 0, 'owner'], [12, 15], 'Pri', { quote: '"' }));
  assert.deepEqual(summary(contextOf("action_items:\n  - owner: 'Pri‸ya'\n")), value(['action_items', 0, 'owner'], [12, 17], 'Pri', { quote: "'" }));
});

test('flow sequences on the cursor line: the index, the typed element and the other elements', () => {
  assert.deepEqual(summary(contextOf('related: [‸]\n')), value(['related', 0], [10, 10], '', { inFlow: true }));
  assert.deepEqual(
    summary(contextOf('related: [INC-2023-05-02-003, IN‸, INC-2023-07-01-001]\n')),
    value(['related', 1], [30, 32], 'IN', { inFlow: true, presentValues: ['INC-2023-05-02-003', 'INC-2023-07-01-001'] }),
  );
  assert.deepEqual(summary(contextOf('authors: ["Ann Lee", ‸\n')), value(['authors', 1], [21, 21], '', { inFlow: true, presentValues: ['Ann Lee'] }));
  assert.equal(contextOf('related: [a, b] ‸\n'), undefined);
});

test('flow mappings on the cursor line: a key (with the keys already written) or a value', () => {
  assert.deepEqual(
    summary(contextOf('contributing_factors:\n  monitoring: { score: 2, ‸ }\n')),
    key(['contributing_factors', 'monitoring'], [26, 26], '', ['score'], { inFlow: true }),
  );
  assert.deepEqual(
    summary(contextOf('contributing_factors:\n  monitoring: { no‸, score: 1 }\n')),
    key(['contributing_factors', 'monitoring'], [16, 18], 'no', ['score'], { inFlow: true }),
  );
  assert.deepEqual(summary(contextOf('contributing_factors:\n  monitoring: { score: ‸ }\n')), value(['contributing_factors', 'monitoring', 'score'], [23, 23], '', { inFlow: true }));
  assert.deepEqual(summary(contextOf('cost:\n  churn: { ltv: 3, probability: 0.‸\n')), value(['cost', 'churn', 'probability'], [32, 34], '0.', { inFlow: true }));
});

test('editing a key in place: a colon already follows it, and it is not counted as present', () => {
  assert.deepEqual(summary(contextOf('summary:\n  start: x\n  sev‸erity: SEV-1\n')), key(['summary'], [2, 10], 'sev', ['start'], { colonFollows: true }));
});

test('block scalars: their lines are text, and the keys after them are read again', () => {
  const source = 'summary:\n  description: |\n    What happened: a lot.\n    ‸\n';
  assert.equal(contextOf(source), undefined);
  assert.equal(contextOf('summary:\n  description: >-\n    some‸ text\n'), undefined);
  const after = 'summary:\n  description: |\n    key: not a key\n\n  ‸\n';
  assert.deepEqual(summary(contextOf(after)), key(['summary'], [2, 2], '', ['description']));
  const listItem = 'went_well:\n  - |\n    text: here\n  - ‸\n';
  assert.deepEqual(summary(contextOf(listItem)), { ...(key(['went_well', 1], [4, 4], '') as object), valuePath: ['went_well', 1] });
});

test('comments, document markers and CRLF line breaks do not disturb the path', () => {
  const source = '---\r\n# a comment: with a colon\r\nsummary:   # trailing\r\n  # severity: inside a comment\r\n  severity: ‸\r\n';
  assert.deepEqual(summary(contextOf(source)), value(['summary', 'severity'], [12, 12], ''));
  assert.deepEqual(summary(contextOf('summary:\n  sev‸\n')), key(['summary'], [2, 5], 'sev'));
});

test('quoted keys are keys', () => {
  assert.deepEqual(summary(contextOf('"summary":\n  \'start\': x\n  ‸\n')), key(['summary'], [2, 2], '', ['start']));
});

test('a lone `-` with no blank yet is no list item; a position outside the text is no context', () => {
  assert.equal(contextOf('timeline:\n  -‸\n'), undefined);
  assert.equal(cursorContext(new LineIndex('a: b\n'), { line: 7, character: 0 }), undefined);
  assert.equal(cursorContext(new LineIndex('a: b\n'), { line: -1, character: 0 }), undefined);
});

test('a cursor past the end of its line counts as at the end', () => {
  assert.deepEqual(summary(cursorContext(new LineIndex('summary:\n  sev\n'), { line: 1, character: 40 })), key(['summary'], [2, 5], 'sev'));
});

/** Every key of a block mapping in the document, with the YAML parser's path for it. */
function keysOfDocument(text: string): Array<{ path: Array<string | number>; keyStart: number; keyEnd: number; valueStart?: number }> {
  const document = parseDocument(text, { version: '1.2' });
  const found: Array<{ path: Array<string | number>; keyStart: number; keyEnd: number; valueStart?: number }> = [];
  const walk = (node: unknown, path: Array<string | number>): void => {
    if (isMap(node) && !node.flow) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        const value = pair.value;
        // A value the cursor can stand before on the key's own line: a one-line scalar, not a block scalar.
        const sameLine = isScalar(value) && value.range && !/\n/.test(text.slice(pair.key.range[1], value.range[0])) && !String(value.type).startsWith('BLOCK');
        found.push({ path: [...path, key], keyStart: pair.key.range[0], keyEnd: pair.key.range[1], valueStart: sameLine ? value.range![0] : undefined });
        walk(value, [...path, key]);
      }
    } else if (isSeq(node) && !node.flow) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    }
  };
  walk(document.contents, []);
  return found;
}

test('on every key of the examples, the path read from indentation is the YAML parser\'s', () => {
  const files = [
    ...readdirSync('examples/postmortems').map((name) => join('examples/postmortems', name)),
    ...readdirSync('examples/drafts').map((name) => join('examples/drafts', name)),
    'test/fixtures/valid.pm.yaml',
    'test/fixtures/format-page-example.yaml',
  ];
  let checked = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lines = new LineIndex(text);
    for (const { path, keyEnd, valueStart } of keysOfDocument(text)) {
      // At the end of the key (as if it were being typed): the key's mapping, with the colon following.
      const atKey = cursorContext(lines, lines.positionAt(keyEnd));
      assert.deepEqual(atKey?.mappingPath, path.slice(0, -1), `${file} key ${path.join('.')}`);
      assert.equal(atKey?.colonFollows, true, `${file} key ${path.join('.')}`);
      if (valueStart !== undefined) {
        const atValue = cursorContext(lines, lines.positionAt(valueStart));
        assert.deepEqual(atValue?.valuePath, path, `${file} value ${path.join('.')}`);
      }
      checked++;
    }
  }
  assert.ok(checked > 300, `${checked} keys checked`);
});
