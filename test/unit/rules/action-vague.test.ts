import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleTests } from './ruleTester';
import { actionVague, isExhortation, isVagueAction, startsWithVerb } from '../../../src/rules/action-vague';

const item = (action: string): string => `action_items:\n  - action: ${action}\n    owner: SRE team\n`;

runRuleTests(actionVague, {
  valid: [
    item('Alert on connection refusals at the database'),
    item('Add a canary stage to checkout deploys'),
    item('Page on-call when pool usage exceeds 80% of max_connections'),
    item('Load-test checkout at twice the Black Friday peak'),
    item('Re-run the migration with the lock timeout set'),
    item('Investigate why pool changes skip the capacity review'),
    item('Improve checkout p99 latency to under 300 ms'),
    item('Automate failover drills'),
    item('Standardize pool settings across services'),
    // Verbs the list does not hold are recognised by compromise ("to replay", "to tie"...).
    item('Replay a sampled hour of production cache traffic against the new eviction policy'),
    item('Backfill the search index from the orders table'),
    item('Rotate the database credentials every 90 days'),
    item('Alert when the cart cache hit rate drops below 80%'),
    item('Page the database on-call on connection refusals'),
    item('Tie every pool change to a capacity review'),
    item('Document the failover steps in the runbook'),
    item('Automate the certificate renewal'),
    item('Cap connections per service at 50'),
    item('Annotate deploys on the latency dashboard'),
    item('Snooze noisy alerts only with an expiry date'),
    { name: 'flow mapping with a verb', code: 'action_items:\n  - { action: Rotate the signing keys, owner: SRE team }\n' },
    // A blank action is action-deadline-missing's and the schema's business, not a topic without a verb.
    { name: 'a blank action', code: item('"   "') },
    { name: 'an empty action', code: item('""') },
  ],
  invalid: [
    {
      name: 'a long action is quoted cut to 50 characters, its spaces trimmed',
      code: item('"  Be more careful when changing the connection pool settings of the orders database  "'),
      errors: [{ line: 2, column: 13, messageIncludes: 'Action item 1 ("Be more careful when changing the connection po...") asks people to try harder' }],
    },
    {
      name: 'an action of exactly 50 characters is quoted whole',
      code: item('Be more careful with the orders database pool caps'),
      errors: [{ line: 2, column: 13, messageIncludes: 'Action item 1 ("Be more careful with the orders database pool caps") asks people' }],
    },
    {
      name: 'an action of 51 characters is cut',
      code: item('Be more careful with the orders database pool caps!'),
      errors: [{ line: 2, column: 13, messageIncludes: 'Action item 1 ("Be more careful with the orders database pool c...") asks people' }],
    },
    {
      name: 'a topic, not an action',
      code: item('Monitoring for the connection pool'),
      errors: [{ line: 2, column: 13, endColumn: 47, severity: 'hint', messageIncludes: 'does not start with a verb' }],
    },
    {
      name: 'only "investigate"',
      code: item('Investigate'),
      errors: [{ line: 2, column: 13, endColumn: 24, severity: 'hint', messageIncludes: 'no measurable object' }],
    },
    { name: 'improve without a target', code: item('Improve monitoring'), errors: [{ line: 2, column: 13, messageIncludes: 'no measurable object' }] },
    { name: 'look into the issue', code: item('Look into the database issue'), errors: [{ line: 2, column: 13, messageIncludes: 'no measurable object' }] },
    { name: 'a noun phrase', code: item('Database failover runbook'), errors: [{ line: 2, column: 13, messageIncludes: 'verb' }] },
    { name: 'a noun first', code: item('Connection refusals'), errors: [{ line: 2, column: 13, endColumn: 32, messageIncludes: 'does not start with a verb' }] },
    { name: 'an adjective first', code: item('Better monitoring'), errors: [{ line: 2, column: 13, messageIncludes: 'does not start with a verb' }] },
    { name: 'a determiner first', code: item('The runbook'), errors: [{ line: 2, column: 13, messageIncludes: 'does not start with a verb' }] },
    { name: 'a gerund used as a noun', code: item('Monitoring for X'), errors: [{ line: 2, column: 13, messageIncludes: 'does not start with a verb' }] },
    { name: 'a pronoun first', code: item('Our alerting on the pool'), errors: [{ line: 2, column: 13, messageIncludes: 'does not start with a verb' }] },
    { name: 'improve things', code: item('Improve things'), errors: [{ line: 2, column: 13, messageIncludes: 'no measurable object' }] },
    {
      name: 'an exhortation, not a mechanism',
      code: item('Be more careful when editing the load balancer config'),
      errors: [{ line: 2, column: 13, endColumn: 66, severity: 'hint', messageIncludes: 'Name a mechanism instead' }],
    },
    {
      name: 'the quoted first word is cut at 30 characters',
      code: item('Supercalifragilisticexpialidociousness-planning for the pool'),
      errors: [{ line: 2, column: 13, messageIncludes: 'Action item 1 does not start with a verb ("Supercalifragilisticexpialidoc"). Say what will be done' }],
    },
    {
      name: 'an action opening with punctuation has an empty first word, not a verb',
      code: item('"(Monitoring) for the pool"'),
      errors: [{ line: 2, column: 13, messageIncludes: 'Action item 1 does not start with a verb (""). Say what will be done' }],
    },
    { name: 'double-check as the whole action', code: item('Double-check config changes'), errors: [{ line: 2, column: 13, messageIncludes: 'asks people to try harder' }] },
  ],
});

