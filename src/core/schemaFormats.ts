/**
 * The `format` checks of the compiled schema validator. src/generated/postmortem-validator.js
 * requires `formats` of this module (scripts/build.mjs points Ajv's `code.formats`
 * at it), so every format the schema names must be in it under that name.
 *
 * `date-time` is the format's own reading, `parseDateTime`: ISO 8601 with an
 * offset, seconds optional (`2023-08-15T10:00Z`), a real day and time of day.
 * Ajv's RFC 3339 `date-time` demands seconds, so the schema and every other
 * part of the tool (figures, rules, review) would disagree about such a value.
 */
import { fullFormats } from 'ajv-formats/dist/formats';
import { parseDateTime } from './time';

/** By schema name: the generated code reads `formats.date`, `formats["date-time"]`, ... */
export const formats = {
  date: fullFormats.date,
  uri: fullFormats.uri,
  'date-time': {
    type: 'string' as const,
    validate: (value: string): boolean => parseDateTime(value) !== undefined,
  },
};
