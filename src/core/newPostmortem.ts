/**
 * Creating a new post-mortem: the id, the file name and the template text.
 * Pure functions: the hosts (the `New Post-Mortem` command, `postmortem new`)
 * read the target folder themselves and hand its files over as plain data.
 */

import { isAlias, isMap, isScalar } from 'yaml';
import { parsePostmortem } from './parse';
import { escapeRegExp } from './regexp';

export const DEFAULT_ID_PREFIX = 'INC';
// The choices and dates a host asks the user for, without the parser: the editor's features bundle imports them alone.
export { SEVERITY_CHOICES, dateTimeOn, isIsoDate, isNewSeverity, localIsoDate, localIsoDateTime, pseudoFilesystemOf, type NewSeverity } from './newPostmortemChoices';
import type { NewSeverity } from './newPostmortemChoices';
/**
 * A file-name slug: lower case ASCII words joined by `-`, accents folded
 * ("Paiement échoué" -> "paiement-echoue"), at most 60 characters cut at a
 * word boundary. A title with nothing usable gives `incident`.
 */
export function slugify(title: string, maxLength = 60): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug || 'incident';
}

/**
 * The next id for `date`: `PREFIX-YYYY-MM-DD-NNN`, one more than the highest
 * number already used that day with that prefix. Gaps are not refilled: a
 * deleted post-mortem's id may still be cited in another's `related`, so an id
 * is never handed out twice. Numbers are zero-padded to three digits and simply
 * grow past 999 (`-1000`).
 */
