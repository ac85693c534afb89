import { lintSteps, type LintOptions, type LintResult } from './lint';
import { LintMemo } from './lintMemo';
import { parsePostmortem, type ParsedPostmortem } from './parse';
import { reparse } from './reparse';

/** How long a lint runs before it gives the event loop back (and asks whether it is still wanted). */
const SLICE_MS = 8;

/**
 * The lint of one open document, kept between its versions so an edit costs what it changed: the parse splices
 * the edited timeline entry, action item or section into the previous one (src/core/reparse.ts, a full parse
 * whenever that is not provably the same), and rules reuse their per-entry results (src/core/lintMemo.ts).
 * The result always equals `lintText` of the same text and options (test/unit/incremental-property.test.ts).
 */
export class DocumentLinter {
  private parsed?: ParsedPostmortem;
  private readonly memo = new LintMemo();

  /** The parse of `text`, from the previous parse when the edit allows it. */
  parse(text: string): ParsedPostmortem {
    const previous = this.parsed;
    // Taken before the splice: if it fails half-way, the next parse starts afresh rather than from a damaged one.
    this.parsed = undefined;
    this.parsed = previous ? reparse(previous, text) : parsePostmortem(text);
    return this.parsed;
  }

  /** Lints `text` at once. */
  lint(text: string, options: LintOptions = {}): LintResult {
    const parsed = this.parse(text);
    const steps = lintSteps(parsed, { ...options, memo: this.memo });
    for (;;) {
      const step = steps.next();
      if (step.done) return { parsed, diagnostics: step.value };
    }
  }

  /**
   * Lints `text` in slices of a few milliseconds; between slices `pause` gives the event loop back and says
   * whether the lint is still wanted. Undefined when it is not (a newer version arrived): the work stops there.
   */
  async lintInSlices(text: string, options: LintOptions, pause: () => Promise<boolean>): Promise<LintResult | undefined> {
    let sliceStart = performance.now();
    const parsed = this.parse(text);
    const steps = lintSteps(parsed, { ...options, memo: this.memo });
    for (;;) {
      const step = steps.next();
      if (step.done) return { parsed, diagnostics: step.value };
      if (performance.now() - sliceStart < SLICE_MS) continue;
      if (!(await pause())) return undefined;
      sliceStart = performance.now();
    }
  }
}
