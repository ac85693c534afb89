// Which open post-mortems an edit of another one re-lints, inside a real VS Code.
// A line inserted above a file's id and category moves the ranges other files'
// related information points at: those files (and only those) are linted again
// so their links follow. A changed category is a cross-file change: every open
// post-mortem is linted again, since any of them may become a repeat. The lints
// run in the language server; each one publishes the document's diagnostics, and
// every publish reaches the public `vscode.languages.onDidChangeDiagnostics`
// (the client sets the collection on every publish, changed or not; VS Code
// delivers the event 50 ms later, merged), which is what these tests count.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, waitFor, withRule, workspaceFile } from './helpers';

/** One lint's publish: the documents whose diagnostics the server sent. */
type LintEvent = { uris: readonly vscode.Uri[] };

const FOLDER = 'relint';

function postmortem(fields: { id: string; start: string; services: string; category: string }): string {
  return [
    `id: ${fields.id}`,
    'title: A fixture for cross-file re-lints',
    'status: draft',
    'authors: [Dana Okafor]',
    `services: [${fields.services}]`,
    '',
    'summary:',
    `  start: ${fields.start}`,
    '  severity: SEV-3',
    '  description: Writes timed out while the database ran at its connection limit.',
    '',
    'root_cause:',
    '  whys:',
    '    - Writes waited for database connections.',
    `  category: ${fields.category}`,
    '',
  ].join('\n');
}

// A is the earlier incident; B repeats it (same category, shares relint-db); C shares relint-db with another category.
const FILES = {
  a: postmortem({ id: 'INC-2026-07-01-001', start: '2026-07-01T10:00:00Z', services: 'relint-api, relint-db', category: 'capacity' }),
  b: postmortem({ id: 'INC-2026-07-08-001', start: '2026-07-08T10:00:00Z', services: 'relint-db', category: 'capacity' }),
  c: postmortem({ id: 'INC-2026-07-15-001', start: '2026-07-15T10:00:00Z', services: 'relint-db, relint-cache', category: 'third_party' }),
};

const uriOf = (name: keyof typeof FILES): vscode.Uri => workspaceFile(`${FOLDER}/${name}.pm.yaml`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const onDidLint: vscode.Event<LintEvent> = vscode.languages.onDidChangeDiagnostics;

/** Records the URI of every lint from now until `dispose()`. */
function recordLints(): { linted: string[]; dispose(): void } {
  const linted: string[] = [];
  const subscription = onDidLint((event) => linted.push(...event.uris.map((uri) => uri.toString())));
  return { linted, dispose: () => subscription.dispose() };
}

/** Waits until no lint has happened for `quietMs`: the re-lints of the set-up have run. */
async function waitForQuiet(quietMs = 1000, timeoutMs = 20_000): Promise<void> {
  let last = Date.now();
  const subscription = onDidLint(() => (last = Date.now()));
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() - last < quietMs) {
      if (Date.now() > deadline) throw new Error('the lints never settled');
      await sleep(100);
    }
  } finally {
    subscription.dispose();
  }
}

/** The related location of `uri`'s repeat-incident finding, once it points at A (and satisfies `accept`). */
function waitForRepeatOfA(uri: vscode.Uri, what: string, accept: (related: vscode.Location) => boolean = () => true): Promise<vscode.Location> {
  return waitFor(what, () => {
    const related = withRule(uri, 'repeat-incident')[0]?.relatedInformation ?? [];
    const location = related.find((r) => r.location.uri.toString() === uriOf('a').toString())?.location;
    return location && accept(location) ? location : undefined;
  });
}

/**
 * Waits for the next lint of `document`, started after `waitForQuiet`: the lint of the edit just made
 * (an edit's own lint comes after the lint delay; nothing else was pending).
 */
