/**
 * The language features a YAML user expects, served from the pure providers of src/language:
 * completion, the outline (document symbols), links and go-to-definition from `related` ids
 * and URL fields, and workspace symbols (incidents by id and title). Each request reads the
 * document's latest parse when it is of the current version, else parses it (never a lint),
 * and the workspace index the server already keeps; nothing here touches the disk.
 */
import type { CompletionList, Connection, DocumentLink, DocumentSymbol, Location, ServerCapabilities, SymbolInformation, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePostmortem, type ParsedPostmortem } from '../core/parse';
import type { PostmortemStore } from '../core/store';
import { completionsAt } from '../language/completion';
import { definitionAt } from '../language/definition';
import { documentLinks } from '../language/documentLinks';
import { documentSymbols } from '../language/documentSymbols';
import { completionSourcesOf, incidentResolver, incidentsOf } from '../language/workspaceFacts';
import { workspaceSymbols } from '../language/workspaceSymbols';

/** Typing these may open completion: a value after `key: `, a new list item, inside a flow list or a quote. */
export const COMPLETION_TRIGGERS = [' ', '-', '[', ',', '"', "'"];

export const LANGUAGE_FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
  documentSymbolProvider: true,
  documentLinkProvider: { resolveProvider: false },
  definitionProvider: true,
  workspaceSymbolProvider: true,
};

/** Longer documents wait for their lint's parse rather than being parsed again for a request (about 10 ms of parse). */
const PARSE_AGAIN_LIMIT = 64 * 1024;

export interface LanguageFeatureContext {
  documents: TextDocuments<TextDocument>;
  store: PostmortemStore;
  /** The store's key for a client URI (the canonical spelling). */
  keyOf(uri: string): string;
  /** Whether the server checks this document (a `.pm.yaml`, or an untitled post-mortem). */
  isPostmortem(document: TextDocument): boolean;
  /**
   * The latest lint's parse of a document if it is of the current text; with `wait`, once a lint under way or
   * scheduled catches up. Undefined when there is none (none coming, with `wait`).
   */
  currentParse(uri: string, wait: boolean): Promise<ParsedPostmortem | undefined>;
  /** The names the repository and settings know for a document (git authors, CODEOWNERS, `postmortem.people`). */
  peopleFor(uri: string): Promise<readonly string[]>;
  log(message: string, error?: unknown): void;
}

export function registerLanguageFeatures(connection: Connection, context: LanguageFeatureContext): void {
  /**
   * The parse of the document's current text. When its lint is behind, a short document is parsed again at once
   * (a millisecond or so); a long one waits for the lint, which re-parses only what the edits changed.
   */
  const parsedOf = async (uri: string): Promise<ParsedPostmortem | undefined> => {
    const document = context.documents.get(uri);
    if (!document || !context.isPostmortem(document)) return undefined;
    const parsed = await context.currentParse(uri, document.getText().length > PARSE_AGAIN_LIMIT);
    if (parsed) return parsed;
    const current = context.documents.get(uri);
    return current ? parsePostmortem(current.getText()) : undefined;
  };

  /** A request that fails answers empty and is logged: a bad document never takes the server down. */
  const guarded =
    <P, R>(name: string, empty: R, handler: (params: P) => R | Promise<R>) =>
    async (params: P): Promise<R> => {
      try {
        return await handler(params);
      } catch (error) {
        context.log(`postmortem: ${name} failed`, error);
        return empty;
      }
    };

  connection.onCompletion(
    guarded<Parameters<Parameters<Connection['onCompletion']>[0]>[0], CompletionList | null>('completion', null, async (params) => {
      const parsed = await parsedOf(params.textDocument.uri);
      if (!parsed) return null;
      const people = await context.peopleFor(params.textDocument.uri);
      const sources = completionSourcesOf(context.store, people);
      // The document's own id is not a related incident of itself (completionsAt also leaves it out).
      return completionsAt(parsed, params.position, sources, { triggerCharacter: params.context?.triggerCharacter });
    }),
  );

  connection.onDocumentSymbol(
    guarded<{ textDocument: { uri: string } }, DocumentSymbol[]>('document symbols', [], async (params) => {
      const parsed = await parsedOf(params.textDocument.uri);
      return parsed ? documentSymbols(parsed) : [];
    }),
  );

  connection.onDocumentLinks(
    guarded<{ textDocument: { uri: string } }, DocumentLink[]>('document links', [], async (params) => {
      const parsed = await parsedOf(params.textDocument.uri);
      return parsed ? documentLinks(parsed, incidentResolver(context.store, context.keyOf(params.textDocument.uri))) : [];
    }),
  );

  connection.onDefinition(
    guarded<{ textDocument: { uri: string }; position: { line: number; character: number } }, Location | null>('definition', null, async (params) => {
      const parsed = await parsedOf(params.textDocument.uri);
      if (!parsed) return null;
      return definitionAt(parsed, params.position, incidentResolver(context.store, context.keyOf(params.textDocument.uri))) ?? null;
    }),
  );

  connection.onWorkspaceSymbol(
    guarded<{ query: string }, SymbolInformation[]>('workspace symbols', [], (params) => workspaceSymbols(incidentsOf(context.store), params.query)),
  );
}
