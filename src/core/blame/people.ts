/**
 * Who counts as a person for the blameless rules, and where people are named
 * in a sentence. Known names come from the document (`authors`, action
 * `owner`s) and the settings (`postmortem.people`, which the host merges with
 * CODEOWNERS and git authors); unknown ones are @handles, e-mail addresses,
 * and names a language library recognises.
 */
import { ROLE_MAILBOX, TEAM_WORDS } from './lexicon';
import { asArray, asRecord, asString, asStringArray, type Postmortem } from '../model';
import { escapeRegExp } from '../regexp';

export type MentionSource = 'roster' | 'handle' | 'email' | 'nlp' | 'guess';

export interface Mention {
  start: number;
  end: number;
  text: string;
  source: MentionSource;
}

/** Known names compiled into one regular expression (built once per lint). */
export class Roster {
  readonly names: readonly string[];
  private readonly pattern: RegExp | undefined;

  constructor(names: Iterable<string>) {
    const unique = new Map<string, string>();
    for (const raw of names) {
      const name = cleanName(raw);
      if (name.length < 2 || name.length > 80) continue;
      unique.set(name.toLowerCase(), name);
    }
    this.names = [...unique.values()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    this.key = this.names.join('\u0001');
    this.pattern =
      this.names.length === 0
        ? undefined
        : new RegExp(
            String.raw`(?<![\p{L}\p{N}_@.])(?:${this.names.map((n) => escapeRegExp(n).replace(/\s+/g, String.raw`\s+`)).join('|')})(?![\p{L}\p{N}_]|@[\p{L}\p{N}])`,
            'giu',
          );
  }

  /** A stable string for caches keyed by roster. */
  readonly key: string;

  find(text: string): Mention[] {
    if (!this.pattern) return [];
    const found: Mention[] = [];
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], source: 'roster' });
    }
    return found;
  }
}

/**
 * Everyone the document and the settings name: authors, owners that are
 * people (not teams), and the configured people. For an e-mail address the
 * address itself and, with "Name <mail>", the name are both known.
 */
export function rosterFor(doc: Postmortem, settingsPeople: readonly string[]): Roster {
  // Two rules ask for it in each lint, with the same document object and settings list: build the regexp once.
  const cached = rosters.get(doc);
  if (cached?.settingsPeople === settingsPeople) return cached.roster;
  const roster = buildRoster(doc, settingsPeople);
  rosters.set(doc, { settingsPeople, roster });
  return roster;
}

const rosters = new WeakMap<Postmortem, { settingsPeople: readonly string[]; roster: Roster }>();

function buildRoster(doc: Postmortem, settingsPeople: readonly string[]): Roster {
  const names: string[] = [];
  const add = (value: string): void => {
    for (const part of splitPersonEntry(value)) names.push(part);
  };
  for (const author of asStringArray(doc.authors)) add(author);
  if (typeof doc.authors === 'string') add(doc.authors);
  for (const item of asArray(doc.action_items)) {
    const owner = asString(asRecord(item)?.owner);
    if (owner && !TEAM_WORDS.test(owner)) add(owner);
  }
  for (const person of settingsPeople) if (typeof person === 'string') add(person);
  const roster = new Roster(names);
  rosterThings.set(roster, thingsNamedBy(doc));
  return roster;
}

/**
 * The services and components a document names (`services: [Hermes, orders-db]`):
 * things, not people, wherever the prose names them ("Hermes misread a stale metric").
 * Kept beside the roster it was built with, so detectBlame sees them through the roster.
 */
const rosterThings = new WeakMap<Roster, ReadonlySet<string>>();

export function thingsOf(roster: Roster): ReadonlySet<string> {
  return rosterThings.get(roster) ?? NO_THINGS;
}

const NO_THINGS: ReadonlySet<string> = new Set();

function thingsNamedBy(doc: Postmortem): ReadonlySet<string> {
  const things = new Set<string>();
  for (const service of asStringArray(doc.services)) {
    const name = cleanName(service).toLowerCase();
    if (name === '') continue;
    things.add(name);
    // "orders-db" names "orders" too; "Otto scheduler" names "Otto".
    for (const part of name.split(/[\s_./-]+/)) if (part.length >= 3) things.add(part);
  }
  return things;
}

/** "Priya Natarajan <priya@example.com>" -> the name and the address; "@kbrandt" -> itself. */
function splitPersonEntry(value: string): string[] {
  const trimmed = value.trim();
  const angle = /^(.*?)\s*<([^>]+)>\s*$/.exec(trimmed);
  if (angle) return [angle[1], angle[2]].filter((s) => s.trim() !== '');
  return [trimmed];
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

const HANDLE = /(?<![\p{L}\p{N}_.@`/])@[A-Za-z0-9](?:[A-Za-z0-9_-]|[.](?=[A-Za-z0-9]))*(?![\p{L}\p{N}_/@])/gu;
const EMAIL = /(?<![\p{L}\p{N}_.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\p{L}\p{N}_])/gu;

/** @handles (a GitHub/Slack user; `@org/team` is a team and is left out). */
export function findHandles(text: string): Mention[] {
  const found: Mention[] = [];
  HANDLE.lastIndex = 0;
  for (let m = HANDLE.exec(text); m; m = HANDLE.exec(text)) {
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], source: 'handle' });
  }
  return found;
}

/** Personal e-mail addresses; role mailboxes (`alerts@`, `noreply@`) are systems. */
export function findEmails(text: string): Mention[] {
  const found: Mention[] = [];
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
    const local = m[0].slice(0, m[0].indexOf('@'));
    if (ROLE_MAILBOX.test(local)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], source: 'email' });
  }
  return found;
}

/** Keeps the first of overlapping mentions (callers list the most trusted sources first). */
export function mergeMentions(groups: Mention[][]): Mention[] {
  const kept: Mention[] = [];
  for (const group of groups) {
    for (const m of group) {
      if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
      kept.push(m);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
