import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, HoverRequest, type CodeAction, type TextDocumentEdit, type Diagnostic as LspDiagnostic, type Range, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, safeFixes } from '../../src/core/fix';
import { lintText } from '../../src/core/lint';
import { ruleHover } from '../../src/core/ruleHover';
import { DRAFT, DRAFT_NAME, tempWorkspace, TestClient } from './client';
import { DOCS_URI } from './expected';

describe('language server code actions and hover', () => {
  const workspace = tempWorkspace({ [`drafts/${DRAFT_NAME}`]: DRAFT });
  const uri = workspace.uri(`drafts/${DRAFT_NAME}`);
  let client: TestClient;
  let diagnostics: LspDiagnostic[];
  before(async () => {
    client = await TestClient.start(workspace.folderUri);
    await client.open(uri, DRAFT, 1);
    diagnostics = (await client.diagnostics(uri)).diagnostics;
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  const actionsAt = (range: Range, only?: string[]): Promise<CodeAction[]> =>
    client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics: diagnostics.filter((d) => overlaps(d.range, range)), only },
    }) as Promise<CodeAction[]>;

  it('offers each rule\'s quick fixes with their titles and edits, then the rule\'s doc', async () => {
    const marco = diagnostics.find((d) => d.code === 'blame-named-individual')!;
    const actions = await actionsAt(marco.range, ['quickfix']);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Replace "Marco" with "The on-call engineer"', 'Replace "Marco" with "An engineer"', 'Learn about blame-named-individual'],
    );
    const [first, , learn] = actions;
    assert.equal(first.kind, 'quickfix');
    // Not safe (a person chooses the wording): never preferred.
    assert.equal(first.isPreferred, undefined);
    assert.deepEqual(first.diagnostics, [marco]);
    assert.deepEqual(first.edit, {
      documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: marco.range, newText: 'The on-call engineer' }] }],
    });
    assert.deepEqual(learn.command, { title: 'Learn about blame-named-individual', command: 'postmortem.openRuleDoc', arguments: [`${DOCS_URI}/blame-named-individual.md`] });
    assert.equal(learn.edit, undefined);
  });

  it('prefers a safe fix that passes the check', async () => {
    const window = diagnostics.find((d) => d.code === 'action-deadline-window')!;
    const actions = await actionsAt(window.range, ['quickfix']);
    const fix = actions.find((a) => a.title.startsWith('Set the deadline to 2026-11-30'));
    assert.ok(fix, actions.map((a) => a.title).join('\n'));
    assert.equal(fix.isPreferred, true);
    const edits = (fix.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    assert.deepEqual(edits.map((e) => e.newText), ['2026-11-30']);
  });

  it('gives no quick fix where no diagnostic has one', async () => {
    const order = diagnostics.find((d) => d.code === 'timeline-order')!;
    assert.deepEqual(await actionsAt(order.range, ['quickfix']), []);
  });

  it('source.fixAll.postmortem applies every safe fix at once, and the result parses', async () => {
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await actionsAt(whole, ['source.fixAll']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe post-mortem problems', 'source.fixAll.postmortem']]);
    const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, DRAFT), change.edits as TextEdit[]);
    // The same text `lint --fix` writes: every first safe fix of the core's findings.
    const core = lintText(DRAFT, { file: uri });
    assert.equal(fixed, applyEdits(DRAFT, safeFixes(core.diagnostics).flatMap((f) => f.edits)));
    assert.notEqual(fixed, DRAFT);
    const after = lintText(fixed, { file: uri });
    assert.equal(after.parsed.hasSyntaxErrors, false);
    assert.deepEqual(after.diagnostics.filter((d) => d.rule === 'yaml-syntax'), []);
    assert.equal(after.diagnostics.some((d) => d.rule === 'action-deadline-missing'), false);
    // Nothing safe is left to fix: a second fix-all would change nothing.
    assert.deepEqual(safeFixes(after.diagnostics), []);
  });

  it('asked for quick fixes only, offers no fix-all; asked for source actions only, no quick fix', async () => {
    const marco = diagnostics.find((d) => d.code === 'blame-named-individual')!;
    assert.equal((await actionsAt(marco.range, ['quickfix'])).some((a) => a.kind === 'source.fixAll.postmortem'), false);
    assert.deepEqual((await actionsAt(marco.range, ['source'])).map((a) => a.kind), ['source.fixAll.postmortem']);
    assert.deepEqual(await actionsAt(marco.range, ['refactor']), []);
  });

  it('hover shows the rule, its fixes and its doc link, as the extension does', async () => {
    const position = { line: 35, character: 13 };
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    const expected = ruleHover(lintText(DRAFT, { file: uri }).diagnostics, position, (slug) => `${DOCS_URI}/${slug}.md`)!;
    assert.deepEqual(hover, { contents: { kind: 'markdown', value: expected.markdown }, range: expected.range });
    assert.equal(
      expected.markdown,
      '**PM001** `blame-named-individual`: A person (name, @handle, e-mail) is named in the same sentence as a mistake.' +
        '\n\nQuick fixes: Replace "Marco" with "The on-call engineer"; Replace "Marco" with "An engineer"' +
        `\n\n[Learn about blame-named-individual](${DOCS_URI}/blame-named-individual.md)`,
    );
  });

  it('hover is empty where no rule reports', async () => {
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  });
});

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']): boolean => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
