import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range as LspRange, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkFixes } from '../core/fixCheck';
import { fixAllParsed } from '../core/fixAll';
import type { ParsedPostmortem } from '../core/parse';
import { safeFixes } from '../core/fix';
import type { LintResult } from '../core/lint';
import type { Diagnostic, Range } from '../core/types';
import type { DocLinks } from './convert';

/** Opens a rule's doc page or a fix's guidance link (the client implements it, or the server through `window/showDocument`). */
export const OPEN_DOC_COMMAND = 'postmortem.openRuleDoc';
/** The fix-all kind, so `editor.codeActionsOnSave: { "source.fixAll.postmortem": "explicit" }` runs it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortem`;
export const FIX_ALL_TITLE = 'Fix all safe post-mortem problems';

export interface CodeActionOptions {
  links: DocLinks;
  /** The client shows a disabled action greyed out with its reason; otherwise refused fixes are left out. */
  disabledSupport: boolean;
  /** The client takes `documentChanges` (edits bound to the document's version). */
  documentChanges: boolean;
}

/**
 * The quick fixes of the diagnostics in `range`, as src/extension/codeActions.ts offers them: each
 * rule's fixes with their titles, refused ones disabled with the reason `checkFixes` gives, the first
 * safe and accepted one preferred, then one "Learn about" action per link.
 */
export function quickFixes(document: TextDocument, result: LintResult, range: LspRange, shownDiagnostics: readonly LspDiagnostic[], options: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  // Documentation comes after every edit in the light-bulb menu.
  const learnActions: CodeAction[] = [];
  for (const diagnostic of result.diagnostics) {
    if (!diagnostic.fixes?.length || !touches(diagnostic.range, range)) continue;
    const shown = shownDiagnostics.find((d) => matches(d, diagnostic));
    let preferred = false;
    const links = new Set<string>();
    for (const fix of diagnostic.fixes) {
      if (fix.edits.length > 0) {
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix };
        // The same check as `lint --fix`: a fix whose result would not parse, or would change more than it says, is refused with the reason.
        const check = checkFixes(result.parsed, [fix]);
        if (check.ok) action.edit = workspaceEdit(document, fix.edits, options);
        else if (options.disabledSupport) action.disabled = { reason: `Not offered: ${check.reason}.` };
        else continue;
        if (shown) action.diagnostics = [shown];
        // Preferred (auto-fix on Ctrl+. / "fix all") only where the rule vouches the edit is safe.
        if (fix.safe && check.ok && !preferred) action.isPreferred = preferred = true;
        actions.push(action);
      }
      if (fix.link && !links.has(fix.link)) {
        links.add(fix.link);
        const title = `Learn about ${diagnostic.rule}`;
        const action: CodeAction = { title, kind: CodeActionKind.QuickFix, command: { title, command: OPEN_DOC_COMMAND, arguments: [options.links.resolve(fix.link)] } };
        if (shown) action.diagnostics = [shown];
        learnActions.push(action);
      }
    }
  }
  return [...actions, ...learnActions];
}

/**
 * `source.fixAll.postmortem`: every safe fix, pass by pass, each checked by parsing its result, exactly as
 * `postmortem lint --fix` writes it (fixAllParsed, src/core/fixAll.ts). One edit spans the changed region
 * only (common start and end kept), so the editor keeps the cursor and folding outside it.
 */
export function fixAllAction(document: TextDocument, result: LintResult, options: CodeActionOptions, lint: (parsed: ParsedPostmortem) => Diagnostic[]): CodeAction | undefined {
  // Clients ask for code actions on every cursor move: the passes (each a lint) run once per lint result.
  if (fixAllByResult.has(result)) return fixAllByResult.get(result);
  let action: CodeAction | undefined;
  if (safeFixes(result.diagnostics).length > 0) {
    const original = document.getText();
    const fixed = fixAllParsed(result.parsed, { lint }, original);
    if (fixed.applied > 0 && fixed.text !== original) {
      action = { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(document, [changedRegion(document, original, fixed.text)], options) };
    }
  }
  fixAllByResult.set(result, action);
  return action;
}

/** The fix-all of each lint result (a result is of one document version and one set of settings). */
const fixAllByResult = new WeakMap<LintResult, CodeAction | undefined>();

/** The one replacement that turns `before` into `after`: everything between their common start and common end. */
function changedRegion(document: TextDocument, before: string, after: string): LspTextEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { range: { start: document.positionAt(start), end: document.positionAt(before.length - end) }, newText: after.slice(start, after.length - end) };
}

/** Whether a kind the client asked for (`only`) covers `kind`: `source` covers `source.fixAll.postmortem`. */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

function workspaceEdit(document: TextDocument, edits: ReadonlyArray<{ range: Range; newText: string }>, options: CodeActionOptions): WorkspaceEdit {
  const lspEdits = edits.map((e) => ({ range: e.range, newText: e.newText }));
  // Bound to the version the fixes were computed from: the client refuses them on a changed document.
  if (options.documentChanges) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] };
  return { changes: { [document.uri]: lspEdits } };
}

/** The client's copy of a core diagnostic: same rule, same range, same message. */
function matches(shown: LspDiagnostic, diagnostic: Diagnostic): boolean {
  return String(shown.code) === diagnostic.rule && sameRange(shown.range, diagnostic.range) && shown.message === diagnostic.message;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** As vscode.Range.intersection being defined: the ranges overlap or touch. */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
