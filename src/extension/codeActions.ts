import * as vscode from 'vscode';
import type { DiagnosticsFeature } from './diagnostics';
import type { Diagnostic, Fix, Range } from '../core/types';
import { checkFixes } from '../core/fixCheck';
import { ruleHover } from '../core/ruleHover';

/** Opens a rule's doc page or a fix's guidance link; internal, so not listed in package.json. */
const OPEN_DOC_COMMAND = 'postmortem.openRuleDoc';

/**
 * Quick fixes and hovers for post-mortems. Nothing is computed here: the
 * rules returned their fixes as data with the last lint (the same data
 * `postmortem lint --fix` applies); this only turns it into CodeActions and
 * WorkspaceEdits, and adds each diagnostic's rule and doc link on hover.
 */
export function registerCodeActions(context: vscode.ExtensionContext, diagnostics: DiagnosticsFeature): void {
  const docUri = (slug: string): vscode.Uri => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${slug}.md`);
  const selector: vscode.DocumentSelector = [{ language: 'yaml' }];

  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_DOC_COMMAND, (target: vscode.Uri | string) => openDoc(typeof target === 'string' ? vscode.Uri.parse(target) : target)),
    vscode.languages.registerCodeActionsProvider(selector, new PostmortemCodeActions(diagnostics, context.extensionUri), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.languages.registerHoverProvider(selector, new RuleDocHover(diagnostics, docUri)),
  );
}

/**
 * The lint result of `document`'s current text; stale ranges would edit the wrong place. Just after a
 * file opens, the Problems panel may still show its diagnostics from disk (workspace diagnostics) while
 * the document's own lint is pending: then it is linted now, so the light bulb and hover never come up empty.
 */
async function currentResult(diagnostics: DiagnosticsFeature, document: vscode.TextDocument) {
  if (!diagnostics.isPostmortem(document)) return undefined;
  const result = diagnostics.resultFor(document.uri);
  if (result && result.parsed.text === document.getText()) return result;
  return diagnostics.lintNow(document);
}

class PostmortemCodeActions implements vscode.CodeActionProvider {
  constructor(
    private readonly diagnostics: DiagnosticsFeature,
    private readonly extensionUri: vscode.Uri,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const result = await currentResult(this.diagnostics, document);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    // Documentation comes after every edit in the light-bulb menu.
    const learnActions: vscode.CodeAction[] = [];
    for (const diagnostic of result.diagnostics) {
      if (!diagnostic.fixes?.length || !toRange(diagnostic.range).intersection(range)) continue;
      const shown = context.diagnostics.find((d) => matches(d, diagnostic));
      let preferred = false;
      const links = new Set<string>();
      for (const fix of diagnostic.fixes) {
        if (fix.edits.length > 0) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          // The same check as `lint --fix`: a fix whose result would not parse, or would change more than it says, is shown greyed out with the reason.
          const check = checkFixes(result.parsed, [fix]);
          if (check.ok) action.edit = toWorkspaceEdit(document.uri, fix);
          else action.disabled = { reason: `Not offered: ${check.reason}.` };
          if (shown) action.diagnostics = [shown];
          // Preferred (auto-fix on Ctrl+. / "fix all") only where the rule vouches the edit is safe.
          if (fix.safe && check.ok && !preferred) action.isPreferred = preferred = true;
          actions.push(action);
        }
        if (fix.link && !links.has(fix.link)) {
          links.add(fix.link);
          const action = new vscode.CodeAction(`Learn about ${diagnostic.rule}`, vscode.CodeActionKind.QuickFix);
          action.command = { title: action.title, command: OPEN_DOC_COMMAND, arguments: [resolveLink(fix.link, this.extensionUri).toString()] };
          if (shown) action.diagnostics = [shown];
          learnActions.push(action);
        }
      }
    }
    return [...actions, ...learnActions];
  }
}

/**
 * What a diagnostic's hover adds to VS Code's own problem hover, which already
 * shows the message, the source and the slug: the rule's id, its one-line
 * description, the quick fixes on offer and the link to its doc page.
 */
class RuleDocHover implements vscode.HoverProvider {
  constructor(
    private readonly diagnostics: DiagnosticsFeature,
    private readonly docUri: (slug: string) => vscode.Uri,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const result = await currentResult(this.diagnostics, document);
    if (!result) return undefined;
    const hover = ruleHover(result.diagnostics, position, (slug) => this.docUri(slug).toString());
    if (!hover) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range));
  }
}

function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function toWorkspaceEdit(uri: vscode.Uri, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

/** The editor's copy of a core diagnostic: same rule, same range, same message. */
function matches(shown: vscode.Diagnostic, diagnostic: Diagnostic): boolean {
  const code = typeof shown.code === 'object' ? shown.code.value : shown.code;
  return String(code) === diagnostic.rule && shown.range.isEqual(toRange(diagnostic.range)) && shown.message === diagnostic.message;
}

/** A fix's link: an absolute URI as is; a path like `docs/rules/x.md` inside the extension. */
function resolveLink(link: string, extensionUri: vscode.Uri): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return vscode.Uri.parse(link);
  const [path, fragment] = link.split('#', 2);
  const uri = vscode.Uri.joinPath(extensionUri, ...path.split('/').filter(Boolean));
  return fragment ? uri.with({ fragment }) : uri;
}

async function openDoc(uri: vscode.Uri): Promise<void> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    await vscode.env.openExternal(uri);
    return;
  }
  try {
    // The rendered page reads better than the Markdown source.
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.commands.executeCommand('vscode.open', uri);
  }
}
