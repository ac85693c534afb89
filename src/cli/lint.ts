import { lintParsed } from '../core/lint';
import { parsePostmortem, type ParsedPostmortem } from '../core/parse';
import { PostmortemStore } from '../core/store';
import type { Diagnostic } from '../core/types';
import type { CliIO } from './main';
import { defineCommand, isoDateOption, oneOf, readCommandLine, readNamedFile } from './args';
import { discoverPostmortems } from '../core/discover';
import { ConfigReadError, startLintSettings } from './files';
import { applySafeFixes, fixFile, invalidUtf8DiagnosticFor } from './lintFix';
import { findPostmortems } from './findFiles';
import { UsageError } from './args';
import { readStandardInput, STDIN_PATH } from './stdin';
import { dirname, relative, resolve, sep } from 'node:path';
import { findRepositoryRoot } from '../core/projectConfig';
import { isInside } from '../core/safeRead';
import { resolveFixRoots } from './fixTarget';
import { FORMATTERS, FORMAT_NAMES, type FileReport } from './formats/index';
import { escapeOutput, printable } from '../core/excerpt';

export const LINT_USAGE = `Usage: postmortem lint [paths...] [options]

Checks post-mortem files. Each path is a file (checked whatever its name), a folder
(every *.pm.yaml under it) or a glob pattern ("teams/*/postmortems/**/*.pm.yaml"; quote
it so the shell leaves it alone), default postmortems/. "-" reads standard input.
node_modules and .git are never searched; files the repository's .gitignore files
exclude are skipped.

Options:
  --format <text|json|sarif|github>  Output format (default: text). sarif and github name
                                     files relative to the repository root (the folder
                                     holding .git), text and json relative to the current folder
  --today <YYYY-MM-DD>               The date that date-based rules treat as today (default: the real date)
  --fix                              Apply the safe fixes, write the files, then report what remains.
                                     With "-": print the fixed text to stdout, the remaining
                                     problems (text format) to stderr
  --quiet                            Report errors only (warnings still count for --max-warnings)
  --max-warnings <N>                 Exit 1 when there are more than N warnings
  --strict                           No leniency for drafts: errors stay errors in drafts
  --config <FILE>                    Use this .postmortem.yaml instead of the nearest one
  --no-config                        Use no .postmortem.yaml at all
  --ignore <PATTERN>                 Skip files matching this gitignore-style pattern (relative to
                                     the current folder); repeatable
  --stdin-filename <PATH>            The name of the text read from "-": used in messages, to find
                                     .postmortem.yaml, and for cross-file rules (the other
                                     post-mortems of its folder are read as context)
  -h, --help                         Show this help

Settings come from the nearest .postmortem.yaml above the current folder (above the
--stdin-filename's folder for "-").
Exit codes: 0 clean or only warnings/info/hints, 1 when any error remains or warnings
exceed --max-warnings, 2 on usage errors, unreadable paths, or a pattern that matches nothing.
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
  options: {
    format: { type: 'string', default: 'text' },
    today: { type: 'string' },
    fix: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'max-warnings': { type: 'string' },
    strict: { type: 'boolean', default: false },
    config: { type: 'string' },
    'no-config': { type: 'boolean', default: false },
    ignore: { type: 'string', multiple: true },
    'stdin-filename': { type: 'string' },
  },
});

export async function runLint(args: string[], io: CliIO): Promise<number> {
  const options = readCommandLine(LINT, io, args, ({ values, positionals }) => {
    const stdin = positionals.includes(STDIN_PATH);
    if (stdin && positionals.length > 1) throw new UsageError(`"-" (standard input) cannot be combined with other paths.`);
    if (values['stdin-filename'] !== undefined && !stdin) throw new UsageError('--stdin-filename names the text read from "-": give "-" as the path.');
    if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together.');
    return {
      format: oneOf('--format', values.format, FORMAT_NAMES),
      today: isoDateOption('--today', values.today),
      fix: values.fix,
      quiet: values.quiet,
      maxWarnings: maxWarningsOption(values['max-warnings']),
      strict: values.strict,
      config: values.config,
      noConfig: values['no-config'],
      ignore: values.ignore ?? [],
      stdin,
      stdinFilename: values['stdin-filename'],
      paths: positionals.length > 0 ? positionals : ['postmortems/'],
    };
  });
  if (typeof options === 'number') return options;
  const { format, today, strict } = options;
  const notice = (line: string): void => io.stderr(`postmortem lint: ${line}
