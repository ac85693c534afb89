/**
 * The blame detector's trained model (src/core/blame/model.ts): its features, its lazy loading, the
 * training's determinism, and that the committed weights are what a fresh training run writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { detectBlame, mayBlameSomeone, mayContainBlame } from '../../src/core/blame/detect';
import { featuresOf, isModelLoaded, type RuleSignals } from '../../src/core/blame/model';
import { rosterFor, type Mention } from '../../src/core/blame/people';
import { loadPairs, renderModel, train, trainBlameModel, HYPER, type Entry } from '../../scripts/blameModelTraining';

const root = join(__dirname, '../..');
const noSignals: RuleSignals = { fired: false, gated: true, terms: [], harm: [] };
const mention = (sentence: string, text: string): Mention => {
  const start = sentence.indexOf(text);
  return { start, end: start + text.length, text, source: 'guess' };
};

// First, while nothing in this process has met a person candidate.
test('the model is not loaded for text without blame language or without a person', () => {
  assert.deepEqual(detectBlame('The deploy finished at 14:02 and the error rate went back to normal.', rosterFor({}, [])), []);
  assert.deepEqual(detectBlame('The cache was purged by mistake and the deploy failed.', rosterFor({}, [])), []);
  assert.equal(isModelLoaded(), false);
});

test('features write the candidate as PERSON and read the words around it', () => {
  const sentence = '14:02 Kemi applied the change to the primary instead of the replica.';
  const f = featuresOf(sentence, mention(sentence, 'Kemi'), [mention(sentence, 'Kemi')], noSignals);
  for (const expected of ['l1=NUM', 'r1=applied', 'v=appli', 'starts', 'b=instead_of', 'w>instead', 'src=guess', 'others=0', 'terms=0', 'harm=0'])
    assert.ok(f.includes(expected), `${expected} missing from ${f.join(' ')}`);
  assert.ok(!f.some((name) => name.includes('kemi')), 'the name itself is never a feature');
});

test('features mark a passive mender, a possessive, a counterfactual, another person and the rules\' signals', () => {
  const restored = 'All lost orders were restored from backup by Sione within the hour.';
  assert.ok(featuresOf(restored, mention(restored, 'Sione'), [], noSignals).includes('by-person'));
  const caught = 'The misconfiguration was caught by Zsófia during code review.';
  const f = featuresOf(caught, mention(caught, 'Zsófia'), [], noSignals);
  assert.ok(f.includes('by-mender') && f.includes('byverb=caught'), f.join(' '));
  const possessive = "It was Dilan's change to the retry policy that caused a thundering herd.";
  assert.ok(featuresOf(possessive, mention(possessive, 'Dilan'), [], noSignals).includes('possessive'));
  const counterfactual = 'Had Frank waited for the canary, nothing would have broken.';
  assert.ok(featuresOf(counterfactual, mention(counterfactual, 'Frank'), [], noSignals).includes('counterfactual'));
  const term = { start: 0, end: 10, text: 'by mistake', strong: false };
  const spaced = featuresOf(caught, mention(caught, 'Zsófia'), [], { ...noSignals, terms: [term] });
  assert.ok(spaced.includes('term=by_mistake') && spaced.every((name) => !/\s/.test(name)), 'feature names are stored space-separated');
  const two = 'According to Giorgi, Levan changed the router by hand.';
  const levan = featuresOf(two, mention(two, 'Levan'), [mention(two, 'Giorgi'), mention(two, 'Levan')], { ...noSignals, fired: true, gated: false });
  for (const expected of ['l1=,', 'l2=OTHER', 'others=1', 'rule-fired', 'ungated']) assert.ok(levan.includes(expected), `${expected} missing from ${levan.join(' ')}`);
});

test('features read the outcome and manner after the name, and responsibility anywhere', () => {
  const sentence = '09:14 Adebayo pushed the config to prod instead of staging, so all pods terminated.';
  const f = featuresOf(sentence, mention(sentence, 'Adebayo'), [mention(sentence, 'Adebayo')], noSignals);
  for (const expected of ['past-act', 'manner-after', 'target-after', 'outcome-after']) assert.ok(f.includes(expected), `${expected} missing from ${f.join(' ')}`);
  assert.ok(!f.includes('pronoun-after') && !f.includes('responsibility'), f.join(' '));
  // Only what follows the name counts: the same words before it are not its outcome.
  const before = 'Instead of staging, prod got the config, so all pods terminated; Adebayo was on call.';
  const g = featuresOf(before, mention(before, 'Adebayo'), [mention(before, 'Adebayo')], noSignals);
  for (const absent of ['past-act', 'manner-after', 'target-after', 'outcome-after']) assert.ok(!g.includes(absent), `${absent} in ${g.join(' ')}`);
  const job = "Renewal was Hope's job and he let it slip.";
  const h = featuresOf(job, mention(job, 'Hope'), [mention(job, 'Hope')], noSignals);
  assert.ok(h.includes('responsibility') && h.includes('pronoun-after'), h.join(' '));
  const harm = { start: job.indexOf('slip'), end: job.indexOf('slip') + 4, text: 'slip', strong: false };
  assert.ok(featuresOf(job, mention(job, 'Hope'), [], { ...noSignals, harm: [harm] }).includes('harm-after=1'));
});

test('a terse timeline line without a blame word reaches the model', () => {
  const line = '09:14 Adebayo pushed the config with the replica count set to 0; all pods in eu-west terminated.';
  assert.equal(mayContainBlame(line), false, 'no word of the rules\' prefilter');
  assert.equal(mayBlameSomeone(line), true);
  assert.deepEqual(detectBlame(line, rosterFor({}, [])).map((f) => f.name), ['Adebayo']);
  // An act but no one who could have done it: a timeline of such lines never reaches the tagger.
  assert.equal(mayBlameSomeone('Checkout p99 latency measured at 1042 ms on pod checkout-api-3 during step 42'), false);
  assert.equal(mayBlameSomeone('Restart of the primary was done by Bryn while the replica was still catching up.'), true);
  assert.equal(mayBlameSomeone('Bryn is on call for the checkout team this week.'), false, 'a person, but no act');
});

test('the model adds a person the rules miss, and leaves a mender alone', () => {
  const roster = rosterFor({}, []);
  assert.deepEqual(
    detectBlame('Contributing factor: Parisa disabled the circuit breaker during load testing and it stayed off in production.', roster).map((f) => f.name),
    ['Parisa'],
  );
  assert.equal(isModelLoaded(), true);
  assert.deepEqual(detectBlame('All lost orders were restored from backup by Sione within the hour.', roster), []);
});

/** Two sentences, hand-made: enough for gradient descent to have something to fit. */
function tinyCorpus(): Entry[] {
  const candidate = (features: string[], label: boolean) => ({ text: 'X', fired: false, gated: true, features: ['bias', ...features], label });
  const entry = (set: string, features: string[], label: boolean): Entry => ({ set, blame: label, names: label ? ['X'] : [], parts: [{ prefiltered: true, extra: [], candidates: [candidate(features, label)] }] });
  return ['set-1', 'set-2', 'set-3', 'set-4', 'set-5', 'corpus'].flatMap((set) => [
    entry(set, ['v=forgot', 'harm=1'], true),
    entry(set, ['v=forgot', 'harm=0'], true),
    entry(set, ['mends', 'harm=1'], false),
    entry(set, ['mends', 'harm=0'], false),
  ]);
}

