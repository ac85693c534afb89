/**
 * `postmortem-language-server`: the language server in Node. With `--stdio` it talks LSP on
 * stdin/stdout (Neovim, Helix, Emacs, JetBrains); started by vscode-languageclient it talks over
 * Node IPC (`--node-ipc`); `createConnection` reads the transport from the arguments.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeHost } from './nodeHost';
import { startServer } from './server';

/** Set by scripts/build.mjs from package.json; absent when run from source. */
declare const POSTMORTEM_VERSION: string | undefined;
const VERSION = typeof POSTMORTEM_VERSION === 'string' ? POSTMORTEM_VERSION : '0.0.0-dev';
const NAME = 'postmortem-language-server';

export const USAGE = `Usage: ${NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The Post-Mortems as Code language server: diagnostics, quick fixes, fix-all
(source.fixAll.postmortem) and rule hover for *.pm.yaml files, over the
Language Server Protocol.

Options:
  --stdio            Talk LSP on stdin and stdout (what most editors start)
  --node-ipc         Talk over Node IPC (vscode-languageclient)
  --socket=PORT      Connect to a socket on PORT
  --pipe=NAME        Connect to a named pipe
  --clientProcessId=PID  Exit when that process ends
  --version, -v      Print the version
  --help, -h         Print this help
`;

function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (!argv.some((arg) => /^--(?:stdio|node-ipc|socket=|pipe=)/.test(arg))) {
    process.stderr.write(`${NAME}: say how to talk: --stdio (most editors) or --node-ipc\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const connection = createConnection(ProposedFeatures.all);
  // A bug must cost one answer, not the server: every editor loses its diagnostics when it exits.
  process.on('uncaughtException', (error) => connection.console.error(`postmortem: unexpected error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`postmortem: unexpected rejection: ${String((reason as Error)?.stack ?? reason)}`));
  startServer(connection, createNodeHost(), { name: NAME, version: VERSION });
}

main(process.argv.slice(2));
