#!/usr/bin/env node
// Generates the "Required keys" part of docs/format.md from
// schemas/postmortem.schema.json, so the page can never say a key is optional
// while the schema (and the `schema` diagnostics) require it.
//
// Usage: node scripts/gen-format-docs.mjs            rewrite docs/format.md when stale
//        node scripts/gen-format-docs.mjs --check    exit 1 (and write nothing) when stale
//        [--doc PATH]                              another page (tests)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- required-keys:start (generated from schemas/postmortem.schema.json by `npm run docs:format`; do not edit) -->';
export const END = '<!-- required-keys:end -->';

/**
 * One row per object of the schema that requires keys: [where, required keys, condition].
 * Objects whose properties all require the same keys (the ten factors) collapse into one row.
 */
export function requiredKeyRows(schema) {
  const rows = [];
  const walk = (node, path) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node.required) && node.required.length > 0) rows.push([path, node.required, null]);
    // `if: { properties: { regime: { const: OSHA } } }, then: { required: [event] }`
    const condition = node.if?.properties && Object.entries(node.if.properties).find(([, v]) => v && 'const' in v);
    if (condition && Array.isArray(node.then?.required)) rows.push([path, node.then.required, `when \`${condition[0]}\` is \`${condition[1].const}\``]);
    const properties = Object.entries(node.properties ?? {});
    const shared = properties.length > 2 && properties.every(([, child]) => JSON.stringify(child.required) === JSON.stringify(properties[0][1].required) && Array.isArray(child.required));
    for (const [key, child] of properties) {
      const childPath = path ? `${path}.${key}` : key;
      if (shared) {
        walk({ ...child, required: undefined }, childPath);
        continue;
      }
      walk(child, childPath);
    }
    if (shared) rows.push([`${path}.<each of the ${properties.length}>`, properties[0][1].required, null]);
    if (node.items) walk(node.items, `${path}[]`);
  };
  walk(schema, '');
  return rows;
}

export function renderRequiredKeys(schema) {
  const code = (s) => `\`${s}\``;
  const lines = [
    '## Required keys',
    '',
    'A document missing one of these gets a `schema` error; the schema requires nothing else. An optional section, once present, must have its own required keys. Some rules ask for more (an action item\'s `owner` and `deadline`: `action-owner-missing`, `action-deadline-missing`).',
    '',
    '| Where | Required keys |',
    '|---|---|',
    ...requiredKeyRows(schema).map(([where, keys, condition]) => `| ${where ? code(where) : 'the document'} | ${keys.map(code).join(', ')}${condition ? ` (${condition})` : ''} |`),
  ];
  return lines.join('\n');
}

/** The page with the section between the markers replaced; throws when the markers are missing. */
export function replaceSection(doc, section) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the page has no ${START} ... ${END} markers`);
  const eol = doc.includes('\r\n') ? '\r\n' : '\n';
  return `${doc.slice(0, start + START.length)}${eol}${section.replace(/\n/g, eol)}${eol}${doc.slice(end)}`;
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const docIndex = args.indexOf('--doc');
  const docPath = docIndex >= 0 ? args[docIndex + 1] : join(root, 'docs', 'format.md');
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'postmortem.schema.json'), 'utf8'));
  const doc = readFileSync(docPath, 'utf8');
  const updated = replaceSection(doc, renderRequiredKeys(schema));
  const name = relative(process.cwd(), docPath) || docPath;
  if (check) {
    if (updated !== doc) {
      console.error(`gen-format-docs: the required keys in ${name} are stale; run \`npm run docs:format\`.`);
      process.exit(1);
    }
    console.log(`gen-format-docs: ${name} lists the schema's required keys.`);
    return;
  }
  if (updated !== doc) writeFileSync(docPath, updated);
  console.log(`gen-format-docs: ${updated === doc ? 'unchanged' : 'updated'} ${name}.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(`gen-format-docs: ${error.stack ?? error}`);
    process.exit(2);
  }
}
