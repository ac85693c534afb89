import type * as vscode from 'vscode';

/**
 * A setting's value only where the user set it (folder, workspace or user scope), never the
 * package.json default: defaults would override `.postmortem.yaml` with the built-in values.
 */
export function explicitSetting<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const inspected = config.inspect<T>(key);
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}
