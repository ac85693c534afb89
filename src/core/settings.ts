import type { Severity } from './types';

/** A rule's configured level: off, or a severity that replaces its default. */
export type RuleLevel = 'off' | Severity;

/**
 * Everything that tunes the checks. The extension fills it from VS Code
 * settings, the CLI from `.postmortem.yaml`; both merge the same way
 * (see `mergeSettings`).
 */
export interface LintSettings {
  /** Per-rule overrides keyed by slug. */
  rules: Record<string, RuleLevel>;
  /** Extra names of people (setting `postmortem.people`, CODEOWNERS, git authors). */
  people: string[];
  /** Dates (YYYY-MM-DD) that are not business days. */
  holidays: string[];
  /** Longest allowed gap between timeline entries, in minutes, by severity. */
  timelineGapMinutes: Record<string, number>;
  /** Converting incident costs into one currency for the quarterly review; null = never convert (figures per currency). */
  currency: CurrencyConversion | null;
}

/**
 * `.postmortem.yaml` `currency: { report: EUR, rates: { USD: 0.92 } }`: amounts in
 * USD count as 0.92 EUR each. Only rates the user gives: the review never looks
 * an exchange rate up, and a currency without a rate is left out (and named).
 */
export interface CurrencyConversion {
  report: string;
  /** Units of `report` per unit of the keyed currency. */
  rates: Record<string, number>;
}

export const DEFAULT_SETTINGS: LintSettings = {
  rules: {},
  people: [],
  holidays: [],
  timelineGapMinutes: { 'SEV-1': 15, 'SEV-2': 60, 'SEV-3': 60 },
  currency: null,
};

/** Later layers win; rule maps and gap tables merge key by key, lists concatenate. */
export function mergeSettings(...layers: Array<Partial<LintSettings> | undefined>): LintSettings {
  const result: LintSettings = {
    rules: { ...DEFAULT_SETTINGS.rules },
    people: [...DEFAULT_SETTINGS.people],
    holidays: [...DEFAULT_SETTINGS.holidays],
    timelineGapMinutes: { ...DEFAULT_SETTINGS.timelineGapMinutes },
    currency: DEFAULT_SETTINGS.currency,
  };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.rules) Object.assign(result.rules, layer.rules);
    // Loops, not push(...list): a people list of 100,000+ names as call arguments overflows the stack.
    for (const person of layer.people ?? []) result.people.push(person);
    for (const holiday of layer.holidays ?? []) result.holidays.push(holiday);
    if (layer.timelineGapMinutes) Object.assign(result.timelineGapMinutes, layer.timelineGapMinutes);
    if (layer.currency) result.currency = layer.currency;
  }
  return result;
}
