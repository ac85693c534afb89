import type { ParsedPostmortem } from '../../core/parse';
import { asArray, asString, isRecord, type Postmortem } from '../../core/model';
import { parseDateTime, parseTimelineInstant, type Instant } from '../../core/time';

export interface TimelinePoint {
  /** Index in `timeline`. */
  index: number;
  /** Undefined when `at` is missing or not a date-time/"HH:MM" (the schema reports that). */
  instant?: Instant;
  kind?: string;
  /** The `at` text as written, for messages. */
  at?: string;
}

export interface IncidentTimeline {
  start?: Instant;
  end?: Instant;
  points: TimelinePoint[];
}

// Four rules read the timeline; a 10,000-entry timeline is resolved once per parse, not once per rule.
const cache = new WeakMap<ParsedPostmortem, IncidentTimeline>();

/** Timeline entries with their instants resolved ("HH:MM" against summary.start's date and offset). */
export function incidentTimeline(parsed: ParsedPostmortem, doc: Postmortem): IncidentTimeline {
  const cached = cache.get(parsed);
  if (cached) return cached;
  const summary = isRecord(doc.summary) ? doc.summary : {};
  const start = parseDateTime(summary.start);
  const end = parseDateTime(summary.end);
  const points: TimelinePoint[] = [];
  asArray(doc.timeline).forEach((entry, index) => {
    if (!isRecord(entry)) {
      points.push({ index });
      return;
    }
    const at = typeof entry.at === 'string' ? entry.at : undefined;
    points.push({ index, instant: parseTimelineInstant(entry.at, start), kind: asString(entry.kind), at });
  });
  const result = { start, end, points };
  cache.set(parsed, result);
  return result;
}

/** "10:25" or "2023-08-15T10:25:00Z" as written, else the resolved ISO time. */
export function describeAt(point: TimelinePoint): string {
  if (point.at) return point.at;
  return point.instant ? new Date(point.instant.epochMs).toISOString() : `entry ${point.index + 1}`;
}
