import { dirname, resolve } from 'node:path';
import { PROJECT_CONFIG_FILE } from '../core/config';
import { findRepositoryRoot, loadProjectConfig } from '../core/projectConfig';
import { loadRepositoryPeople } from '../core/repositoryPeople';
import { mergeSettings, type LintSettings } from '../core/settings';
import { printable } from '../core/excerpt';

// Finding files is shared by every command (src/core/discover.ts); `describeFsError` stays
// importable from here for the commands that only read or write one named file.
export { describeFsError } from '../core/discover';

/**
 * The settings `lint` and `render` check with: the nearest `.postmortem.yaml`
 * above `cwd` (up to the repository root), whose bad entries are reported
 * through `warn` and left out, plus the people the repository knows (git
 * authors, CODEOWNERS) for the blameless rules.
 */
export async function loadLintSettings(cwd: string, warn: (message: string) => void): Promise<LintSettings> {
  const config = loadProjectConfig(cwd);
  for (const w of config.warnings) warn(`${printable(config.file ?? PROJECT_CONFIG_FILE)}:${w.range.start.line + 1}:${w.range.start.character + 1} ${printable(w.message)}`);
  // The repository root: the folder with `.git`, else the config's folder, else the cwd.
  const repositoryDir = findRepositoryRoot(cwd) ?? (config.file ? dirname(config.file) : resolve(cwd));
  let people: string[] = [];
  try {
    people = await loadRepositoryPeople(repositoryDir);
  } catch {
    // Without git or CODEOWNERS the rules still know authors, owners and the roster.
  }
  return mergeSettings(config.settings, { people });
}
