import type { Severity } from '../../core/types';
import type { FileReport } from './index';
import { escapeTerminal } from '../../core/excerpt';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands, one annotation per diagnostic:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`
 * (1-based). Info and hints become notices.
 */
export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) {
      const properties = [
        `file=${escapeProperty(report.file)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(d.rule)}`,
      ];
      lines.push(`::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/**
 * The message part: `%`, CR and LF must be percent-encoded or the runner cuts the command (GitHub's own
 * toolkit does exactly this). Other control characters would reach the log as they are, so they are
 * written as visible escapes (`\x1b`), as the text format writes them.
 */
export function escapeData(text: string): string {
  return escapeTerminal(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Property values also separate on `,` and `:`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
