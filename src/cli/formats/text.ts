import type { Severity } from '../../core/types';
import type { FileReport } from './index';
import { printable } from '../../core/excerpt';

/**
 * For people and editors' problem matchers, like ESLint's compact format:
 * `path:line:col severity message [rule]`, 1-based, then one summary line.
 */
export function formatText(reports: readonly FileReport[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) {
      counts[d.severity]++;
      // One diagnostic, one line: a file name or a message holding a newline or an escape sequence must not forge another.
      const message = printable(d.message.replace(/\s*\r?\n\s*/g, ' '));
      lines.push(`${printable(report.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${message} [${printable(d.rule)}]`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = `${reports.length} file${reports.length === 1 ? '' : 's'}`;
  if (total === 0) {
    lines.push(`No problems in ${files}.`);
  } else {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info} info`, plural(counts.hint, 'hint')];
    // "in 1 of 4 files": all 16 problems in one file must not read as spread over four.
    const withProblems = reports.filter((r) => r.diagnostics.length > 0).length;
    lines.push(`${plural(total, 'problem')} (${parts.join(', ')}) in ${withProblems === reports.length ? files : `${withProblems} of ${files}`}.`);
  }
  return lines.join('\n') + '\n';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
