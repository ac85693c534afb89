/**
 * The `format` checks of the compiled schema validator. src/generated/postmortem-validator.js
 * requires `formats` of this module (scripts/build.mjs points Ajv's `code.formats`
 * at it), so every format the schema names must be in it under that name.
 *
 * `postmortem-date-time` is the format's own reading of a date-time,
 * `parseDateTime`: ISO 8601 with an offset, seconds optional (`2023-08-15T10:00Z`),
 * a real day and time of day. It is not called `date-time` on purpose: editors
 * that read the schema apply their own check to the standard name, and both
 * Ajv's and Red Hat YAML's (yaml-language-server) `date-time` demand seconds, so
 * users of the Red Hat extension would see a warning on `10:00Z` that the lint,
 * the figures, the rules and the review all accept. A custom name is skipped by
 * those editors (JSON Schema: unknown formats are annotations) and checked here.
 * The schema's descriptions still tell users the expected form.
 *
 * `date` and `uri` keep their standard names: Red Hat's checks of them accept
 * everything ours accept (test/unit/schemaFormats.test.ts shows which formats
 * Red Hat implements and how), so an editor never warns where the lint is silent.
 */
import { fullFormats } from 'ajv-formats/dist/formats';
import { parseDateTime } from './time';

/** The schema's name for the format's date-time (seconds optional, offset required). */
export const DATE_TIME_FORMAT = 'postmortem-date-time';

/** By schema name: the generated code reads `formats.date`, `formats["postmortem-date-time"]`, ... */
export const formats = {
  // A real calendar date: 2026-02-30 is rejected (Red Hat's pattern alone would pass it).
  date: fullFormats.date,
  uri: fullFormats.uri,
  [DATE_TIME_FORMAT]: {
    type: 'string' as const,
    validate: (value: string): boolean => parseDateTime(value) !== undefined,
  },
};
