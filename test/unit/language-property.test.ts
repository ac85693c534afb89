import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Range } from 'vscode-languageserver-types';
import { parsePostmortem } from '../../src/core/parse';
import { completionsAt } from '../../src/language/completion';
import { definitionAt } from '../../src/language/definition';
import { documentLinks } from '../../src/language/documentLinks';
import { documentSymbols } from '../../src/language/documentSymbols';

/** Characters that matter to YAML and the words of a post-mortem, in any order: text as it is while being typed. */
const typing = fc
  .array(
    fc.oneof(
      fc.constantFrom(':', ': ', '- ', '-', ' ', '  ', '    ', '\n', '\r\n', '\r', '\t', '[', ']', '{', '}', ',', '"', "'", '\\', '#', '&a', '*a', '!!str ', '|', '>-', '? ', '---', '\u0000', '\u202e', '🔥'),
      fc.constantFrom('id', 'summary', 'severity', 'timeline', 'at', 'kind', 'related', 'action_items', 'owner', 'rfc', 'INC-2023-01-01-001', 'https://example.com/a', 'javascript:x', '__proto__', 'constructor'),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const SOURCES = { owners: ['Ann Lee', '@ops'], incidents: [{ id: 'INC-2023-01-01-001', title: 'T' }] };
const resolve = (id: string) => (id === 'INC-2023-01-01-001' ? { uri: 'file:///a.pm.yaml', range: { start: { line: 0, character: 4 }, end: { line: 0, character: 22 } } } : undefined);

/** Every edit replaces text on the cursor's line around the cursor, inside that line. */
function checkEdits(text: string, line: number, character: number, edits: Range[]): void {
  const lineLength = text.split(/\r\n|\r|\n/)[line]?.length ?? 0;
  for (const range of edits) {
    assert.equal(range.start.line, line);
    assert.equal(range.end.line, line);
    assert.ok(range.start.character <= Math.min(character, lineLength) && Math.min(character, lineLength) <= range.end.character, JSON.stringify({ range, character }));
    assert.ok(range.end.character <= lineLength);
  }
}

test('any text being typed, any position: the features return, and completion edits stay on the cursor line around the cursor', () => {
  fc.assert(
    fc.property(typing, fc.nat(20), fc.nat(40), (text, lineSeed, character) => {
      const parsed = parsePostmortem(text);
      const lineCount = text.split(/\r\n|\r|\n/).length;
      const line = lineSeed % lineCount;
      const completions = completionsAt(parsed, { line, character }, SOURCES);
      checkEdits(text, line, character, completions.items.map((item) => (item.textEdit as { range: Range }).range));
      documentSymbols(parsed);
      documentLinks(parsed, resolve);
      definitionAt(parsed, { line, character }, resolve);
    }),
    { numRuns: 1000 },
  );
});

test('hostile lines: long runs of blanks, quotes, colons, brackets and dashes are read in linear time', () => {
  const n = 50_000;
  const lines = [
    `a${' '.repeat(n)}b`,
    `a${' \t'.repeat(n / 2)}b`,
    `k: [${' '.repeat(n)}"x`,
    `k: [${' "",'.repeat(n / 4)}`,
    `- "${'\\"'.repeat(n / 2)}`,
    `a${':x'.repeat(n / 2)}`,
    `k: ${'['.repeat(n)}`,
    `k: ${'{a: '.repeat(n / 4)}`,
    `${'- '.repeat(n / 2)}x`,
    `"${'a'.repeat(n)}`,
  ];
  let elapsed = 0;
  for (const line of lines) {
    const parsed = parsePostmortem(`${line}\nsummary:\n  severity: SEV-1\n`);
    const started = performance.now();
    completionsAt(parsed, { line: 0, character: line.length }, SOURCES);
    completionsAt(parsed, { line: 0, character: Math.floor(line.length / 2) }, SOURCES);
    const below = completionsAt(parsed, { line: 2, character: 12 }, SOURCES).items.map((item) => item.label);
    elapsed += performance.now() - started;
    assert.deepEqual(below, ['SEV-1', 'SEV-2', 'SEV-3'], JSON.stringify(line.slice(0, 10)));
  }
  // Generous: quadratic work on one of these lines takes minutes; linear work, milliseconds per line.
  assert.ok(elapsed < 10_000, `${elapsed} ms`);
});
