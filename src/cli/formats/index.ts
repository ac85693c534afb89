import type { Diagnostic } from '../../core/types';
import { formatText } from './text';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatGithub } from './github';

/** One linted file: the path as the user gave it or as it was found in a folder, and what remains to fix. */
export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** The text the diagnostics were found in, when it was read: SARIF's fingerprints take YAML paths from it. */
  text?: string;
}

export type Formatter = (reports: readonly FileReport[]) => string;

export const FORMATTERS: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);
