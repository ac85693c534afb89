import type { ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import validate from '../generated/postmortem-validator';
import type { ParsedPostmortem, Path, PathSegment } from './parse';
import { closestMatch } from './suggest';
import { excerpt } from './excerpt';
import {
  allowedKeys,
  describeCondition,
  describeSchema,
  homesOfKey,
  listAnd,
  schemaAtPointer,
} from './schemaInfo';
import type { Diagnostic, Range } from './types';
import { computeCost, type CostLine } from './figures';
import { isCostInRange, MAX_COST_AMOUNT } from './format';

/**
 * Validates the document against schemas/postmortem.schema.json with the Ajv
 * validator compiled ahead of time (src/generated/), mapping each error to the
 * exact range of the offending key or value, with a message for a person.
 *
 * A valid document costs one call of the compiled validator: ranges and
 * messages are only computed for the errors there are.
 */
export function validateSchema(parsed: ParsedPostmortem): Diagnostic[] {
  if (validate(parsed.data)) return costRangeDiagnostics(parsed);
  try {
    return [...describeErrors(parsed, validate.errors ?? []), ...costRangeDiagnostics(parsed)];
  } catch (error) {
    // A bug in error mapping must not hide that the document is invalid.
    return [
      {
        rule: 'schema',
        severity: 'error',
        message: `The document does not match the post-mortem format (the details could not be located: ${(error as Error).message}).`,
        range: parsed.documentStartRange(),
      },
    ];
  }
}

/** The fields each cost line is computed from, for pointing at them. */
const COST_LINE_FIELDS: Record<CostLine['key'], Path[]> = {
  revenue_lost: [['cost', 'revenue_lost']],
  sla_credits: [['cost', 'sla_credits']],
  vendor_costs: [['cost', 'vendor_costs']],
  brand: [['cost', 'brand']],
  engineering: [['cost', 'engineering_hours'], ['cost', 'loaded_rate']],
  churn: [['cost', 'churn']],
};

/**
 * Amounts past MAX_COST_AMOUNT (or whose sums overflow, `1e308 + 1e308`): the report would show them as
 * "out of range", so lint says which input to check. The schema cannot say it: each number alone may be valid.
 */
function costRangeDiagnostics(parsed: ParsedPostmortem): Diagnostic[] {
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const { cost, lines } = computeCost((data as Record<string, unknown>).cost, null, false);
  if (!cost.out_of_range) return [];
  const limit = MAX_COST_AMOUNT.toLocaleString('en-US');
  const offending = lines.filter((line) => line.amount !== null && !isCostInRange(line.amount));
  if (offending.length === 0) {
    return [{ rule: 'schema', severity: 'error', message: `The cost adds up to more than ${limit}, out of the range the cost figures can show: check the amounts and their units.`, range: parsed.anchorRange(['cost']) }];
  }
  return offending.map((line) => {
    const fields = COST_LINE_FIELDS[line.key];
    const names = fields.map((path) => `\`${formatPath(path)}\``).join(' × ');
    return {
      rule: 'schema',
      severity: 'error',
      message: `${names} ${fields.length > 1 ? 'come' : 'comes'} to more than ${limit}, out of the range the cost figures can show: check the value and its unit.`,
      range: parsed.valueRange(fields[0]) ?? parsed.anchorRange(fields[0]),
    };
  });
}

/** One Ajv error with its instance path resolved against the data. */
interface LocatedError {
  error: ErrorObject;
  path: Path;
  value: unknown;
}

/**
 * More schema errors than this in one document are counted in one last diagnostic: a file of 100,000 unknown
 * keys must not print 100,000 messages (nor spend seconds composing them); the first ones say what is wrong.
 */
export const MAX_SCHEMA_DIAGNOSTICS = 100;

function describeErrors(parsed: ParsedPostmortem, errors: readonly ErrorObject[]): Diagnostic[] {
  // anyOf/oneOf report every failed branch; one sentence per location replaces them.
  // Keyed by schema path only: when an anyOf passes, Ajv drops its branches' errors, so any branch error left belongs to a failed anyOf.
  const alternatives = [...new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath + '/'))];
  const located: LocatedError[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue; // its `then` branch's own error says what is missing
    if (alternatives.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const { path, value } = resolveInstancePath(parsed.data, error.instancePath);
    located.push({ error, path, value });
  }

  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const push = (message: string, range: Range): void => {
    const key = `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}:${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push({ rule: 'schema', severity: 'error', message, range });
  };
  let notShown = 0;
  /** Whether there is room for another message; when not, the problem is only counted. */
  const room = (): boolean => {
    if (diagnostics.length < MAX_SCHEMA_DIAGNOSTICS) return true;
    notShown++;
    return false;
  };

  const typos = new Set<string>(); // `${where}\0${meant key}`
  const valueErrors = new Map<string, LocatedError>();
  // Missing keys of one mapping become one diagnostic on its key.
  const missing = new Map<string, { path: Path; keys: string[]; conditions: (string | undefined)[] }>();
  for (const { error, path, value } of located) {
    if (error.keyword === 'required') {
      const id = error.instancePath;
      const entry = missing.get(id) ?? { path, keys: [], conditions: [] };
      const key = String((error.params as { missingProperty: string }).missingProperty);
      if (!entry.keys.includes(key)) {
        entry.keys.push(key);
        entry.conditions.push(conditionOf(error.schemaPath));
      }
      missing.set(id, entry);
      continue;
    }
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = allowedKeys(schemaAtPointer(error.schemaPath, 1));
      if (!room()) continue;
      const meant = closestMatch(key, allowed);
      if (meant) typos.add(`${formatPath(path)}\u0000${meant}`);
      push(unknownKeyMessage(path, key, allowed, meant), parsed.keyRange([...path, key]) ?? parentRange(parsed, path));
      continue;
    }
    // One sentence per value: an empty `severity:` fails both `type` and `enum`.
    const previous = valueErrors.get(error.instancePath);
    if (!previous || (error.keyword === 'type' && previous.error.keyword !== 'type')) valueErrors.set(error.instancePath, { error, path, value });
  }
  for (const { error, path, value } of valueErrors.values()) if (room()) push(valueMessage(error, path, value), valueRangeOf(parsed, path));
  for (const { path, keys, conditions } of missing.values()) {
    // `severty` reported as unknown with "did you mean `severity`?" already says that `severity` is missing.
    const at = formatPath(path);
    const stillMissing = keys.map((key, i) => ({ key, condition: conditions[i] })).filter(({ key }) => !typos.has(`${at}\u0000${key}`));
    if (stillMissing.length === 0 || !room()) continue;
    push(
      missingKeysMessage(
        path,
        stillMissing.map((m) => m.key),
        stillMissing.map((m) => m.condition),
      ),
      parentRange(parsed, path),
    );
  }
  if (notShown > 0) {
    diagnostics.push({
      rule: 'schema',
      severity: 'error',
      message: `${notShown} more problem${notShown === 1 ? '' : 's'} with the post-mortem format ${notShown === 1 ? 'is' : 'are'} not shown; fix the ${MAX_SCHEMA_DIAGNOSTICS} above first.`,
      range: parsed.documentStartRange(),
    });
  }
  return diagnostics;
}

/** `/timeline/3/at` -> ['timeline', 3, 'at'], numbers only where the data holds a list. */
function resolveInstancePath(data: unknown, pointer: string): { path: Path; value: unknown } {
  const path: PathSegment[] = [];
  let value: unknown = data;
  if (pointer === '') return { path, value };
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      const index = Number(segment);
      path.push(index);
      value = value[index];
    } else {
      path.push(segment);
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    }
  }
  return { path, value };
}

/** `summary.severity`, `timeline[3].at`; the root is "the post-mortem". */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? excerpt(segment) : `.${excerpt(segment)}`;
  }
  return out;
}

function quoted(path: Path): string {
  return `\`${formatPath(path)}\``;
}

/**
 * Where a missing key is reported: the key of the mapping that lacks it, the
 * first line of a list item, or the document's first line for the root.
 */
function parentRange(parsed: ParsedPostmortem, path: Path): Range {
  if (path.length === 0) return parsed.documentStartRange();
  return parsed.keyRange(path) ?? parsed.anchorRange(path);
}

/**
 * The written value at `path`. A block collection (a multi-line mapping or
 * list) is shown by its key instead, so the squiggle does not run down the
 * file; a key without a value is shown by the key.
 */
function valueRangeOf(parsed: ParsedPostmortem, path: Path): Range {
  if (path.length === 0) return parsed.documentStartRange();
  const node = parsed.nodeAt(path) as Node | null | undefined;
  const range = node?.range;
  if (!node || !range) return parsed.anchorRange(path);
  if ((isMap(node) || isSeq(node)) && !node.flow) return parsed.keyRange(path) ?? parsed.anchorRange(path);
  const text = parsed.text;
  let start = range[0];
  let end = range[1];
  if (isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) {
    // Skip the `|`/`>` header line: the value is the indented content.
    const header = text.slice(start, end).search(/\r\n|\r|\n/);
    if (header !== -1) {
      start += header;
      while (start < end && /\s/.test(text[start])) start++;
    }
  }
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return parsed.keyRange(path) ?? parsed.anchorRange(path);
  return parsed.rangeOfOffsets(start, end);
}

function conditionOf(schemaPath: string): string | undefined {
  const thenAt = schemaPath.lastIndexOf('/then/');
  if (thenAt === -1) return undefined;
  return describeCondition(schemaAtPointer(`${schemaPath.slice(0, thenAt)}/if`));
}

function missingKeysMessage(path: Path, keys: string[], conditions: (string | undefined)[]): string {
  const where = path.length === 0 ? 'The post-mortem' : quoted(path);
  const names = listAnd(keys.map((k) => `\`${k}\``));
  const noun = keys.length === 1 ? 'key' : 'keys';
  const condition = conditions.find((c) => c !== undefined);
  return condition
    ? `${where} is missing the required ${noun} ${names} (required when ${condition})`
    : `${where} is missing the required ${noun} ${names}`;
}

function unknownKeyMessage(path: Path, rawKey: string, allowed: string[], suggestion: string | undefined): string {
  const key = excerpt(rawKey);
  const where = path.length === 0 ? 'at the top level' : `in ${quoted(path)}`;
  if (suggestion) return `Unknown key \`${key}\` ${where}; did you mean \`${suggestion}\`?`;
  const homes = homesOfKey(rawKey).filter((home) => home !== formatPath(path));
  if (homes.length > 0) return `Unknown key \`${key}\` ${where}; \`${key}\` belongs in ${homes.map((h) => (h === '' ? 'the top level' : `\`${h}\``)).join(' or ')}.`;
  return `Unknown key \`${key}\` ${where}; the keys allowed here are ${allowed.join(', ')}.`;
}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_SHAPE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

