import type { Rule } from './types';
import { actionItems } from './shared/actions';
import { loadCompromise } from '../core/blame/nlp';
import { LruCache } from '../core/blame/lru';
import { TextPattern, textPattern } from '../core/blame/textPattern';

/**
 * Verbs that open action items, many of them also nouns ("Alert on refusals",
 * "Page on-call", "Shard the table", "Backfill the index") that a tagger calls
 * nouns. The list decides first, deterministically; a first word it does not
 * know goes to compromise (see `isInfinitive`).
 */
const VERBS = new Set(
  `accept add adjust adopt alert align allocate allow analyse analyze announce apply archive ask assess assign audit
  automate avoid backfill backport benchmark block bound build bump cache cap capture change check clarify clean
  cleanup close codify collect communicate compare configure confirm consolidate contact convert coordinate copy
  correct create cut debug decide decommission decouple define delete deliver deploy deprecate describe design detect
  disable document doublecheck downgrade drain drill drop dry educate eliminate email enable encrypt enforce ensure
  escalate establish estimate evaluate expand expire explain explore expose extend extract fail failover fix flag
  follow force gate generate grant guard handle harden hire host identify implement import improve include increase
  index inform install instrument integrate introduce invalidate investigate isolate join keep kill label land launch
  limit lint list load lock log look lower maintain make mark measure merge migrate mirror mitigate model monitor
  move mute name notify observe onboard open optimise optimize order own page pair parallelize partition patch pause
  pin plan poll populate port post practice practise prefer prepare present prevent prioritise prioritize probe
  profile promote protect prototype provide provision prune publish purge push put query queue raise rate reach
  rebalance rebuild recalculate receive record recover reduce refactor refine refresh reindex reject release relocate
  remove rename reorganize repair replace replicate report require reroute rerun reserve reset resize resolve restart
  restore restrict restructure retire retry return review revise revisit revoke rewrite roll rollback rollout rotate
  route run sample scale schedule scope script secure segment send separate set setup shard share ship shorten show
  shut simplify simulate size skip slow snapshot speed split stage standardise standardize start stop store streamline
  stress strip submit subscribe support suppress surface switch sync tag teach test throttle tie tighten time track
  train transfer translate trigger trim tune turn unblock unify uninstall unpin update upgrade upload use validate
  verify version warn watch write`.split(/\s+/).filter(Boolean),
);

/** Words ending like a verb (-ize, -ise) that are nouns. */
const NOT_VERBS = new Set(['enterprise', 'expertise', 'noise', 'premise', 'promise', 'exercise', 'franchise', 'merchandise', 'size']);

/** Verbs that promise effort but no result when they are the whole action. */
const VAGUE_START = /^(investigate|improve|look\s+(?:into|at)|review|explore|consider|evaluate|assess|check(?:\s+on)?|revisit|think\s+about|analy[sz]e|discuss|research)\b/i;

const FILLER = new Set(
  `a an the this that these those it its our their any some more better further other possible potential options ways
  how what why things stuff issue issues problem problems incident incidents outage situation cause causes root it's
  overall general generally process processes system systems again and or of for in on with to about around into`.split(/\s+/),
);

/** A number, a threshold or a target turns "improve X" into something a reviewer can check. */
const MEASURABLE = /\d|%|\b(p\d\d|slo|sla|under|below|above|within|least|most|until|every|each|so that|fewer|less than|more than|zero|no longer)\b/i;

function firstWord(text: string): string {
  return text.trim().split(/[\s,.:;!?()]+/)[0] ?? '';
}

