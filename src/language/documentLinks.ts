/**
 * Links in a post-mortem: each incident id in `related` opens that incident's
 * file (when the workspace knows it), and each URL field of the schema (`rfc`,
 * an action item's `link`, a timeline entry's `source`) opens its page. Only
 * well-formed http(s) URLs are linked: a `javascript:` URL or a value with
 * control characters is plain text, whatever the document says.
 */
import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { DocumentLink, type Range } from 'vscode-languageserver-types';
import type { ParsedPostmortem } from '../core/parse';
import type { SchemaNode } from '../core/schemaInfo';
import { schemaAtPath } from './schemaAt';

/** Where an incident is written: its file and the range of its `id`. */
export interface IncidentTarget {
  uri: string;
  range: Range;
}

/** The workspace's answer to "which file is incident `id`?" (a trimmed id), or undefined when none is. */
export type ResolveIncident = (id: string) => IncidentTarget | undefined;

/** An incident id written in `related`, and where. */
export interface IncidentReference {
  id: string;
  range: Range;
}

/** Longer URLs are not linked: no real page needs them, and editors choke on megabyte links. */
export const MAX_URL_LENGTH = 2048;

const INCIDENT_ID = /^[A-Z][A-Z0-9]*-\d{4}-\d{2}-\d{2}-\d{3,}$/;

export function documentLinks(parsed: ParsedPostmortem, resolveIncident: ResolveIncident): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const reference of incidentReferences(parsed)) {
    const target = resolveIncident(reference.id);
    if (target) links.push({ range: reference.range, target: targetWithLine(target), tooltip: `Open ${reference.id}` });
  }
  const contents = parsed.document?.contents;
  if (isMap(contents)) collectUrls(parsed, contents, schemaAtPath([]), links);
  return links;
}

/** The incident ids of `related` (each a well-formed id), with the range of the id's text. */
export function incidentReferences(parsed: ParsedPostmortem): IncidentReference[] {
  const contents = parsed.document?.contents;
  const related = isMap(contents) ? contents.get('related', true) : undefined;
  if (!isSeq(related)) return [];
  const references: IncidentReference[] = [];
  for (const item of related.items) {
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    const id = item.value.trim();
    const range = textRange(parsed, item);
    if (range && INCIDENT_ID.test(id)) references.push({ id, range });
  }
  return references;
}

/**
 * A file URI that opens at the incident's id: VS Code reads a `#L<line>,<column>` fragment (1-based) of a link
 * target as the place to reveal. A URI that already has a fragment is kept as it is.
 */
function targetWithLine(target: IncidentTarget): string {
  if (target.uri.includes('#')) return target.uri;
  return `${target.uri}#L${target.range.start.line + 1},${target.range.start.character + 1}`;
}

/** Walks the document beside its schema and links every scalar the schema says is a URI. */
function collectUrls(parsed: ParsedPostmortem, node: unknown, schema: SchemaNode | undefined, links: DocumentLink[]): void {
  if (!schema) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const child = schema.properties && Object.prototype.hasOwnProperty.call(schema.properties, key) ? schema.properties[key] : undefined;
      collectUrls(parsed, pair.value, child, links);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) collectUrls(parsed, item, schema.items, links);
  } else if (isScalar(node) && schema.format === 'uri' && typeof node.value === 'string') {
    const href = safeHttpUrl(node.value);
    const range = textRange(parsed, node);
    if (href && range) links.push({ range, target: href });
  }
}

/**
 * The URL to open for `value`, or undefined unless it is a plain absolute http(s) URL: no blanks, control or
 * invisible format characters (a right-to-left override could disguise the host), at most MAX_URL_LENGTH long,
 * with a host. Returned normalized, as the URL parser writes it.
 */
export function safeHttpUrl(value: string): string | undefined {
  if (value.length > MAX_URL_LENGTH || !/^https?:\/\/[^/?#\\]/i.test(value) || /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  return url.href;
}

/** The range of a one-line scalar's text, inside its quotes; undefined for a block scalar (`|`, `>`). */
function textRange(parsed: ParsedPostmortem, node: Node): Range | undefined {
  if (!node.range || !isScalar(node)) return undefined;
  const [start, end] = node.range;
  switch (node.type) {
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return undefined;
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      return end - start >= 2 ? parsed.rangeOfOffsets(start + 1, end - 1) : undefined;
    default:
      return parsed.rangeOfOffsets(start, end);
  }
}
