import { lintParsed } from '../core/lint';
import { parsePostmortem, type ParsedPostmortem } from '../core/parse';
import { PostmortemStore } from '../core/store';
import type { Diagnostic } from '../core/types';
import type { CliIO } from './main';
import { defineCommand, isoDateOption, oneOf, readCommandLine, readNamedFile } from './args';
import { discoverPostmortems } from '../core/discover';
import { loadLintSettings } from './files';
import { fixFile, invalidUtf8DiagnosticFor } from './lintFix';
import { resolveFixRoots } from './fixTarget';
import { FORMATTERS, FORMAT_NAMES, type FileReport } from './formats/index';
import { escapeOutput, printable } from '../core/excerpt';

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
    format: oneOf('--format', values.format, FORMAT_NAMES),
    today: isoDateOption('--today', values.today),
    fix: values.fix,
    paths: positionals.length > 0 ? positionals : ['postmortems/'],
  }));
  if (typeof options === 'number') return options;
  const { format, today } = options;

  const settings = await loadLintSettings(io.cwd, (m) => io.stderr(`postmortem lint: ${m}\n`));

  const { files, problems } = await discoverPostmortems(options.paths, io.cwd);
  let unreadable = problems.length;
  for (const problem of problems) io.stderr(`postmortem lint: cannot read ${printable(problem.path)}: ${problem.message}\n`);

  // Read every file first: the store must hold all of them before any cross-file rule runs.
  const texts = new Map<string, string>();
  const store = new PostmortemStore();
  const kept = new KeptParses();
  const tooLarge = new Map<string, FileReport>();
  for (const file of files) {
    const read = await readNamedFile(LINT, io, file.display, file.absolute, file.boundary);
    if (!read.ok) {
      if (read.kind === 'too-large') tooLarge.set(file.display, { file: file.display, diagnostics: [fileProblem(read.message)] });
      // A link out of the repository is not the repository's file: skipped with a notice, not a failure.
      else if (read.kind !== 'outside') unreadable++;
      continue;
    }
    const text = read.text;
    texts.set(file.display, text);
    const parsed = parsePostmortem(text);
    store.upsert(file.display, text, parsed);
    kept.keep(file.display, parsed);
  }

  const lint = (file: string, parsed: ParsedPostmortem): Diagnostic[] => lintParsed(parsed, { today, file, settings, workspace: store });

  if (options.fix) {
    const roots = await resolveFixRoots(options.paths, io.cwd);
    for (const file of files) {
      if (!texts.has(file.display)) continue;
      const outcome = await fixFile({
        // Every line --fix prints names the file: escaped, so a newline in a name cannot forge a line.
        display: printable(file.display),
        absolute: file.absolute,
        roots,
        parse: (text) => kept.take(file.display, text),
        lint: (parsed) => {
          // Cross-file rules see this file as it is being fixed.
          store.upsert(file.display, parsed.text, parsed);
          return lint(file.display, parsed);
        },
        warn: (line) => io.stderr(`postmortem lint: ${line}\n`),
      });
      if (outcome.status === 'failed') {
        unreadable++;
        io.stderr(`postmortem lint: ${outcome.message}\n`);
        continue;
      }
      // The report below lints the file again (other files may have been fixed since): with this parse.
      texts.set(file.display, outcome.text);
      store.upsert(file.display, outcome.text, outcome.parsed);
      kept.keep(file.display, outcome.parsed);
      if (outcome.status === 'written') io.stderr(`postmortem lint: fixed ${outcome.applied} problem${outcome.applied === 1 ? '' : 's'} in ${printable(file.display)}\n`);
    }
  }

  const reports: FileReport[] = [];
  for (const file of files) {
    const text = texts.get(file.display);
    const large = tooLarge.get(file.display);
    if (large) reports.push(large);
    if (text === undefined) continue;
    const diagnostics = lint(file.display, kept.take(file.display, text));
    const encoding = await invalidUtf8DiagnosticFor(file.absolute, file.display, text);
    reports.push({ file: file.display, diagnostics: encoding ? [encoding, ...diagnostics] : diagnostics, text });
  }
  // Nothing could be read at all (a missing folder): the error on stderr says it; "No problems in 0 files." would contradict it.
  if (reports.length > 0 || unreadable === 0 || format !== 'text') io.stdout(escapeOutput(FORMATTERS[format](reports), format));

  if (unreadable > 0) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** A file that cannot be checked at all (too large to read), reported at its first character like a syntax error. */
function fileProblem(message: string): Diagnostic {
  const origin = { line: 0, character: 0 };
  return { rule: 'yaml-syntax', severity: 'error', message: message[0].toUpperCase() + message.slice(1) + '.', range: { start: origin, end: origin } };
}
