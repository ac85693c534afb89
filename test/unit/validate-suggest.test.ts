import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestMatch, editDistance } from '../../src/core/suggest';
import { allowedKeys, describeSchema, homesOfKey, schemaAtPointer } from '../../src/core/schemaInfo';

test('editDistance counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('severity', 'severity'), 0);
  assert.equal(editDistance('severty', 'severity'), 1);
  assert.equal(editDistance('sevreity', 'severity'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('ca', 'abc'), 3); // optimal string alignment, not full Damerau
});

test('closestMatch suggests only plausible typos', () => {
  const summaryKeys = ['start', 'end', 'severity', 'impact', 'detection', 'description'];
  assert.equal(closestMatch('severty', summaryKeys), 'severity');
  assert.equal(closestMatch('Severity', summaryKeys), 'severity');
  assert.equal(closestMatch('strat', summaryKeys), 'start');
  assert.equal(closestMatch('detecton', summaryKeys), 'detection');
  assert.equal(closestMatch('owner', summaryKeys), undefined);
  assert.equal(closestMatch('x', summaryKeys), undefined);
  assert.equal(closestMatch('', summaryKeys), undefined);
  assert.equal(closestMatch('knowlege_concentraton', ['knowledge_concentration', 'communication']), 'knowledge_concentration');
  assert.equal(closestMatch('SEV-4', ['SEV-1', 'SEV-2', 'SEV-3']), 'SEV-1');
  assert.equal(closestMatch('critical', ['SEV-1', 'SEV-2', 'SEV-3']), undefined);
});

test('schema helpers read the keys and describe values', () => {
  assert.deepEqual(allowedKeys(schemaAtPointer('#/properties/summary')), ['start', 'end', 'severity', 'impact', 'detection', 'description']);
  assert.equal(describeSchema(schemaAtPointer('#/properties/contributing_factors/properties/testing/properties/score')), 'a whole number from 0 to 3');
  assert.equal(describeSchema(schemaAtPointer('#/properties/summary/properties/impact/properties/users_affected')), 'a whole number of at least 0 or "all"');
  assert.equal(describeSchema(schemaAtPointer('#/properties/reviewed')), 'a date YYYY-MM-DD, like 2023-08-16');
  assert.deepEqual(homesOfKey('severity'), ['summary']);
  assert.deepEqual(homesOfKey('monitoring'), ['contributing_factors', 'recurrence_prevention']);
  assert.equal(schemaAtPointer('#/properties/nope/x'), undefined);
});

test('every property of the schema has a title and a description (hover text in Red Hat YAML)', async () => {
  const { POSTMORTEM_SCHEMA } = await import('../../src/core/schemaInfo');
  const missing: string[] = [];
  const walk = (schema: typeof POSTMORTEM_SCHEMA, where: string): void => {
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      const at = `${where}.${name}`;
      if (!child.title || !child.description) missing.push(at);
      walk(child, at);
    }
    if (schema.items) {
      if (!schema.items.title || !schema.items.description) missing.push(`${where}[]`);
      walk(schema.items, `${where}[]`);
    }
    if (schema.then) walk(schema.then, `${where}(then)`);
  };
  walk(POSTMORTEM_SCHEMA, '');
  assert.deepEqual(missing, []);
});

test('every mapping of the schema refuses unknown keys', async () => {
  const { POSTMORTEM_SCHEMA } = await import('../../src/core/schemaInfo');
  const open: string[] = [];
  const walk = (schema: typeof POSTMORTEM_SCHEMA & { additionalProperties?: unknown }, where: string): void => {
    if (schema.type === 'object' && schema.additionalProperties !== false) open.push(where || '(root)');
    for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, `${where}.${name}`);
    if (schema.items) walk(schema.items, `${where}[]`);
  };
  walk(POSTMORTEM_SCHEMA, '');
  assert.deepEqual(open, []);
});
