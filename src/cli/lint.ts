import { promises as fs } from 'node:fs';
import { lintParsed } from '../core/lint';
import { parsePostmortem, type ParsedPostmortem } from '../core/parse';
import { applyEdits, safeFixes } from '../core/fix';
import { PostmortemStore } from '../core/store';
import type { Diagnostic } from '../core/types';
import type { CliIO } from './main';
import { defineCommand, isoDateOption, oneOf, readCommandLine, readNamedFile } from './args';
import { discoverPostmortems } from '../core/discover';
import { describeFsError, loadLintSettings } from './files';
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

/**
 * How much text (UTF-16 code units) may stay parsed between reading the files and linting them. A parse tree
 * takes about 13 times its text in memory (56 KB for a 4 KB post-mortem): about a thousand files fit in some
 * 50 MB, each parsed once (lint a third faster); past the budget files are parsed again when linted, so
 * 10,000 files do not hold half a gigabyte of trees.
 */
const KEPT_PARSES_BUDGET = 4_000_000;

/** The parse of each file from reading it, kept until its lint so the file is parsed only once. */
class KeptParses {
  private readonly parses = new Map<string, ParsedPostmortem>();
  private budget = KEPT_PARSES_BUDGET;

  keep(file: string, parsed: ParsedPostmortem): void {
    this.drop(file);
    if (parsed.text.length > this.budget) return;
    this.budget -= parsed.text.length;
    this.parses.set(file, parsed);
  }

  /** The kept parse of `text`, handed over once; a parse of its own when none was kept. */
  take(file: string, text: string): ParsedPostmortem {
    const kept = this.parses.get(file);
    this.drop(file);
    return kept?.text === text ? kept : parsePostmortem(text);
  }

  private drop(file: string): void {
    const kept = this.parses.get(file);
    if (!kept) return;
    this.budget += kept.text.length;
    this.parses.delete(file);
  }
}

const LINT = defineCommand({
  name: 'lint',
  usage: LINT_USAGE,
  allowPositionals: true,
  options: { format: { type: 'string', default: 'text' }, today: { type: 'string' }, fix: { type: 'boolean', default: false } },
});

export async function runLint(args: string[], io: CliIO): Promise<number> {
  const options = readCommandLine(LINT, io, args, ({ values, positionals }) => ({
    formatter: FORMATTERS[oneOf('--format', values.format, FORMAT_NAMES)],
    today: isoDateOption('--today', values.today),
    fix: values.fix,
    paths: positionals.length > 0 ? positionals : ['postmortems/'],
  }));
  if (typeof options === 'number') return options;
  const { formatter, today } = options;

  const settings = await loadLintSettings(io.cwd, (m) => io.stderr(`postmortem lint: ${m}\n`));

  const { files, problems } = await discoverPostmortems(options.paths, io.cwd);
  let unreadable = problems.length;
  for (const problem of problems) io.stderr(`postmortem lint: cannot read ${problem.path}: ${problem.message}\n`);

  // Read every file first: the store must hold all of them before any cross-file rule runs.
  const texts = new Map<string, string>();
  const store = new PostmortemStore();
  const kept = new KeptParses();
  for (const file of files) {
    const text = await readNamedFile(LINT, io, file.display, file.absolute);
    if (text === undefined) {
      unreadable++;
      continue;
    }
    texts.set(file.display, text);
    const parsed = parsePostmortem(text);
    store.upsert(file.display, text, parsed);
    kept.keep(file.display, parsed);
  }

  const lint = (file: string, parsed: ParsedPostmortem): Diagnostic[] => lintParsed(parsed, { today, file, settings, workspace: store });

  if (options.fix) {
    for (const file of files) {
      const original = texts.get(file.display);
      if (original === undefined) continue;
      let text = original;
      let parsed = kept.take(file.display, text);
      let applied = 0;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const fixes = safeFixes(lint(file.display, parsed));
        if (fixes.length === 0) break;
        const next = applyEdits(text, fixes.flatMap((f) => f.edits));
        if (next === text) break;
        applied += fixes.length;
        text = next;
        parsed = parsePostmortem(text);
        store.upsert(file.display, text, parsed);
      }
      // The report below lints the file again (other files may have been fixed since): with this parse.
      kept.keep(file.display, parsed);
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
    reports.push({ file: file.display, diagnostics: lint(file.display, kept.take(file.display, text)) });
  }
  // Nothing could be read at all (a missing folder): the error on stderr says it; "No problems in 0 files." would contradict it.
  if (reports.length > 0 || unreadable === 0 || formatter !== FORMATTERS.text) io.stdout(formatter(reports));

  if (unreadable > 0) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
