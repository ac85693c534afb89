import * as vscode from 'vscode';
import type { CommandRegistry } from './lazy';
import type { FeatureServer } from './featureServer';
import { SEVERITY_CHOICES, dateTimeOn, isIsoDate, isNewSeverity, localIsoDate, pseudoFilesystemOf } from '../core/newPostmortemChoices';
import { NEW_POSTMORTEM_REQUEST, type NewPostmortemParams, type NewPostmortemResult } from '../server/featureProtocol';

const POSTMORTEM_FOLDER = 'postmortems';
/** Larger files are not read for their ids (the linter checks at most 4 million characters). */
const MAX_READ_BYTES = 16 * 1024 * 1024;

/** Arguments that let tests and other extensions skip the prompts. */
export interface NewPostmortemArgs {
  title?: string;
  severity?: string;
  /** The workspace folder (or any folder) in which `postmortems/` is used; a Uri, a URI string or a path. Default: the first workspace folder. */
  folder?: vscode.Uri | string;
  /** The incident's date, YYYY-MM-DD; default today (local time). */
  date?: string;
}

export function registerCommands(commands: CommandRegistry, server: FeatureServer): void {
  commands.register('postmortem.new', (args?: NewPostmortemArgs) => newPostmortem(isArgs(args) ? args : {}, plannerOf(server)));
}

type Planner = (params: NewPostmortemParams) => Promise<NewPostmortemResult>;

/** The new file's id, name and text come from the language server (the next free id needs the folder's files parsed). */
function plannerOf(server: FeatureServer): Planner {
  return async (params) => {
    const plan = await server.sendRequest<NewPostmortemResult | null>(NEW_POSTMORTEM_REQUEST, params);
    if (!plan) throw new Error('the language server could not plan it; see the "Post-Mortem Language Server" output.');
    return plan;
  };
}

function isArgs(value: unknown): value is NewPostmortemArgs {
  // Invoked from the explorer's context menu, the first argument is the clicked Uri, not our options.
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri);
}

/**
 * "Post-Mortem: New Post-Mortem": asks for a title and a severity (unless
 * given), writes `postmortems/YYYY-MM-DD-<slug>.pm.yaml` with the next free
 * id of that date and opens it. Returns the new file's Uri (undefined when cancelled).
 */
async function newPostmortem(args: NewPostmortemArgs, plan: Planner): Promise<vscode.Uri | undefined> {
  const title = args.title?.trim() || (await askTitle());
  if (!title) return undefined;
  const severity = args.severity && isNewSeverity(args.severity) ? args.severity : await askSeverity();
  if (!severity) return undefined;
  const date = args.date && isIsoDate(args.date) ? args.date : localIsoDate();
  const now = dateTimeOn(date);

  const root = resolveFolder(args.folder);
  if (!root) {
    // No folder to write into: still give the writer the template, as an unsaved document.
    try {
      const planned = await plan({ title, severity, date, now, existing: [] });
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: planned.text });
      await vscode.window.showTextDocument(document);
      void vscode.window.showInformationMessage(`Created ${planned.id} as an unsaved document: open a folder to keep post-mortems next to the code.`);
      return document.uri;
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not create the post-mortem: ${(error as Error).message}`);
      return undefined;
    }
  }

  const dir = vscode.Uri.joinPath(root, POSTMORTEM_FOLDER);
  try {
    // VS Code creates folders with node's recursive mkdir, which never returns under /proc (see src/cli/new.ts).
    const pseudo = dir.scheme === 'file' ? pseudoFilesystemOf(dir.fsPath) : undefined;
    if (pseudo) throw new Error(`${pseudo} is a kernel pseudo-filesystem, not a place for files; open a folder of the repository.`);
    await vscode.workspace.fs.createDirectory(dir);
    const existing = await readFolder(dir);
    const planned = await plan({ title, severity, date, now, existing });
    const target = vscode.Uri.joinPath(dir, planned.fileName);
    // The name was free when the folder was read; check again right before writing, never overwrite.
    if (await exists(target)) throw new Error(`${planned.fileName} appeared while it was being created; run the command again.`);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(planned.text));
    const document = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(document);
    return target;
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not create the post-mortem: ${(error as Error).message}`);
    return undefined;
  }
}

async function askTitle(): Promise<string | undefined> {
  const title = await vscode.window.showInputBox({
    title: 'New Post-Mortem (1/2)',
    prompt: 'A short title of the incident, e.g. "Orders database outage"',
    placeHolder: 'Incident title',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'The title may not be empty.' : undefined),
  });
  return title?.trim() || undefined;
}

async function askSeverity(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    SEVERITY_CHOICES.map((choice) => ({ label: choice.severity, detail: choice.definition })),
    { title: 'New Post-Mortem (2/2)', placeHolder: 'Severity', ignoreFocusOut: true },
  );
  return picked?.label;
}

function resolveFolder(folder: vscode.Uri | string | undefined): vscode.Uri | undefined {
  if (folder instanceof vscode.Uri) return folder;
  if (typeof folder === 'string' && folder !== '') {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(folder) ? vscode.Uri.parse(folder) : vscode.Uri.file(folder);
  }
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function readFolder(dir: vscode.Uri): Promise<Array<{ name: string; text?: string }>> {
  const files: Array<{ name: string; text?: string }> = [];
  for (const [name] of await vscode.workspace.fs.readDirectory(dir)) {
    if (!name.endsWith('.pm.yaml')) {
      files.push({ name }); // every name counts for collisions; only post-mortems hold ids
      continue;
    }
    const uri = vscode.Uri.joinPath(dir, name);
    // An open editor's unsaved text may already hold a newer id than the disk.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      files.push({ name, text: open.getText() });
      continue;
    }
    try {
      // Regular files of a sane size only: a link to /dev/zero or a FIFO must not hang the command.
      const stat = await vscode.workspace.fs.stat(uri);
      if (!(stat.type & vscode.FileType.File) || stat.size > MAX_READ_BYTES) throw new Error('not a regular post-mortem file');
      files.push({ name, text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) });
    } catch {
      files.push({ name });
    }
  }
  return files;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
