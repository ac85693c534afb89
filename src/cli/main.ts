/**
 * `postmortem`: the command-line face of the same core the extension uses.
 * Subcommands live in their own files; this file only dispatches.
 * Exit codes: 0 clean (or only warnings/info), 1 when any error is found, 2 on usage errors.
 */
import { escapeTerminal } from '../core/excerpt';
import { ownValue } from '../core/lookup';
import { packageVersion } from './packageInfo';
import { requireChunk } from './compileCache';
import { join } from 'node:path';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Standard input's bytes (for `-`), read until the end or past `limit`; absent where there is none. */
  readStdin?: (limit: number) => Promise<Buffer>;
}

type Subcommand = (args: string[], io: CliIO) => Promise<number> | number;

/*
 * Each subcommand is required on first use: the build makes each its own file (dist/cli-lint.js, ...:
 * scripts/build.mjs), so a run compiles only the one it needs, and in the bundle through V8's code cache
 * (./compileCache.ts), so a second run compiles next to nothing. `require`, not `import()`: node's ESM
 * loader would scan a whole CommonJS bundle for its exports first, which costs more than the lint.
 */
/** Defined (true) by the build in dist/cli.js, where the subcommands are sibling bundles; absent under tsx. */
declare const POSTMORTEM_CLI_BUNDLE: boolean | undefined;
function subcommand<T>(name: string, fromSource: () => T): T {
  return typeof POSTMORTEM_CLI_BUNDLE !== 'undefined' ? (requireChunk(join(__dirname, `cli-${name}.js`)) as T) : fromSource();
}
/* eslint-disable @typescript-eslint/no-require-imports */
const SUBCOMMANDS: Record<string, () => Subcommand> = {
  lint: () => subcommand('lint', () => require('./lint') as typeof import('./lint')).runLint,
  new: () => subcommand('new', () => require('./new') as typeof import('./new')).runNew,
  render: () => subcommand('render', () => require('./render') as typeof import('./render')).runRender,
  review: () => subcommand('review', () => require('./review') as typeof import('./review')).runReview,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export const USAGE = `Usage: postmortem <command> [options]

Commands:
  lint [paths...]     Check post-mortems (files or folders; default postmortems/)
  new                 Create the next post-mortem file (--title, --severity, [--dir])
  render FILE         Render one post-mortem (--format html|markdown|json)
  review [paths...]   The quarterly review across post-mortems (--format markdown|json|html)

Options:
  -v, --version       Print the version and exit
  -h, --help          Show this help

Run "postmortem <command> --help" for a command's options.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.stdout : io.stderr)(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${packageVersion}\n`);
    return 0;
  }
  const load = ownValue(SUBCOMMANDS, command);
  if (!load) {
    io.stderr(`postmortem: unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  return load()(rest, io);
}

/**
 * `postmortem review | head` closes stdout early: the reader has all it wants, so the run ends quietly
 * with status 0, as cat and grep do, instead of an EPIPE stack trace. Any other stream error is a failure.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    exit(error.code === 'EPIPE' ? 0 : 2);
  });
}

/** Reads a stream to its end, stopping once it holds more than `limit` bytes. (Here, not in stdin.ts: cli.js stays small.) */
export async function readStream(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    length += buffer.length;
    if (length > limit) break;
  }
  return Buffer.concat(chunks, length);
}

if (require.main === module) {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    // Notices name files at their source (printable); this net catches any escape sequence a message let through.
    stderr: (t) => process.stderr.write(escapeTerminal(t)),
    cwd: process.cwd(),
    readStdin: (limit) => readStream(process.stdin, limit),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`postmortem: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
