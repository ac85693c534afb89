// Workspace trust (Restricted Mode), against the real extension host.
//
// run-headless.mjs runs this file in two passes of its own, on a copy of the
// test workspace that it made a git repository whose only commit is by
// "qzxwren": one trusted (trust off), one where code-server keeps trust on and
// the folder opens in Restricted Mode (VS Code has no API to grant trust from
// here, so the grant itself is not exercised); trust/2026-04-20-certificate-renewal.pm.yaml says "forgotten by
// qzxwren", which the blame detector flags only when git's authors are in the
// roster. POSTMORTEM_E2E_TRUST (set by the runner) says which pass this is;
// elsewhere (the main pass, test:electron) both tests are skipped.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ours, waitFor, withRule, workspaceFile } from './helpers';

const FIXTURE = 'trust/2026-04-20-certificate-renewal.pm.yaml';
const pass = process.env.POSTMORTEM_E2E_TRUST;

suite('Workspace trust', () => {
  test('untrusted: the extension lints, but reads no repository people (no git log)', async function () {
    if (pass !== 'untrusted') this.skip();
    assert.equal(vscode.workspace.isTrusted, false, 'the folder opened in Restricted Mode');
    const uri = workspaceFile(FIXTURE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Linted: the schema finding (no summary) arrives, so the blame rule has run too.
    await waitFor('the schema diagnostic', () => (withRule(uri, 'schema').length > 0 ? true : undefined));
    assert.deepEqual(withRule(uri, 'blame-named-individual'), [], 'qzxwren is unknown while git is not run');
    assert.ok(ours(uri).length > 0);
  });

  test('trusted: the git author qzxwren is known, so the sentence is flagged', async function () {
    if (pass !== 'trusted') this.skip();
    assert.equal(vscode.workspace.isTrusted, true);
    const uri = workspaceFile(FIXTURE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const [blame] = await waitFor('the blame diagnostic', () => {
      const found = withRule(uri, 'blame-named-individual');
      return found.length > 0 ? found : undefined;
    });
    assert.match(blame.message, /"qzxwren" is named next to a mistake/);
  });
});
