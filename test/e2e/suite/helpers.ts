// What the extension-host test files share (bundled into each; not a test file itself).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortems-as-code.postmortems-as-code';

/** A file of the test workspace (a fresh copy of test/e2e/workspace/ per run). */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Polls until `probe` returns a value (not undefined); fails with `what` after `timeoutMs` (a hang guard, not a speed check). */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The extension's diagnostics for `uri` (other extensions may add their own). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

export function withRule(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return ours(uri).filter((d) => ruleOf(d) === rule);
}

export function plainRange(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

export async function closeAllEditors(): Promise<void> {
  // Revert first: the tests edit buffers, and closing must neither prompt nor save.
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The deadline fix for a window ending `latest`, as the rule proposes it on the real today (no holidays configured here). */
export function expectedDeadlineFix(latest: string, priority: string): { date: string; title: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
  const earliest = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  if (latest >= earliest) return { date: latest, title: `Add "deadline: ${latest}" (latest allowed for ${priority})` };
  return { date: earliest, title: `Add "deadline: ${earliest}" (next business day: ${priority}'s latest allowed, ${latest}, has passed)` };
}