test('action-vague: verbs and vagueness', () => {
  assert.equal(startsWithVerb('Shard the orders table'), true);
  assert.equal(startsWithVerb("Don't deploy on Fridays without a rollback plan"), true);
  assert.equal(startsWithVerb('Better alerting'), false);
  assert.equal(startsWithVerb('Runbook for failover'), false);
  assert.equal(startsWithVerb('Replay a sampled hour of production cache traffic'), true);
  assert.equal(startsWithVerb('Escalate to the database team after 10 minutes'), true);
  assert.equal(startsWithVerb('New dashboards for the pool'), false);
  assert.equal(startsWithVerb('Latency budget per service'), false);
  assert.equal(startsWithVerb('2 more replicas'), false);
  // The first word decides, whatever follows: a repeat is a cache hit with the same answer.
  assert.equal(startsWithVerb('Replay the deploy log'), true);
  assert.equal(startsWithVerb('Connection pool limits per service'), false);
  // The first word is read from the trimmed text, and "never" opens a rule as an imperative does.
  assert.equal(startsWithVerb('  Shard the orders table'), true);
  assert.equal(startsWithVerb('Never deploy on Fridays without a rollback plan'), true);
  // Nouns ending like -ise verbs, which the -ize/-ise shortcut must not take for verbs.
  assert.equal(startsWithVerb('Enterprise support contract'), false);
  assert.equal(startsWithVerb('Expertise sharing sessions'), false);
  assert.equal(startsWithVerb('Premise check for the pool'), false);
  assert.equal(startsWithVerb('Merchandise pages for the sale'), false);
  // The shortcut needs the whole word, four letters before the suffix, and the suffix at the end.
  assert.equal(startsWithVerb('Containerize the batch jobs'), true);
  assert.equal(startsWithVerb('Containerized jobs for the pool'), false);
  assert.equal(startsWithVerb('Wise defaults for the pool'), false);
  // Prefixes, with or without a hyphen: "reshard" is "shard" again.
  assert.equal(startsWithVerb('Reshard the orders table'), true);
  assert.equal(startsWithVerb('Autoscale the worker pool'), true);
  assert.equal(startsWithVerb('Unthrottle the batch queue'), true);
  // A possessive is dropped before the lookup (straight or curly apostrophe).
  assert.equal(startsWithVerb("Monitor's thresholds"), true);
  assert.equal(startsWithVerb('Monitor’s thresholds'), true);
  assert.equal(isVagueAction('Improve things'), true);
  // The vague verbs, each only at the start: "review" inside an action is part of a concrete step.
  for (const vague of ['Analyse the pool', 'Analyze the pool', 'Think about the pool', 'Think  about the pool', 'Look  into the database issue', 'Check onboarding', '  Investigate the pool  ']) {
    assert.equal(isVagueAction(vague), true, vague);
  }
  assert.equal(isVagueAction('Add a runbook step to review the pool'), false);
  assert.equal(isVagueAction('We should investigate'), false);
  // Only the first sentence counts: what follows a vague opener does not make it concrete.
  assert.equal(isVagueAction('Investigate. Then add an alert on pool usage with a runbook'), true);
  // Two words after the verb are too few, three are enough; one-letter words do not count; the verb itself does not count.
  assert.equal(isVagueAction('Improve checkout latency'), true);
  assert.equal(isVagueAction('Improve checkout search latency'), false);
  assert.equal(isVagueAction('Improve x y z'), true);
  // A number makes it measurable, however few the words.
  assert.equal(isVagueAction('Improve p99'), false);
  assert.equal(isVagueAction('Review the process again'), true);
  assert.equal(isVagueAction('Review pool settings against database limits in CI'), false);
  assert.equal(isVagueAction('Add an alert'), false);
});

