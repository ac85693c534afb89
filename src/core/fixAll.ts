/**
 * Fix-all, shared by `postmortem lint --fix` and the editor's `source.fixAll.postmortem`: lint, apply every safe
 * fix that passes the fix check (src/core/fixCheck.ts), lint again and repeat until nothing changes. Fixes that
 * touch each other are applied in later passes. A refused fix is never applied and is named with its reason;
 * the result never has a YAML error or a comment the text did not have or lose.
 */
import { safeFixes } from './fix';
import { checkFixes } from './fixCheck';
import { lintParsed, type LintOptions } from './lint';
import { parsePostmortem, type ParsedPostmortem } from './parse';
import type { Diagnostic, Fix } from './types';

/** Safe fixes can enable other safe fixes (a missing key, then its value); stop well before a loop could matter. */
export const MAX_FIX_PASSES = 10;

export interface RefusedFix {
  fix: Fix;
  /** A sentence for a person: why the fix was not applied. */
  reason: string;
}

export interface FixAllOptions extends LintOptions {
  /** How to lint each pass's text; default `lintParsed` with these options. The CLI passes its workspace-aware lint. */
  lint?: (parsed: ParsedPostmortem) => Diagnostic[];
  /** Told of each refused fix once, as it is refused. */
  onRefused?: (refused: RefusedFix) => void;
}

export interface FixAllResult {
  /** The fixed text (byte-order mark kept), or the text given when nothing was applied. */
  text: string;
  /** The parse of `text` (without its byte-order mark, as parsePostmortem returns it). */
  parsed: ParsedPostmortem;
  /** How many fixes were applied. */
  applied: number;
  refused: RefusedFix[];
}

/** Applies every safe fix of `text`; see the file comment. Never throws on any text. */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  return fixAllParsed(parsePostmortem(text), options, text);
}

/** As `fixAll`, from a parse the caller already has. `original` is the text as read (with its byte-order mark). */
export function fixAllParsed(start: ParsedPostmortem, options: FixAllOptions = {}, original: string = start.text): FixAllResult {
  const lint = options.lint ?? ((parsed: ParsedPostmortem) => lintParsed(parsed, options));
  let parsed = start;
  let applied = 0;
  const refused: RefusedFix[] = [];
  const refusedKeys = new Set<string>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = safeFixes(lint(parsed)).filter((fix) => !refusedKeys.has(fixKey(fix)));
    const accepted: Fix[] = [];
    for (const fix of fixes) {
      const check = checkFixes(parsed, [fix]);
      if (check.ok) {
        accepted.push(fix);
        continue;
      }
      refusedKeys.add(fixKey(fix));
      refused.push({ fix, reason: check.reason });
      options.onRefused?.({ fix, reason: check.reason });
    }
    if (accepted.length === 0) break;
    // Each fix passed alone; together they may touch each other: then only the first this pass, the rest next pass.
    let together = checkFixes(parsed, accepted);
    let count = accepted.length;
    if (!together.ok) {
      together = checkFixes(parsed, accepted.slice(0, 1));
      count = 1;
    }
    if (!together.ok || together.text === parsed.text) break;
    applied += count;
    parsed = together.parsed;
  }
  if (applied === 0) return { text: original, parsed: start, applied, refused };
  // parsePostmortem drops a byte-order mark from its text: give the original's back.
  const bom = original.charCodeAt(0) === 0xfeff && parsed.text.charCodeAt(0) !== 0xfeff ? '\uFEFF' : '';
  return { text: bom + parsed.text, parsed, applied, refused };
}

function fixKey(fix: Fix): string {
  return `${fix.title}\n${JSON.stringify(fix.edits.map((e) => e.range))}`;
}
