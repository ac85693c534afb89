// The fixes' text edits (src/rules/shared/yamlEdits.ts), each pinned to the whole text it produces.
// test/unit/fix-property.test.ts checks the same helpers through the rules, by properties (the
// value reads back, comments survive); these cases pin the exact bytes, so a changed indentation,
// separator, quote or line break is seen here first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/fix';
import { parsePostmortem, type Path } from '../../src/core/parse';
import type { TextEdit } from '../../src/core/types';
import { insertKeyEdit, insertKeysEdit, replaceScalarEdit } from '../../src/rules/shared/yamlEdits';

/** The text after the edit, or undefined when the helper gives none. */
function edited(text: string, edit: (parsed: ReturnType<typeof parsePostmortem>) => TextEdit | undefined): string | undefined {
  const result = edit(parsePostmortem(text));
  return result ? applyEdits(text, [result]) : undefined;
}

const withOwner = (text: string, path: Path = ['a']): string | undefined => edited(text, (p) => insertKeyEdit(p, path, 'owner', 'TBD'));

describe('insertKeyEdit', () => {
  const table: Array<[string, string, string | undefined]> = [
    ['a flow mapping gets ", key: value" after its last value', 'a: {x: 1}\n', 'a: {x: 1, owner: TBD}\n'],
    ['an empty flow mapping gets the pair inside its braces', 'a: {}\n', 'a: { owner: TBD }\n'],
    ['a flow mapping whose last entry is a bare key', 'a: {x}\n', 'a: {x, owner: TBD}\n'],
    ['a block mapping gets a line at its keys\' indentation, after the trailing comment', 'a:\n  x: 1   # c\nb: 2\n', 'a:\n  x: 1   # c\n  owner: TBD\nb: 2\n'],
    ['a CRLF file gets a CRLF line', 'a:\r\n  x: 1\r\n', 'a:\r\n  x: 1\r\n  owner: TBD\r\n'],
    ['a lone-CR file gets a CR line', 'a:\r  x: 1\r', 'a:\r  x: 1\r  owner: TBD\r'],
    ['a mapping ending in nested collections: after their last scalar, before the blank line', 'a:\n  x:\n    - 1\n    - y: 2\n\nb: 2\n', 'a:\n  x:\n    - 1\n    - y: 2\n  owner: TBD\n\nb: 2\n'],
    ['a last value kept with its blank lines (|+): after them', 'a:\n  x: |+\n    t\n\n\nb: 2\n', 'a:\n  x: |+\n    t\n\n\n  owner: TBD\nb: 2\n'],
    ['|2+ keeps its blank lines too', 'a:\n  x: |2+\n    t\n\nb: 2\n', 'a:\n  x: |2+\n    t\n\n  owner: TBD\nb: 2\n'],
    ['|+2 keeps its blank lines too', 'a:\n  x: >+2\n    t\n\nb: 2\n', 'a:\n  x: >+2\n    t\n\n  owner: TBD\nb: 2\n'],
    ['a clipped last value (|): right after its content line', 'a:\n  x: |\n    t\n\n\nb: 2\n', 'a:\n  x: |\n    t\n  owner: TBD\n\n\nb: 2\n'],
    ['a key with no value is filled after its colon', 'a:\n  owner:\n  x: 1\n', 'a:\n  owner: TBD\n  x: 1\n'],
    ['an empty string is replaced', 'a:\n  owner: ""\n  x: 1\n', 'a:\n  owner: TBD\n  x: 1\n'],
    ['a null is replaced', 'a:\n  owner: ~\n  x: 1\n', 'a:\n  owner: TBD\n  x: 1\n'],
    ['an empty block scalar keeps its comment and line break', 'a:\n  owner: |  # c\n  x: 1\n', 'a:\n  owner: TBD  # c\n  x: 1\n'],
    ['an empty block scalar with a chomping indicator', 'a:\n  owner: >-\n  x: 1\n', 'a:\n  owner: TBD\n  x: 1\n'],
    ['a key followed by spaces before its colon is filled after the colon', 'a:\n  owner   :\n  x: 1\n', 'a:\n  owner   : TBD\n  x: 1\n'],
    ['a clipped last value at the end of the file: before its blank lines', 'a:\n  x: |\n    t\n\n\n', 'a:\n  x: |\n    t\n  owner: TBD\n\n\n'],
    // Its range ends after the more-indented spaces-only line; a kept value would be appended after that line.
    ['a clipped value whose text holds "|+" is not a kept one', 'a:\n  x: |\n    t |+\n      \nb: 2\n', 'a:\n  x: |\n    t |+\n  owner: TBD\n      \nb: 2\n'],
    ['a kept last value that ends the file without a line break: on a new line', 'a:\n  x: |+\n    t', 'a:\n  x: |+\n    t\n  owner: TBD'],
    // The next colon is another key's: writing after it would turn `x: 1` into `x: TBD 1`.
    ['a flow key without a value: no edit', 'a: {owner, x: 1}\n', undefined],
    ['an explicit key without a value: no edit', 'a:\n  ? owner\n  x: 1\n', undefined],
    ['a key that has a value: no edit', 'a:\n  owner: me\n', undefined],
    ['a key whose value is a mapping: no edit', 'a:\n  owner: {}\n', undefined],
    ['not a mapping: no edit', 'a: [1]\n', undefined],
    ['no node at the path: no edit', 'b: 1\n', undefined],
  ];
  for (const [name, text, expected] of table) it(name, () => assert.equal(withOwner(text), expected));

  it('a file without any line break gets a line feed', () => {
    assert.equal(edited('x: 1', (p) => insertKeyEdit(p, [], 'owner', 'TBD')), 'x: 1\nowner: TBD');
  });

  it('appends to the mapping at the path, not to the first one', () => {
    assert.equal(withOwner('a:\n  x: 1\nb:\n  - y: 2\n    z: 3\n', ['b', 0]), 'a:\n  x: 1\nb:\n  - y: 2\n    z: 3\n    owner: TBD\n');
  });
});