test('action-vague: exhortations ask for a mechanism instead', () => {
  const table: Array<[string, boolean]> = [
    ['Be more careful', true],
    ['Be more careful when deploying on Fridays', true],
    ['Be extra vigilant with production credentials', true],
    ['Pay more attention to the canary dashboard', true],
    ['Pay closer attention during handovers', true],
    ['Double-check config changes', true],
    ['Double check the region before applying Terraform', true],
    ['Triple-check the target cluster', true],
    ['Remind the team to verify the target cluster', true],
    ['Remind everyone about the change freeze', true],
    ['Remind Mateo to check the backups', true],
    ['Engineers should be more careful with prod', true],
    ['Everyone must double-check the target cluster', true],
    ['The on-call engineer to pay more attention to alerts', true],
    ["Don't forget to renew the certificates", true],
    ['Make sure to check the region', true],
    ['Take more care with manual database changes', true],
    ['Stay vigilant during deploys', true],
    ['Think twice before force-pushing', true],
    ['Avoid such mistakes in future', true],
    ['Raise awareness of the release checklist', true],
    // A mechanism makes it checkable.
    ['Double-check config changes with a CI dry-run', false],
    ['Remind on-call engineers via a weekly bot message', false],
    ['Add a CI step that double-checks config changes', false],
    ['Alert when pool usage exceeds 80% of max_connections', false],
    ['Check the region flag in the deploy script', false],
    ['Require a second reviewer for changes to the LB config', false],
    ['Be able to restore a single tenant within 30 minutes', false],
    ['Automate the certificate renewal', false],
    ['Careful review of the runbook by the DB team', false],
    ['  Be more careful', true],
    // Not exhortations: no alternative of the pattern may match the empty string.
    ['2 more replicas for the pool', false],
    ['(Monitoring) for the pool', false],
    // Mechanisms: up to two words between the preposition (and its article) and the mechanism,
    // any run of spaces, and the mechanism words with their endings.
    ['Be careful with deploys by automation', false],
    ['Be careful with deploys, checked by the nightly release automation', false],
    ['Double-check config changes with a new nightly check', false],
    ['Double-check config changes with an extra nightly check', false],
    ['Double-check config changes with the  new nightly check', false],
    ['Double-check config changes with a  new nightly check', false],
    ['Double-check config changes with an  extra nightly check', false],
    ['Double-check config changes with  a CI dry-run', false],
    ['Be careful with the release  pipeline', false],
    ['Be careful with linting', false],
    ['Be careful with alerting', false],
    ['Be careful with tooling', false],
    ['Be careful with guardrails', false],
    ['Be careful with validation', false],
    ['Be careful with a dryrun', false],
  ];
  for (const [action, expected] of table) assert.equal(isExhortation(action), expected, action);
});
