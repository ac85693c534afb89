/**
 * One seed for every fast-check property of a test run, loaded by
 * scripts/run-unit-tests.mjs through `--import`:
 * - FC_SEED=N replays a run (fast-check prints the seed and path of a failure);
 * - under CI a fixed seed, so CI is never red at random;
 * - otherwise a fresh seed per run, printed, so local runs keep exploring.
 * A seed that ever found a bug becomes a named regression case beside the
 * property that found it, not a change to this file.
 */
import fc from 'fast-check';

export const CI_SEED = 20261128;

function chooseSeed(): number {
  const given = process.env.FC_SEED;
  if (given !== undefined && given !== '' && Number.isInteger(Number(given))) return Number(given);
  if (process.env.CI) return CI_SEED;
  return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
}

const seed = chooseSeed();
fc.configureGlobal({ seed });
// Set once by scripts/run-unit-tests.mjs for all files, so one line says it.
if (process.env.FC_SEED_ANNOUNCED !== '1') console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);
