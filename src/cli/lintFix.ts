/**
 * `lint --fix` for one file: read it again as bytes (refusing links, files outside the paths given and
 * files that are not UTF-8), apply the safe fixes pass by pass, each one checked by parsing its result
 * (src/core/fixCheck.ts), and write the result atomically. Every refusal is one line on stderr that
 * names the file, the fix and the reason; a refused fix leaves the file as it was.
 */
import { safeFixes } from '../core/fix';
import { checkFixes } from '../core/fixCheck';
import type { ParsedPostmortem } from '../core/parse';
import type { Diagnostic, Fix } from '../core/types';
import { FileWriteError, readSnapshot, writeFileAtomically, type AtomicWriteHooks } from './atomicWrite';
import { checkFixTarget, decodeUtf8Strictly, firstInvalidUtf8, invalidUtf8Sentence, type FixRoot } from './fixTarget';

/** Safe fixes can enable other safe fixes (a missing key, then its value); stop well before a loop could matter. */
const MAX_FIX_PASSES = 10;

export interface FixFileRequest {
  display: string;
  absolute: string;
  roots: readonly FixRoot[];
  parse: (text: string) => ParsedPostmortem;
  lint: (parsed: ParsedPostmortem) => Diagnostic[];
  warn: (line: string) => void;
  hooks?: AtomicWriteHooks;
}

export type FixFileOutcome =
  /** Nothing written: no fix applied (refusals, if any, were printed). `text` is the file as read now. */
  | { status: 'unchanged'; text: string; parsed: ParsedPostmortem }
  | { status: 'written'; text: string; parsed: ParsedPostmortem; applied: number }
  /** The file could not be read or written, or must not be: the message says which and why. */
  | { status: 'failed'; message: string };

export async function fixFile(request: FixFileRequest): Promise<FixFileOutcome> {
  const { display, absolute } = request;
  let snapshot;
  try {
    await checkFixTarget(absolute, display, request.roots);
    snapshot = await readSnapshot(absolute, display);
  } catch (error) {
    return { status: 'failed', message: error instanceof FileWriteError ? error.message : `cannot fix ${display}: ${(error as Error).message}` };
  }
  const original = decodeUtf8Strictly(snapshot.bytes);
  if (original === undefined) {
    return { status: 'failed', message: `will not fix ${display}: ${invalidUtf8Sentence(firstInvalidUtf8(snapshot.bytes)!)}, and writing it back would replace those bytes; save it as UTF-8 first` };
  }

  const originalParse = request.parse(original);
  const { parsed, applied } = applySafeFixes(originalParse, request.lint, request.warn, display);
  // parsePostmortem drops a byte-order mark from its text: write the file's own back.
  const bom = original.charCodeAt(0) === 0xfeff && parsed.text.charCodeAt(0) !== 0xfeff ? '\uFEFF' : '';
  const text = bom + parsed.text;
  if (applied === 0 || text === original) return { status: 'unchanged', text: original, parsed: originalParse };
  try {
    await writeFileAtomically(absolute, display, Buffer.from(text, 'utf8'), snapshot, request.hooks);
  } catch (error) {
    return { status: 'failed', message: error instanceof FileWriteError ? error.message : `could not write ${display}: ${(error as Error).message}; the file was left unchanged` };
  }
  return { status: 'written', text, parsed, applied };
}

/**
 * The safe fixes of `lint`'s findings, applied pass by pass to a text in memory, each checked by parsing its
 * result; a refused fix is named through `warn` and left out. For a file (fixFile) and for standard input.
 */
export function applySafeFixes(
  original: ParsedPostmortem,
  lint: (parsed: ParsedPostmortem) => Diagnostic[],
  warn: (line: string) => void,
  display: string,
): { parsed: ParsedPostmortem; applied: number } {
  let parsed = original;
  let applied = 0;
  const refused = new Set<string>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = safeFixes(lint(parsed)).filter((fix) => !refused.has(fixKey(fix)));
    const accepted: Fix[] = [];
    for (const fix of fixes) {
      const check = checkFixes(parsed, [fix]);
      if (check.ok) {
        accepted.push(fix);
        continue;
      }
      refused.add(fixKey(fix));
      const at = fix.edits[0]?.range.start;
      warn(`did not apply the fix "${fix.title}" in ${display}${at ? `:${at.line + 1}:${at.character + 1}` : ''}: ${check.reason}; the file was left as it was for this fix`);
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
  return { parsed, applied };
}

function fixKey(fix: Fix): string {
  return `${fix.title}\n${JSON.stringify(fix.edits.map((e) => e.range))}`;
}

/** The diagnostic lint adds for a file that is not UTF-8 (it was read with U+FFFD in place of the bad bytes). */
export function invalidUtf8Diagnostic(bytes: Uint8Array): Diagnostic | undefined {
  const found = firstInvalidUtf8(bytes);
  if (!found) return undefined;
  const at = { line: found.line, character: found.character };
  return {
    rule: 'yaml-syntax',
    severity: 'error',
    message: `${invalidUtf8Sentence(found)[0].toUpperCase()}${invalidUtf8Sentence(found).slice(1)}: it was read with U+FFFD in place of the bytes that are not, and \`--fix\` will not rewrite it. Save it as UTF-8.`,
    range: { start: at, end: { line: at.line, character: at.character + 1 } },
  };
}

/** For lint: when the text read has U+FFFD, whether the file's bytes were not UTF-8 (a real U+FFFD is fine). */
export async function invalidUtf8DiagnosticFor(absolute: string, display: string, text: string): Promise<Diagnostic | undefined> {
  if (!text.includes('\uFFFD')) return undefined;
  try {
    return invalidUtf8Diagnostic((await readSnapshot(absolute, display, { followLink: true })).bytes);
  } catch {
    return undefined; // unreadable now: the lint of the text read stands
  }
}
