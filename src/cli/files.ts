import { dirname, resolve } from 'node:path';
import { PROJECT_CONFIG_FILE, type ProjectConfig } from '../core/config';
import { findRepositoryRoot, loadProjectConfig, readProjectConfigFile } from '../core/projectConfig';
import { loadRepositoryPeople } from '../core/repositoryPeople';
import { mergeSettings, type LintSettings } from '../core/settings';
import { printable } from '../core/excerpt';

// Finding files is shared by every command (src/core/discover.ts); `describeFsError` stays
// importable from here for the commands that only read or write one named file.
export { describeFsError } from '../core/discover';

/** Which `.postmortem.yaml` applies: the nearest above `startDir` (default), the file `--config` names, or none (`--no-config`). */
export interface ConfigChoice {
  startDir: string;
  /** `--config FILE`, resolved. */
  file?: string;
  /** `--no-config`. */
  none?: boolean;
}

/** A config named with `--config` that cannot be read: the command stops (exit 2), as ESLint does. */
export class ConfigReadError extends Error {}

/** The project config the choice names, its bad entries reported through `warn` and left out. Throws ConfigReadError for an unreadable `--config`. */
export function loadChosenConfig(choice: ConfigChoice, warn: (message: string) => void): ProjectConfig & { file?: string } {
  if (choice.none) return { settings: {}, warnings: [] };
  const config = choice.file ? readProjectConfigFile(choice.file) : loadProjectConfig(choice.startDir);
  if (choice.file && 'unread' in config && config.unread) throw new ConfigReadError(`cannot read the config ${printable(choice.file)}: ${config.unread}`);
  for (const w of config.warnings) warn(`${printable(config.file ?? PROJECT_CONFIG_FILE)}:${w.range.start.line + 1}:${w.range.start.character + 1} ${printable(w.message)}`);
  return config;
}

/**
 * The settings `lint` and `render` check with: the project config (see loadChosenConfig) plus the
 * people the repository knows (git authors, CODEOWNERS) for the blameless rules. The people lookup
 * (a `git log`) starts at once and is awaited last, so it runs while the caller reads its files.
 */
export function startLintSettings(choice: ConfigChoice, warn: (message: string) => void): () => Promise<LintSettings> {
  const config = loadChosenConfig(choice, warn);
  // The repository root: the folder with `.git`, else the config's folder, else the start folder.
  const repositoryDir = findRepositoryRoot(choice.startDir) ?? (config.file ? dirname(config.file) : resolve(choice.startDir));
  // Without git or CODEOWNERS the rules still know authors, owners and the roster.
  const people = loadRepositoryPeople(repositoryDir).catch(() => [] as string[]);
  return async () => mergeSettings(config.settings, { people: await people });
}

/** startLintSettings for the nearest config above `cwd`, awaited. */
export async function loadLintSettings(cwd: string, warn: (message: string) => void): Promise<LintSettings> {
  return startLintSettings({ startDir: cwd }, warn)();
}