export function startsWithVerb(text: string): boolean {
  const first = firstWord(text).toLowerCase().replace(/['’]s$/, '');
  if (first === '') return false;
  if (first === "don't" || first === 'never' || first === 'do') return true;
  // Hyphenated and prefixed forms: load-test, rate-limit, re-run, redeploy, de-duplicate.
  const head = first.split('-')[0];
  const candidates = [first, head, first.replace(/^(re|de|un|pre|auto)-?/, '')];
  if (candidates.some((w) => VERBS.has(w))) return true;
  if (/^[a-z]{4,}(ize|ise)$/.test(first) && !NOT_VERBS.has(first)) return true;
  return isInfinitive(head);
}

const infinitiveCache = new LruCache<string, boolean>(2000);

/**
 * Whether compromise reads `word` as a verb's base form after "to". An action
 * is an imperative, but compromise tags a sentence-initial imperative loosely
 * ("Better monitoring", "New dashboards" come out as verbs); in the frame
 * "to <word>" its lexicon decides and it is reliable: "to replay", "to rotate",
 * "to document" are Infinitive, "to connection", "to better", "to the",
 * "to monitoring" are not. Only what the verb list does not know gets here,
 * once per word. Without compromise the word is given the benefit of the doubt:
 * this hint is for actions that clearly are not actions.
 */
function isInfinitive(word: string): boolean {
  if (word.length > 30 || !/^\p{L}+$/u.test(word)) return false;
  const cached = infinitiveCache.get(word);
  if (cached !== undefined) return cached;
  const nlp = loadCompromise();
  let verb = true;
  if (nlp) {
    try {
      const terms = nlp(`to ${word}`).json({ terms: true }).flatMap((sentence) => sentence.terms);
      verb = terms.some((term) => term.text.toLowerCase() === word && term.tags.includes('Infinitive'));
    } catch {
      verb = true;
    }
  }
  infinitiveCache.set(word, verb);
  return verb;
}

/** True when the action is only a vague verb with no checkable object. */
export function isVagueAction(text: string): boolean {
  const sentence = text.trim().split(/(?<=[.!?])\s/)[0];
  const m = VAGUE_START.exec(sentence);
  if (!m) return false;
  const rest = sentence.slice(m[0].length);
  if (MEASURABLE.test(rest)) return false;
  const content = rest
    .toLowerCase()
    .split(/[^a-z0-9_'-]+/)
    .filter((w) => w.length > 1 && !FILLER.has(w));
  return content.length < 3;
}

/**
 * Exhortations: actions that ask people to try harder ("Be more careful", "Pay more attention",
 * "Double-check config changes", "Remind the team to..."). They are blame in disguise and are
 * never done. Matched at the start of the action, after an optional addressee ("Engineers should",
 * "Everyone must", "Team to"). Each alternative is a plain sequence: linear on any input.
 */
const EXHORTATION = new TextPattern(
  String.raw`^(?:(?:please|pls)\s+)?(?:(?:everyone|engineers|developers|devs|the team|team|we|all|people|operators|on-?call|the on-?call(?: engineer)?|\p{Lu}\p{Ll}+)\s+(?:should|must|needs? to|has to|have to|to|will|shall)\s+)?(?:` +
    [
      String.raw`be\s+(?:more\s+|extra\s+|very\s+)?(?:careful|vigilant|diligent|attentive|cautious|mindful|aware|alert|thorough|disciplined)`,
      String.raw`(?:take|use)\s+(?:more|extra|greater|better)\s+care`,
      String.raw`pay\s+(?:more\s+|closer\s+|extra\s+|better\s+|careful\s+)?attention`,
      String.raw`(?:double|triple|re)[- ]?check`,
      String.raw`remind\s+(?:the\s+)?(?:team|everyone|engineers|developers|devs|people|staff|on-?call|\p{Lu}\p{Ll}+)\s+(?:to|about|of|that)`,
      String.raw`(?:remember|try|make\s+sure|ensure)\s+(?:to\s+)?(?:not\s+)?(?:forget|be\s+careful|check|verify|think|look|pay|avoid|read)`,
      String.raw`(?:don['’]t|do\s+not|never)\s+forget`,
      String.raw`stay\s+(?:alert|vigilant|focused|careful)`,
      String.raw`think\s+twice`,
      String.raw`try\s+harder`,
      String.raw`avoid\s+(?:such\s+|similar\s+|these\s+)?(?:mistakes|errors|human\s+error)`,
      String.raw`(?:raise|increase)\s+awareness`,
      String.raw`(?:communicate|focus)\s+better`,
    ].join('|') +
    String.raw`)(?![\p{L}])`,
  'iu',
);

/** A mechanism named in the action makes it checkable: "Double-check config changes with a CI dry-run". */
const MECHANISM = textPattern(
  /\b(?:by|with|via|using|through|in)\s+(?:a\s+|an\s+|the\s+)?(?:[\p{L}-]+\s+){0,2}(?:automat\p{L}*|ci|pipeline|lint\p{L}*|linter|pre-commit|hook|gate|alert\p{L}*|script|test|tests|tool\p{L}*|policy|guard\p{L}*|validat\p{L}*|prompt|dry-?run|check|checks|checklist|bot|template)\b/iu);

/** True when the action asks people to be more careful instead of changing a system. */
export function isExhortation(text: string): boolean {
  const sentence = text.trim();
  return EXHORTATION.test(sentence) && !MECHANISM.test(sentence);
}

export const actionVague: Rule = {
  id: 'PM106',
  slug: 'action-vague',
  description: 'An action item does not start with a verb, only says "investigate"/"improve"/"look into" without a measurable object, or exhorts people ("be more careful") instead of naming a mechanism.',
  defaultSeverity: 'hint',
  check(ctx) {
    for (const { item, path, label, short } of actionItems(ctx.doc)) {
      if (typeof item.action !== 'string' || item.action.trim() === '') continue;
      const text = item.action.trim();
      const range = ctx.rangeAt([...path, 'action'], 'value');
      if (isExhortation(text)) {
        ctx.report({
          message: `${label} ("${short}") asks people to try harder: an exhortation is blame in disguise and is never done. Name a mechanism instead: a check, a guard rail or an automation that makes the mistake impossible or visible, e.g. "Add a CI step that rejects config changes without a dry-run".`,
          range,
        });
      } else if (!startsWithVerb(text)) {
        ctx.report({
          message: `${label} does not start with a verb ("${firstWord(text).slice(0, 30)}"). Say what will be done, e.g. "Add an alert on connection refusals", not the topic.`,
          range,
        });
      } else if (isVagueAction(text)) {
        ctx.report({
          message: `${label} ("${short}") is too vague to close: no measurable object. Say what will exist or change when it is done, e.g. "Alert when pool usage exceeds 80% of max_connections".`,
          range,
        });
      }
    }
  },
};
