/**
 * The natural-language side of the detector: part-of-speech tags and personal
 * names from `compromise`. compromise takes ~150 ms to load and ~1 ms per
 * sentence, so it is required on first use (never at extension activation),
 * only for sentences that already contain blame language, and its result is
 * cached per sentence string: while someone types, every other sentence of
 * the document is a cache hit. A document opened cold has its sentences
 * analysed together (analysedTogether): compromise tags one document of many
 * sentences in about half the time it takes them one call each.
 */
import { LruCache } from './lru';

export interface Token {
  text: string;
  /** Lower case, without a possessive `'s`. */
  normal: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

export interface Analysis {
  tokens: Token[];
  /** Spans compromise recognises as personal names (consecutive Person tokens joined). */
  people: Array<{ start: number; end: number }>;
}

/** A term as compromise keeps it in a tagged document. */
interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
}

/** compromise's View: its document is one array of terms per sentence it found. */
interface CompromiseView {
  document: CompromiseTerm[][];
  compute(hooks: readonly string[]): void;
  json(options: object): Array<{ terms: Array<{ text: string; normal?: string; tags: string[] }> }>;
}

export type Compromise = ((text: string) => CompromiseView) & {
  world(): { hooks: readonly string[]; methods: { one: { tokenize: { fromString(text: string, world: unknown): CompromiseTerm[][] } } } };
};

let compromise: Compromise | undefined;
let compromiseFailed = false;

/** compromise, required on first call; undefined when it cannot be loaded. */
export function loadCompromise(): Compromise | undefined {
  if (compromise || compromiseFailed) return compromise;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('compromise') as Compromise | { default: Compromise };
    compromise = typeof loaded === 'function' ? loaded : loaded.default;
  } catch {
    // Without the library the roster, handles and e-mails still work.
    compromiseFailed = true;
  }
  return compromise;
}

/** Whether compromise has been required in this process (tests: a document without blame language never loads it). */
export function isNlpLoaded(): boolean {
  return compromise !== undefined || compromiseFailed;
}

const cache = new LruCache<string, Analysis>(2000);
/** Analyses computed ahead by analysedTogether, read by analyse while its callback runs. */
let prepared: Map<string, Analysis> | undefined;

/** Part-of-speech analysis of one sentence, cached. Offsets are UTF-16 indices into `sentence`. */
export function analyse(sentence: string): Analysis {
  const cached = cache.get(sentence);
  if (cached) return cached;
  const analysis = prepared?.get(sentence) ?? analyseMany([sentence])[0];
  cache.set(sentence, analysis);
  return analysis;
}

/**
 * Runs `run` with the analyses of `sentences` computed ahead, together: what analyse returns for each is the same
 * as alone (compromise tags each sentence on its own; test/unit/blame-nlp-batch.test.ts holds it to that).
 */
export function analysedTogether<T>(sentences: readonly string[], run: () => T): T {
  const missing = [...new Set(sentences)].filter((s) => cache.get(s) === undefined);
  if (missing.length < 2 || prepared) return run();
  const ahead = new Map<string, Analysis>();
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    analyseMany(batch).forEach((analysis, k) => ahead.set(batch[k], analysis));
  }
  prepared = ahead;
  try {
    return run();
  } finally {
    prepared = undefined;
  }
}

/** Sentences per compromise document: enough to share its fixed costs, few enough to keep each pass's memory small. */
const BATCH = 256;

/** The hooks compromise runs on a document, but 'chunks' (noun/verb phrases): it sets no tag, and nothing here reads chunks. */
function taggingHooks(nlp: Compromise): readonly string[] {
  return nlp.world().hooks.filter((hook) => hook !== 'chunks');
}

/**
 * The analyses of `sentences`, tagged as one compromise document: each sentence is tokenised alone (compromise may
 * split it in several), and the tagger works sentence by sentence. If anything fails, each is analysed alone.
 */
function analyseMany(sentences: readonly string[]): Analysis[] {
  const nlp = loadCompromise();
  if (!nlp) return sentences.map((s) => ({ tokens: fallbackTokens(s), people: [] }));
  try {
    const world = nlp.world();
    const parts = sentences.map((s) => world.methods.one.tokenize.fromString(s, world));
    const view = nlp('');
    view.document = parts.flat();
    view.compute(taggingHooks(nlp));
    // The tagger may replace a sentence's array of terms: read them from the tagged document, in order.
    const tagged = view.document;
    let next = 0;
    return sentences.map((sentence, k) => toAnalysis(sentence, tagged.slice(next, (next += parts[k].length)).flat()));
  } catch {
    if (sentences.length === 1) return [{ tokens: fallbackTokens(sentences[0]), people: [] }];
    return sentences.map((s) => analyseMany([s])[0]);
  }
}

/** Tokens and personal names from compromise's terms of one sentence; offsets as compromise's own (pre, text, post). */
function toAnalysis(sentence: string, terms: readonly CompromiseTerm[]): Analysis {
  const tokens: Token[] = [];
  let elapsed = 0;
  for (const t of terms) {
    const start = elapsed + t.pre.length;
    const end = start + t.text.length;
    elapsed = end + t.post.length;
    if (end > sentence.length || start < 0) continue;
    tokens.push({ text: sentence.slice(start, end), normal: normalise(t.text), start, end, tags: new Set(t.tags) });
  }
  const people: Analysis['people'] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].tags.has('Person') || tokens[i].tags.has('Pronoun')) continue;
    const start = tokens[i].start;
    let end = tokens[i].end;
    // "Kofi Mensah": join consecutive name tokens separated only by a space.
    while (
      i + 1 < tokens.length &&
      tokens[i + 1].tags.has('Person') &&
      !tokens[i + 1].tags.has('Pronoun') &&
      /^ $/.test(sentence.slice(end, tokens[i + 1].start)) &&
      !/['’]s$/i.test(tokens[i].text)
    ) {
      i++;
      end = tokens[i].end;
    }
    people.push({ start, end: stripPossessive(sentence, start, end) });
  }
  return { tokens, people };
}

export function normalise(word: string): string {
  return word.toLowerCase().replace(/['’]s$/, '').replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, '');
}

function stripPossessive(text: string, start: number, end: number): number {
  return /['’]s$/i.test(text.slice(start, end)) ? end - 2 : end;
}

/** Word tokens without tags, for when compromise is unavailable. */
function fallbackTokens(sentence: string): Token[] {
  const tokens: Token[] = [];
  const word = /[\p{L}\p{N}@][\p{L}\p{N}@._'’-]*/gu;
  for (let m = word.exec(sentence); m; m = word.exec(sentence)) {
    tokens.push({ text: m[0], normal: normalise(m[0]), start: m.index, end: m.index + m[0].length, tags: new Set() });
  }
  return tokens;
}

/** For tests: whether analysedTogether computed `sentence` ahead (true only inside its callback). */
export function isAnalysedAhead(sentence: string): boolean {
  return prepared?.has(sentence) === true;
}

/** For tests and the benchmark: forget cached analyses. */
export function clearAnalysisCache(): void {
  cache.clear();
}

export function analysisCacheSize(): number {
  return cache.size;
}
