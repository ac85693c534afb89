/**
 * The check every fix passes before it is applied, by `lint --fix` and by the editor's quick fixes: the
 * edited text is parsed again, and the fix is refused when the result does not parse as well as before,
 * loses a comment, or changes the document anywhere but the paths it promised (with the values it
 * promised). A wrong range in a rule then costs a refused fix with a reason, never a corrupted file.
 */
import { isDeepStrictEqual } from 'node:util';
import { Lexer } from 'yaml';
import { applyEdits } from './fix';
import { parsePostmortem, type ParsedPostmortem } from './parse';
import type { Fix, FixChange } from './types';

export type FixCheck = { ok: true; text: string; parsed: ParsedPostmortem } | { ok: false; reason: string };

/** Stands in for a changed path in both documents, so only the rest is compared. */
const MASK = Symbol('changed by the fix');

/**
 * Applies `fixes` (together) to the text of `before` and checks the result. `before` is the parse the fixes
 * were computed from. The reason, when refused, is a sentence for a person.
 */
export function checkFixes(before: ParsedPostmortem, fixes: readonly Fix[]): FixCheck {
  try {
    return checkFixesOrThrow(before, fixes);
  } catch (error) {
    // A document too deep or too odd to compare is not one to rewrite blindly.
    return refuse(`the result could not be checked (${(error as Error).message})`);
  }
}

function checkFixesOrThrow(before: ParsedPostmortem, fixes: readonly Fix[]): FixCheck {
  const changes = fixes.flatMap((fix) => fix.changes ?? []);
  if (fixes.some((fix) => fix.edits.length > 0 && fix.changes === undefined)) return refuse('the fix does not say what it changes, so its result cannot be checked');
  if (before.hasSyntaxErrors || before.data === undefined) return refuse('the file has YAML errors; fix them first, so the result can be checked');
  const text = applyEdits(before.text, fixes.flatMap((fix) => fix.edits));
  const after = parsePostmortem(text);

  const newErrors = addedMessages(errorMessages(before), errorMessages(after));
  if (newErrors.length > 0) return refuse(`the result would not parse: ${newErrors[0]}`);
  if (after.data === undefined) return refuse('the result would not parse as a document');

  for (const change of changes) {
    if (!('value' in change)) continue;
    const [found, value] = valueAt(after.data, change.path);
    if (!found || !isDeepStrictEqual(value, change.value)) {
      return refuse(`${pathText(change.path)} would be ${found ? JSON.stringify(value) : 'missing'}, not ${JSON.stringify(change.value)}`);
    }
  }
  const maskedBefore = masked(before.data, changes);
  const maskedAfter = masked(after.data, changes);
  if (maskedBefore === undefined || maskedAfter === undefined || !isDeepStrictEqual(maskedBefore, maskedAfter)) {
    return refuse(`the result would change more than ${changes.map((c) => pathText(c.path)).join(', ')}${firstDifference(maskedBefore, maskedAfter)}`);
  }

  const lostComment = addedMessages(comments(text), comments(before.text))[0];
  if (lostComment !== undefined) return refuse(`the result would lose the comment "${lostComment.slice(0, 60)}"`);
  return { ok: true, text, parsed: after };
}

function refuse(reason: string): FixCheck {
  return { ok: false, reason };
}

function errorMessages(parsed: ParsedPostmortem): string[] {
  return parsed.syntaxDiagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
}

/** The entries of `after` that `before` does not have (as multisets: a second copy of a message counts). */
function addedMessages(before: readonly string[], after: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const m of before) counts.set(m, (counts.get(m) ?? 0) + 1);
  const added: string[] = [];
  for (const m of after) {
    const left = counts.get(m) ?? 0;
    if (left > 0) counts.set(m, left - 1);
    else added.push(m);
  }
  return added;
}

/** Every comment of the text, as the YAML lexer finds them (a `#` inside a string is not one). */
function comments(text: string): string[] {
  const found: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) found.push(token.trimEnd());
  return found;
}

function valueAt(data: unknown, path: FixChange['path']): [boolean, unknown] {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return [false, undefined];
    node = (node as Record<string | number, unknown>)[segment];
  }
  return [true, node];
}

/**
 * A copy of `data` with every changed path replaced by MASK (created in its parent when missing, so an
 * inserted key and an absent one compare equal). Undefined when a parent on a path is not a collection.
 */
function masked(data: unknown, changes: readonly FixChange[]): unknown {
  const copy = treeCopy(data);
  for (const { path } of changes) {
    if (path.length === 0) return MASK;
    let node: unknown = copy;
    for (const segment of path.slice(0, -1)) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
      node = (node as Record<string | number, unknown>)[segment];
    }
    if (node === null || typeof node !== 'object') return undefined;
    Object.defineProperty(node, path[path.length - 1], { value: MASK, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

/**
 * A copy with no shared parts: an alias makes two paths hold the same object, and masking one path in it
 * would mask the other too, hiding that a fix changed an aliased value.
 */
function treeCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(treeCopy);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) Object.defineProperty(copy, key, { value: treeCopy(child), enumerable: true, configurable: true, writable: true });
  return copy;
}

/** ` (also action_items[0].status)`: the first place outside the fix's paths that differs, to make the refusal actionable. */
function firstDifference(before: unknown, after: unknown): string {
  const path: Array<string | number> = [];
  let [a, b] = [before, after];
  for (;;) {
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') break;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const key = keys.find((k) => !isDeepStrictEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
    if (key === undefined) break;
    path.push(Array.isArray(a) ? Number(key) : key);
    [a, b] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
  }
  return path.length > 0 ? ` (also ${pathText(path)})` : '';
}

function pathText(path: FixChange['path']): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('') || 'the document';
}
