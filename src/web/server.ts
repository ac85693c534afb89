/**
 * The language server in a browser web worker: the same startServer as `postmortem-language-server`
 * (src/server/main.ts), over the worker's message port, with files read through the web extension
 * (src/web/serverHost.ts). The extension's URI (the package root, for rule doc links) is set as a
 * global by the script that loads this one (src/web/extension.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../server/server';
import { PACKAGE_ROOT_GLOBAL } from './protocol';
import { createWebHost } from './serverHost';

/** Set by scripts/build.mjs from package.json. */
declare const POSTMORTEM_VERSION: string | undefined;
/** The worker's global scope (the project's types are DOM's, not WebWorker's: they cannot be loaded together). */
declare const self: Worker & Record<typeof PACKAGE_ROOT_GLOBAL, string | undefined>;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
// A bug must cost one answer, not the server.
self.addEventListener('error', (event) => connection.console.error(`postmortem: unexpected error: ${event.message}`));
self.addEventListener('unhandledrejection', (event) => {
  const reason = (event as PromiseRejectionEvent).reason as { stack?: string } | undefined;
  connection.console.error(`postmortem: unexpected rejection: ${String(reason?.stack ?? reason)}`);
});
startServer(connection, createWebHost(connection, self[PACKAGE_ROOT_GLOBAL] ?? ''), {
  name: 'postmortem-language-server (web worker)',
  version: typeof POSTMORTEM_VERSION === 'string' ? POSTMORTEM_VERSION : '0.0.0-dev',
});
