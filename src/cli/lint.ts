import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { lintText } from '../core/lint';
import { applyEdits, safeFixes } from '../core/fix';
import { PostmortemStore } from '../core/store';
import { mergeSettings } from '../core/settings';
import { loadRepositoryPeople } from '../core/repositoryPeople';
import { isIsoDate } from '../core/newPostmortem';
import type { Diagnostic } from '../core/types';
import type { CliIO } from './main';
import { collectFiles, describeFsError, loadProjectContext } from './files';
import { FORMATTERS, FORMAT_NAMES, type FileReport } from './formats/index';

export const LINT_USAGE = `Usage: postmortem lint [paths...] [options]

Checks post-mortem files: files as given, folders searched recursively for *.pm.yaml
(default: postmortems/).

Options:
  --format <text|json|sarif|github>  Output format (default: text)
  --today <YYYY-MM-DD>               The date that date-based rules treat as today (default: the real date)
  --fix                              Apply the safe fixes, write the files, then report what remains
  -h, --help                         Show this help

Settings come from the nearest .postmortem.yaml above the current folder.
Exit codes: 0 clean or only warnings/info/hints, 1 when any error remains,
2 on usage errors or unreadable paths.
`;

/** Safe fixes can enable other safe fixes (a missing key, then its value); stop well before a loop could matter. */
const MAX_FIX_PASSES = 10;

export async function runLint(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        today: { type: 'string' },
        fix: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`postmortem lint: ${(error as Error).message}\n\n${LINT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  const format = values.format ?? 'text';
  const formatter = FORMATTERS[format];
  if (!formatter) {
    io.stderr(`postmortem lint: unknown --format "${format}"; use one of ${FORMAT_NAMES.join(', ')}.\n`);
    return 2;
  }
  if (values.today !== undefined && !isIsoDate(values.today)) {
    io.stderr(`postmortem lint: --today must be a date written YYYY-MM-DD, got "${values.today}".\n`);
    return 2;
  }

  const project = await loadProjectContext(io.cwd, (m) => io.stderr(`postmortem lint: ${m}\n`));
  let repositoryPeople: string[] = [];
  try {
    repositoryPeople = await loadRepositoryPeople(project.repositoryDir);
  } catch {
    // Without git or CODEOWNERS the rule still knows authors, owners and the roster.
  }
  const settings = mergeSettings(project.settings, { people: repositoryPeople });

  const paths = positionals.length > 0 ? positionals : ['postmortems/'];
  const { files, problems } = await collectFiles(paths, io.cwd);
  let unreadable = problems.length;
  for (const problem of problems) io.stderr(`postmortem lint: cannot read ${problem.path}: ${problem.message}\n`);

  // Read every file first: the store must hold all of them before any cross-file rule runs.
  const texts = new Map<string, string>();
  const store = new PostmortemStore();
  for (const file of files) {
    try {
      const text = await fs.readFile(file.absolute, 'utf8');
      texts.set(file.display, text);
      store.upsert(file.display, text);
    } catch (error) {
      unreadable++;
      io.stderr(`postmortem lint: cannot read ${file.display}: ${describeFsError(error)}\n`);
    }
  }

  const lint = (file: string, text: string): Diagnostic[] =>
    lintText(text, { today: values.today, file, settings, workspace: store }).diagnostics;

  if (values.fix) {
    for (const file of files) {
      const original = texts.get(file.display);
      if (original === undefined) continue;
      let text = original;
      let applied = 0;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const fixes = safeFixes(lint(file.display, text));
        if (fixes.length === 0) break;
        const next = applyEdits(text, fixes.flatMap((f) => f.edits));
        if (next === text) break;
        applied += fixes.length;
        text = next;
        store.upsert(file.display, text);
      }
      if (text === original) continue;
      try {
        await fs.writeFile(file.absolute, text, 'utf8');
        texts.set(file.display, text);
        io.stderr(`postmortem lint: fixed ${applied} problem${applied === 1 ? '' : 's'} in ${file.display}\n`);
      } catch (error) {
        unreadable++;
        store.upsert(file.display, original);
        io.stderr(`postmortem lint: cannot write ${file.display}: ${describeFsError(error)}\n`);
      }
    }
  }

  const reports: FileReport[] = [];
  for (const file of files) {
    const text = texts.get(file.display);
    if (text === undefined) continue;
    reports.push({ file: file.display, diagnostics: lint(file.display, text) });
  }
  io.stdout(formatter(reports));

  if (unreadable > 0) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
