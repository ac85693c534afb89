// A post-mortem linked from outside the workspace is not the workspace's: the
// index reads found files as the CLI does (src/core/safeRead.ts), so a link
// to a file elsewhere on the disk never joins the cross-file rules, the
// quarterly review or the status bar. The positive control: a plain copy of
// the same file, created after the link, is indexed (a duplicate-id naming it
// appears), so the watcher has seen both files when the assertion runs.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, withRule, workspaceFile } from './helpers';

const ID = 'INC-2026-09-09-901';
const TEXT = [`id: ${ID}`, 'title: Linked from outside the workspace', 'status: draft', 'authors: [Dana Okafor]', ''].join('\n');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

suite('hostile links', () => {
  let outside: string;

  suiteSetup(() => {
    outside = mkdtempSync(join(tmpdir(), 'pm-e2e-outside-'));
    writeFileSync(join(outside, 'elsewhere.pm.yaml'), TEXT);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    rmSync(outside, { recursive: true, force: true });
  });

  test('a post-mortem linked to a file outside the workspace is not indexed', async () => {
    const folder = workspaceFile('hostile-links').fsPath;
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'own.pm.yaml'), TEXT);
    const own = vscode.Uri.file(join(folder, 'own.pm.yaml'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(own));

    symlinkSync(join(outside, 'elsewhere.pm.yaml'), join(folder, 'linked.pm.yaml'));
    await sleep(500);
    writeFileSync(join(folder, 'copy.pm.yaml'), TEXT);

    const duplicate = await waitFor('a duplicate-id naming the copy inside the workspace', () =>
      withRule(own, 'duplicate-id').find((d) => d.message.includes('copy.pm.yaml')),
    );
    // Give a late watcher event for the link time to land before asserting it changed nothing.
    await sleep(1500);
    const after = withRule(own, 'duplicate-id');
    assert.equal(after.length, 1, after.map((d) => d.message).join('\n'));
    assert.ok(!after[0].message.includes('linked.pm.yaml'), after[0].message);
    assert.deepEqual(
      (after[0].relatedInformation ?? []).map((r) => r.location.uri.path.split('/').pop()),
      ['copy.pm.yaml'],
    );
    assert.ok(duplicate.message.includes(ID));
  });
});
