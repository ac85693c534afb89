/** Every sentence of the blame corpora (test/fixtures/blame-corpus*.yaml and the blind sets), with its roster. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rosterFor, type Roster } from '../../src/core/blame/people';

interface Entry {
  text: string;
  services?: string[];
}
interface CorpusFile {
  roster?: { authors: string[]; owners: string[]; people: string[] };
  sentences: Entry[];
}

const fixtures = join(__dirname, '../fixtures');
export const corpusFiles = [
  ...readdirSync(fixtures).filter((name) => /^blame-corpus.*\.yaml$/.test(name)),
  ...readdirSync(join(fixtures, 'blame-blind')).filter((name) => /^set-.*\.yaml$/.test(name)).map((name) => `blame-blind/${name}`),
];

/** Every corpus sentence with the roster its own test uses (the file's roster, or the entry's services). */
export function corpusSentences(): Array<{ file: string; text: string; roster: Roster }> {
  const out: Array<{ file: string; text: string; roster: Roster }> = [];
  for (const file of corpusFiles) {
    const corpus = parse(readFileSync(join(fixtures, file), 'utf8')) as CorpusFile;
    const fileRoster = corpus.roster
      ? rosterFor({ authors: corpus.roster.authors, action_items: corpus.roster.owners.map((owner) => ({ owner })) }, corpus.roster.people)
      : undefined;
    for (const entry of corpus.sentences) out.push({ file, text: entry.text, roster: fileRoster ?? rosterFor({ services: entry.services ?? [] }, []) });
  }
  return out;
}
