import { RULES } from '../../rules/index';
import type { Range, Severity } from '../../core/types';
import type { FileReport } from './index';
import packageJson from '../../../package.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The checks the core runs itself, besides the review rules of src/rules. */
const CORE_RULES = [
  { slug: 'yaml-syntax', description: 'The file is well-formed YAML holding one document.', defaultSeverity: 'error' as Severity },
  { slug: 'schema', description: 'The document follows the post-mortem format (schemas/postmortem.schema.json).', defaultSeverity: 'error' as Severity },
];

interface PackageInfo {
  name?: string;
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

/** Where SARIF viewers send people to learn about the tool: the package's homepage or repository, else its npm page. */
export function informationUri(info: PackageInfo): string {
  if (info.homepage) return info.homepage;
  const repository = typeof info.repository === 'string' ? info.repository : info.repository?.url;
  if (repository && /^https?:\/\//.test(repository)) return repository.replace(/\.git$/, '');
  return `https://www.npmjs.com/package/${info.name ?? 'postmortems-as-code'}`;
}

/**
 * A SARIF 2.1.0 log for code-scanning uploads: one run, the driver listing
 * every rule (so a result's `ruleIndex` resolves), regions 1-based with
 * columns counted in UTF-16 code units as the editor counts them.
 */
export function formatSarif(reports: readonly FileReport[]): string {
  const info = packageJson as PackageInfo;
  const rules = [
    ...CORE_RULES.map((r) => ({ id: r.slug, description: r.description, severity: r.defaultSeverity })),
    ...RULES.map((r) => ({ id: r.slug, description: r.description, severity: r.defaultSeverity, stableId: r.id })),
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) =>
    report.diagnostics.map((d) => {
      const index = ruleIndex.get(d.rule);
      return {
        ruleId: d.rule,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: physicalLocation(report.file, d.range) }],
        ...(d.related && d.related.length > 0
          ? {
              relatedLocations: d.related.map((r, i) => ({
                id: i,
                message: { text: r.message },
                physicalLocation: physicalLocation(r.file, r.range),
              })),
            }
          : {}),
      };
    }),
  );
  const log = {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem',
            fullName: 'Post-Mortems as Code',
            ...(info.version ? { version: info.version, semanticVersion: info.version } : {}),
            informationUri: informationUri(info),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              help: { text: `${r.description} See docs/rules/${r.id}.md.` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              ...('stableId' in r && r.stableId ? { properties: { stableId: r.stableId } } : {}),
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Where a result or a related location is: SARIF regions count lines and columns from 1. */
function physicalLocation(file: string, range: Range) {
  return {
    artifactLocation: { uri: toUri(file) },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

/** A relative or absolute path as a URI reference: forward slashes, percent-encoded; absolute paths become file URIs. */
function toUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  const slashed = path.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${slashed.slice(0, 2)}${encoded.slice(encoded.indexOf('/'))}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}
