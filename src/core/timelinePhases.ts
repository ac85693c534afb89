/**
 * The acute phase of an incident and the gap limit that applies in it, shared
 * by the timeline-granularity rule and the preview so the two never disagree.
 * A SEV-1 wants an entry every 15 minutes while people fight the fire; once a
 * fix is deployed (or the incident is resolved), a multi-day recovery or data
 * restore is logged once a day or at milestones, and a 15-minute limit there
 * is noise.
 */
import type { Instant } from './time';

/** Entry kinds that end the acute phase: the fix is out, or the service is back. */
export const ACUTE_PHASE_END_KINDS: ReadonlySet<string> = new Set(['fix-deployed', 'resolved']);

/** The key of `timelineGapMinutes` for the limit after the acute phase. */
export const RECOVERY_GAP_KEY = 'recovery';

/** The instant of the earliest fix-deployed or resolved entry; undefined when there is none (the whole window is acute). */
export function acutePhaseEnd(points: Iterable<{ instant?: Instant | null; kind?: string | null }>): Instant | undefined {
  let end: Instant | undefined;
  for (const point of points) {
    if (!point.instant || !point.kind || !ACUTE_PHASE_END_KINDS.has(point.kind)) continue;
    if (!end || point.instant.epochMs < end.epochMs) end = point.instant;
  }
  return end;
}

/**
 * The longest gap allowed after an entry at `from`: the severity's limit in the
 * acute phase, the recovery limit after it (undefined = no limit, the default).
 */
export function gapLimitAfter(
  from: Instant,
  acuteEnd: Instant | undefined,
  severityLimit: number,
  gaps: Readonly<Record<string, number>>,
): number | undefined {
  if (!acuteEnd || from.epochMs < acuteEnd.epochMs) return severityLimit;
  const recovery = Object.prototype.hasOwnProperty.call(gaps, RECOVERY_GAP_KEY) ? gaps[RECOVERY_GAP_KEY] : undefined;
  return typeof recovery === 'number' && recovery > 0 ? recovery : undefined;
}
