/**
 * The language server's access to the disk, in Node: the same contained reader, config lookup and
 * locked-down git the CLI and the extension use. Only `file:` URIs reach the disk; any other scheme
 * (a virtual folder) has no files, config or people here.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { discoverPostmortems, readWorkspacePostmortem } from '../core/discover';
import { findRepositoryRoot, readFolderProjectSettings } from '../core/projectConfig';
import { loadRepositoryPeople } from '../core/repositoryPeople';
import type { ServerHost } from './host';

export function createNodeHost(packageRoot = join(dirname(__filename), '..')): ServerHost {
  return {
    packageRootUri: pathToFileURL(packageRoot).href.replace(/\/$/, ''),
    canonicalUri: (uri) => {
      const path = filePath(uri);
      return path === undefined ? uri : pathToFileURL(path).href;
    },
    findPostmortems: async (folderUri) => {
      const folder = filePath(folderUri);
      if (folder === undefined) return [];
      const { files } = await discoverPostmortems([folder], folder);
      return files.map((file) => pathToFileURL(file.absolute).href);
    },
    readPostmortem: async (uri, folderUri) => {
      const path = filePath(uri);
      if (path === undefined) return undefined;
      return readWorkspacePostmortem(path, folderUri === undefined ? undefined : filePath(folderUri));
    },
    projectSettings: async (folderUri) => {
      const folder = filePath(folderUri);
      return folder === undefined ? {} : readFolderProjectSettings(folder);
    },
    repositoryPeople: async (folderUri) => {
      const folder = filePath(folderUri);
      if (folder === undefined) return [];
      // The repository's CODEOWNERS, as `postmortem lint` run in this folder reads it, even when the folder is a subfolder.
      return loadRepositoryPeople(findRepositoryRoot(folder) ?? folder).catch(() => []);
    },
  };
}

/** The local path of a `file:` URI; undefined for any other scheme or a malformed URI. */
function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
