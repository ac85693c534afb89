import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { PostmortemStore } from '../../../src/core/store';
import { duplicateId } from '../../../src/rules/duplicate-id';
import { assertRuleMetadataMatchesDocs } from './ruleTester';

function lintIn(files: Record<string, string>, file: string) {
  const store = new PostmortemStore();
  for (const [name, text] of Object.entries(files)) store.upsert(name, text);
  return lintText(files[file], { rules: [duplicateId], file, workspace: store, today: '2026-11-27' }).diagnostics.filter((d) => d.rule === 'duplicate-id');
}

const A = 'id: INC-2026-11-02-001   # first of the day\ntitle: Orders outage\n';
const B = '# copied from the orders outage\nid: "INC-2026-11-02-001"\ntitle: Checkout latency\n';
const C = 'id: INC-2026-11-02-002\ntitle: Checkout latency\n';

describe('PM117 duplicate-id', () => {
  it('id, slug and description match the docs page and the README table', () => assertRuleMetadataMatchesDocs(duplicateId));

  it('valid: distinct ids', () => {
    assert.deepEqual(lintIn({ 'a.pm.yaml': A, 'c.pm.yaml': C }, 'c.pm.yaml'), []);
    assert.deepEqual(lintIn({ 'a.pm.yaml': A, 'c.pm.yaml': C }, 'a.pm.yaml'), []);
  });

  it('valid: the file is not compared with its own index entry', () => {
    assert.deepEqual(lintIn({ 'a.pm.yaml': A }, 'a.pm.yaml'), []);
  });

  it('valid: without a workspace the rule does not run', () => {
    assert.deepEqual(lintText(A, { rules: [duplicateId], file: 'a.pm.yaml' }).diagnostics.filter((d) => d.rule === 'duplicate-id'), []);
  });

  it('invalid: an error in both files, each pointing at the other', () => {
    const files = { 'a.pm.yaml': A, 'b.pm.yaml': B };
    const inA = lintIn(files, 'a.pm.yaml');
    assert.equal(inA.length, 1);
    assert.equal(inA[0].severity, 'error');
    assert.deepEqual(inA[0].range, { start: { line: 0, character: 4 }, end: { line: 0, character: 22 } });
    assert.match(inA[0].message, /The id INC-2026-11-02-001 is also used by b\.pm\.yaml/);
    assert.deepEqual(inA[0].related, [
      { file: 'b.pm.yaml', range: { start: { line: 1, character: 4 }, end: { line: 1, character: 24 } }, message: 'INC-2026-11-02-001 is also the id of this post-mortem' },
    ]);

    const inB = lintIn(files, 'b.pm.yaml');
    assert.equal(inB.length, 1);
    assert.equal(inB[0].severity, 'error');
    assert.deepEqual(inB[0].range, { start: { line: 1, character: 4 }, end: { line: 1, character: 24 } });
    assert.equal(inB[0].related?.[0].file, 'a.pm.yaml');
    assert.deepEqual(inB[0].related?.[0].range, { start: { line: 0, character: 4 }, end: { line: 0, character: 22 } });
  });

  it('invalid: three files with one id: one diagnostic naming both others', () => {
    const files = { 'a.pm.yaml': A, 'b.pm.yaml': B, 'd.pm.yaml': A.replace('# first of the day', '') };
    const inA = lintIn(files, 'a.pm.yaml');
    assert.equal(inA.length, 1);
    assert.deepEqual(inA[0].related?.map((r) => r.file), ['b.pm.yaml', 'd.pm.yaml']);
  });

  it('the index updates: renaming the other id clears the error', () => {
    const store = new PostmortemStore();
    store.upsert('a.pm.yaml', A);
    store.upsert('b.pm.yaml', B);
    const lintA = () => lintText(A, { rules: [duplicateId], file: 'a.pm.yaml', workspace: store }).diagnostics.filter((d) => d.rule === 'duplicate-id');
    assert.equal(lintA().length, 1);
    store.upsert('b.pm.yaml', C);
    assert.equal(lintA().length, 0);
  });
});

describe('PM117 duplicate-id: many files with one id', () => {
  it('names three files and counts the rest; related information links the same three', () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 7; n++) files[`f${n}.pm.yaml`] = A;
    const [d, ...rest] = lintIn(files, 'f1.pm.yaml');
    assert.equal(rest.length, 0);
    assert.match(d.message, /^The id INC-2026-11-02-001 is also used by f2\.pm\.yaml, f3\.pm\.yaml, f4\.pm\.yaml and 3 more\. /);
    assert.deepEqual(d.related?.map((r) => r.file), ['f2.pm.yaml', 'f3.pm.yaml', 'f4.pm.yaml']);
  });

  it('the index follows removals and a plain list of entries works too', () => {
    const store = new PostmortemStore();
    store.upsert('a.pm.yaml', A);
    store.upsert('b.pm.yaml', B);
    const plain = { entries: () => store.entries() };
    const lintA = (workspace: typeof plain) => lintText(A, { rules: [duplicateId], file: 'a.pm.yaml', workspace }).diagnostics.filter((d) => d.rule === 'duplicate-id');
    assert.deepEqual(lintA(plain), lintA(store));
    assert.equal(lintA(store).length, 1);
    store.remove('b.pm.yaml');
    assert.equal(lintA(store).length, 0);
  });

  it('names and links the other files in path order, whatever order the index gives them in', () => {
    const files: Record<string, string> = { 'z.pm.yaml': A, 'c.pm.yaml': A, 'a.pm.yaml': A, 'm.pm.yaml': A };
    const [d] = lintIn(files, 'z.pm.yaml');
    assert.match(d.message, /is also used by a\.pm\.yaml, c\.pm\.yaml, m\.pm\.yaml\. /);
    assert.deepEqual(d.related?.map((r) => r.file), ['a.pm.yaml', 'c.pm.yaml', 'm.pm.yaml']);
  });

  it('an index entry without the id\'s location links the top of that file', () => {
    const workspace = { entries: () => [{ file: 'b.pm.yaml', doc: { id: ' INC-2026-11-02-001 ' } }] };
    const [d] = lintText(A, { rules: [duplicateId], file: 'a.pm.yaml', workspace }).diagnostics.filter((x) => x.rule === 'duplicate-id');
    assert.deepEqual(d.related, [
      { file: 'b.pm.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'INC-2026-11-02-001 is also the id of this post-mortem' },
    ]);
  });
});
