import type { FileReport } from './index';

/**
 * The machine format of the issue: one array, one object per file, ranges
 * 0-based as in LSP. Only the documented fields are written (no fixes or
 * related information), so consumers can rely on the exact shape.
 */
export function formatJson(reports: readonly FileReport[]): string {
  const out = reports.map((report) => ({
    file: report.file,
    diagnostics: report.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
