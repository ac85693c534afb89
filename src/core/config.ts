import type { LintSettings } from './settings';

/**
 * `.postmortem.yaml`: the repository's own settings, read by the CLI and the
 * extension alike. PLACEHOLDER: filled in by the review-rules work.
 */
export function parseProjectConfig(_text: string): Partial<LintSettings> {
  return {};
}
