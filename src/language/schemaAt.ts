/**
 * What the post-mortem schema says about one place of a document, for the
 * editor features: the schema at a path, the keys a mapping may take, the
 * values a scalar may take, and its documentation.
 */
import type { Path } from '../core/parse';
import { POSTMORTEM_SCHEMA, type SchemaNode } from '../core/schemaInfo';

/** The schema's nodes also carry Markdown documentation, which the editor shows. */
export type DocumentedSchema = SchemaNode & { markdownDescription?: string };

/** The subschema at `path` (mapping keys and sequence indexes), or undefined when the schema has no such place. */
export function schemaAtPath(path: Path): DocumentedSchema | undefined {
  let node: DocumentedSchema | undefined = POSTMORTEM_SCHEMA;
  for (const segment of path) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? node.items : ownProperty(node.properties, segment);
  }
  return node;
}

/** `properties[key]` only when it is the schema's own key: `constructor` or `__proto__` typed in a document is no schema. */
function ownProperty(properties: Record<string, SchemaNode> | undefined, key: string): SchemaNode | undefined {
  return properties && Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
}

/** True when a value at this place is a mapping (keys are completed there). */
export function isMappingSchema(schema: SchemaNode | undefined): boolean {
  return schema?.type === 'object' || schema?.properties !== undefined;
}

/**
 * The values this place takes, when the schema lists them: enum members, constants of
 * alternatives (`users_affected: all`), `true`/`false`, and small whole-number ranges (a factor
 * score 0 to 3). Strings, numbers and booleans, in the schema's order.
 */
export function valueChoices(schema: SchemaNode | undefined): Array<string | number | boolean> {
  if (!schema) return [];
  const found: Array<string | number | boolean> = [];
  const add = (value: unknown): void => {
    if ((typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && !found.includes(value)) found.push(value);
  };
  for (const node of [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    for (const value of node.enum ?? []) add(value);
    if (node.const !== undefined) add(node.const);
    if (node.type === 'boolean') {
      add(true);
      add(false);
    }
    if (node.type === 'integer' && node.minimum !== undefined && node.maximum !== undefined && node.maximum - node.minimum <= 10) {
      for (let value = node.minimum; value <= node.maximum; value++) add(value);
    }
  }
  return found;
}

/** The documentation of a place: its Markdown description, else its plain one. */
export function schemaDocumentation(schema: DocumentedSchema | undefined): string | undefined {
  return schema?.markdownDescription ?? schema?.description;
}
