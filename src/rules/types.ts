import type { ParsedPostmortem, Path } from '../core/parse';
import type { Postmortem } from '../core/model';
import type { CalendarDate } from '../core/time';
import type { Fix, Range, RelatedInformation, Severity } from '../core/types';
import type { LintSettings } from '../core/settings';
import type { WorkspaceIndex } from '../core/workspace';
import type { LintMemo } from '../core/lintMemo';

/** What a rule reports; the linter adds the slug and settles the severity. */
export interface RuleReport {
  message: string;
  range: Range;
  /** Overrides the rule's default severity for this one report (e.g. a hint inside a warning rule). */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedInformation[];
}

export interface RuleContext {
  parsed: ParsedPostmortem;
  /** The document's data; may fail the schema, so check every value. */
  doc: Postmortem;
  today: CalendarDate;
  settings: LintSettings;
  /** Path or URI of the file being linted, as the caller names it (for cross-file rules). */
  file?: string;
  /** Every other post-mortem of the workspace, for cross-file rules; absent when linting one text alone. */
  workspace?: WorkspaceIndex;
  /** Results of earlier lints of the same document, per entry text, when the caller keeps them (the language server). */
  memo?: LintMemo;
  report(report: RuleReport): void;
  /** Convenience: the key range at `path`, else the nearest ancestor's. */
  rangeAt(path: Path, prefer?: 'key' | 'value'): Range;
}

export interface Rule {
  /** Stable id, like markdownlint's MD011: `PM101`. */
  id: string;
  /** Readable id used in settings, `.postmortem.yaml` and `lint --format json`: `action-owner-missing`. */
  slug: string;
  /** One line: what the rule flags. */
  description: string;
  defaultSeverity: Severity;
  /** True for rules that read other files (duplicate-id, repeat-incident). */
  crossFile?: boolean;
  check(context: RuleContext): void;
}
