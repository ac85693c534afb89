import { parsePostmortem, type Path } from './parse';
import { isRecord } from './model';
import { closestMatch } from './suggest';
import { parseCalendarDate } from './time';
import type { CurrencyConversion, LintSettings, RuleLevel } from './settings';
import type { Range } from './types';
import { CORE_SLUGS, RULES } from '../rules/index';
import { ownValue } from './lookup';
import { RECOVERY_GAP_KEY } from './timelinePhases';

/** The repository's own settings file, found by walking up from the post-mortems (see projectConfig.ts). */
export const PROJECT_CONFIG_FILE = '.postmortem.yaml';

/** A problem in `.postmortem.yaml`: the entry is ignored, the rest still applies. Hosts prefix the file and position. */
export interface ConfigWarning {
  message: string;
  range: Range;
}

export interface ProjectConfig {
  settings: Partial<LintSettings>;
  warnings: ConfigWarning[];
}

const TOP_LEVEL_KEYS = ['rules', 'people', 'holidays', 'timelineGapMinutes', 'currency'] as const;
const LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info', 'hint'];
/** Spellings people write from other linters' configs. */
const LEVEL_ALIASES: Record<string, RuleLevel> = { warn: 'warning', information: 'info', false: 'off', none: 'off' };
const SEVERITY_KEYS = ['SEV-1', 'SEV-2', 'SEV-3'] as const;

/**
 * `.postmortem.yaml`: the repository's own settings, read by the CLI and the
 * extension alike. Never throws and never rejects the whole file for one bad
 * entry: bad entries are left out and described in `warnings`.
 *
 * ```yaml
 * rules: { action-vague: off, timeline-granularity: warning }
 * people: [Priya Natarajan]
 * holidays: [2026-12-25]
 * timelineGapMinutes: { SEV-1: 10, SEV-2: 45 }
 * currency: { report: EUR, rates: { USD: 0.92 } }
 * ```
 */
export function readProjectConfig(text: string): ProjectConfig {
  const warnings: ConfigWarning[] = [];
  const settings: Partial<LintSettings> = {};
  const parsed = parsePostmortem(text);
  for (const d of parsed.syntaxDiagnostics) warnings.push({ message: d.message, range: d.range });
  const data = parsed.data;
  if (data === undefined || data === null) return { settings, warnings };
  const warn = (path: Path, message: string, prefer: 'key' | 'value' = 'key'): void => {
    warnings.push({ message, range: parsed.anchorRange(path, prefer) });
  };
  if (!isRecord(data)) {
    warn([], 'The file must be a mapping of settings (rules, people, holidays, timelineGapMinutes); it is ignored.');
    return { settings, warnings };
  }

  for (const key of Object.keys(data)) {
    if ((TOP_LEVEL_KEYS as readonly string[]).includes(key)) continue;
    const guess = closestMatch(key, TOP_LEVEL_KEYS);
    warn([key], `Unknown setting \`${key}\`${guess ? `; did you mean \`${guess}\`?` : ''} It is ignored.`);
  }

  if ('rules' in data) {
    const rules = readRules(data.rules, warn);
    if (rules) settings.rules = rules;
  }
  if ('people' in data) {
    const people = readStrings(data.people, ['people'], 'a name', warn);
    if (people) settings.people = people;
  }
  if ('holidays' in data) {
    const holidays = readStrings(data.holidays, ['holidays'], 'a date written YYYY-MM-DD', warn, (s) => parseCalendarDate(s.trim()) !== undefined);
    if (holidays) settings.holidays = holidays.map((h) => h.trim());
  }
  if ('timelineGapMinutes' in data) {
    const gaps = readGaps(data.timelineGapMinutes, warn);
    if (gaps) settings.timelineGapMinutes = gaps;
  }
  if ('currency' in data) {
    const currency = readCurrency(data.currency, warn);
    if (currency) settings.currency = currency;
  }
  return { settings, warnings };
}

/** The settings of a `.postmortem.yaml` text, bad entries left out (see `readProjectConfig` for the warnings). */
export function parseProjectConfig(text: string): Partial<LintSettings> {
  return readProjectConfig(text).settings;
}

type Warn = (path: Path, message: string, prefer?: 'key' | 'value') => void;

export function knownSlugs(): string[] {
  return [...CORE_SLUGS, ...RULES.map((r) => r.slug)];
}

function readRules(value: unknown, warn: Warn): Record<string, RuleLevel> | undefined {
  if (value === null) return undefined;
  if (!isRecord(value)) {
    warn(['rules'], '`rules` must be a mapping of rule slug to off, error, warning, info or hint; it is ignored.', 'value');
    return undefined;
  }
  const slugs = knownSlugs();
  const result: Record<string, RuleLevel> = {};
  for (const [slug, raw] of Object.entries(value)) {
    if (!slugs.includes(slug)) {
      const guess = closestMatch(slug, slugs);
      warn(['rules', slug], `Unknown rule \`${slug}\`${guess ? `; did you mean \`${guess}\`?` : ''} It is ignored.`);
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim().toLowerCase() : raw === false ? 'off' : undefined;
    const level = text === undefined ? undefined : (LEVELS as readonly string[]).includes(text) ? (text as RuleLevel) : ownValue(LEVEL_ALIASES, text);
    if (!level) {
      warn(['rules', slug], `\`${slug}\` must be one of ${LEVELS.join(', ')}, not ${JSON.stringify(raw)}; the rule keeps its default.`, 'value');
      continue;
    }
    result[slug] = level;
  }
  return result;
}

