/**
 * The words the blame detector knows. Kept apart from the logic so the lists
 * can grow (and be reviewed) without touching how they are used.
 */
import { TextPattern, textPattern } from './textPattern';
import { LeadingIndex } from './leadingText';
import { LEXICON_LEADS } from './lexiconLeads.generated';

/**
 * Blame language. `strong` phrases judge a person wherever the person stands
 * in the sentence ("Human error by Carlos..."); the others blame a person only
 * when that person is the one acting (subject, possessor, passive agent).
 */
export interface BlameTerm {
  pattern: TextPattern;
  strong: boolean;
  /** Counts only with a second circumstance or a regular term in the sentence (see CIRCUMSTANTIAL). */
  circumstantial?: boolean;
}

/** Verbs of damage done to a system, past and participle: the outcome of an act, not the act. */
const DAMAGE_VERBS = String.raw`(?:fill(?:ed|ing)|lock(?:ed|ing)|block(?:ed|ing)|crash(?:ed|ing)|wip(?:ed|ing)|corrupt(?:ed|ing)|expos(?:ed|ing)|overwr(?:ote|iting)|overload(?:ed|ing)|exhaust(?:ed|ing)|flood(?:ed|ing)|undid|undoing|kill(?:ed|ing)|stall(?:ed|ing)|starv(?:ed|ing)|(?:took|taking) down|knock(?:ed|ing) out|breaking|cost(?:ing)? us)`;

/** Past tenses of damage, for an act as the subject ("X's script wiped the folder"). */
const DAMAGE_PAST = String.raw`locked|crashed|wiped|deleted|dropped|broke|took down|knocked out|filled|overwrote|corrupted|exposed|removed|disabled|purged|truncated|flushed|killed|blocked|overloaded|exhausted|flooded|stalled|froze|leaked|erased|destroyed|clobbered`;

const STRONG = [
  String.raw`human[- ]error`,
  String.raw`operator[- ]error`,
  String.raw`(?:at|(?:his|her|their|(?:\p{L}+['’]s)) own) fault`,
  String.raw`fault`,
  String.raw`to blame`,
  String.raw`blame[sd]?`,
  String.raw`careless(?:ly|ness)?`,
  String.raw`negligen(?:t|tly|ce)`,
  String.raw`reckless(?:ly|ness)?`,
  String.raw`sloppy|sloppiness`,
  String.raw`lazy|laziness`,
  String.raw`incompeten(?:t|ce)`,
];

