import type { LintSettings, RuleLevel } from './settings';
import { RECOVERY_GAP_KEY } from './timelinePhases';
import { CORE_SLUGS, RULES } from '../rules/index';

const ALL_SLUGS: readonly string[] = [...CORE_SLUGS, ...RULES.map((rule) => rule.slug)];

/** The debounce after a keystroke when the editor sets none (`postmortem.lintDelayMs`). */
export const DEFAULT_LINT_DELAY_MS = 120;

/**
 * The lint settings an editor's `postmortem.*` settings give, for every host: the extension reads
 * them from VS Code, the language server from `workspace/configuration`. `get` returns the value
 * of a dotted key (`rules.schema`, `timelineGapMinutes.sev1`) when the user set it, undefined
 * otherwise: defaults would override `.postmortem.yaml` with the built-in values.
 */
export function settingsFromEditor(get: (key: string) => unknown): Partial<LintSettings> {
  const result: Partial<LintSettings> = {};
  // Each rule is its own setting, `postmortem.rules.<slug>` (generated into package.json from the
  // rule list), so the Settings editor lists them all; `default` means "keep the rule's own severity".
  const levels: Record<string, RuleLevel> = {};
  const rules = get('rules');
  const candidates: Array<[string, unknown]> = rules && typeof rules === 'object' ? Object.entries(rules) : [];
  for (const slug of ALL_SLUGS) candidates.push([slug, get(`rules.${slug}`)]);
  for (const [slug, level] of candidates) {
    if (level === 'off' || level === 'error' || level === 'warning' || level === 'info' || level === 'hint') levels[slug] = level;
  }
  if (Object.keys(levels).length > 0) result.rules = levels;
  const people = get('people');
  if (Array.isArray(people)) result.people = people.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const holidays = get('holidays');
  if (Array.isArray(holidays)) result.holidays = holidays.filter((h): h is string => typeof h === 'string');
  const gaps: Record<string, number> = {};
  const sev1 = get('timelineGapMinutes.sev1');
  const sev2and3 = get('timelineGapMinutes.sev2and3');
  if (typeof sev1 === 'number' && sev1 > 0) gaps['SEV-1'] = sev1;
  if (typeof sev2and3 === 'number' && sev2and3 > 0) Object.assign(gaps, { 'SEV-2': sev2and3, 'SEV-3': sev2and3 });
  const recovery = get('timelineGapMinutes.recovery');
  if (typeof recovery === 'number' && recovery > 0) gaps[RECOVERY_GAP_KEY] = recovery;
  if (Object.keys(gaps).length > 0) result.timelineGapMinutes = gaps;
  return result;
}

/** `postmortem.lintDelayMs` as used: a number between 0 and 2000, else the default. */
export function lintDelayFrom(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), 2000) : DEFAULT_LINT_DELAY_MS;
}

/** Above this many post-mortems `postmortem.workspaceDiagnostics: auto` stays off: linting them all on every cross-file change costs too much. */
export const AUTO_LIMIT = 1000;

/** Whether post-mortems nobody has open get diagnostics too (`postmortem.workspaceDiagnostics`), for a workspace of `count` post-mortems. */
export function workspaceDiagnosticsEnabled(setting: unknown, count: number): boolean {
  if (setting === 'off' || setting === false) return false;
  if (setting === 'on' || setting === true) return true;
  return count < AUTO_LIMIT;
}