export function nextId(existingIds: Iterable<string>, date: string, prefix = DEFAULT_ID_PREFIX): string {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}-${escapeRegExp(date)}-(\\d+)$`);
  let highest = 0;
  for (const id of existingIds) {
    const m = pattern.exec(id.trim());
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return `${prefix}-${date}-${String(highest + 1).padStart(3, '0')}`;
}

/**
 * The ids a folder's files use: each file's top-level `id`, and any id written in its file name
 * (`INC-2026-03-02-001.pm.yaml`). A file with exactly one top-level `id:` line holding a well-formed id
 * (the common case, after a BOM or not, plain or quoted) is read from that line; any other file is read
 * with the YAML parser (flow `{id: ...}`, a block scalar, escapes, an alias), and its `id:` lines are
 * kept too, so a half-written file that does not parse still reserves its id. Parsing every file would
 * cost seconds in a folder of thousands; reserving one id too many is harmless, handing one out twice is not.
 */
export function idsInFiles(files: Iterable<{ name: string; text?: string }>): string[] {
  const ids: string[] = [];
  const anyId = /[A-Za-z][A-Za-z0-9]*-\d{4}-\d{2}-\d{2}-\d+/g;
  const wellFormed = /^[A-Za-z][A-Za-z0-9]*-\d{4}-\d{2}-\d{2}-\d+$/;
  for (const file of files) {
    ids.push(...(file.name.match(anyId) ?? []));
    if (file.text === undefined) continue;
    const lines = [...file.text.matchAll(/^\uFEFF?id:[ \t]*(['"]?)([^'"#\r\n]*?)\1[ \t]*(?:#.*)?$/gm)].map((m) => m[2].trim()).filter(Boolean);
    ids.push(...lines);
    if (lines.length === 1 && wellFormed.test(lines[0])) continue;
    const parsed = parsedId(file.text);
    if (parsed) ids.push(parsed);
  }
  return [...new Set(ids)];
}

/** The top-level `id` of a post-mortem text, read by the YAML parser; also from a document with errors elsewhere. */
function parsedId(text: string): string | undefined {
  const document = parsePostmortem(text).document;
  const contents = document?.contents;
  if (!document || !isMap(contents)) return undefined;
  const node = contents.get('id', true);
  const value = isAlias(node) ? node.resolve(document) : node;
  return isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value).trim() : undefined;
}

export function newPostmortemFileName(date: string, slug: string, suffix = 1): string {
  return suffix > 1 ? `${date}-${slug}-${suffix}.pm.yaml` : `${date}-${slug}.pm.yaml`;
}

/** The first file name for (date, slug) that is not taken: `...-slug.pm.yaml`, then `...-slug-2.pm.yaml`, ... */
export function freeFileName(date: string, slug: string, taken: ReadonlySet<string>): string {
  for (let suffix = 1; ; suffix++) {
    const name = newPostmortemFileName(date, slug, suffix);
    if (!taken.has(name)) return name;
  }
}

/** A YAML scalar for any title: plain when that is unambiguous, else double-quoted (JSON quoting is valid YAML). */
function yamlString(value: string): string {
  const plainSafe = /^[A-Za-z][^:#\r\n\t]*$/.test(value) && !/\s$/.test(value) && !/^(true|false|null|yes|no|on|off)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

export interface NewPostmortemInput {
  id: string;
  title: string;
  severity: NewSeverity | string;
  /** The incident's date, `YYYY-MM-DD`. */
  date: string;
  /** Used for `summary.start`/`end` placeholders: an ISO date-time with offset. */
  now: string;
}

/**
 * The template: every section, with placeholder values that keep the file
 * valid YAML, and comments that tell the writer what each part is for. It is a
 * `draft`, so the review rules only warn while it is being filled in.
 */
export function newPostmortemText({ id, title, severity, date, now }: NewPostmortemInput): string {
  // Comments start in one column so the template reads as a form.
  const c = (content: string, comment: string): string => `${content.padEnd(35)} # ${comment}`;
  const factor = (key: string, hint: string): string => c(`  ${key}: { score: 0 }`, hint);
  const lines = [
    '# Blameless post-mortem: describe systems and processes, never a person\'s mistake.',
    '# Replace every placeholder. Snippets for each section start with "pm-".',
    `id: ${id}`,
    `title: ${yamlString(title)}`,
    c('status: draft', 'draft | in-review | reviewed | closed'),
    c('authors: [Your Name]', 'who wrote this post-mortem'),
    c(`# reviewed: ${date}`, 'date of the review meeting; action deadlines count from it'),
    c('industry: other', 'fintech | healthcare | saas | e-commerce | manufacturing | other'),
    c('services: [service-name]', 'the services that were affected'),
    '',
    'summary:',
    c(`  start: ${now}`, 'when the impact began (ISO 8601 with offset)'),
    c(`  end: ${now}`, 'when the impact ended'),
    c(`  severity: ${severity}`, 'SEV-1 revenue | SEV-2 customers | SEV-3 internal'),
    '  impact:',
    c('    users_affected: 0', 'a whole number, or "all"'),
    '    sla_breached: false',
    '  detection:',
    c('    method: monitoring', 'monitoring | customer-report | internal'),
    c(`    first_alert: ${now}`, 'the first alert entry of the timeline'),
    c('  description: |', 'Markdown'),
    '    What happened, who was affected and how, in two or three sentences.',
    '',
    c('timeline:', 'in time order; "HH:MM" = that time on summary.start\'s day'),
    ...(
      [
        ['The change or event that started the incident', 'trigger'],
        ['The first alert or report', 'alert'],
        ['The on-call engineer is paged', 'notified'],
        ['Investigation starts', 'investigating'],
        ['The cause is found', 'root-cause'],
        ['The fix is deployed', 'fix-deployed'],
        ['Service is back to normal', 'resolved'],
      ] as const
    ).flatMap(([event, kind], i) => [
      `  - at: ${now}`,
      `    event: ${event}`,
      i === 0 ? c(`    kind: ${kind}`, 'trigger | alert | notified | investigating | root-cause | fix-deployed | resolved | note') : `    kind: ${kind}`,
    ]),
    '',
    'root_cause:',
    c('  whys:', 'Why 1 = the direct cause ... Why 5 = an organizational cause, never a person'),
    '    - Why 1',
    '    - Why 2',
    '    - Why 3',
    '    - Why 4',
    '    - Why 5',
    c('  category: process', 'one of the ten factor keys below'),
    '',
    c('contributing_factors:', '0 not a factor .. 3 primary contributor; 2 and 3 need notes'),
    factor('monitoring', 'alerts, dashboards, logs'),
    factor('testing', 'test coverage of this failure mode'),
    factor('documentation', 'runbooks, docs'),
    factor('process', 'review, release, on-call process'),
    factor('knowledge_concentration', 'knowledge held by few people'),
    factor('capacity', 'limits, quotas, load'),
    factor('third_party', 'vendors, external services'),
    factor('communication', 'between teams, with customers'),
    factor('change_management', 'how the change was made'),
    factor('technical_debt', 'known shortcuts that bit'),
    '',
    c('went_well:', '3 to 5 entries'),
    '  - What worked',
    '  - What worked',
    '  - What worked',
    c('got_lucky: []', 'where luck, not design, limited the damage'),
    '',
    c('action_items:', 'every item needs an owner and a deadline'),
    '  - action: Add an alert on the failure mode',
    c('    owner: team-name', 'a person or a team'),
    `    deadline: ${date}`,
    c('    priority: P1', 'P0 next business day | P1 7 days | P2 31 days, from reviewed'),
    c('    status: open', 'open | in-progress | done | wont-do (needs reason)'),
    c('    type: detect', 'detect | mitigate | prevent | process'),
    '',
    'recurrence_prevention:',
    c('  monitoring: false', 'monitoring added or improved for this failure mode'),
    c('  runbook: false', 'runbook created or updated'),
    c('  tests: false', 'test coverage added'),
    c('  architecture_change: false', 'when true, add rfc: <link>'),
    '  training: false',
    '',
    c('cost:', 'optional; amounts in currency'),
    '  currency: USD',
    '  revenue_lost: 0',
    '  sla_credits: 0',
    '  vendor_costs: 0',
    '  engineering_hours: 0',
    c('  loaded_rate: 0', 'per engineering hour'),
    '',
    c('regulatory: []', `e.g. - { regime: GDPR, discovered: ${date} }`),
    c('related: []', 'ids of earlier incidents this one repeats'),
  ];
  return lines.join('\n') + '\n';
}

export interface PlannedPostmortem {
  id: string;
  fileName: string;
  text: string;
}

/**
 * Everything a host needs to write a new post-mortem into a folder, given the
 * folder's current files (names, and texts where readable).
 */
export function planNewPostmortem(options: {
  title: string;
  severity: string;
  date: string;
  now: string;
  existing: ReadonlyArray<{ name: string; text?: string }>;
  prefix?: string;
}): PlannedPostmortem {
  const id = nextId(idsInFiles(options.existing), options.date, options.prefix);
  const fileName = freeFileName(options.date, slugify(options.title), new Set(options.existing.map((f) => f.name)));
  const text = newPostmortemText({ id, title: options.title, severity: options.severity, date: options.date, now: options.now });
  return { id, fileName, text };
}
