// schemas/postmortem-config.schema.json accepts exactly what src/core/config.ts reads without a warning:
// the editor's squiggles in .postmortem.yaml (Red Hat YAML, through yamlValidation) and the CLI's
// warnings never disagree. Checked on hand-written configs (those of the config tests among them)
// and on generated ones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { knownSlugs, readProjectConfig } from '../../src/core/config';
import { parsePostmortem } from '../../src/core/parse';
import { RULES } from '../../src/rules/index';

const root = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas/postmortem-config.schema.json'), 'utf8'));
// Strict, as scripts/build.mjs compiles the post-mortem schema: a keyword Ajv does not know, or one that
// cannot apply to the declared types, is an error in the schema.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addKeyword('markdownDescription');
const validate = ajv.compile(schema);

/** The reader's verdict, syntax problems aside (a schema sees only data). */
function readerAccepts(text: string): boolean {
  return readProjectConfig(text).warnings.length === 0;
}
function schemaAccepts(text: string): boolean {
  const parsed = parsePostmortem(text);
  assert.equal(parsed.syntaxDiagnostics.length, 0, text);
  return validate(parsed.data ?? null);
}
function assertAgree(text: string): void {
  const reader = readerAccepts(text);
  assert.equal(schemaAccepts(text), reader, `${reader ? 'the reader accepts, the schema rejects' : 'the schema accepts, the reader warns'}:\n${text}\n${JSON.stringify(validate.errors)}\n${JSON.stringify(readProjectConfig(text).warnings.map((w) => w.message))}`);
}

const ACCEPTED = [
  '',
  '# nothing yet\n',
  'rules:\n  action-vague: off\n  timeline-granularity: warning\n  schema: error\npeople: [Priya Natarajan, Jonas Berg]\nholidays:\n  - 2026-12-25\n  - "2026-12-26"\ntimelineGapMinutes: { SEV-1: 10, sev2: 45 }\n',
  'rules:\n  timeline-granularity: off\n',
  'rules:\n  action-owner-missing: warn\n  whys-count: " Information "\n  action-vague: false\n  duplicate-id: NONE\n  yaml-syntax: "false"\n',
  'rules: ~\npeople: ~\nholidays: ~\ntimelineGapMinutes: ~\ncurrency: ~\n',
  'people: Priya\nholidays: " 2028-02-29 "\n',
  'holidays: [2000-02-29, 2024-02-29, 0004-02-29, 2026-12-31, 2026-04-30]\n',
  'timelineGapMinutes: { SEV-1: 10, recovery: 1440, " Sev-3 ": 0.5, RECOVERY: 2 }\n',
  'currency:\n  report: eur\n  rates: { USD: 0.92, gbp: 1.17 }\n',
  'currency: { report: " EUR " }\n',
  'currency: { report: EUR, rates: ~ }\n',
  'rules: {}\npeople: []\nholidays: []\ntimelineGapMinutes: {}\n',
];
const REJECTED = [
  'rules:\n  action-vauge: off\n',
  'rules:\n  action-overdue: loud\n',
  'rules:\n  action-overdue: true\n',
  'rules:\n  action-overdue: 1\n',
  'rules: off\n',
  'rules: [action-vague]\n',
  'people: [Priya, 42]\n',
  'people: ["  "]\n',
  'people: { a: b }\n',
  'holidays: [2026-02-30]\n',
  'holidays: [1900-02-29]\n',
  'holidays: [0000-02-29]\n',
  'holidays: [tomorrow]\n',
  'holidays: 20261225\n',
  'timelineGapMinutes: { SEV-1: -5 }\n',
  'timelineGapMinutes: { SEV-4: 30 }\n',
  'timelineGapMinutes: { SEV-1: 0 }\n',
  'timelineGapMinutes: { SEV-1: "10" }\n',
  'timelineGapMinutes: { SEV-1: .inf }\n',
  'timelineGapMinutes: { SEV-1: .nan }\n',
  'timelineGapMinutes: 15\n',
  'holidayz: []\n',
  '- rules\n- people\n',
  'just text\n',
  'currency: EUR\n',
  'currency: { rates: { USD: 0.9 } }\n',
  'currency: { report: EURO }\n',
  'currency: { report: EUR, base: USD }\n',
  'currency:\n  report: EUR\n  rates:\n    USD: -1\n    dollars: 1\n    GBP: 1.1\n',
  'currency: { report: EUR, rates: { __proto__: 2 } }\n',
  'currency: { report: EUR, rates: [USD] }\n',
  'currency: { report: ßa }\n',
  'currency: { report: EUR, rates: { ſek: 0.1 } }\n',
];

