// Property-based tests: whatever the text, lint returns (never throws) and
// every range lies inside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lintText } from '../../src/core/lint';
import type { Diagnostic, Position } from '../../src/core/types';

const VALID = readFileSync(join(__dirname, '../fixtures/valid.pm.yaml'), 'utf8');
const TODAY = '2026-11-27';

/** The lines the editor shows (the BOM is not part of the text; \r\n, \r and \n break lines). */
function editorLines(input: string): string[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return text.split(/\r\n|\r|\n/);
}

function assertInside(input: string, diagnostics: readonly Diagnostic[]): void {
  const lines = editorLines(input);
  const inside = (p: Position, what: string): void => {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what} is integral`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}.line ${p.line} < ${lines.length}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}.character ${p.character} <= ${lines[p.line].length}`);
  };
  for (const d of diagnostics) {
    inside(d.range.start, 'start');
    inside(d.range.end, 'end');
    const ordered = d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character);
    assert.ok(ordered, `start <= end in ${JSON.stringify(d.range)}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
    // A rule that throws is caught by the linter and shown as a hint; that is still a bug.
    assert.doesNotMatch(d.message, /could not finish on this document/, d.message);
  }
}

function lintChecked(text: string): void {
  let diagnostics: Diagnostic[] = [];
  assert.doesNotThrow(() => {
    diagnostics = lintText(text, { today: TODAY }).diagnostics;
  });
  assertInside(text, diagnostics);
}

/** Characters that matter to YAML, line breaks of every kind, and text that is not ASCII. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(':', ': ', '- ', '-', ' ', '  ', '\n', '\r\n', '\r', '\t', '[', ']', '{', '}', ',', '"', "'", '\\', '#', '&a', '*a', '!', '|', '>', '?', '%', '@', '`', '---', '...', '\ufeff', '🔥', '火', 'e\u0301', '\u0000'),
      fc.constantFrom('id', 'summary', 'severity', 'start', 'timeline', 'at', 'kind', 'SEV-1', '2026-02-30', '10:25', 'true', 'null', '~', '1.5', '-3'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

test('any string: lint returns and every range is inside the document', () => {
  fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'grapheme' }), lintChecked), { numRuns: 300 });
  fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), lintChecked), { numRuns: 300 });
});

test('any YAML-like text: lint returns and every range is inside the document', () => {
  fc.assert(fc.property(yamlish, lintChecked), { numRuns: 500 });
});

/** Random insertions, deletions and replacements in the valid fixture. */
const mutation = fc.array(
  fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 12 }),
    insert: fc.oneof(fc.constantFrom('', ' ', '\n', ':', '- ', '"', '[', '{', '#', '\t', '  ', '\r\n', '*x', '&x ', '🔥', 'SEV-9', '2026-02-30'), fc.string({ maxLength: 8 })),
  }),
  { minLength: 1, maxLength: 6 },
);

function mutate(text: string, edits: readonly { at: number; remove: number; insert: string }[]): string {
  let out = text;
  for (const edit of edits) {
    const at = edit.at % (out.length + 1);
    out = out.slice(0, at) + edit.insert + out.slice(at + edit.remove);
  }
  return out;
}

test('mutations of a valid post-mortem: lint returns and every range is inside the document', () => {
  fc.assert(
    fc.property(mutation, (edits) => lintChecked(mutate(VALID, edits))),
    { numRuns: 400 },
  );
});

test('mutations of a valid post-mortem with CRLF line breaks', () => {
  const crlf = VALID.replace(/\n/g, '\r\n');
  fc.assert(
    fc.property(mutation, (edits) => lintChecked(mutate(crlf, edits))),
    { numRuns: 200 },
  );
});

test('a mutation that changes one value is reported at that line', () => {
  // Replacing the severity with any text that is not a severity yields a schema error on line 11.
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/).filter((s) => !['SEV-1', 'SEV-2', 'SEV-3'].includes(s) && !/^(true|false|null|yes|no|on|off|nan|inf)$/i.test(s)), (value) => {
      const text = VALID.replace('severity: SEV-2', `severity: ${value}`);
      const schema = lintText(text, { today: TODAY, rules: [] }).diagnostics.filter((d) => d.rule === 'schema');
      assert.equal(schema.length, 1, JSON.stringify(schema));
      assert.deepEqual(schema[0].range, { start: { line: 11, character: 12 }, end: { line: 11, character: 12 + value.length } });
    }),
    { numRuns: 200 },
  );
});
