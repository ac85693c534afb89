// The action-items status bar item inside a real VS Code: its count follows the
// post-mortems as action items are marked done. The extension host cannot see
// the status bar, so the test reads the item's text through the internal
// command `postmortem._statusText` (not contributed, not documented).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, workspaceFile } from './helpers';

const FIXTURE = 'postmortems/2026-05-10-search-index-stale.pm.yaml';
// The first item of the fixture is overdue (deadline 2026-05-19), the second is due in 2027.
const OVERDUE_ACTION = 'action: Restart dependent consumers in the offset-reset runbook';

interface Counts {
  open: number;
  overdue: number;
  text: string;
}

async function statusCounts(): Promise<Counts> {
  const text = await vscode.commands.executeCommand<string>('postmortem._statusText');
  const m = /^Action items: (\d+) open, (\d+) overdue$/.exec(text ?? '');
  assert.ok(m, `unexpected status bar text: ${JSON.stringify(text)}`);
  return { open: Number(m[1]), overdue: Number(m[2]), text: text! };
}

/** Polls until `predicate` holds (the index settles a little after an edit), or fails with the last value. */
async function waitForCounts(predicate: (c: Counts) => boolean, what: string, timeoutMs = 15_000): Promise<Counts> {
  const deadline = Date.now() + timeoutMs;
  let last: Counts | undefined;
  while (Date.now() < deadline) {
    last = await statusCounts();
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`status bar never showed ${what}; last: ${last?.text}`);
}

/** The range of the overdue item's status value, found line by line. */
function overdueStatusRange(text: string): vscode.Range {
  const lines = text.split(/\r?\n/);
  const item = lines.findIndex((l) => l.includes(OVERDUE_ACTION));
  assert.ok(item >= 0, 'the fixture has the overdue action item');
  for (let i = item + 1; i < lines.length && lines[i].startsWith('    '); i++) {
    const m = /^(    status: )(\S+)/.exec(lines[i]);
    if (m) return new vscode.Range(i, m[1].length, i, m[1].length + m[2].length);
  }
  assert.fail('the overdue action item has no status line');
}

async function setOverdueItemStatus(document: vscode.TextDocument, status: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, overdueStatusRange(document.getText()), status);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

suite('action-items status bar', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  test('counts open and overdue items of the workspace, and follows an item marked done and reopened', async () => {
    // The fixture contributes two open items, one of them overdue; other fixtures may add more.
    const before = await waitForCounts((c) => c.open >= 2 && c.overdue >= 1, 'the fixture’s items');

    const document = await vscode.workspace.openTextDocument(workspaceFile(FIXTURE));
    await vscode.window.showTextDocument(document);
    await setOverdueItemStatus(document, 'done');
    const done = await waitForCounts((c) => c.open === before.open - 1, `${before.open - 1} open`);
    assert.equal(done.overdue, before.overdue - 1, 'the done item was the overdue one');
    assert.equal(done.text, `Action items: ${before.open - 1} open, ${before.overdue - 1} overdue`);

    // Saved to disk, the count holds; reopened, it comes back.
    await document.save();
    await setOverdueItemStatus(document, 'open');
    const reopened = await waitForCounts((c) => c.open === before.open, `${before.open} open again`);
    assert.equal(reopened.overdue, before.overdue);
    await document.save();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('counts an item as done when the change only reaches the disk (file watcher)', async () => {
    const before = await waitForCounts((c) => c.open >= 2, 'the fixture’s items');
    const uri = workspaceFile(FIXTURE);
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const range = overdueStatusRange(original);
    const lines = original.split('\n');
    lines[range.start.line] = '    status: wont-do\n    reason: Replaced by the platform-wide consumer supervisor';
    const changed = lines.join('\n');
    assert.notEqual(changed, original);
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(changed));
      const after = await waitForCounts((c) => c.open === before.open - 1, `${before.open - 1} open after the write`);
      assert.equal(after.overdue, before.overdue - 1);
    } finally {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    }
    await waitForCounts((c) => c.open === before.open, 'the count restored');
  });

  test('a post-mortem written under node_modules is not counted (the first scan skips that folder, so the watcher must too)', async () => {
    const before = await waitForCounts((c) => c.open >= 2, 'the fixture’s items');
    const fixture = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(FIXTURE)));
    const withId = (id: string): string => fixture.replace(/^id: .*$/m, `id: ${id}`);
    const dependency = workspaceFile('node_modules/some-package/postmortems/vendored.pm.yaml');
    const ours = workspaceFile('postmortems/2026-05-11-written-after.pm.yaml');
    try {
      // Two open items in the dependency's copy, one in ours: an odd increase means ours is in.
      await vscode.workspace.fs.writeFile(dependency, new TextEncoder().encode(withId('INC-2026-05-11-901')));
      await vscode.workspace.fs.writeFile(ours, new TextEncoder().encode(withId('INC-2026-05-11-902').replace('status: open', 'status: done')));
      await waitForCounts((c) => (c.open - before.open) % 2 === 1, 'the post-mortem written outside node_modules');
      // The dependency's file was written first; give its watcher event time to arrive if it ever would.
      await new Promise((r) => setTimeout(r, 1000));
      await vscode.commands.executeCommand('postmortem._statusText', { refresh: true });
      assert.equal((await statusCounts()).open, before.open + 1, 'only the post-mortem outside node_modules counts');
    } finally {
      await vscode.workspace.fs.delete(ours);
      await vscode.workspace.fs.delete(workspaceFile('node_modules'), { recursive: true });
    }
    await waitForCounts((c) => c.open === before.open, 'the count restored');
  });

  test('the quarterly review and the action-item list are commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['postmortem.quarterlyReview', 'postmortem.showActionItems', 'postmortem.refreshTree']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
    await vscode.commands.executeCommand('postmortem.quarterlyReview');
    // The tab model reaches the extension host from the workbench a moment after the panel exists.
    const findTab = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('postmortem.review'));
    const until = Date.now() + 10_000;
    while (!findTab() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const review = findTab();
    assert.ok(review, `no review tab among ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    assert.equal(review.label, 'Quarterly Review');
    await vscode.window.tabGroups.close(review);
  });
});
