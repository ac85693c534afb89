import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rosterFor } from '../../src/core/blame/people';

test('the roster of one document and one settings list is built once per lint, not once per rule', () => {
  // Two rules (blame-named-individual, whys-person-root) ask for it; with thousands of git authors the regexp is the cost.
  const doc = { authors: ['Priya Natarajan'], action_items: [{ owner: 'Dana Whitfield' }] };
  const people = ['Kim Brandt', '@kbrandt'];
  const first = rosterFor(doc, people);
  assert.equal(rosterFor(doc, people), first);
  assert.deepEqual([...first.names].sort(), ['@kbrandt', 'Dana Whitfield', 'Kim Brandt', 'Priya Natarajan']);
  // Another settings list (a settings change) or another document gets its own roster.
  const other = rosterFor(doc, ['Lee Park']);
  assert.notEqual(other, first);
  assert.ok(other.names.includes('Lee Park') && !other.names.includes('Kim Brandt'));
  assert.notEqual(rosterFor({ ...doc }, people), first);
});