const REGULAR = [
  String.raw`forg[eo]t(?:s|ten|ting)?`,
  String.raw`fail(?:ed|s|ing)? to`,
  String.raw`should(?:n['’]t| not)? have`,
  String.raw`should['’]ve`,
  String.raw`ought to have`,
  String.raw`did(?:n['’]t| not)`,
  // Not inexperience ("a service he had never worked on"): that names a gap in onboarding, not an act.
  String.raw`never (?!(?:worked|been|seen|heard|trained)(?![\p{L}]))(?:checked|tested|noticed|read|asked|told|updated|followed|sent|ran|set|\p{L}+ed)`,
  // "Kwame had not updated the runbook": an omission pinned on whoever is the subject.
  // Not "had not been shown": there someone else left the gap.
  String.raw`ha(?:d|s|ve)(?:n['’]t| not)(?! (?:yet |ever |always )?been)`,
  String.raw`broke|broken|break(?:s|ing)?`,
  String.raw`corrupt(?:ed|ing|s)?`,
  String.raw`caus(?:ed|ing)`,
  String.raw`by (?:mistake|accident)`,
  String.raw`mistaken(?:ly)?`,
  String.raw`mistook`,
  String.raw`mistakes?`,
  String.raw`accidental(?:ly)?`,
  String.raw`inadvertent(?:ly)?`,
  String.raw`typo(?:s|ed)?`,
  String.raw`mistyp(?:ed|ing)`,
  String.raw`wrong(?:ly)?`,
  String.raw`incorrect(?:ly)?`,
  String.raw`(?:messed|screwed|mucked|fouled) up`,
  String.raw`overlook(?:ed|s|ing)?`,
  String.raw`neglect(?:ed|s|ing)?`,
  String.raw`ignor(?:ed|es|ing)`,
  String.raw`miss(?:ed|es)`,
  String.raw`fat[- ]finger(?:ed|ing|s)?`,
  // Slang for destroying by mistake, like "wiped": nobody "nukes" a database on purpose in a post-mortem.
  String.raw`wiped?|nuk(?:ed|es|ing)`,
  String.raw`skipp(?:ed|ing)`,
  String.raw`misconfigur(?:ed|es|ing)`,
  String.raw`mis(?:read|typed|labell?ed|judged|handled)`,
  String.raw`(?:took|taken|take|brought|bring|knocked) down`,
  String.raw`botch(?:ed|es)?`,
  String.raw`oversight`,
  String.raw`(?:lack of|no|without) attention`,
  String.raw`(?:not |n['’]t )?pay(?:ing)? attention`,
  // Judgements of the act itself.
  String.raw`un(?:reviewed|tested|approved|announced|validated|checked|supervised|authori[sz]ed|encrypted|monitored)|self-approved|(?:his|her|their) own (?:change|changes|pr|pull request|code|commit)`,
  String.raw`(?:did|made|make|makes) (?:a |the |this |that )?mistake|error`,
  String.raw`faulty|buggy|bogus|typo['’]d|left (?:the \p{L}+ (?:flag )?)?(?:on|off|out|open|enabled|disabled|running)`,
  String.raw`let (?:it |the \p{L}+ )?(?:lapse|expire)|leak(?:ed|ing)|hard-?cod(?:ed|ing)|hand-?edit(?:ed|ing)?|snoozed|bypass(?:ed|es|ing)?|circumvent(?:ed|ing)?`,
  // Non-native English drops the auxiliary: "he not check the canary", "was not knowing".
  String.raw`(?<!(?:was|were|been|is|are|be|being) )not (?:check|checked|checking|test|tested|testing|verify|verified|update|updated|renew|renewed|follow|followed|wait|waited|read|review|reviewed|inform|informed|tell|told|ask|asked|know|knowing|knew|run|ran)`,
  // Non-native English puts an omission in the progressive: "Obinna was not checking the capacity" (active, unlike "was not checked").
  String.raw`(?:was|were)(?:n['’]t| not) (?:check|test|verify|updat|follow|wait|read|review|tak|monitor|watch|look|us|run|mak)\p{L}*ing`,
  // Responsibility and counterfactuals.
  String.raw`responsib(?:le|ility)|that['’]s on|(?:it|this|that) (?:is|was) on`,
  String.raw`would(?:n['’]t| not| never)? have|would['’]ve|none of this`,
  // The manner, and the outcome pinned on the act.
  String.raw`instead of|rather than|contrary to|despite|in spite of|even (?:though|after|when)|(?:without|w/o)(?! (?:any |a single )?(?:errors?|issues?|incidents?|problems?|downtime|impact|data loss|loss|a hitch|losing|dropping|breaking|affecting|impacting|interrupting|disrupting)(?![\p{L}]))|as intended`,
  String.raw`stale|outdated|out-of-date|out of date|decommissioned|twice|two times|too (?:early|late|soon|small|short|low|high)`,
  String.raw`believ(?:ed|ing) (?:it|that|he|she|was|to be)|thought (?:was|to be)|assum(?:ed|ing)|thinking (?:it|that)|thought (?:it|that)|think it was|supposed to be`,
  String.raw`public (?:repo|repository|bucket|channel|gist)|ma(?:de|ke|kes|king) (?:it |them |the \p{L}+ )?public|failing (?:\p{L}+ )?(?:tests?|checks?|builds?|ci)|should (?:be|have been) \p{N}+`,
  // The outcome pinned on the act.
  String.raw`(?:which|that|this)(?: is|['’]s)? (?:why|how|where)|is how|so (?:every|all|the|nothing|no|none)|causing|led to|resulting in|duplicat(?:ed|ing)`,
  String.raw`took out|cut (?:\p{L}+ )?off|filled (?:up )?the disks?|went out|reintroduc(?:ed|ing)`,
  // The damage the act did, told after it ("..., which filled the disks", "..., taking down eu-west"): a mender's
  // verb still clears its subject (see subjectTerm in detect.ts), so this pins the outcome only on an actor.
  String.raw`(?:,|which|and) (?:then |also |quickly |effectively )?${DAMAGE_VERBS}`,
  // A possessed act that did damage: "Nkechi's migration locked the table" (the possessor path in detect.ts).
  String.raw`(?<=['’]s (?:[\p{L}-]+ )?)(?!(?:he|she|they|it|we|you|since|because|when|and|but) )[\p{L}-]+ (?:${DAMAGE_PAST})`,
  String.raw`(?:opened|exposed|open) to the (?:world|internet|public)`,
  // Two environments crossed in one act ("pasted the staging credentials into the production vault", "ran it on prod
  // not staging"); not across a clause ("tested in staging before the production rollout"), nor a promotion.
  String.raw`(?<!promot\p{L}*\s(?:the\s)?)(?:staging|dev|test (?:env|environment|cluster|database|db|account|instance|server|copy))(?:(?!\s(?:before|after|then|and|once|when|until|so|to test)\s)[^.;,!?]){1,45}?[^\p{L}](?:prod|production|live)(?![\p{L}])|(?:prod|production|live)(?:(?!\s(?:before|after|then|and|once|when|until|so|to test)\s)[^.;,!?]){1,45}?[^\p{L}](?:staging|dev|test (?:env|environment|cluster|database|db|account|instance|server|copy))(?![\p{L}])`,
];

