/**
 * Shared value types of the core. Positions follow LSP: 0-based lines and
 * 0-based UTF-16 code-unit columns, which is what JavaScript string indices are
 * and what VS Code's `Position` expects, so no conversion is needed in the shell.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A replacement of the text in `range` by `newText` (an insertion when the range is empty). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix a rule offers, as data, so the editor (CodeAction) and the CLI (`--fix`) apply the same edits. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes may be applied by `postmortem lint --fix` without a person choosing. */
  safe?: boolean;
  /** A link shown beside the fix (rewrite guidance, say), without an edit. */
  link?: string;
}

/** A location in another file (or this one) that explains a diagnostic. */
export interface RelatedInformation {
  file: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  /** The rule's slug: `schema`, `yaml-syntax`, or a review rule's slug. */
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedInformation[];
}