/** Why a string that looks like a date or date-time is still not one, or undefined. */
function calendarProblem(value: string): string | undefined {
  const m = DATE_SHAPE.exec(value) ?? DATE_TIME_SHAPE.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const lastDay = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (day < 1 || day > lastDay) return 'is not a real date';
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return 'is not a real time of day';
  return undefined;
}

/** What is wrong with a date-time string beyond "not a date-time", to follow the value in a message. */
function dateTimeAdvice(value: string): string | undefined {
  const m = DATE_TIME_SHAPE.exec(value);
  if (!m) return undefined;
  // Seconds are optional (schemaFormats.ts): only a missing offset is worth advice.
  if (m[8] === undefined) return 'has no UTC offset; add Z for UTC or the local offset such as +02:00';
  return undefined;
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return excerpt(text, 40);
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value === '' ? 'an empty text' : `the text \`${shortValue(value)}\``;
  if (typeof value === 'boolean') return `\`${value}\``;
  return `\`${shortValue(value)}\``;
}

function valueMessage(error: ErrorObject, path: Path, value: unknown): string {
  const where = path.length === 0 ? 'The post-mortem' : quoted(path);
  const schema = schemaAtPointer(error.schemaPath, 1);

  if (typeof value === 'string') {
    const problem = calendarProblem(value);
    if (problem && (error.keyword === 'format' || error.keyword === 'anyOf' || error.keyword === 'oneOf')) {
      return `${where} ${value} ${problem}`;
    }
  }

  switch (error.keyword) {
    case 'type':
      if (path.length === 0) {
        return value === null || value === undefined
          ? 'The post-mortem is empty; it is a mapping of keys starting with id, title, status and summary.'
          : `A post-mortem must be a mapping of keys (id, title, status, summary, ...), but this file holds ${kindOf(value)}.`;
      }
      return `${where} must be ${describeSchema(schema)}, but it is ${kindOf(value)}`;
    case 'enum': {
      const allowed = ((error.params as { allowedValues?: unknown[] }).allowedValues ?? schema?.enum ?? []).map(String);
      const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
      return `${where} must be one of ${allowed.join(', ')}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`;
    }
    case 'format':
    case 'anyOf':
    case 'oneOf': {
      const advice = typeof value === 'string' ? dateTimeAdvice(value) : undefined;
      if (advice && describeSchema(schema).includes('date-time')) return `${where} ${value} ${advice}`;
      // The written value first: the Problems panel cuts long messages, and the expected shape can be long.
      return typeof value === 'string' && value !== ''
        ? `${where} is \`${shortValue(value)}\`, not ${describeSchema(schema)}`
        : `${where} must be ${describeSchema(schema)}, but it is ${kindOf(value)}`;
    }
    case 'pattern':
    case 'const':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'multipleOf':
      return `${where} is \`${shortValue(value)}\`, not ${describeSchema(schema)}`;
    case 'minLength':
      return `${where} must not be empty`;
    case 'maxLength':
      return `${where} is too long (at most ${(error.params as { limit: number }).limit} characters)`;
    case 'minItems':
      return `${where} needs at least ${(error.params as { limit: number }).limit} entries`;
    case 'maxItems':
      return `${where} may have at most ${(error.params as { limit: number }).limit} entries`;
    case 'uniqueItems':
      return `${where} lists the same entry twice`;
    default:
      return `${where} does not match the post-mortem format: it must be ${describeSchema(schema)}`;
  }
}
