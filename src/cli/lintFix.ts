/**
 * `lint --fix` for one file: read it again as bytes (refusing links, files outside the paths given and
 * files that are not UTF-8), apply the safe fixes pass by pass, each one checked by parsing its result
 * (fixAll, src/core/fixAll.ts), and write the result atomically. Every refusal is one line on stderr that
 * names the file, the fix and the reason; a refused fix leaves the file as it was.
 */
import { fixAllParsed } from '../core/fixAll';
import type { ParsedPostmortem } from '../core/parse';
import type { Diagnostic, Fix } from '../core/types';
import { FileWriteError, readSnapshot, writeFileAtomically, type AtomicWriteHooks } from './atomicWrite';
import { checkFixTarget, decodeUtf8Strictly, firstInvalidUtf8, invalidUtf8Sentence, type FixRoot } from './fixTarget';

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
  const { text, parsed, applied } = fixAllParsed(originalParse, {
    lint: request.lint,
    onRefused: refusalNotice(request.warn, display),
  }, original);
  if (applied === 0 || text === original) return { status: 'unchanged', text: original, parsed: originalParse };
  try {
    await writeFileAtomically(absolute, display, Buffer.from(text, 'utf8'), snapshot, request.hooks);
  } catch (error) {
    return { status: 'failed', message: error instanceof FileWriteError ? error.message : `could not write ${display}: ${(error as Error).message}; the file was left unchanged` };
  }
  return { status: 'written', text, parsed, applied };
}

/** The safe fixes of `lint`'s findings applied to a text in memory (standard input), each refusal named through `warn`. */
export function applySafeFixes(
  original: ParsedPostmortem,
  lint: (parsed: ParsedPostmortem) => Diagnostic[],
  warn: (line: string) => void,
  display: string,
): { parsed: ParsedPostmortem; applied: number } {
  const { parsed, applied } = fixAllParsed(original, { lint, onRefused: refusalNotice(warn, display) });
  return { parsed, applied };
}

/** One stderr line per refused fix: the file, where, the fix and why. */
function refusalNotice(warn: (line: string) => void, display: string) {
  return ({ fix, reason }: { fix: Fix; reason: string }): void => {
    const at = fix.edits[0]?.range.start;
    warn(`did not apply the fix "${fix.title}" in ${display}${at ? `:${at.line + 1}:${at.character + 1}` : ''}: ${reason}; the file was left as it was for this fix`);
  };
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
