/**
 * The summary's description is Markdown. It is rendered with raw HTML off,
 * images off (an image would load from the network the moment the report
 * opens) and only http, https and mailto links, each opened with rel=noopener.
 */
import type MarkdownItType from 'markdown-it';
import { escapeHtml, safeHref } from '../core/html';

/**
 * Longer descriptions are shown as plain text: markdown-it's link parser rescans the rest of a paragraph from
 * every `[` (1 MB of `[` took over 20 s), and a real description is a few thousand characters.
 */
export const MAX_MARKDOWN_DESCRIPTION = 100_000;

let instance: MarkdownItType.MarkdownIt | undefined;

function markdown(): MarkdownItType.MarkdownIt {
  if (instance) return instance;
  // Required on first use, not imported: markdown-it and its entity tables are
  // then evaluated when a preview first renders, not while the extension activates.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('markdown-it') as typeof MarkdownItType | { default: typeof MarkdownItType };
  const MarkdownIt = 'default' in loaded ? loaded.default : loaded;
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable(['image']);
  md.validateLink = (url: string): boolean => safeHref(url) !== undefined;
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  instance = md;
  return md;
}

export function renderDescriptionHtml(text: string): string {
  if (text.length > MAX_MARKDOWN_DESCRIPTION) {
    return text
      .split(/\n[ \t]*\n/)
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>\n`)
      .join('');
  }
  return markdown().render(text);
}
