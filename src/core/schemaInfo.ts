/**
 * Read-only questions about schemas/postmortem.schema.json that turn Ajv's
 * errors into sentences: which keys a mapping allows, where else a key
 * belongs, and what a value must look like, described for a person.
 * Only consulted when a document has schema errors.
 */
import schemaJson from '../../schemas/postmortem.schema.json';
import { DATE_TIME_FORMAT } from './schemaFormats';

export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  if?: SchemaNode;
  then?: SchemaNode;
  title?: string;
  description?: string;
}

export const POSTMORTEM_SCHEMA = schemaJson as unknown as SchemaNode;

/** Example values the messages show, so a person sees the expected shape at once. */
export const DATE_TIME_EXAMPLE = '2023-08-15T10:00:00Z';
export const DATE_EXAMPLE = '2023-08-16';

/** What each pattern of the schema means; Ajv only knows the regular expression. */
const PATTERN_DESCRIPTIONS: Record<string, string> = {
  '^[A-Z][A-Z0-9]*-\\d{4}-\\d{2}-\\d{2}-\\d{3,}$':
    'an incident id PREFIX-YYYY-MM-DD-NNN, like INC-2023-08-15-001 (an upper-case prefix, the date and a number of at least three digits)',
  '^([01]?\\d|2[0-3]):[0-5]\\d$': 'a time HH:MM, like "10:25"',
  '^[A-Z]{3}$': 'a three-letter currency code, like USD',
};

/** The subschema an Ajv `schemaPath` (`#/properties/summary/required`) points into, minus `drop` trailing segments. */
export function schemaAtPointer(pointer: string, drop = 0): SchemaNode | undefined {
  const key = `${drop}${pointer}`;
  if (!pointerCache.has(key)) pointerCache.set(key, resolvePointer(pointer, drop));
  return pointerCache.get(key);
}

// The schema is fixed, so are the answers; a document with one mistake repeated in every entry asks them again and again.
const pointerCache = new Map<string, SchemaNode | undefined>();
const descriptionCache = new WeakMap<SchemaNode, string>();

function resolvePointer(pointer: string, drop: number): SchemaNode | undefined {
  const segments = pointer.replace(/^#\/?/, '').split('/').filter((s) => s !== '');
  let node: unknown = POSTMORTEM_SCHEMA;
  for (const raw of segments.slice(0, segments.length - drop)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node !== null && typeof node === 'object' ? (node as SchemaNode) : undefined;
}

/** The keys a mapping schema allows, in the schema's (the format page's) order. */
export function allowedKeys(schema: SchemaNode | undefined): string[] {
  return schema?.properties ? Object.keys(schema.properties) : [];
}

let keyHomes: Map<string, string[]> | undefined;

/**
 * Where in the format a key name is defined, as readable paths (`severity` ->
 * [`summary`]), so a key written at the wrong level can be sent home.
 */
export function homesOfKey(key: string): string[] {
  if (!keyHomes) {
    keyHomes = new Map();
    const walk = (schema: SchemaNode, where: string): void => {
      for (const [name, child] of Object.entries(schema.properties ?? {})) {
        const list = keyHomes!.get(name) ?? [];
        list.push(where);
        keyHomes!.set(name, list);
        walk(child, where ? `${where}.${name}` : name);
      }
      if (schema.items) walk(schema.items, `${where}[]`);
    };
    walk(POSTMORTEM_SCHEMA, '');
  }
  return keyHomes.get(key) ?? [];
}

/** "a, b or c" */
export function listOr(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** "a, b and c" */
export function listAnd(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

/** What a value matching `schema` looks like, as a noun phrase: "a whole number from 0 to 3". */
export function describeSchema(schema: SchemaNode | undefined): string {
  if (!schema) return 'a valid value';
  let description = descriptionCache.get(schema);
  if (description === undefined) {
    description = describeUncached(schema);
    descriptionCache.set(schema, description);
  }
  return description;
}

function describeUncached(schema: SchemaNode): string {
  const alternatives = schema.anyOf ?? schema.oneOf;
  // Examples go in parentheses so "A, like x or B, like y" cannot be misread.
  if (alternatives) return listOr(alternatives.map((s) => describeSchema(s).replace(/, like (.*)$/, ' (like $1)')));
  if (schema.enum) return `one of ${schema.enum.map(String).join(', ')}`;
  if (schema.const !== undefined) return typeof schema.const === 'string' ? `"${schema.const}"` : String(schema.const);
  if (schema.format === DATE_TIME_FORMAT) return `an ISO 8601 date-time with a UTC offset, like ${DATE_TIME_EXAMPLE}`;
  if (schema.format === 'date') return `a date YYYY-MM-DD, like ${DATE_EXAMPLE}`;
  if (schema.format === 'uri') return 'a full URL, like https://example.com/page';
  if (schema.pattern) return PATTERN_DESCRIPTIONS[schema.pattern] ?? 'text in the documented form';
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      return `a whole number${bounds(schema)}`;
    case 'number':
      return `a number${bounds(schema)}`;
    case 'object': {
      const keys = allowedKeys(schema);
      return keys.length > 0 ? `a mapping of keys (${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', ...' : ''})` : 'a mapping of keys';
    }
    case 'array': {
      const item = schema.items;
      if (item && (item.type === 'string' || item.pattern || item.format) && !item.enum) return 'a list of texts';
      if (item?.type === 'object') return 'a list of mappings';
      return 'a list';
    }
    case 'string':
      return schema.minLength ? 'a non-empty text' : 'a text';
    default:
      return 'a valid value';
  }
}

function bounds(schema: SchemaNode): string {
  const { minimum, maximum } = schema;
  if (minimum !== undefined && maximum !== undefined) return ` from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return ` of at least ${minimum}`;
  if (maximum !== undefined) return ` of at most ${maximum}`;
  return '';
}

/**
 * When a `then` branch makes a key required, the condition in words, from the
 * sibling `if`: `{ properties: { regime: { const: OSHA } } }` -> "`regime` is OSHA".
 */
export function describeCondition(condition: SchemaNode | undefined): string | undefined {
  const parts: string[] = [];
  for (const [key, sub] of Object.entries(condition?.properties ?? {})) {
    if (sub.const !== undefined) parts.push(`\`${key}\` is ${String(sub.const)}`);
    else if (sub.enum) parts.push(`\`${key}\` is ${listOr(sub.enum.map(String))}`);
  }
  return parts.length > 0 ? listAnd(parts) : undefined;
}
