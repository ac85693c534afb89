// The floor of passing tests per runner (test/minimum-tests.json). A full run
// (no filter) that passes fewer tests than its floor has lost test files
// somewhere (a glob that matched nothing, a suite that failed to load), and
// fails: a runner that runs nothing must never look green.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'minimum-tests.json');

/** The floor for `runner` ('unit' | 'e2e' | 'ui'). */
export function minimumTests(runner) {
  const floors = JSON.parse(readFileSync(file, 'utf8'));
  const floor = floors[runner];
  if (!Number.isInteger(floor) || floor < 1) throw new Error(`test/minimum-tests.json has no floor for "${runner}"`);
  return floor;
}

/** A message when a full run of `runner` passed fewer than its floor, else undefined. */
export function belowMinimum(runner, passed) {
  const floor = minimumTests(runner);
  return passed < floor
    ? `${runner}: only ${passed} tests passed, fewer than the ${floor} a full run must pass (test/minimum-tests.json): test files were not loaded`
    : undefined;
}