async function waitForLintOf(document: vscode.TextDocument): Promise<void> {
  const version = document.version;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no lint of ${document.uri.toString()} at version ${version}`));
    }, 20_000);
    const subscription = onDidLint((event) => {
      if (!event.uris.some((uri) => uri.toString() === document.uri.toString())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

function categoryLine(document: vscode.TextDocument): number {
  const line = document.getText().split('\n').findIndex((l) => l.startsWith('  category: '));
  assert.ok(line >= 0, 'the fixture has a category line');
  return line;
}

suite('cross-file re-lint', () => {
  const documents: Partial<Record<keyof typeof FILES, vscode.TextDocument>> = {};

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    for (const [name, text] of Object.entries(FILES)) await vscode.workspace.fs.writeFile(uriOf(name as keyof typeof FILES), new TextEncoder().encode(text));
    for (const name of ['a', 'b', 'c'] as const) {
      documents[name] = await vscode.workspace.openTextDocument(uriOf(name));
      // Not a preview tab: the next file would replace it, and a post-mortem without a tab is not linted.
      await vscode.window.showTextDocument(documents[name]!, { preview: false });
    }
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceFile(FOLDER), { recursive: true });
  });

  test('an edit that changes nothing other files read re-lints none of them', async () => {
    const a = documents.a!;
    await waitForRepeatOfA(uriOf('b'), 'B’s repeat-incident finding pointing at A');
    await waitForQuiet();
    const lints = recordLints();
    try {
      const line = a.getText().split('\n').findIndex((l) => l.includes('  description: '));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(a.uri, new vscode.Position(line, a.lineAt(line).text.length), ' Again.');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      await waitForLintOf(a);
      // Whatever A's change triggers is scheduled right after A's lint.
      await sleep(1000);
      assert.deepEqual(lints.linted.filter((uri) => uri !== a.uri.toString()), [], 'only A itself was linted');
    } finally {
      lints.dispose();
    }
  });

  test('a line inserted at the top of A re-lints B, whose related range follows, and not C', async () => {
    const a = documents.a!;
    const before = await waitForRepeatOfA(uriOf('b'), 'B’s repeat-incident finding pointing at A');
    assert.equal(before.range.start.line, categoryLine(a), 'the related location is A’s category');
    await waitForQuiet();
    const lints = recordLints();
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(a.uri, new vscode.Position(0, 0), '# A comment that moves every line below it\n');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      const after = await waitForRepeatOfA(uriOf('b'), 'B’s related location to move down a line', (l) => l.range.start.line !== before.range.start.line);
      assert.equal(after.range.start.line, before.range.start.line + 1);
      assert.equal(after.range.start.line, categoryLine(a));
      assert.equal(after.range.start.character, before.range.start.character);
      // C would have been scheduled together with B; give its lint the time to happen if it ever would.
      await sleep(1000);
      assert.ok(lints.linted.includes(uriOf('b').toString()), 'B was linted again');
      assert.deepEqual(lints.linted.filter((uri) => uri === uriOf('c').toString()), [], 'C was not linted again');
    } finally {
      lints.dispose();
    }
  });

  test('changing A’s category re-lints the other files: C becomes a repeat of A, B no longer is', async () => {
    const a = documents.a!;
    await waitForQuiet();
    assert.deepEqual(withRule(uriOf('c'), 'repeat-incident'), [], 'C starts as no repeat');
    const lints = recordLints();
    try {
      const line = categoryLine(a);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(a.uri, new vscode.Range(line, '  category: '.length, line, a.lineAt(line).text.length), 'third_party');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      const related = await waitForRepeatOfA(uriOf('c'), 'C’s repeat-incident finding pointing at A');
      assert.equal(related.range.start.line, line);
      await waitFor('B’s repeat-incident finding to clear', () => (withRule(uriOf('b'), 'repeat-incident').length === 0 ? true : undefined));
      // onDidChangeDiagnostics fires debounced (by 50 ms) after a collection changes, so the findings above can be
      // read before the events arrive: wait for them (the hang guard fails the test if a lint never happened).
      await waitFor('C’s lint (a publish of its diagnostics)', () => (lints.linted.includes(uriOf('c').toString()) ? true : undefined));
      await waitFor('B’s lint (a publish of its diagnostics)', () => (lints.linted.includes(uriOf('b').toString()) ? true : undefined));
    } finally {
      lints.dispose();
    }
  });
});