function readStrings(value: unknown, path: Path, what: string, warn: Warn, accept: (s: string) => boolean = (s) => s.trim() !== ''): string[] | undefined {
  if (value === null) return undefined;
  // A single value where a list belongs is read as a list of one, with no warning: the intent is plain.
  const items = Array.isArray(value) ? value : [value];
  const result: string[] = [];
  items.forEach((item, index) => {
    const itemPath = Array.isArray(value) ? [...path, index] : path;
    if (typeof item === 'string' && accept(item)) result.push(item);
    else warn(itemPath, `\`${path.join('.')}\` entries must each be ${what}; ${JSON.stringify(item)} is ignored.`, 'value');
  });
  return result;
}

function readGaps(value: unknown, warn: Warn): Record<string, number> | undefined {
  if (value === null) return undefined;
  if (!isRecord(value)) {
    warn(['timelineGapMinutes'], '`timelineGapMinutes` must be a mapping like `{ SEV-1: 15, SEV-2: 60, SEV-3: 60 }`; it is ignored.', 'value');
    return undefined;
  }
  const result: Record<string, number> = {};
  for (const [key, minutes] of Object.entries(value)) {
    const m = /^sev-?([123])$/i.exec(key.trim());
    const severity = m ? `SEV-${m[1]}` : key.trim().toLowerCase() === RECOVERY_GAP_KEY ? RECOVERY_GAP_KEY : undefined;
    if (!severity) {
      const guess = closestMatch(key, SEVERITY_KEYS);
      warn(['timelineGapMinutes', key], `\`${key}\` is not a severity; use ${SEVERITY_KEYS.join(', ')} or ${RECOVERY_GAP_KEY} (after the fix)${guess ? ` (did you mean \`${guess}\`?)` : ''}. It is ignored.`);
      continue;
    }
    if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0) {
      warn(['timelineGapMinutes', key], `The gap for ${severity} must be a positive number of minutes, not ${JSON.stringify(minutes)}; the default stays.`, 'value');
      continue;
    }
    result[severity] = minutes;
  }
  return result;
}

/** Three ASCII letters, in any case: checked before upper-casing, which would read `ßa` as SSA and `ſek` as SEK. */
const CURRENCY_CODE = /^[A-Za-z]{3}$/;

/** `currency: { report: EUR, rates: { USD: 0.92 } }`; a bad rate is left out (that currency stays unconverted), a bad `report` drops the whole entry. */
function readCurrency(value: unknown, warn: Warn): CurrencyConversion | undefined {
  if (value === null) return undefined;
  const example = '`currency` must be a mapping like `{ report: EUR, rates: { USD: 0.92 } }`';
  if (!isRecord(value)) {
    warn(['currency'], `${example}; it is ignored.`, 'value');
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'report' && key !== 'rates') warn(['currency', key], `Unknown key \`${key}\` under \`currency\` (report, rates); it is ignored.`);
  }
  const report = typeof value.report === 'string' ? value.report.trim() : undefined;
  if (!report || !CURRENCY_CODE.test(report)) {
    warn(['currency', ...('report' in value ? ['report'] : [])], `${example}: \`report\` is the three-letter code (ISO 4217) amounts are converted into; the conversion is ignored.`, 'value');
    return undefined;
  }
  const rates: Record<string, number> = Object.create(null);
  const given = value.rates;
  if (given !== undefined && given !== null && !isRecord(given)) {
    warn(['currency', 'rates'], '`currency.rates` must map a currency code to how many units of the report currency one unit is worth; it is ignored.', 'value');
  } else if (isRecord(given)) {
    for (const [key, rate] of Object.entries(given)) {
      if (!CURRENCY_CODE.test(key.trim())) {
        warn(['currency', 'rates', key], `\`${key}\` is not a three-letter currency code; it is ignored.`);
        continue;
      }
      const code = key.trim().toUpperCase();
      if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
        warn(['currency', 'rates', key], `The rate for ${code} must be a positive number, not ${JSON.stringify(rate)}; ${code} amounts are not converted.`, 'value');
        continue;
      }
      rates[code] = rate;
    }
  }
  return { report: report.toUpperCase(), rates: { ...rates } };
}
