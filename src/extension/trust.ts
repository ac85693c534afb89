/**
 * What the extension may do in a folder it has not been told to trust. No
 * `vscode` import: the decision is a pure function, tested without an editor.
 *
 * In an untrusted (Restricted Mode) workspace the extension still lints,
 * previews and reviews, but never runs git and never reads the repository's
 * people from disk: git reads the repository's own `.git/config`, which can
 * name programs to run. The package.json `untrustedWorkspaces` description
 * says the same to the user.
 */
export interface FolderTrust {
  /** The workspace folder's URI scheme: `file` for a local folder. */
  scheme: string;
  /** `vscode.workspace.isTrusted`. */
  trusted: boolean;
}

/** Whether the repository's people (git authors, CODEOWNERS) are read for the blameless rules. */
export function mayReadRepositoryPeople({ scheme, trusted }: FolderTrust): boolean {
  // git and CODEOWNERS are read with Node from a local disk: never for a virtual folder, never before trust.
  return trusted && scheme === 'file';
}
