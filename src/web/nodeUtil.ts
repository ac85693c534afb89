/**
 * `node:util` for the browser bundles (scripts/build.mjs maps it here): only what the core uses.
 * src/core/fixCheck.ts compares parsed YAML data (plain objects, arrays, strings, numbers,
 * booleans, null), on which fast-deep-equal (Ajv's own, bundled) agrees with Node's check.
 */
import equal from 'fast-deep-equal';

export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return equal(a, b);
}
