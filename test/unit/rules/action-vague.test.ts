import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleTests } from './ruleTester';
import { actionVague, isVagueAction, startsWithVerb } from '../../../src/rules/action-vague';

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
    { name: 'flow mapping with a verb', code: 'action_items:\n  - { action: Rotate the signing keys, owner: SRE team }\n' },
  ],
  invalid: [
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
  ],
});

test('action-vague: verbs and vagueness', () => {
  assert.equal(startsWithVerb('Shard the orders table'), true);
  assert.equal(startsWithVerb("Don't deploy on Fridays without a rollback plan"), true);
  assert.equal(startsWithVerb('Better alerting'), false);
  assert.equal(startsWithVerb('Runbook for failover'), false);
  assert.equal(isVagueAction('Improve things'), true);
  assert.equal(isVagueAction('Review the process again'), true);
  assert.equal(isVagueAction('Review pool settings against database limits in CI'), false);
  assert.equal(isVagueAction('Add an alert'), false);
});
