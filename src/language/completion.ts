/**
 * Completion in a post-mortem: the keys the schema allows where the cursor is
 * (those not yet written), the values it lists (severity, status, kind,
 * priority, categories...), owners already known in the repository, and the
 * ids of other incidents in `related`. Works on half-typed text: the place is
 * read by cursorContext, not from the YAML tree.
 */
import { stringify } from 'yaml';
import { CompletionItemKind, InsertTextFormat, MarkupKind, TextEdit, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { asArray, asPostmortem, asString, isRecord } from '../core/model';
import type { ParsedPostmortem, Path } from '../core/parse';
import type { Position } from '../core/types';
import { cursorContext, type CursorContext } from './cursorContext';
import { isMappingSchema, schemaAtPath, schemaDocumentation, valueChoices, type DocumentedSchema } from './schemaAt';
import { matchesSubsequence } from './subsequence';

/** What the workspace knows, for values the schema cannot list. */
export interface CompletionSources {
  /** Owners of action items in other post-mortems and people of the repository, most useful first. */
  owners: readonly string[];
  /** Incidents of the workspace, for `related`. */
  incidents: ReadonlyArray<{ id: string; title?: string }>;
}

/** More owners or incidents than this are cut (the list says it is incomplete, so the editor asks again as the user types). */
export const MAX_COMPLETIONS = 200;

/** How the request came: the character typed that triggered it, when one did. */
export interface CompletionTrigger {
  triggerCharacter?: string;
}

export function completionsAt(parsed: ParsedPostmortem, position: Position, sources: CompletionSources, trigger: CompletionTrigger = {}): CompletionList {
  const context = cursorContext(parsed.lines, position);
  if (!context) return { isIncomplete: false, items: [] };
  // A blank typed while indenting is no request for keys; after `key:` or `-` it asks for a value.
  if (trigger.triggerCharacter === ' ' && !context.valuePath) return { isIncomplete: false, items: [] };
  const items: CompletionItem[] = [];
  let isIncomplete = false;
  if (context.mappingPath) {
    const schema = schemaAtPath(context.mappingPath);
    if (isMappingSchema(schema)) items.push(...keyItems(schema!, context));
    else if (schema?.type === 'array' && !context.valuePath && !context.colonFollows) {
      const started = newListItems(parsed, context, context.mappingPath, sources);
      items.push(...started.items);
      isIncomplete = started.isIncomplete;
    }
  }
  if (context.valuePath) {
    const values = valueItems(parsed, context, context.valuePath, sources);
    items.push(...values.items);
    isIncomplete = values.isIncomplete;
  }
  return { isIncomplete, items };
}

/**
 * On an indented line under a list's key with no `-` yet (`related:` then `  IN`): the list's items, each
 * written with its `- `: values for a list of scalars, first keys for a list of mappings.
 */
function newListItems(parsed: ParsedPostmortem, context: CursorContext, listPath: Path, sources: CompletionSources): { items: CompletionItem[]; isIncomplete: boolean } {
  const itemPath = [...listPath, 0];
  const itemSchema = schemaAtPath(itemPath);
  const found = isMappingSchema(itemSchema) ? { items: keyItems(itemSchema!, { ...context, presentKeys: new Set() }), isIncomplete: false } : valueItems(parsed, context, itemPath, sources);
  const items = found.items.map((item): CompletionItem => {
    const newText = `- ${item.insertText ?? item.label}`;
    return { ...item, filterText: item.filterText ?? item.label, insertText: newText, textEdit: TextEdit.replace(context.replace, newText) };
  });
  return { items, isIncomplete: found.isIncomplete };
}

function keyItems(schema: DocumentedSchema, context: CursorContext): CompletionItem[] {
  const required = new Set(schema.required ?? []);
  const items: CompletionItem[] = [];
  Object.entries(schema.properties ?? {}).forEach(([name, child], index) => {
    if (context.presentKeys.has(name)) return;
    const newText = context.colonFollows ? name : `${name}: `;
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: `${child.title ?? name}${required.has(name) ? ' (required)' : ''}`,
      documentation: markdown(schemaDocumentation(child)),
      sortText: order(index),
      filterText: name,
      insertText: newText,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: TextEdit.replace(context.replace, newText),
    });
  });
  return items;
}

function valueItems(parsed: ParsedPostmortem, context: CursorContext, path: Path, sources: CompletionSources): { items: CompletionItem[]; isIncomplete: boolean } {
  const schema = schemaAtPath(path);
  if (!schema || isMappingSchema(schema)) return { items: [], isIncomplete: false };
  const present = new Set(context.presentValues);
  const items: CompletionItem[] = [];
  valueChoices(schema).forEach((value, index) => {
    if (typeof value !== 'string' && context.quote) return; // inside quotes, `true` or 3 would become text
    if (present.has(String(value))) return;
    const newText = typeof value === 'string' ? scalarText(value, context) : String(value);
    items.push({
      label: String(value),
      kind: typeof value === 'string' ? CompletionItemKind.EnumMember : CompletionItemKind.Constant,
      detail: schema.title,
      documentation: markdown(schemaDocumentation(schema)),
      sortText: order(index),
      insertText: newText,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: TextEdit.replace(context.replace, newText),
    });
  });
  if (takesPerson(path)) return withCap(items, personItems(parsed, context, present, sources.owners));
  if (path[0] === 'related' && path.length === 2) return withCap(items, incidentItems(parsed, context, present, sources.incidents));
  return { items, isIncomplete: false };
}