test('training is deterministic and learns the sign of a feature', () => {
  const first = train(tinyCorpus(), HYPER);
  const second = train(tinyCorpus(), HYPER);
  assert.deepEqual([...first.weights], [...second.weights]);
  assert.equal(first.bias, second.bias);
  assert.ok((first.weights.get('v=forgot') ?? 0) > 0.5, `v=forgot weighs ${first.weights.get('v=forgot')}`);
  assert.ok((first.weights.get('mends') ?? 0) < -0.5, `mends weighs ${first.weights.get('mends')}`);
  assert.deepEqual(renderModel(trainBlameModel(tinyCorpus())), renderModel(trainBlameModel(tinyCorpus())));
});

// The full run analyses ~1,700 labelled sentences (about a minute): the price of knowing the shipped weights are reproducible.
test('the committed blameModel.json is what scripts/train-blame-model.mjs writes from the corpora', () => {
  const json = readFileSync(join(root, 'src/core/blame/blameModel.json'), 'utf8');
  const settings = readFileSync(join(root, 'src/core/blame/blameModel.generated.ts'), 'utf8');
  const fresh = renderModel(trainBlameModel(loadPairs(root, parse)));
  assert.deepEqual(fresh, { json, settings }, 'run `node --import tsx scripts/train-blame-model.mjs` and commit the result');
  assert.ok(Buffer.byteLength(json) < 60_000, `the model is ${Buffer.byteLength(json)} bytes`);
});