`);

  const stdinAbsolute = options.stdinFilename === undefined ? undefined : resolve(io.cwd, options.stdinFilename);
  let settingsReady;
  try {
    settingsReady = startLintSettings(
      { startDir: stdinAbsolute ? dirname(stdinAbsolute) : io.cwd, file: options.config === undefined ? undefined : resolve(io.cwd, options.config), none: options.noConfig },
      notice,
    );
  } catch (error) {
    if (!(error instanceof ConfigReadError)) throw error;
    notice(error.message);
    return 2;
  }

  // Read every file first: the store must hold all of them before any cross-file rule runs.
  const texts = new Map<string, string>();
  const absolutes = new Map<string, string>();
  const store = new PostmortemStore();
  const kept = new KeptParses();
  const tooLarge = new Map<string, FileReport>();
  const keep = (display: string, absolute: string, text: string): void => {
    texts.set(display, text);
    absolutes.set(display, absolute);
    const parsed = parsePostmortem(text);
    store.upsert(display, text, parsed);
    kept.keep(display, parsed);
  };

  let unreadable = 0;
  let files: Array<{ display: string; absolute: string; boundary: string }> = [];
  if (options.stdin) {
    const display = options.stdinFilename ?? STDIN_DISPLAY;
    const read = await readStandardInput(io);
    if (!read.ok) {
      notice(`cannot read standard input: ${read.message}`);
      return 2;
    }
    // The other post-mortems of its folder, for the cross-file rules: read, not reported.
    if (stdinAbsolute) {
      const context = await discoverPostmortems([relative(io.cwd, dirname(stdinAbsolute)) || '.'], io.cwd);
      for (const file of context.files) {
        if (file.absolute === stdinAbsolute) continue;
        const other = await readNamedFile(LINT, { ...io, stderr: () => undefined }, file.display, file.absolute, file.boundary);
        if (other.ok) store.upsert(file.display, other.text, parsePostmortem(other.text));
      }
    }
    keep(display, stdinAbsolute ?? '', read.text);
    files = [{ display, absolute: stdinAbsolute ?? '', boundary: '' }];
  } else {
    const found = await findPostmortems(options.paths, io.cwd, options.ignore);
    files = found.files;
    unreadable += found.problems.length + found.unmatched.length;
    for (const problem of found.problems) notice(`cannot read ${printable(problem.path)}: ${problem.message}`);
    for (const message of found.unmatched) notice(printable(message));
    for (const file of found.ignored) notice(`ignored ${printable(file)}: it matches an ignore pattern (--ignore or .gitignore)`);
    for (const file of files) {
      const read = await readNamedFile(LINT, io, file.display, file.absolute, file.boundary);
      if (!read.ok) {
        if (read.kind === 'too-large') tooLarge.set(file.display, { file: file.display, diagnostics: [fileProblem(read.message)] });
        // A link out of the repository is not the repository's file: skipped with a notice, not a failure.
        else if (read.kind !== 'outside') unreadable++;
        continue;
      }
      keep(file.display, file.absolute, read.text);
    }
  }

  const settings = await settingsReady();
  const lint = (file: string, parsed: ParsedPostmortem): Diagnostic[] => lintParsed(parsed, { today, file, settings, workspace: store, strict });

  if (options.fix && options.stdin) {
    // Standard input is fixed in memory: the fixed text is the output, the problems left go to stderr.
    const display = files[0].display;
    const { parsed } = applySafeFixes(kept.take(display, texts.get(display)!), (p) => lint(display, p), notice, printable(display));
    const bom = texts.get(display)!.charCodeAt(0) === 0xfeff && parsed.text.charCodeAt(0) !== 0xfeff ? '\uFEFF' : '';
    io.stdout(bom + parsed.text);
    const remaining = lint(display, parsed);
    const shown = options.quiet ? remaining.filter((d) => d.severity === 'error') : remaining;
    if (shown.length > 0) io.stderr(escapeOutput(FORMATTERS.text([{ file: display, diagnostics: shown }]), 'text'));
    return exitCode([{ file: display, diagnostics: remaining }], 0, options.maxWarnings, notice);
  }

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
        warn: notice,
      });
      if (outcome.status === 'failed') {
        unreadable++;
        notice(outcome.message);
        continue;
      }
      // The report below lints the file again (other files may have been fixed since): with this parse.
      texts.set(file.display, outcome.text);
      store.upsert(file.display, outcome.text, outcome.parsed);
      kept.keep(file.display, outcome.parsed);
      if (outcome.status === 'written') notice(`fixed ${outcome.applied} problem${outcome.applied === 1 ? '' : 's'} in ${printable(file.display)}`);
    }
  }

  const reports: FileReport[] = [];
  for (const file of files) {
    const text = texts.get(file.display);
    const large = tooLarge.get(file.display);
    if (large) reports.push(large);
    if (text === undefined) continue;
    const diagnostics = lint(file.display, kept.take(file.display, text));
    const encoding = options.stdin ? undefined : await invalidUtf8DiagnosticFor(file.absolute, file.display, text);
    reports.push({ file: file.display, diagnostics: encoding ? [encoding, ...diagnostics] : diagnostics, text });
  }
  // --quiet shows errors only; every finding still counts below.
  const shown = options.quiet ? reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : reports;
  const printed = format === 'sarif' || format === 'github' ? fromRepositoryRoot(shown, absolutes, io.cwd) : shown;
  // Nothing could be read at all (a missing folder): the error on stderr says it; "No problems in 0 files." would contradict it.
  if (reports.length > 0 || unreadable === 0 || format !== 'text') io.stdout(escapeOutput(FORMATTERS[format](printed), format));

  return exitCode(reports, unreadable, options.maxWarnings, notice);
}

/** What `<stdin>` is called without --stdin-filename. */
const STDIN_DISPLAY = '<stdin>';

/** 2 when something could not be read, 1 for an error or more warnings than --max-warnings allows (said on stderr, as ESLint says it), else 0. */
function exitCode(reports: readonly FileReport[], unreadable: number, maxWarnings: number | undefined, notice: (line: string) => void): number {
  const warnings = reports.reduce((sum, r) => sum + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (tooManyWarnings) notice(`found too many warnings (${warnings}; maximum: ${maxWarnings}).`);
  if (unreadable > 0) return 2;
  return tooManyWarnings || reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** `--max-warnings N`: a whole number, 0 or more. */
function maxWarningsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--max-warnings must be a whole number of warnings (0 or more), got "${value}".`);
  return Number(value);
}

