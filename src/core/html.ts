/**
 * The one HTML escape function of the preview and the quarterly review. Every
 * string that comes from a document goes through it, in text and in attribute
 * values alike (attributes are always double-quoted, and quotes are escaped too).
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const SAFE_SCHEMES = /^(https?:|mailto:)/i;

/**
 * A link target the report may use as an href: http, https and mailto only.
 * `javascript:`, `data:`, `vbscript:`, relative and protocol-relative URLs
 * (which in a webview would resolve against the webview's own origin) give undefined.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Browsers ignore control characters and leading spaces in URLs (`java\tscript:`); so must the check.
  const trimmed = value.trim();
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return undefined;
  if (!SAFE_SCHEMES.test(trimmed)) return undefined;
  if (/^https?:/i.test(trimmed) && !/^https?:\/\/[^/?#]/i.test(trimmed)) return undefined;
  return trimmed;
}
