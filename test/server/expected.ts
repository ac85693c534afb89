// What the server must publish for a text, computed here from the core directly (lintText) and mapped
// by hand to LSP as the extension maps it: the tests compare the server's answer with this.
import { pathToFileURL } from 'node:url';
import { lintText, type LintOptions } from '../../src/core/lint';
import { repoRoot } from './client';

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;
export const DOCS_URI = `${pathToFileURL(repoRoot).href}/docs/rules`;

export function expectedDiagnostics(text: string, uri: string, options: LintOptions = {}): unknown[] {
  return lintText(text, { file: uri, ...options }).diagnostics.map((d) => ({
    range: d.range,
    message: d.message,
    severity: SEVERITY[d.severity],
    source: 'postmortem',
    code: d.rule,
    codeDescription: { href: `${DOCS_URI}/${d.rule}.md` },
    ...(d.related?.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: r.file, range: r.range }, message: r.message })) } : {}),
  }));
}
