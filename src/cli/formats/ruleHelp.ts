import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * A rule's page (docs/rules/<slug>.md) for SARIF's `help`, read from disk when a SARIF log is written,
 * never bundled: the pages (50 KB together) ship in the npm package beside dist/, and every other
 * format would pay for them on each start. From the bundle, dist/cli.js: ../docs/rules; from the
 * sources (tests): src/cli/formats/../../../docs/rules. Undefined when the page is missing.
 */
export function readRulePage(slug: string, folders: readonly string[] = RULE_PAGE_FOLDERS): string | undefined {
  if (!/^[a-z0-9-]+$/.test(slug)) return undefined;
  for (const folder of folders) {
    const file = join(folder, `${slug}.md`);
    if (!existsSync(file)) continue;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const RULE_PAGE_FOLDERS = [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', '..', 'docs', 'rules')];

export interface RuleHelp {
  /** The section "What it flags", as plain text: SARIF's `fullDescription`. */
  fullDescription?: string;
  /** The whole page, Markdown, with links between rule pages turned into their text (no base URL to resolve them against). */
  markdown: string;
  /** The same page as plain text. */
  text: string;
}

export function ruleHelp(page: string): RuleHelp {
  const markdown = page.replace(/\[([^\]]*)\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]*)\)/gi, (_, text: string, target: string) => `${text} (${posix.join('docs/rules', target)})`).trim();
  const flags = /^## What it flags\s*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown)?.[1];
  return { markdown, text: plainText(markdown), ...(flags?.trim() ? { fullDescription: plainText(flags) } : {}) };
}

/** Markdown read as text: no heading marks, emphasis, code spans or fences; the words and code lines stay. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^[ \t]*```.*$\n?/gm, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .trim();
}