/**
 * Circumstances that make an act a mistake only together: a destructive act
 * ("deleted", "disabled", "to production") is routine maintenance on its own
 * ("Kenji deployed the fix to production", "Aisha disabled the noisy alert");
 * with a second one ("deleted ... on prod", "force-pushed to production") or
 * a regular term ("deleted ... instead of the test copy") it is the mistake.
 */
const CIRCUMSTANTIAL = [
  // The act carries the damage: what was destroyed, switched off or overwritten.
  String.raw`delet(?:ed|es|ing)|dropp(?:ed|ing)|drops|remov(?:ed|es|ing)|purg(?:ed|es|ing)|truncat(?:ed|es|ing)|emptied|flush(?:ed|es|ing)|eras(?:ed|ing)`,
  // Repeating a destructive act ("deleted the bucket again").
  String.raw`again`,
  // When: at the worst time ("flushed in the middle of peak traffic").
  String.raw`(?:during|at|in the middle of) (?:the )?(?:peak|busiest|business hours|black friday)|peak (?:hours|traffic|load|time)`,
  String.raw`overw(?:rote|ritten|rites|riting)|overrode|overridden|clobber(?:ed|s)?|force-?push(?:ed|es|ing)?`,
  String.raw`disabl(?:ed|es|ing)|(?:turn|switch)(?:ed|ing)? (?:it |them )?off|skips?`,
  // How far: a destructive act done wholesale ("removed the backoff entirely").
  String.raw`entirely|completely|wholesale|all of (?:the|them|it)`,
  // Exposure: what was opened to the world.
  String.raw`(?:to|as) public|publicly (?:readable|accessible|visible)|world-(?:readable|writable)`,
  // Where: production is where every deploy goes.
  String.raw`(?:against|on|in|into|to|at) (?:the )?(?:prod|production|the primary|primary|live)|(?:prod|production|live) (?:db|database|bucket|cluster|table|data|server|environment|env|context|namespace|instance|config|credentials|password|keys?)`,
];

/**
 * Phrases that point at whoever follows them: "traced back to Sourav", "the
 * fault lies with Lindiwe", "because of Bongani", "it was @tuan".
 */
