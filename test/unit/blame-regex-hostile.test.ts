/**
 * Hostile input for the regular expressions the blame detector and
 * action-vague run on user text: 1 MB made of each pattern's own prefixes,
 * repeated, where a super-linear pattern would take minutes. The bound is
 * generous (a shared, slow machine): it tells linear from quadratic, it does
 * not measure speed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BLAME_PREFILTER, CLEARING, CORRECTIVE_LEAD, NEAR_POINTERS, POINTERS, findBlameTerms } from '../../src/core/blame/lexicon';
import { detectBlame } from '../../src/core/blame/detect';
import { Roster } from '../../src/core/blame/people';
import { isExhortation } from '../../src/rules/action-vague';

const MB = 1_000_000;
const BOUND_MS = 5_000;

function repeat(unit: string): string {
  return unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
}

/** Prefixes of the patterns, each repeated to 1 MB, with and without separators. */
const HOSTILE = [
  repeat('left the '),
  repeat('left the a'),
  'left the ' + 'a'.repeat(MB),
  repeat('let the '),
  repeat('cut '),
  repeat('not '),
  repeat("not a's "),
  'neither ' + 'x'.repeat(MB),
  repeat('neither was '),
  repeat('traced back to '),
  repeat('thanks to '),
  repeat('"ERROR '),
  '"' + 'a'.repeat(MB),
  repeat('Mr. '),
  repeat('Mr '),
  repeat('with a '),
  'with ' + 'a'.repeat(MB),
  repeat('by a '),
  repeat('be more '),
  repeat('remind the team '),
  repeat('would have '),
  repeat('instead of '),
  repeat('Kofi '),
  repeat('kofi '),
  repeat('Ji-'),
  repeat("Kofi's "),
  repeat('@a.'),
];

const time = (run: () => unknown): number => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

test('blame regular expressions stay linear on 1 MB of their own prefixes', () => {
  for (const text of HOSTILE) {
    const label = JSON.stringify(text.slice(0, 20));
    for (const [name, run] of [
      ['prefilter', () => BLAME_PREFILTER.test(text)],
      ['terms', () => findBlameTerms(text)],
      ['clearing', () => CLEARING.test(text)],
      ['pointers', () => POINTERS.test(text) || NEAR_POINTERS.test(text)],
      ['corrective', () => CORRECTIVE_LEAD.test(text)],
      ['exhortation', () => isExhortation(text)],
    ] as const) {
      const ms = time(run);
      assert.ok(ms < BOUND_MS, `${name} took ${ms.toFixed(0)} ms on ${label}`);
    }
  }
});

test('the detector as a whole stays linear on 1 MB of hostile prose', () => {
  const roster = new Roster(['Kofi Mensah']);
  for (const text of [repeat('Kofi forgot the flag instead of the test. '), repeat("kofi's wrong "), repeat('Had Kofi, ')]) {
    const ms = time(() => detectBlame(text, roster, { markdown: true }));
    assert.ok(ms < BOUND_MS * 12, `detectBlame took ${ms.toFixed(0)} ms on ${JSON.stringify(text.slice(0, 20))}`);
  }
});
