/**
 * The language server's ServerHost in a web worker (github.dev, vscode.dev, code-server's web
 * worker extension host): no disk, so files come from the web extension over the connection
 * (src/web/protocol.ts), which reads them with `vscode.workspace.fs`. What differs from Node
 * (src/server/nodeHost.ts): `.postmortem.yaml` is read from the workspace folder itself, not
 * searched for upwards (a browser workspace folder is the repository); the repository's people
 * are its CODEOWNERS only, since there is no git to run. Nothing here throws.
 */
import type { Connection } from 'vscode-languageserver';
import { parseProjectConfig, PROJECT_CONFIG_FILE } from '../core/config';
import { CODEOWNERS_LOCATIONS, parseCodeowners, uniquePeople } from '../core/codeowners';
import { MAX_FILE_BYTES } from '../core/parse';
import type { ServerHost } from '../server/host';
import { FIND_POSTMORTEMS, READ_TEXT_FILE, type FindPostmortemsParams, type ReadTextFileParams } from './protocol';

export function createWebHost(connection: Connection, packageRootUri: string): ServerHost {
  const readText = async (uri: string): Promise<string | undefined> => {
    try {
      const text = await connection.sendRequest<string | null>(READ_TEXT_FILE, { uri, maxBytes: MAX_FILE_BYTES } satisfies ReadTextFileParams);
      return typeof text === 'string' ? text : undefined;
    } catch {
      return undefined; // the client is gone or refused: as a missing file
    }
  };
  return {
    packageRootUri: trimSlash(packageRootUri),
    // The client spells every URI with `uri.toString()`, on both sides of the requests.
    canonicalUri: (uri) => uri,
    findPostmortems: async (folderUri) => {
      try {
        const found = await connection.sendRequest<unknown>(FIND_POSTMORTEMS, { folderUri } satisfies FindPostmortemsParams);
        return Array.isArray(found) ? found.filter((uri): uri is string => typeof uri === 'string') : [];
      } catch {
        return [];
      }
    },
    readPostmortem: (uri) => readText(uri),
    projectSettings: async (folderUri) => {
      const text = await readText(`${trimSlash(folderUri)}/${PROJECT_CONFIG_FILE}`);
      if (text === undefined) return {};
      try {
        return parseProjectConfig(text);
      } catch {
        return {}; // a broken config must not stop linting
      }
    },
    repositoryPeople: async (folderUri) => {
      const texts = await Promise.all(CODEOWNERS_LOCATIONS.map((location) => readText(`${trimSlash(folderUri)}/${location}`)));
      return uniquePeople(texts.flatMap((text) => (text === undefined ? [] : parseCodeowners(text))));
    },
  };
}

function trimSlash(uri: string): string {
  return uri.replace(/\/+$/, '');
}