describe('schemas/postmortem-config.schema.json', () => {
  it('lists every rule slug the reader knows, and the levels, as enums', () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), knownSlugs().sort());
    assert.equal(schema.properties.rules.additionalProperties, false);
    assert.deepEqual(schema.definitions.level.anyOf[0], { enum: ['off', 'error', 'warning', 'info', 'hint'] });
    for (const rule of RULES) assert.match(schema.properties.rules.properties[rule.slug].description, new RegExp(`^${rule.id} .* Default severity: ${rule.defaultSeverity}\\.$`));
  });

  it('accepts what the reader reads without a warning', () => {
    for (const text of ACCEPTED) {
      assert.equal(readerAccepts(text), true, text);
      assertAgree(text);
    }
  });

  it('rejects what the reader warns about', () => {
    for (const text of REJECTED) {
      assert.equal(readerAccepts(text), false, text);
      assertAgree(text);
    }
  });

  it('agrees with the reader on generated configs', () => {
    const padded = (word: string) => fc.tuple(fc.constantFrom('', ' ', '\t'), fc.constantFrom(word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1)), fc.constantFrom('', ' ')).map(([a, w, b]) => a + w + b);
    const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: false }), fc.string({ maxLength: 6 }));
    const level = fc.oneof(padded('off'), padded('warning'), padded('warn'), padded('information'), padded('none'), padded('hint'), padded('false'), padded('loud'), scalar);
    const slug = fc.constantFrom(...knownSlugs(), 'action-vauge', 'Schema', ' whys-count');
    const date = fc.oneof(
      fc.constantFrom('2026-12-25', '2028-02-29', '2027-02-29', '2100-02-29', '2000-02-29', '0000-02-29', '0096-02-29', '2026-04-31', '2026-13-01', '2026-1-01', ' 2026-12-25 '),
      fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      scalar,
    );
    const listOrOne = <T>(item: fc.Arbitrary<T>) => fc.oneof(item, fc.array(item, { maxLength: 3 }), fc.constant(null));
    const gapKey = fc.oneof(padded('sev-1'), padded('sev2'), padded('recovery'), fc.constantFrom('SEV-4', 'sev 1', 'sev--1', 'p1'));
    const code = fc.oneof(padded('eur'), fc.constantFrom('EURO', 'E1R', 'ßa', 'ſek', '', 'usd '), scalar);
    const positive = fc.oneof(fc.double({ min: -2, max: 100, noNaN: false }), fc.constantFrom(0, 1, Infinity), scalar);
    const config = fc.record(
      {
        rules: fc.oneof(fc.dictionary(slug, level, { maxKeys: 3 }), scalar, fc.array(slug, { maxLength: 2 })),
        people: listOrOne(fc.oneof(fc.constantFrom('Priya', '  ', ''), scalar)),
        holidays: listOrOne(date),
        timelineGapMinutes: fc.oneof(fc.dictionary(gapKey, positive, { maxKeys: 3 }), scalar),
        currency: fc.oneof(
          fc.record({ report: code, rates: fc.oneof(fc.dictionary(code.filter((c): c is string => typeof c === 'string'), positive, { maxKeys: 2 }), scalar) }, { requiredKeys: [] }),
          fc.record({ report: code, extra: scalar }, { requiredKeys: ['report'] }),
          scalar,
        ),
        other: scalar,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (value) => assertAgree(stringify(value))),
      { numRuns: 600 },
    );
  });

  it('is contributed for .postmortem.yaml and shipped in the .vsix and the npm package', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(
      manifest.contributes.yamlValidation.find((v: { url: string }) => v.url === './schemas/postmortem-config.schema.json'),
      { fileMatch: '.postmortem.yaml', url: './schemas/postmortem-config.schema.json' },
    );
    assert.match(readFileSync(join(root, '.vscodeignore'), 'utf8'), /^!schemas\/postmortem-config\.schema\.json$/m);
    assert.match(readFileSync(join(root, '.npmignore'), 'utf8'), /^!\/schemas\/$/m);
  });
});