export const POINTERS = /(?:trac(?:ed|es|ing) (?:back )?to|lies with|(?:root )?cause (?:was|is)|trigger (?:was|is)|because of|(?:it|that) was|(?:it|that)['’]s on|blame (?:on )?|was down to) ?$/iu;

/** Pointers that also give credit ("thanks to Mei's quick rollback"): blame only when the mistake follows the name at once. */
export const NEAR_POINTERS = /(?:thanks to|due to|owing to) ?$/iu;

/**
 * Sentences that clear a person: "not Ana's doing", "no fault of Minh", "not by
 * anything she did", "was not involved in the change". Nobody in them is flagged.
 */
export const CLEARING = textPattern(/(?<![\p{L}])(?:not (?:the )?(?:fault|doing|mistake) of|no fault of|not (?:\p{L}+['’]s |your |his |her |their |my )(?:fault|doing|mistake)|not by any(?:thing| action| act| mistake| fault| decision)|(?:nobody|no one|no (?:individual|single person|person|human|engineer)|neither\b[^;]{0,80}?) (?:is|was) (?:to blame|at fault)|(?:is|was|were|are|did|does)(?:n['’]t| not) (?:causing|cause|the cause|responsible|at fault|to blame)|not (?:by |from )?(?:you|him|her|them)(?![\p{L}])|(?:not|no|never) (?:been )?involve(?:d|ment)|not a person|not (?:one|a single) person|nothing (?:he|she|they) did|followed the (?:runbook|checklist|procedure|process)|(?:is|was) (?:initially )?suspected|(?:nobody|no one|don['’]t|do not|let['’]s not) blame[ds]?|(?:was|were|is)(?:n['’]t| not) blamed|did (?:nothing|not do anything|n['’]t do anything) wrong|(?:not because|nothing) \p{L}+ did|not (?:is |was |the )?(?:\p{L}+ )?fault of)/iu);

/**
 * Roots of verbs after which a person finds, reports, mends or takes part in
 * the response, rather than causes the failure ("Kwame rolls back", "Neha is
 * investigating", "Ayu thanked for spotting"). Compared after stripping
 * -s/-es/-ed/-ing, see verbRoot in detect.ts.
 */
export const EXONERATING_ROOTS: ReadonlySet<string> = new Set([
  'notice', 'find', 'found', 'report', 'point', 'spot', 'discover', 'confirm', 'fix', 'identify', 'identifi', 'explain', 'flag',
  'catch', 'caught', 'detect', 'verify', 'verifi', 'help', 'ask', 'say', 'said', 'tell', 'told', 'escalate', 'investigate', 'diagnose', 'realize', 'realise', 'see', 'saw', 'trace', 'restore', 'resolve', 'correct',
  'warn', 'mention', 'suspect', 'note', 'raise', 'document', 'revert', 'roll', 'show', 'prove', 'propose', 'suggest',
  'recommend', 'describe', 'summarize', 'summarise', 'analyze', 'analyse', 'review', 'debug', 'mitigate', 'repair', 'recover',
  'page', 'alert', 'notify', 'notifi', 'thank', 'wonder', 'learn', 'determine', 'figure', 'work', 'join', 'open', 'close',
  'acknowledge', 'declare', 'answer', 'reply', 'replie', 'respond', 'track', 'handle', 'prevent', 'avoid', 'rebuild',
  'reconstruct', 'replay', 'restart', 'kill', 'rescue', 'save', 'coordinate', 'lead', 'led', 'relay', 'contact', 'follow',
  'check', 'monitor', 'watch', 'cordon', 'spend', 'spent', 'stay', 'stayed', 'list',
  'mark', 'pin', 'ping', 'try', 'tri', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'plan', 'agree', 'inform',
  'contain', 'isolate', 'pause', 'failover', 'call', 'revoke', 'thanks', 'thx', 'ty', 'kudos', 'shoutout',
  // Stopping and containing the damage, and examining it.
  'rebuilt', 'halt', 'abort', 'cancel', 'freeze', 'froze', 'frozen', 'suspend', 'quarantine', 'drain', 'unblock', 'remediate', 'patch',
  'triage', 'inspect', 'examine', 'reproduce', 'observe', 'hear', 'heard', 'recognize', 'recognise', 'announce', 'communicate',
  'interrupt', 'intervene', 'unstick', 'unstuck',
]);

/** Words that say an act was the plan: "as planned", "per the runbook", "with approval". Circumstances alone do not blame there. */
export const AS_PLANNED = textPattern(/(?<![\p{L}])(?:as (?:planned|agreed|scheduled|documented|designed|expected|instructed|requested|approved)|as the (?:runbook|procedure|plan|checklist) (?:says|said|describes|required|requires)|(?:per|following|according to) the (?:runbook|plan|procedure|checklist|change (?:ticket|request|plan))|with (?:the )?approval|the (?:right|correct) call|correctly)(?![\p{L}])/iu);

/** Chat and report lead-ins after which a name is the subject: "lol @bayo just nuked...", "thandi said lwazi forgot". */
export const CHAT_LEADS: ReadonlySet<string> = new Set([
  'lol', 'lmao', 'tbh', 'ngl', 'fwiw', 'ok', 'okay', 'so', 'seems', 'seemingly', 'cuz', 'coz', 'cause', 'guess', 'think',
  'yeah', 'yep', 'oh', 'well', 'btw', 'fyi', 'imo', 'apparently', 'said', 'says', 'thinks', 'believes', 'know', 'knew',
  'admitted', 'admits', 'confirmed', 'realised', 'realized', 'think', 'reckon', 'bc', 'because', 'since', 'why', 'guess',
  'sadly', 'unfortunately', 'honestly', 'basically', 'turns', 'out', 'wait', 'hmm', 'ugh', 'welp', 'like', 'just',
]);

/** Imperatives that correct a person ("Retrain Wambui...", "Ask Aiko to stop..."): their object is the one blamed. */
export const CORRECTIVE_LEAD = /^(?:please |pls )?(?:retrain|re-train|coach|warn|remind|prevent|stop|forbid|tell|make sure|ensure|follow up with|talk to|ask|have a word with|speak to|restrict)\b/iu;

/** "Because Kemal rebooted the primary...": a person as the subject of a cause (see causalSubject in detect.ts). */
const CAUSAL_WORDS = String.raw`because|cuz|coz|(?:root )?cause (?:was|is)|trigger (?:was|is)|trac(?:ed|es|ing) (?:back )?to|lies with|was down to|(?:began|started|happened|occurred) when`;
export const CAUSAL = new TextPattern(String.raw`(?<![\p{L}\p{N}_])(?:${CAUSAL_WORDS})(?![\p{L}\p{N}_])`, 'iu');

const toRegex = (source: string): TextPattern => new TextPattern(String.raw`(?<![\p{L}\p{N}_])(?:${source})(?![\p{L}\p{N}_])`, 'giu');

let blameTerms: readonly BlameTerm[] | undefined;

/** The terms' expressions, built on first use: each is compiled only when a text may match it (termIndex). */
export function blameTermPatterns(): readonly BlameTerm[] {
  blameTerms ??= [
    ...STRONG.map((s) => ({ pattern: toRegex(s), strong: true })),
    ...REGULAR.map((s) => ({ pattern: toRegex(s), strong: false })),
    ...CIRCUMSTANTIAL.map((s) => ({ pattern: toRegex(s), strong: false, circumstantial: true })),
  ];
  return blameTerms;
}

/** The expressions termIndex narrows: the terms, then CAUSAL (scripts/gen-blame-leads.ts lists their leading texts). */
export function leadIndexedPatterns(): readonly TextPattern[] {
  return [...blameTermPatterns().map((term) => term.pattern), CAUSAL];
}

let index: LeadingIndex<{ pattern: TextPattern; term?: BlameTerm }> | undefined;

/**
 * The terms and CAUSAL, narrowed to those that may match a text by what their matches start with (./leadingText.ts):
 * a sentence is tried only against the few expressions whose first letters it has, so the others are never
 * compiled (compiling all of them, or their union, cost 30-40 ms on every `postmortem lint`).
 */
function termIndex(): NonNullable<typeof index> {
  index ??= new LeadingIndex([...leadIndexedPatterns().map((pattern, i) => ({ pattern, term: blameTermPatterns()[i] }))], true, LEXICON_LEADS);
  return index;
}

/** One cheap test for "could this sentence blame anyone": the language analysis runs only when it passes. */
export const BLAME_PREFILTER = {
  /** Whether any blame term or causal phrase (CAUSAL) occurs in `text`. */
  test(text: string): boolean {
    return termIndex()
      .candidates(text)
      .some((entry) => entry.pattern.test(text));
  },
};

export interface TermMatch {
  start: number;
  end: number;
  text: string;
  strong: boolean;
  circumstantial?: boolean;
}

/** Every blame term in `text`, longest first where two overlap. */
export function findBlameTerms(text: string): TermMatch[] {
  const found: TermMatch[] = [];
  for (const { term } of termIndex().candidates(text)) {
    if (!term) continue;
    const pattern = term.pattern.for(text);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], strong: term.strong, circumstantial: term.circumstantial });
    }
  }
  return mergeOverlapping(found);
}

