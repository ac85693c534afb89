import { parsePostmortem, type ParsedPostmortem, type Path } from './parse';
import { asPostmortem, asString, isRecord } from './model';
import { validateSchema } from './validate';
import { mergeSettings, type LintSettings } from './settings';
import { todayDate, type CalendarDate } from './time';
import type { Diagnostic, Range, Severity } from './types';
import type { WorkspaceIndex } from './workspace';
import { RULES } from '../rules/index';
import type { Rule, RuleReport } from '../rules/types';
import { applySuppressions, disableFix, SUPPRESSION_RULE } from './suppressions';
import type { LintMemo } from './lintMemo';

export interface LintOptions {
  /** The date that date-based rules treat as today (YYYY-MM-DD or a date); default the real date. */
  today?: string | CalendarDate;
  /** The file's path or URI as the caller names it. */
  file?: string;
  settings?: Partial<LintSettings>;
  workspace?: WorkspaceIndex;
  /** Drafts get no leniency: an error stays an error in a draft (`lint --strict`). Default off. */
  strict?: boolean;
  /** The rules to run; default all. Tests pass one rule. */
  rules?: readonly Rule[];
  /** Results of the previous lints of the same document, for rules to reuse per entry (src/core/lintMemo.ts). */
  memo?: LintMemo;
}

export interface LintResult {
  parsed: ParsedPostmortem;
  diagnostics: Diagnostic[];
}

/** How much of a rule's error message a diagnostic quotes. */
const MAX_ERROR_EXCERPT = 200;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Lint a text: parse, validate against the schema, run the review rules. Never throws. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  const parsed = parsePostmortem(text);
  return { parsed, diagnostics: lintParsed(parsed, options) };
}

export function lintParsed(parsed: ParsedPostmortem, options: LintOptions = {}): Diagnostic[] {
  const steps = lintSteps(parsed, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The lint of lintParsed as steps: it pauses (yields) after the schema check and after each rule, so a caller can
 * give the event loop back between steps and stop when the result is no longer wanted (src/core/incremental.ts).
 */
export function* lintSteps(parsed: ParsedPostmortem, options: LintOptions = {}): Generator<void, Diagnostic[]> {
  options.memo?.startLint();
  const diagnostics = [...parsed.syntaxDiagnostics];
  // With syntax errors the data is a best guess; schema and rule findings on it would mislead.
  if (parsed.hasSyntaxErrors || parsed.data === undefined) return sortDiagnostics(diagnostics);

  const settings = completeSettings(options.settings);
  const ran = new Set<string>();
  const schemaLevel = settings.rules['schema'];
  if (schemaLevel !== 'off') {
    ran.add('schema');
    for (const d of validateSchema(parsed)) diagnostics.push(schemaLevel ? { ...d, severity: schemaLevel } : d);
    yield;
  }

  // A file that is not a mapping at all (empty, a text, a list) has one schema error that says so; rule findings would be noise.
  if (!isRecord(parsed.data)) return finish(parsed, diagnostics, ran, settings);
  const doc = asPostmortem(parsed.data);
  const today = typeof options.today === 'object' ? options.today : todayDate(options.today);
  // In a draft, what would be an error is only a warning: the team is still writing (unless strict).
  const lenient = !options.strict && asString(doc.status) === 'draft';
  for (const rule of options.rules ?? RULES) {
    const level = settings.rules[rule.slug];
    if (level === 'off') continue;
    if (rule.crossFile && !options.workspace) continue;
    ran.add(rule.slug);
    const report = (r: RuleReport): void => {
      let severity: Severity = level ?? r.severity ?? rule.defaultSeverity;
      if (!level && lenient && severity === 'error') severity = 'warning';
      diagnostics.push({ rule: rule.slug, severity, message: r.message, range: r.range, fixes: r.fixes, related: r.related });
    };
    try {
      rule.check({
        parsed,
        doc,
        today,
        settings,
        file: options.file,
        workspace: options.workspace,
        memo: options.memo,
        report,
        rangeAt: (path: Path, prefer?: 'key' | 'value'): Range => parsed.anchorRange(path, prefer),
      });
    } catch (error) {
      // A rule bug must not take the other diagnostics down with it.
      diagnostics.push({
        rule: rule.slug,
        severity: 'hint',
        // Cut: an error can quote its whole input (a failed expression of 100,000 names was a 2.8 MB message).
        message: `Rule ${rule.slug} could not finish on this document: ${String((error as Error)?.message ?? error).slice(0, MAX_ERROR_EXCERPT)}`,
        range: parsed.documentStartRange(),
      });
    }
    yield;
  }
  options.memo?.endLint();
  return finish(parsed, diagnostics, ran, settings);
}

/**
 * In-file suppressions (src/core/suppressions.ts), then a "Disable <rule> for this line" quick fix on every
 * finding left that a comment can suppress, after the rule's own fixes.
 */
function finish(parsed: ParsedPostmortem, found: Diagnostic[], ran: ReadonlySet<string>, settings: LintSettings): Diagnostic[] {
  const diagnostics = applySuppressions(parsed, found, { ran, level: settings.rules[SUPPRESSION_RULE] });
  for (let i = 0; i < diagnostics.length; i++) {
    const fix = disableFix(parsed, diagnostics[i]);
    if (fix) diagnostics[i] = { ...diagnostics[i], fixes: [...(diagnostics[i].fixes ?? []), fix] };
  }
  return sortDiagnostics(diagnostics);
}

/** Completed settings per settings object the host passes: the same object each lint keeps caches keyed by it (holiday sets) warm. */
const completedSettings = new WeakMap<object, LintSettings>();

function completeSettings(settings: Partial<LintSettings> | undefined): LintSettings {
  if (!settings) return mergeSettings();
  let complete = completedSettings.get(settings);
  if (!complete) {
    complete = mergeSettings(settings);
    completedSettings.set(settings, complete);
  }
  return complete;
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}
