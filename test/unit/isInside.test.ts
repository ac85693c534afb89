/** One containment check serves the reader (src/core/safeRead.ts) and --fix (src/cli/fixTarget.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInside } from '../../src/core/safeRead';

test('a path is inside its folder, itself included; a parent, a sibling or .. is not', () => {
  assert.equal(isInside('/repo', '/repo'), true);
  assert.equal(isInside('/repo/postmortems/a.pm.yaml', '/repo'), true);
  assert.equal(isInside('/repo/..cache/a.pm.yaml', '/repo'), true);
  assert.equal(isInside('/', '/repo'), false);
  assert.equal(isInside('/repo-other/a.pm.yaml', '/repo'), false);
  assert.equal(isInside('/repo/../etc/passwd', '/repo'), false);
  assert.equal(isInside('/etc/passwd', '/repo'), false);
});