/**
 * SARIF and GitHub annotations name files from the repository root (the nearest folder holding `.git`
 * above the current folder, found without running git), whatever folder the command ran in, so code
 * scanning and the Actions UI find them. A file outside the repository keeps its absolute path.
 */
function fromRepositoryRoot(reports: readonly FileReport[], absolutes: ReadonlyMap<string, string>, cwd: string): FileReport[] {
  const root = findRepositoryRoot(cwd);
  if (root === undefined) return [...reports];
  const rename = (display: string): string => {
    const absolute = absolutes.get(display);
    if (absolute === undefined || absolute === '') return display;
    return isInside(absolute, root) ? relative(root, absolute).split(sep).join('/') : absolute;
  };
  return reports.map((report) => ({
    ...report,
    file: rename(report.file),
    diagnostics: report.diagnostics.map((d) => (d.related ? { ...d, related: d.related.map((r) => ({ ...r, file: rename(r.file) })) } : d)),
  }));
}

/** A file that cannot be checked at all (too large to read), reported at its first character like a syntax error. */
function fileProblem(message: string): Diagnostic {
  const origin = { line: 0, character: 0 };
  return { rule: 'yaml-syntax', severity: 'error', message: message[0].toUpperCase() + message.slice(1) + '.', range: { start: origin, end: origin } };
}
