import { RULES } from '../../rules/index';
import type { Diagnostic, Range, Severity } from '../../core/types';
import { parsePostmortem } from '../../core/parse';
import { pathAtOffset } from '../../render/index';
import type { FileReport } from './index';
import { packageHomepage, packageName, packageVersion } from '../packageInfo';
import { readRulePage, ruleHelp } from './ruleHelp';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key of our fingerprint in `partialFingerprints`; the version changes whenever what is hashed changes. */
export const FINGERPRINT_KEY = 'postmortemFinding/v1';

/** The checks the core runs itself, besides the review rules of src/rules. They have no rule page. */
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
 * every rule (so a result's `ruleIndex` resolves) with its page as `help`,
 * regions 1-based with columns counted in UTF-16 code units as the editor
 * counts them, and a fingerprint per result that survives lines moving.
 * No `helpUri`: the rule pages have no published address (the package has no
 * repository URL), and a made-up one would send people to a 404.
 */
export function formatSarif(reports: readonly FileReport[], readPage: (slug: string) => string | undefined = readRulePage): string {
  const info: PackageInfo = { name: packageName, version: packageVersion, homepage: packageHomepage };
  const rules = [
    ...CORE_RULES.map((r) => ({ id: r.slug, description: r.description, severity: r.defaultSeverity })),
    ...RULES.map((r) => ({ id: r.slug, description: r.description, severity: r.defaultSeverity, stableId: r.id })),
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) => {
    const fingerprints = fingerprintsOf(report);
    return report.diagnostics.map((d, i) => {
      const index = ruleIndex.get(d.rule);
      return {
        ruleId: d.rule,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: physicalLocation(report.file, d.range) }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] },
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
    });
  });
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
            rules: rules.map((r) => {
              const page = readPage(r.id);
              const help = page === undefined ? undefined : ruleHelp(page);
              return {
                id: r.id,
                shortDescription: { text: r.description },
                fullDescription: { text: help?.fullDescription ?? r.description },
                help: help ? { text: help.text, markdown: help.markdown } : { text: r.description },
                defaultConfiguration: { level: LEVEL[r.severity] },
                ...('stableId' in r && r.stableId ? { properties: { stableId: r.stableId } } : {}),
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/**
 * One fingerprint per diagnostic of a file, for code scanning to match a finding across commits:
 * a hash of the rule, the file, the message (whitespace collapsed) and the YAML path of the
 * finding's start (`timeline.3.at`), never its line, so a finding keeps its alert when lines above
 * it are added or removed. Equal findings are told apart by their order (`hash:2`), as GitHub's own
 * `primaryLocationLineHash` does. Without the file's text the path is left out.
 */
export function fingerprintsOf(report: FileReport): string[] {
  const parsed = report.text !== undefined && report.diagnostics.length > 0 ? parsePostmortem(report.text) : undefined;
  const seen = new Map<string, number>();
  return report.diagnostics.map((d) => {
    const path = parsed ? pathAtOffset(parsed, parsed.lines.offsetAt(d.range.start)) : undefined;
    const hash = crypto().createHash('sha256')
      .update(JSON.stringify([d.rule, report.file.replace(/\\/g, '/'), normalizeMessage(d), path ?? null]))
      .digest('hex')
      .slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

function normalizeMessage(d: Diagnostic): string {
  return d.message.replace(/\s+/g, ' ').trim();
}

/**
 * Where a result or a related location is: SARIF regions count lines and columns from 1, and the end column is
 * exclusive. A range ending at the very start of a line (a block that ends with its line break) ends on the line
 * before: its end column is then left out, which SARIF reads as the end of that line.
 */
function physicalLocation(file: string, range: Range) {
  const endsAtLineStart = range.end.character === 0 && range.end.line > range.start.line;
  return {
    artifactLocation: { uri: toUri(file) },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      ...(endsAtLineStart ? { endLine: range.end.line } : { endLine: range.end.line + 1, endColumn: range.end.character + 1 }),
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

/** node:crypto on first use: loading it (OpenSSL and its certificates) costs every `postmortem lint`, and only SARIF hashes. */
function crypto(): typeof import('node:crypto') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:crypto') as typeof import('node:crypto');
}
