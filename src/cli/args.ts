/**
 * The command line of every subcommand, read the same way: node's own
 * `util.parseArgs` (strict: an unknown flag or a missing value is an error),
 * `-h`/`--help` everywhere, and one wording for the usage errors.
 * Exit codes: 0 after --help, 2 on any usage error (see main.ts).
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../core/newPostmortem';
import { boundaryOf } from '../core/discover';
import { escapeTerminal, printable } from '../core/excerpt';
import { readContainedFile, type ContainedRead } from '../core/safeRead';
import type { CliIO } from './main';

type CommandLineConfig = Pick<ParseArgsConfig, 'options' | 'allowPositionals'>;

export interface Command extends CommandLineConfig {
  /** `lint`, `new`, ...: every message starts with `postmortem <name>: `. */
  name: string;
  usage: string;
}

/** A subcommand's name, usage text and options (in `util.parseArgs` terms; `-h`/`--help` is added), with their literal types kept. */
export function defineCommand<const C extends Command>(command: C): C {
  return command;
}

/** A usage error found after parsing; `showUsage` appends the command's usage to the message. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

type Parsed<C extends Command> = ReturnType<typeof parseArgs<{ args: string[]; strict: true; options: C['options']; allowPositionals: C['allowPositionals'] }>>;

/**
 * Parses `args` as `command` declares and hands the result to `read`, which
 * turns it into the command's options (throwing UsageError for a bad value).
 * Returns those options, or the exit code when the command is done: 0 after
 * printing the help, 2 after printing a usage error.
 */
export function readCommandLine<C extends Command, R extends object>(command: C, io: CliIO, args: string[], read: (parsed: Parsed<C>) => R): R | number {
  try {
    const options = { ...command.options, help: { type: 'boolean', short: 'h' } } as const;
    const parsed = parseArgs({ args, strict: true, allowPositionals: command.allowPositionals, options });
    if ((parsed.values as { help?: boolean }).help) {
      io.stdout(withNewline(command.usage));
      return 0;
    }
    return read(parsed as unknown as Parsed<C>);
  } catch (error) {
    if (error instanceof UsageError) return usageError(command, io, error.message, error.showUsage);
    // parseArgs's own errors (unknown option, missing value, unexpected argument) always come with the usage.
    if (String((error as NodeJS.ErrnoException)?.code).startsWith('ERR_PARSE_ARGS')) return usageError(command, io, (error as Error).message, true);
    throw error;
  }
}

function usageError(command: Command, io: CliIO, message: string, showUsage: boolean): number {
  io.stderr(`postmortem ${command.name}: ${escapeTerminal(message)}\n${showUsage ? `\n${withNewline(command.usage)}` : ''}`);
  return 2;
}

/** `--format` and the like: one of `allowed`. */
export function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`unknown ${option} "${value ?? ''}"; use one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** `--today`, `--date`: absent, or an existing calendar date written YYYY-MM-DD. */
export function isoDateOption(option: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`${option} must be a date written YYYY-MM-DD, got "${value}".`);
  return value;
}

/**
 * A post-mortem file (named or found), read as src/core/safeRead.ts allows. When it is not read, one line on
 * stderr says why: `skipped` for a link out of its repository, `cannot read` otherwise. A file too large to
 * check is left to the caller, which reports it as a problem of the file.
 */
export async function readNamedFile(
  command: Command,
  io: CliIO,
  file: string,
  absolute = resolve(io.cwd, file),
  boundary = boundaryOf(absolute, false),
): Promise<ContainedRead> {
  const read = await readContainedFile(absolute, boundary);
  if (!read.ok && read.kind !== 'too-large') io.stderr(`postmortem ${command.name}: ${read.kind === 'outside' ? 'skipped' : 'cannot read'} ${printable(file)}: ${read.message}\n`);
  return read;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
