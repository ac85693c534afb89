import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where the server's package keeps its rule pages and links: `<root>/docs/rules/<slug>.md`. */
export class DocLinks {
  constructor(private readonly packageRootUri: string) {}

  ruleDoc(slug: string): string {
    return `${this.packageRootUri}/docs/rules/${encodeURIComponent(slug)}.md`;
  }

  /** A fix's link: an absolute URI as is; a path like `docs/rules/x.md#why` inside the package. */
  resolve(link: string): string {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return link;
    const [path, fragment] = link.split('#', 2);
    const joined = `${this.packageRootUri}/${path.split('/').filter(Boolean).map(encodeURIComponent).join('/')}`;
    return fragment ? `${joined}#${encodeURIComponent(fragment)}` : joined;
  }
}

/**
 * A core diagnostic as the extension shows it (src/extension/diagnostics.ts): source `postmortem`,
 * the rule's slug as code with its doc page, related locations in other files. `ownKey` is the name
 * the core knows this document by, `ownUri` the client's: a related location in the document itself
 * points at the client's URI.
 */
export function toLspDiagnostic(d: Diagnostic, links: DocLinks, ownKey: string, ownUri: string): LspDiagnostic {
  const diagnostic: LspDiagnostic = {
    range: d.range,
    message: d.message,
    severity: SEVERITY[d.severity],
    source: 'postmortem',
    code: d.rule,
    codeDescription: { href: links.ruleDoc(d.rule) },
  };
  if (d.related && d.related.length > 0) {
    diagnostic.relatedInformation = d.related.map((r) => ({
      location: { uri: r.file === ownKey ? ownUri : r.file, range: r.range },
      message: r.message,
    }));
  }
  return diagnostic;
}