/** Term matches in text order, one per place: where two overlap the longer is kept, strong if either is. */
export function mergeOverlapping(found: TermMatch[]): TermMatch[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermMatch[] = [];
  for (const t of found) {
    const last = kept[kept.length - 1];
    if (last && t.start < last.end) {
      if (t.strong && !last.strong) last.strong = true;
      if (!t.circumstantial) last.circumstantial = false;
      continue;
    }
    kept.push(t);
  }
  return kept;
}

/**
 * Products, tools and services that share a name with people. Lower case;
 * multi-word entries are matched against the name as written.
 */
export const TOOL_NAMES: ReadonlySet<string> = new Set([
  'jenkins', 'cassandra', 'kafka', 'hermes', 'ansible', 'terraform', 'jarvis', 'ruby', 'rails', 'flask', 'django',
  'celery', 'hudson', 'ada', 'julia', 'elixir', 'kubernetes', 'athena', 'apollo', 'mercury', 'iris', 'siri', 'alexa',
  'cortana', 'watson', 'heroku', 'grafana', 'loki', 'thanos', 'prometheus', 'nagios', 'zabbix', 'jaeger', 'vault',
  'consul', 'nomad', 'redis', 'postgres', 'postgresql', 'mongo', 'mongodb', 'maria db', 'mariadb', 'travis', 'travis ci',
  'bamboo', 'argo', 'flux', 'helm', 'istio', 'envoy', 'linkerd', 'sentry', 'kibana', 'logstash', 'elastic', 'spark',
  'hadoop', 'hive', 'pig', 'airflow', 'luigi', 'dagster', 'spinnaker', 'harbor', 'jira', 'confluence', 'bitbucket',
  'github', 'gitlab', 'docker', 'podman', 'nginx', 'apache', 'tomcat', 'jetty', 'kong', 'traefik', 'caddy', 'varnish',
  'memcached', 'rabbit', 'rabbitmq', 'nats', 'pulsar', 'zookeeper', 'etcd', 'vitess', 'presto', 'trino', 'druid',
  'flink', 'beam', 'storm', 'samza', 'puppet', 'chef', 'salt', 'saltstack', 'pulumi', 'packer', 'vagrant', 'opsgenie',
  'pagerduty', 'datadog', 'splunk', 'honeycomb', 'lambda', 'fargate', 'aurora', 'dynamo', 'dynamodb', 'cloudflare',
  'akamai', 'fastly', 'okta', 'auth0', 'stripe', 'twilio', 'sendgrid', 'mailgun', 'slack', 'teams', 'zoom', 'oracle',
  'sybase', 'ingres', 'neo4j', 'cockroach', 'cockroachdb', 'tidb', 'clickhouse', 'scylla', 'scylladb', 'couchbase',
  'minio', 'ceph', 'gluster', 'portworx', 'rook', 'velero', 'karpenter', 'keda', 'knative', 'tekton', 'drone',
  'circle', 'circleci', 'buildkite', 'teamcity', 'octopus', 'rundeck', 'stackstorm', 'sensu', 'icinga', 'graphite',
  'statsd', 'collectd', 'telegraf', 'influx', 'influxdb', 'cortex', 'mimir', 'tempo', 'zipkin', 'falco',
  'calico', 'cilium', 'flannel', 'weave', 'rancher', 'openshift', 'nova', 'neutron', 'cinder', 'swift',   'keystone', 'ironic', 'magnum', 'jupyter', 'pandas', 'numpy', 'keras', 'python', 'java', 'rust',
  'go', 'scala', 'perl', 'dart', 'swift', 'kotlin', 'clojure', 'erlang', 'haskell', 'delphi',
  'cobol', 'fortran', 'matlab', 'gemini', 'bard', 'copilot', 'dependabot', 'renovate', 'sonar',
  'sonarqube', 'snyk', 'atlas', 'titan', 'phoenix', 'hydra', 'sauron', 'gandalf', 'merlin',
]);

