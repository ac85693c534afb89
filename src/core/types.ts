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
  /**
   * What the edits promise to change in the document's data: each path and, where the rule knows it, the value
   * it will hold. Before a fix is applied (`lint --fix`, the editor's quick fix) its result is parsed again, and
   * the fix is refused when anything else changed (src/core/fixCheck.ts). A fix with edits and no `changes` is
   * never applied by `lint --fix`; `changes: []` promises that the data stays exactly the same (a comment added).
   */
  changes?: FixChange[];
  /** Set on the "Disable <rule> for this line" quick fix (src/core/suppressions.ts): the rule it suppresses. */
  suppresses?: string;
}

/** One place a fix changes: a path in the document's data and, when given, the value it will hold there. */
export interface FixChange {
  path: ReadonlyArray<string | number>;
  /** The promised value; absent when only the path is known (free text rewritten in place, say). */
  value?: unknown;
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
