/**
 * The natural-language side of the detector: part-of-speech tags and personal
 * names from `compromise`. compromise takes ~150 ms to load and ~1 ms per
 * sentence, so it is required on first use (never at extension activation),
 * only for sentences that already contain blame language, and its result is
 * cached per sentence string: while someone types, every other sentence of
 * the document is a cache hit.
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

export type Compromise = (text: string) => {
  json(options: object): Array<{ terms: Array<{ text: string; normal?: string; tags: string[]; offset: { start: number; length: number } }> }>;
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

/** Part-of-speech analysis of one sentence, cached. Offsets are UTF-16 indices into `sentence`. */
export function analyse(sentence: string): Analysis {
  const cached = cache.get(sentence);
  if (cached) return cached;
  const analysis = runAnalysis(sentence);
  cache.set(sentence, analysis);
  return analysis;
}

function runAnalysis(sentence: string): Analysis {
  const nlp = loadCompromise();
  if (!nlp) return { tokens: fallbackTokens(sentence), people: [] };
  let terms: Array<{ text: string; normal?: string; tags: string[]; offset: { start: number; length: number } }>;
  try {
    terms = nlp(sentence)
      .json({ offset: true, terms: { offset: true } })
      .flatMap((s) => s.terms);
  } catch {
    return { tokens: fallbackTokens(sentence), people: [] };
  }
  const tokens: Token[] = [];
  for (const t of terms) {
    const start = t.offset.start;
    const end = start + t.offset.length;
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

/** For tests and the benchmark: forget cached analyses. */
export function clearAnalysisCache(): void {
  cache.clear();
}

export function analysisCacheSize(): number {
  return cache.size;
}