/**
 * Products named like people whose name is, first of all, a common given
 * name ("Ruby", "Julia", "Ada"): written bare before an act only a person
 * does (see HUMAN_SIGNAL), they are people; compromise's lexicon adds the
 * rest of the given names among TOOL_NAMES.
 */
export const GIVEN_NAME_TOOLS: ReadonlySet<string> = new Set(['ruby', 'iris', 'julia', 'ada', 'cassandra', 'athena', 'alexa', 'luigi']);

/** What people, not tools, do after "failed to", "did not", "never"...: communicate, check, follow, wait. */
const HUMAN_ACTS = String.raw`(?:follow|check|double-check|review|notify|inform|communicate|escalate|hand|ask|tell|read|verify|test|wait|remember|notice|mention|document|page|confirm|announce|coordinate|consult|look|respond|answer|approve|warn|call|reply|report)\w*`;

/**
 * Evidence that the actor of a clause is a person: an act or a judgement a
 * tool cannot have ("accidentally", "forgot", "approved", "should have",
 * "failed to check"). Used where the name alone is doubtful: an unknown word
 * at the start of a sentence, a product named like a person.
 */
/** Irregular verbs whose past tense is their stem ("Jun had set", "Because Yupanqui set the TTL"): the tagger often reads a noun. */
export const SAME_FORM_PAST = /^(?:set|put|cut|let|hit|shut|reset|upset|spread|broadcast)$/;