/** `action_items[].owner` and `authors[]` name people. */
function takesPerson(path: Path): boolean {
  return (path[0] === 'action_items' && path.length === 3 && path[2] === 'owner') || (path[0] === 'authors' && path.length === 2);
}

function withCap(items: CompletionItem[], more: { items: CompletionItem[]; isIncomplete: boolean }): { items: CompletionItem[]; isIncomplete: boolean } {
  return { items: [...items, ...more.items], isIncomplete: more.isIncomplete };
}

function personItems(parsed: ParsedPostmortem, context: CursorContext, present: ReadonlySet<string>, known: readonly string[]): { items: CompletionItem[]; isIncomplete: boolean } {
  // The value being typed is already in the document's data when the line parses: it is no suggestion.
  const typedValue = parsed.lines.lineText(context.replace.start.line).slice(context.replace.start.character, context.replace.end.character);
  const ofDocument = peopleOfDocument(parsed).filter((name) => name !== typedValue);
  const names = [...new Set([...known, ...ofDocument].map((name) => name.trim()).filter((name) => name !== '' && !present.has(name)))];
  const matching = names.filter((name) => matchesSubsequence(name, context.typed));
  const items = matching.slice(0, MAX_COMPLETIONS).map((name, index): CompletionItem => {
    const newText = scalarText(name, context);
    return {
      label: name,
      kind: CompletionItemKind.Value,
      detail: 'Known in this repository',
      sortText: order(index),
      filterText: name,
      insertText: newText,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: TextEdit.replace(context.replace, newText),
    };
  });
  return { items, isIncomplete: matching.length > MAX_COMPLETIONS };
}

/** Owners and authors this document already names (when it parses): the first action item's owner is often the next one's. */
function peopleOfDocument(parsed: ParsedPostmortem): string[] {
  const doc = asPostmortem(parsed.data);
  const owners = asArray(doc.action_items).map((item) => (isRecord(item) ? asString(item.owner) : undefined));
  const authors = asArray(doc.authors).map(asString);
  return [...owners, ...authors].filter((name): name is string => name !== undefined);
}

function incidentItems(
  parsed: ParsedPostmortem,
  context: CursorContext,
  present: ReadonlySet<string>,
  incidents: CompletionSources['incidents'],
): { items: CompletionItem[]; isIncomplete: boolean } {
  const own = ownId(parsed);
  const seen = new Set<string>();
  const matching = incidents.filter((incident) => {
    const id = incident.id.trim();
    if (id === '' || id === own || present.has(id) || seen.has(id)) return false;
    seen.add(id);
    return matchesSubsequence(id, context.typed);
  });
  // Newest first: an id carries its date, so a descending sort of ids is a descending sort of dates (per prefix).
  matching.sort((a, b) => (a.id.trim() < b.id.trim() ? 1 : a.id.trim() > b.id.trim() ? -1 : 0));
  const items = matching.slice(0, MAX_COMPLETIONS).map((incident, index): CompletionItem => {
    const id = incident.id.trim();
    const newText = scalarText(id, context);
    return {
      label: id,
      kind: CompletionItemKind.Reference,
      detail: incident.title ?? '',
      sortText: order(index),
      filterText: id,
      insertText: newText,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: TextEdit.replace(context.replace, newText),
    };
  });
  return { items, isIncomplete: matching.length > MAX_COMPLETIONS };
}

/** This document's own id: from its data, or from its `id:` line while the rest does not parse. */
function ownId(parsed: ParsedPostmortem): string | undefined {
  const doc = asPostmortem(parsed.data);
  if (typeof doc.id === 'string') return doc.id.trim();
  return /^id:[ \t]*["']?([^"'\s#]+)/m.exec(parsed.text)?.[1];
}

/**
 * The text that writes `value` at the cursor: escaped for the quote the user opened, plain when YAML reads
 * it back as that same text, double-quoted otherwise (`@ops`, `true`, `a: b`, or `a, b` inside `[...]`).
 */
export function scalarText(value: string, context: Pick<CursorContext, 'quote' | 'inFlow'>): string {
  if (context.quote === '"') return JSON.stringify(value).slice(1, -1);
  if (context.quote === "'") return value.replace(/'/g, "''");
  const plain = stringify(value, { version: '1.2', lineWidth: 0 }).replace(/\n$/, '') === value;
  if (plain && !(context.inFlow && /[,[\]{}]/.test(value))) return value;
  return JSON.stringify(value);
}

function markdown(value: string | undefined): CompletionItem['documentation'] {
  return value === undefined ? undefined : { kind: MarkupKind.Markdown, value };
}

/** Sort keys that keep the schema's (or the list's) order in every client. */
function order(index: number): string {
  return String(index).padStart(5, '0');
}
