#!/usr/bin/env node
// Generates, from src/rules/index.ts, what must never drift from the rules
// themselves: the rule table of README.md and README.marketplace.md (between the rules-table markers),
// one `postmortem.rules.<slug>` setting per rule in package.json, so the
// Settings editor lists every rule with its description and levels, and the rule slugs
// `.postmortem.yaml` accepts in schemas/postmortem-config.schema.json.
//
// Usage: node scripts/gen-rule-docs.mjs            rewrite README.md / package.json when stale
//        node scripts/gen-rule-docs.mjs --check    exit 1 (and write nothing) when either is stale
//        [--readme PATH]                           another README (tests)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- rules-table:start -->';
export const END = '<!-- rules-table:end -->';

const SEVERITY_LABEL = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The Markdown table for a list of rules; `docsBase` is the doc folder relative to the README. */
export function renderRulesTable(rules, docsBase = 'docs/rules') {
  const lines = [
    '| ID | Rule | Default severity | What it flags |',
    '|---|---|---|---|',
    ...rules.map(
      (rule) =>
        `| ${cell(rule.id)} | [\`${cell(rule.slug)}\`](${docsBase}/${rule.slug}.md) | ${SEVERITY_LABEL[rule.defaultSeverity] ?? cell(rule.defaultSeverity)}${rule.crossFile ? ' (cross-file)' : ''} | ${cell(rule.description)} |`,
    ),
  ];
  return lines.join('\n');
}

const CORE_SETTINGS = [
  { slug: 'schema', description: 'The document does not match the post-mortem format (schemas/postmortem.schema.json).', defaultSeverity: 'error' },
  { slug: 'yaml-syntax', description: 'The file is not valid YAML (syntax errors, duplicate keys, several documents, alias bombs).', defaultSeverity: 'error' },
  {
    slug: 'unused-suppression',
    description: 'A `# postmortem-disable...` comment suppresses nothing, names an unknown rule or is misspelt (docs/suppressions.md).',
    defaultSeverity: 'warning',
  },
];
const LEVELS = ['default', 'off', 'error', 'warning', 'info', 'hint'];

/**
 * package.json text with one `postmortem.rules.<slug>` setting per rule (and the
 * core slugs), replacing the previous generated ones and keeping every other key.
 */
export function replaceRuleSettings(packageText, rules) {
  const manifest = JSON.parse(packageText);
  const properties = manifest.contributes.configuration.properties;
  const kept = Object.fromEntries(Object.entries(properties).filter(([key]) => key !== 'postmortem.rules' && !key.startsWith('postmortem.rules.')));
  const generated = {};
  for (const rule of [...CORE_SETTINGS, ...rules]) {
    const id = rule.id ? `**${rule.id}** ` : '';
    generated[`postmortem.rules.${rule.slug}`] = {
      type: 'string',
      enum: LEVELS,
      default: 'default',
      markdownDescription: `${id}\`${rule.slug}\`: ${rule.description} Default severity: ${rule.defaultSeverity}${rule.id ? ` (docs/rules/${rule.slug}.md)` : ''}. \`default\` keeps it; \`off\` turns it off; a severity replaces it. \`.postmortem.yaml\` does the same for the CLI.`,
    };
  }
  manifest.contributes.configuration.properties = { ...kept, ...generated };
  const eol = packageText.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify(manifest, null, 2).replace(/\n/g, eol) + eol;
}

/**
 * schemas/postmortem-config.schema.json text with `rules` listing exactly the slugs src/core/config.ts
 * accepts (the core checks, then every rule), each with its description; every other key kept.
 */
export function replaceConfigSchemaRules(schemaText, rules) {
  const schema = JSON.parse(schemaText);
  const properties = {};
  for (const rule of [...CORE_SETTINGS, ...rules]) {
    properties[rule.slug] = {
      description: `${rule.id ? `${rule.id} ` : ''}${rule.description} Default severity: ${rule.defaultSeverity}.`,
      allOf: [{ $ref: '#/definitions/level' }],
    };
  }
  schema.properties.rules.properties = properties;
  const eol = schemaText.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify(schema, null, 2).replace(/\n/g, eol) + eol;
}

/** README text with the table between the markers replaced; throws when the markers are missing. */
export function replaceTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README has no ${START} ... ${END} markers`);
  const eol = readme.includes('\r\n') ? '\r\n' : '\n';
  return `${readme.slice(0, start + START.length)}${eol}${table.replace(/\n/g, eol)}${eol}${readme.slice(end)}`;
}

export async function loadRules() {
  const mod = await tsImport(pathToFileURL(join(root, 'src/rules/index.ts')).href, import.meta.url);
  const rules = mod.RULES ?? mod.default?.RULES;
  if (!Array.isArray(rules)) throw new Error('src/rules/index.ts exports no RULES array');
  return rules;
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const readmeIndex = args.indexOf('--readme');
  // The developers' README and the Marketplace one (packaged as the .vsix's README) carry the same table.
  const readmePaths = readmeIndex >= 0 ? [args[readmeIndex + 1]] : [join(root, 'README.md'), join(root, 'README.marketplace.md')];
  const rules = await loadRules();
  const missingDocs = rules.filter((r) => !existsSync(join(root, 'docs/rules', `${r.slug}.md`))).map((r) => r.slug);
  const readmes = readmePaths.map((path) => {
    const text = readFileSync(path, 'utf8');
    return { path, text, updated: replaceTable(text, renderRulesTable(rules)), name: relative(process.cwd(), path) || path };
  });
  const name = readmes.map((r) => r.name).join(' and ');
  const packagePath = join(root, 'package.json');
  const packageText = readFileSync(packagePath, 'utf8');
  const updatedPackage = replaceRuleSettings(packageText, rules);
  const configSchemaPath = join(root, 'schemas/postmortem-config.schema.json');
  const configSchemaText = readFileSync(configSchemaPath, 'utf8');
  const updatedConfigSchema = replaceConfigSchemaRules(configSchemaText, rules);
  if (missingDocs.length > 0) console.error(`gen-rule-docs: no doc page for ${missingDocs.join(', ')} (docs/rules/<slug>.md)`);
  if (check) {
    for (const readme of readmes) {
      if (readme.updated === readme.text) continue;
      console.error(`gen-rule-docs: the rule table in ${readme.name} is stale; run \`npm run docs:rules\`.`);
      process.exit(1);
    }
    if (updatedPackage !== packageText) {
      console.error('gen-rule-docs: the postmortem.rules.* settings in package.json are stale; run `npm run docs:rules`.');
      process.exit(1);
    }
    if (updatedConfigSchema !== configSchemaText) {
      console.error('gen-rule-docs: the rules of schemas/postmortem-config.schema.json are stale; run `npm run docs:rules`.');
      process.exit(1);
    }
    console.log(`gen-rule-docs: ${name} lists all ${rules.length} rules.`);
    process.exit(missingDocs.length > 0 ? 1 : 0);
  }
  for (const readme of readmes) if (readme.updated !== readme.text) writeFileSync(readme.path, readme.updated);
  if (updatedPackage !== packageText) writeFileSync(packagePath, updatedPackage);
  if (updatedConfigSchema !== configSchemaText) writeFileSync(configSchemaPath, updatedConfigSchema);
  console.log(`gen-rule-docs: ${readmes.every((r) => r.updated === r.text) ? 'unchanged' : 'updated'} ${name} (${rules.length} rules).`);
  // tsx keeps its loader alive; the rules hold no handles worth waiting for.
  process.exit(missingDocs.length > 0 ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`gen-rule-docs: ${error.stack ?? error}`);
    process.exit(2);
  });
}