export const HUMAN_SIGNAL = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:` +
    [
      String.raw`accidental(?:ly)?|mistaken(?:ly)?|mistook|inadvertent(?:ly)?|careless(?:ly|ness)?|negligen\p{L}*|reckless(?:ly)?`,
      String.raw`forg[eo]t\p{L}*|overlook\p{L}*|neglect\p{L}*|ignor(?:ed|es|ing)|misread|mistyp\p{L}*|fat[- ]finger\p{L}*|typo(?:s|ed)?`,
      // Not "by mistake": tools do things by mistake too ("the relay rejected messages by mistake").
      String.raw`should(?:n['’]t| not)? have|should['’]ve|at fault|human error`,
      String.raw`approved|merged|typed|pasted|pushed|force-pushed|clicked|assumed|decided|chose|misjudged`,
      // Tools fail; only people make mistakes ("Tharindu did mistake in the cron").
      String.raw`(?:did|made|makes?|do) (?:a |the |this |that |another |big |small )?mistakes?`,
      String.raw`(?:failed to|did(?:n['’]t| not)|ha[ds](?:n['’]t| not)|never) ${HUMAN_ACTS}`,
    ].join('|') +
    String.raw`)(?![\p{L}\p{N}_])`,
  'iu',
);

/** Nouns that, right after a capitalised word, show the word names a thing: "the Jenkins job", "Cassandra cluster". */
export const TOOL_NOUNS: ReadonlySet<string> = new Set([
  'job', 'jobs', 'cluster', 'clusters', 'node', 'nodes', 'consumer', 'consumers', 'producer', 'producers', 'worker',
  'workers', 'queue', 'queues', 'topic', 'topics', 'dashboard', 'dashboards', 'pipeline', 'pipelines', 'server',
  'servers', 'instance', 'instances', 'database', 'db', 'gateway', 'ci', 'sidecar', 'compactor', 'dyno', 'dynos',
  'skill', 'integration', 'replication', 'migration', 'migrations', 'upgrade', 'query', 'queries', 'release', 'chart',
  'charts', 'bot', 'service', 'services', 'api', 'plugin', 'plugins', 'agent', 'agents', 'operator', 'controller',
  'broker', 'brokers', 'container', 'containers', 'pod', 'pods', 'build', 'builds', 'deploy', 'deployment', 'config',
  'configuration', 'manifest', 'module', 'modules', 'provider', 'state', 'playbook', 'playbooks', 'role', 'task',
  'tasks', 'runner', 'runners', 'scheduler', 'index', 'shard', 'shards', 'replica', 'replicas', 'primary', 'leader',
  'client', 'clients', 'library', 'sdk', 'driver', 'proxy', 'mesh', 'ingress', 'alert', 'alerts', 'rule', 'rules',
  'relay', 'exporter', 'exporters', 'scraper', 'collector', 'ingester', 'ingesters', 'version', 'app', 'application',
  'cache', 'table', 'tables', 'bucket', 'region', 'endpoint', 'webhook', 'script', 'scripts', 'image', 'images',
  'stack', 'tenant', 'account',
]);

/** Verbs after which the person reports, finds or mends the failure rather than causes it. */
export const NEUTRAL_VERBS: ReadonlySet<string> = new Set([
  'noticed', 'notices', 'found', 'finds', 'reported', 'reports', 'pointed', 'points', 'spotted', 'spots', 'discovered',
  'confirmed', 'confirms', 'fixed', 'fixes', 'identified', 'explained', 'explains', 'flagged', 'caught', 'detected',
  'verified', 'helped', 'helps', 'asked', 'said', 'says', 'told', 'wrote', 'writes', 'escalated', 'investigated',
  'diagnosed', 'realized', 'realised', 'saw', 'sees', 'traced', 'added', 'adds', 'restored', 'resolved', 'corrected',
  'warned', 'mentioned', 'suspected', 'noted', 'notes', 'raised', 'documented', 'reverted', 'rolled', 'showed', 'shows',
  'demonstrated', 'proved', 'proposed', 'suggested', 'recommended', 'described', 'summarized', 'summarised',
  'analyzed', 'analysed', 'reviewed', 'debugged', 'mitigated', 'repaired', 'recovered', 'paged', 'alerted', 'notified',
  'will', 'would', 'can', 'could', 'may', 'might', 'must', 'plans', 'planned', 'agreed', 'owns', 'leads', 'led',
  'thanked', 'wondered', 'learned', 'learnt', 'determined', 'figured', 'worked', 'joined', 'opened', 'closed',
  'acknowledged', 'declared', 'answered', 'replied', 'responded', 'tracked', 'handled', 'prevented', 'avoided',
]);

/**
 * Words that start a new clause: a name before one of these is not the actor
 * of a failure after it ("Bob reported that the backup failed").
 */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  'that', 'because', 'why', 'when', 'whenever', 'after', 'before', 'so', 'but', 'while', 'until', 'till', 'since',
  'although', 'though', 'whereas', 'once', 'if', 'unless', 'where', 'however', 'meanwhile', 'whether', 'how',
]);

/** Words before a name that make it a clause's subject (besides the sentence start and punctuation). */
export const SUBJECT_LEADS: ReadonlySet<string> = new Set([
  ...CLAUSE_BREAKS, 'and', 'or', 'then', 'which', 'who', 'as', 'also', 'later', 'earlier', 'apparently', 'initially',
  'first', 'finally', 'yesterday', 'today', 'here', 'nor', 'both', 'but',
]);

/** Mailboxes that are roles or systems, not people: `alerts@`, `noreply@`... */
export const ROLE_MAILBOX = /^(?:no-?reply|do-?not-?reply|alerts?|alerting|monitoring|notifications?|support|help|helpdesk|ops|devops|sre|oncall|on-call|admin|administrator|root|postmaster|hostmaster|webmaster|abuse|security|info|contact|team|noc|billing|sales|mailer-daemon|bounce[s]?|ci|build|builds|deploy|bot|robot|system|service|status|incident[s]?|pagerduty|jira|github|gitlab)$/i;

/** Owners that name a team rather than a person are not looked for in the text. */
export const TEAM_WORDS = /\b(?:team|squad|group|guild|tribe|crew|platform|ops|sre|devops|infra|infrastructure|on-?call|rotation|department|dept|org|committee|council|board|chapter|pod|unit|desk|center|centre)\b/i;

/**
 * For the last why (whys-person-root): phrases that locate a root cause in a
 * person rather than in the organisation, process or system.
 */
export const PERSON_ROOT_PHRASES: readonly RegExp[] = [
  /\bhuman[- ]error\b/i,
  /\boperator[- ]error\b/i,
  /\buser[- ]error\b/i,
  /\bpersonal (?:mistake|error|failure)\b/i,
  /\bbe(?:ing)? (?:more )?(?:careful|vigilant|diligent|attentive)\b/i,
  /\bmore (?:careful|vigilant|diligent|attentive)\b/i,
  /\bcareless(?:ly|ness)?\b/i,
  /\bnegligen(?:t|ce)\b/i,
  /\blaziness\b|\blazy\b/i,
  /\bsloppy\b|\bsloppiness\b/i,
  /\bincompeten(?:t|ce)\b/i,
  /\b(?:did ?n['’]?t|did not|not|never|failed to|forgot to) pay(?:ing)? (?:enough |close )?attention\b/i,
  /\black of (?:attention|focus|care|diligence)\b/i,
  /\binattention\b|\binattentive\b/i,
  /\bnot paying attention\b/i,
];

/**
 * Anonymous people and roles. In the last why they count as a person-root
 * only next to blame language ("Someone should have caught it", "The engineer
 * forgot"): "The engineer had no runbook" points at a gap, and is fine.
 */
export const ANONYMOUS_PEOPLE = /\b(?:someone|somebody|anyone|nobody|no one|the (?:on-?call )?(?:engineer|developer|dev|operator|admin|administrator|sre|reviewer|author|intern|new hire|contractor|employee|person|user|responder|deployer|committer)|an? (?:on-?call )?(?:engineer|developer|operator|admin|administrator|sre|reviewer|intern|new hire|contractor|employee)|the on-?call|(?:he|she))\b/i;