describe('insertKeysEdit', () => {
  const withKeys = (text: string, entries: Array<[string, string]>): string | undefined => edited(text, (p) => insertKeysEdit(p, ['a'], entries));

  it('adds the keys not there yet, in order, in one edit', () => {
    assert.equal(withKeys('a:\n  x: 1\n', [['x', '0'], ['y', '0'], ['z', '0']]), 'a:\n  x: 1\n  y: 0\n  z: 0\n');
  });
  it('in a flow mapping, as one comma-separated run', () => {
    assert.equal(withKeys('a: {x: 1}\n', [['y', '0'], ['z', '0']]), 'a: {x: 1, y: 0, z: 0}\n');
    assert.equal(withKeys('a: {}\n', [['y', '0'], ['z', '0']]), 'a: { y: 0, z: 0 }\n');
  });
  it('after the blank lines of a kept block scalar, each key on its own line', () => {
    assert.equal(withKeys('a:\n  x: |+\n    t\n\nb: 2\n', [['y', '0'], ['z', '0']]), 'a:\n  x: |+\n    t\n\n  y: 0\n  z: 0\nb: 2\n');
  });
  it('no edit when every key is there, or when the path is not a mapping', () => {
    assert.equal(withKeys('a:\n  x: 1\n', [['x', '0']]), undefined);
    assert.equal(withKeys('a: 1\n', [['x', '0']]), undefined);
  });
});

describe('replaceScalarEdit', () => {
  const replaced = (text: string, value: string): string | undefined => edited(text, (p) => replaceScalarEdit(p, ['k'], value));
  const table: Array<[string, string, string, string | undefined]> = [
    ['plain stays plain when it reads back the same', 'k: old\n', 'plain text', 'k: plain text\n'],
    ['every character plain allows after the first', 'k: old\n', 'v1.2_x/y@z+w-q', 'k: v1.2_x/y@z+w-q\n'],
    ['single quotes stay single, a quote doubled', "k: 'old'\n", "it's", "k: 'it''s'\n"],
    ['single quotes keep a value plain would misread', "k: 'old'\n", 'true', "k: 'true'\n"],
    ['single quotes cannot hold a line feed: double quotes', "k: 'old'\n", 'two\nlines', 'k: "two\\nlines"\n'],
    ['single quotes cannot hold a carriage return: double quotes', "k: 'old'\n", 'two\rlines', 'k: "two\\rlines"\n'],
    ['double quotes stay double, even for a plain value', 'k: "old"\n', 'plain', 'k: "plain"\n'],
    ['a folded block scalar keeps its style', 'k: >-\n  old\n', 'new text', 'k: >-\n  new text\n'],
    ['a literal block keeps its comment, its chomping becomes strip', 'k: |  # c\n  old\n\n', 'new', 'k: |-  # c\n  new\n\n'],
    ['a kept block scalar: every content line replaced, the blank lines after it stay', 'k: >+\n  old\n  more\n\nn: 1\n', 'new', 'k: >-\n  new\n\nn: 1\n'],
    ['a CRLF block scalar keeps its indentation and line breaks', 'k: |\r\n    old\r\nn: 1\r\n', 'new', 'k: |-\r\n    new\r\nn: 1\r\n'],
    ['a block scalar cannot take a line feed in place', 'k: |\n  old\n', 'two\nlines', undefined],
    ['a block scalar cannot take a carriage return in place', 'k: |\n  old\n', 'two\rlines', undefined],
    ['a block scalar cannot take a leading space in place', 'k: |\n  old\n', ' x', undefined],
    ['a block scalar cannot take an empty value in place', 'k: |\n  old\n', '', undefined],
    ['a block scalar with an indentation indicator is left alone', 'k: |2\n  old\n', 'new', undefined],
    ['an indentation indicator after the chomping too', 'k: |-2\n  old\n', 'new', undefined],
    ['a block scalar without content is left alone', 'k: |\nn: 1\n', 'new', undefined],
    ['a block scalar header that ends the file is left alone', 'k: >', 'new', undefined],
    ['no edit for a collection', 'k: [old]\n', 'new', undefined],
    ['no edit for a missing path', 'n: old\n', 'new', undefined],
  ];
  for (const [name, text, value, expected] of table) it(name, () => assert.equal(replaced(text, value), expected));

  it('plain becomes double-quoted when plain would read back as something else', () => {
    for (const value of ['true', '12', 'null', 'a: b', ' x', 'x ', '-x', "it's", 'a #b', '', 'two\nlines', 'é']) {
      assert.equal(replaced('k: old\n', value), `k: ${JSON.stringify(value)}\n`, JSON.stringify(value));
    }
  });
});
