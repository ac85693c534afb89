// Quick fixes, hovers and cross-file related information inside a real VS Code:
// the CodeActions built from the rules' fix data edit the document exactly as
// the core computes (comments and layout kept), and a repeat incident points
// at the earlier file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, expectedDeadlineFix, plainRange, waitFor, withRule, workspaceFile } from './helpers';

async function waitForRule(uri: vscode.Uri, rule: string, where?: (d: vscode.Diagnostic) => boolean): Promise<vscode.Diagnostic> {
  try {
    return await waitFor(`a ${rule} diagnostic`, () => withRule(uri, rule).find((d) => !where || where(d)));
  } catch (error) {
    // Say what was listed instead, and which text the editor holds: a stale finding and a stale text look alike.
    const listed = withRule(uri, rule).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    throw new Error(`${(error as Error).message}; listed: ${JSON.stringify(listed)}; document ${document ? `v${document.version}${document.isDirty ? ' dirty' : ''}, TODO-owner ${document.getText().includes('TODO-owner') ? 'present' : 'absent'}` : 'not open'}`);
  }
}

async function open(relativePath: string): Promise<{ uri: vscode.Uri; document: vscode.TextDocument }> {
  const uri = workspaceFile(relativePath);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return { uri, document };
}

async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

suite('quick fixes and rule docs', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  teardown(closeAllEditors);

  test('the missing-owner quick fix inserts `owner:` into the action item and keeps every comment', async () => {
    const { uri, document } = await open('codeActions/owner-missing.pm.yaml');
    const original = document.getText();
    const diagnostic = await waitForRule(uri, 'action-owner-missing');
    // "  - action: Add a per-job-type ...   # agreed in the review" (line 73): the item's first entry, without the comment.
    assert.deepEqual(plainRange(diagnostic.range), [72, 4, 72, 68]);

    const actions = await codeActionsAt(uri, diagnostic.range);
    const fix = actions.find((a) => a.title === 'Add "owner: TODO-owner"');
    assert.ok(fix, `expected the owner fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    // A placeholder owner needs a person's choice: offered, but not preferred.
    assert.notEqual(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix carries a WorkspaceEdit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);

    const itemBefore = '    priority: P1      # before the next backfill\n    status: open\n';
    assert.ok(original.includes(itemBefore));
    const expected = original.replace(itemBefore, `${itemBefore}    owner: TODO-owner\n`);
    assert.equal(document.getText(), expected);
    for (const comment of ['# Fixture for the quick-fix tests', '# agreed in the review', '# before the next backfill']) {
      assert.ok(document.getText().includes(comment), `comment kept: ${comment}`);
    }
    // The placeholder is still flagged, now on the value, so the question stays open until a person answers it.
    const after = await waitForRule(uri, 'action-owner-missing', (d) => /placeholder/.test(d.message));
    assert.deepEqual(plainRange(after.range), [76, 11, 76, 21]);
  });

  test('the missing-deadline fix is preferred (safe) and inserts the latest date the priority allows', async () => {
    const { uri, document } = await open('codeActions/owner-missing.pm.yaml');
    // reviewed 2026-04-09 + 31 days for a P2; once that date has passed, the next business day after today (issue 10, item 5).
    const { date, title } = expectedDeadlineFix('2026-05-10', 'P2');
    // The previous test edited this file and teardown reverted it: until the server has linted the reverted
    // text, the listed diagnostic can be the edited text's, one line off. Ask again at the listed range
    // until it is the current one (the server answers for the document's current text).
    let actions: vscode.CodeAction[] = [];
    const deadline = Date.now() + 20_000;
    let fix: vscode.CodeAction | undefined;
    while (!fix && Date.now() < deadline) {
      const diagnostic = await waitForRule(uri, 'action-deadline-missing');
      actions = await codeActionsAt(uri, diagnostic.range);
      fix = actions.find((a) => a.title === title);
      if (!fix) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(fix, `expected the deadline fix among: ${actions.map((a) => a.title).join(' | ')}`);
    // (vscode.executeCodeActionProvider does not hand back an action's `diagnostics`, so they are not checked here.)
    assert.equal(fix.isPreferred, true);
    assert.equal(await vscode.workspace.applyEdit(fix.edit!), true);
    assert.ok(
      document.getText().includes(`    owner: Data platform team\n    priority: P2\n    status: open\n    deadline: ${date}\n\nrecurrence_prevention:`),
      document.getText().slice(-400),
    );
    await waitFor('the deadline diagnostic to clear', () => (withRule(uri, 'action-deadline-missing').length === 0 ? true : undefined));
  });

  test('hovering a diagnostic adds the rule, its description and a link to its doc, not the message again', async () => {
    const { uri } = await open('codeActions/owner-missing.pm.yaml');
    // An earlier test fixed this file without saving; until the reverted text is linted again, the stale
    // placeholder finding (which has no fix) can still be listed: wait for the missing-owner one.
    const diagnostic = await waitForRule(uri, 'action-owner-missing', (d) => !/placeholder/.test(d.message));
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, diagnostic.range.start.translate(0, 3))) ?? [];
    const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    const ours = texts.find((t) => t.includes('docs/rules/action-owner-missing.md'));
    assert.ok(ours, `expected a hover linking the rule doc, got:\n${texts.join('\n---\n')}`);
    assert.ok(ours.includes('**PM101** `action-owner-missing`: Every action item needs an owner: a person or a team.'), ours);
    assert.ok(ours.includes('Quick fix: Add "owner: TODO-owner"'), ours);
    assert.ok(ours.includes('[Learn about action-owner-missing]('));
    // VS Code's own problem hover shows the message; ours must not repeat it.
    assert.ok(!ours.includes(diagnostic.message), ours);
  });

  test('a fix with a guidance link becomes a "Learn about" action after the edits, opening the rule doc', async () => {
    const { uri } = await open('codeActions/blame-sentence.pm.yaml');
    const diagnostic = await waitForRule(uri, 'blame-named-individual');
    const actions = await codeActionsAt(uri, diagnostic.range);
    const titles = actions.map((a) => a.title);
    const learn = titles.indexOf('Learn about blame-named-individual');
    assert.ok(learn >= 0, `expected a Learn action among: ${titles.join(' | ')}`);
    assert.equal(titles.filter((t) => t === 'Learn about blame-named-individual').length, 1);
    assert.ok(titles.slice(0, learn).some((t) => t.startsWith('Replace "Dana Okafor"')), 'the edits come first');
    const command = actions[learn].command;
    assert.equal(command?.command, 'postmortem.openRuleDoc');
    const target = vscode.Uri.parse(String(command?.arguments?.[0]));
    assert.ok(target.path.endsWith('/docs/rules/blame-named-individual.md'), target.toString());
    // The target is a real page of the installed extension.
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(page, /^# PM001 `blame-named-individual`/);
    // Running the action's command shows the page (rendered, as a Markdown preview tab).
    await vscode.commands.executeCommand(command!.command, ...(command!.arguments ?? []));
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
    await waitFor('a tab showing the rule doc', () => (tabs().some((label) => label.includes('blame-named-individual.md')) ? true : undefined));
  });

  test('a repeat incident carries related information pointing at the earlier file\'s category', async () => {
    const { uri } = await open('codeActions/2026-02-09-ledger-timeouts-again.pm.yaml');
    const diagnostic = await waitForRule(uri, 'repeat-incident');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(plainRange(diagnostic.range), [37, 12, 37, 20]);
    assert.match(diagnostic.message, /^`[a-z_]+` was already the root cause of .*\. Same root cause twice = systemic failure/);
    assert.match(diagnostic.message, /INC-2026-01-05-001 \(ledger-db; 1 of its action items is still open\)/);
    const related = diagnostic.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.ok(related[0].location.uri.path.endsWith('/codeActions/2026-01-05-ledger-timeouts.pm.yaml'), related[0].location.uri.toString());
    assert.deepEqual(plainRange(related[0].location.range), [37, 12, 37, 20]);
    assert.match(related[0].message, /Earlier incident INC-2026-01-05-001/);
  });

  test('editing the earlier incident\'s category updates the later one without reopening it', async () => {
    const later = await open('codeActions/2026-02-09-ledger-timeouts-again.pm.yaml');
    await waitForRule(later.uri, 'repeat-incident');
    const earlier = await open('codeActions/2026-01-05-ledger-timeouts.pm.yaml');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(earlier.uri, new vscode.Range(37, 12, 37, 20), 'technical_debt');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitFor('the repeat-incident warning to clear', () => (withRule(later.uri, 'repeat-incident').length === 0 ? true : undefined));
  });
});
