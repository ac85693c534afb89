/** The floor of passing tests per runner: a runner that loads nothing must fail. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain .mjs helper shared with the e2e runners, without types.
import { belowMinimum, minimumTests } from '../lib/minimum-tests.mjs';

test('each runner has a floor, and a run below it is reported', () => {
  for (const runner of ['unit', 'e2e', 'ui']) {
    const floor = minimumTests(runner) as number;
    assert.ok(floor >= 5, `${runner} floor ${floor}`);
    assert.equal(belowMinimum(runner, floor), undefined);
    assert.match(belowMinimum(runner, floor - 1) as string, new RegExp(`^${runner}: only ${floor - 1} tests passed, fewer than the ${floor}`));
    assert.match(belowMinimum(runner, 0) as string, /test files were not loaded/);
  }
});

test('an unknown runner is an error, not a silent pass', () => {
  assert.throws(() => minimumTests('nope'), /no floor for "nope"/);
});
