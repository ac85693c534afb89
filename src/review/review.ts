/**
 * The quarterly review across every post-mortem of a repository (format page,
 * "The quarterly review"). Pure: takes the store's entries and `today`, returns
 * plain data that the CLI prints as JSON and the Markdown and HTML renderers draw.
 */
import { FACTOR_KEYS, SEVERITIES, type FactorKey, type SeverityLevel } from '../core/model';
import type { CalendarDate } from '../core/time';
import type { WorkspaceEntry } from '../core/workspace';
import { isEarlierIncident } from '../core/repeat';
import { ownValue } from '../core/lookup';
import { FactsCache, incidentFacts, type IncidentFacts } from './incident';
import { previousQuarter, quarterRange, type QuarterKey } from './quarter';
import { SMALL_SAMPLE, round, sampleStats, type SampleStats } from './stats';

export interface HeatmapRow {
  id: string;
  file: string;
  title: string;
  severity: SeverityLevel | null;
  category: string | null;
  scores: Record<FactorKey, number | null>;
}

export interface OverdueItem {
  id: string;
  file: string;
  /** Position in `action_items`, to reveal it. */
  index: number;
  action: string;
  owner: string;
  deadline: string | null;
  days_overdue: number | null;
}

export interface QuarterReview {
  quarter: QuarterKey;
  incidents: number;
  by_severity: Record<SeverityLevel, number>;
  time_to_detect_minutes: SampleStats;
  time_to_resolve_minutes: SampleStats;
  /** done / all action items of the quarter's incidents; null without any item. */
  action_completion_rate: number | null;
  overdue_actions: number;
  top_root_causes: string[];
  /**
   * [earlier id, later id] for each incident of this quarter that repeats an
   * earlier one (same category, a shared service), the earlier one possibly
   * from an older quarter: a repeat is listed in the quarter it came back in.
   */
  repeat_incidents: Array<[string, string]>;
  cost_total: number | null;
  cost_change_pct: number | null;
  // Extra keys the JSON carries because a reader of the figures above needs them.
  cost_mean: number | null;
  cost_currency: string | null;
  /** Incidents that have a cost section (cost_mean divides by this). */
  cost_n: number;
  /** The counts behind the completion rate; wont-do is counted apart from done. */
  actions: { total: number; done: number; wont_do: number; in_progress: number; open: number };
  root_cause_counts: Array<{ category: string; incidents: number; factor_score: number }>;
  /** The files of each repeat pair, in the order of `repeat_incidents` (ids need not be unique). */
  repeat_incident_files: Array<[string, string]>;
  overdue_items: OverdueItem[];
  heatmap: { factors: FactorKey[]; rows: HeatmapRow[]; totals: Record<FactorKey, number> };
  warnings: string[];
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface Review {
  quarters: QuarterReview[];
  skipped: SkippedFile[];
}

export interface ReviewOptions {
  today: CalendarDate;
  holidays?: readonly string[];
  /** Only this quarter (still compared with the one before it). */
  quarter?: QuarterKey;
  /** Reuse facts of unchanged entries between runs (the extension recomputes on every change). */
  cache?: FactsCache;
}

/** Every incident that can be reviewed, and the files that cannot, with the reason. */
export interface CollectedFacts {
  incidents: IncidentFacts[];
  skipped: SkippedFile[];
}

export function collectFacts(entries: Iterable<ReviewEntry>, options: ReviewOptions): CollectedFacts {
  const incidents: IncidentFacts[] = [];
  const skipped: SkippedFile[] = [];
  for (const entry of entries) {
    if (entry.problem) {
      skipped.push({ file: entry.file, reason: entry.problem });
      continue;
    }
    const facts = options.cache ? options.cache.get(entry, options) : incidentFacts(entry, options);
    incidents.push(facts);
    if (facts.problem) skipped.push({ file: entry.file, reason: facts.problem });
  }
  skipped.sort((a, b) => compareText(a.file, b.file));
  return { incidents, skipped };
}

/** An entry as the store gives it: a usable document, or the reason the file cannot be used. */
export type ReviewEntry = WorkspaceEntry & { problem?: string };

export function computeReview(entries: Iterable<ReviewEntry>, options: ReviewOptions): Review {
  return reviewFromFacts(collectFacts(entries, options), options);
}

export function reviewFromFacts({ incidents, skipped }: CollectedFacts, options: Pick<ReviewOptions, 'quarter'>): Review {
  const byQuarter = new Map<QuarterKey, IncidentFacts[]>();
  for (const facts of incidents) {
    if (facts.quarter === null) continue; // listed in `skipped`
    const list = byQuarter.get(facts.quarter);
    if (list) list.push(facts);
    else byQuarter.set(facts.quarter, [facts]);
  }

  const keys = options.quarter ? [options.quarter] : quarterRange(byQuarter.keys());
  // Every incident can be the earlier one of a pair, whatever quarter (if any) it falls in.
  const repeats = repeatsByQuarter(incidents, new Set(keys));
  const quarters = keys.map((key) => {
    const current = reviewQuarter(key, byQuarter.get(key) ?? [], repeats.get(key) ?? []);
    const before = byQuarter.get(previousQuarter(key));
    current.cost_change_pct = changePct(before ? reviewCost(before).total : null, current.cost_total);
    return current;
  });
  return { quarters, skipped: [...skipped] };
}

function reviewQuarter(quarter: QuarterKey, incidents: IncidentFacts[], repeats: Array<[IncidentFacts, IncidentFacts]>): QuarterReview {
  // Chronological order makes every list below read like the quarter happened.
  incidents.sort((a, b) => a.startMs - b.startMs || compareText(a.file, b.file));
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<SeverityLevel, number>;
  for (const incident of incidents) if (incident.severity) bySeverity[incident.severity]++;

  const detect = sampleStats(incidents.flatMap((i) => (i.detectMinutes === null ? [] : [i.detectMinutes])));
  const resolve = sampleStats(incidents.flatMap((i) => (i.resolveMinutes === null ? [] : [i.resolveMinutes])));

  const actions = { total: 0, done: 0, wont_do: 0, in_progress: 0, open: 0 };
  const overdue: OverdueItem[] = [];
  for (const incident of incidents) {
    for (const item of incident.actions) {
      actions.total++;
      if (item.state === 'done') actions.done++;
      else if (item.state === 'wont-do') actions.wont_do++;
      else if (item.state === 'in-progress') actions.in_progress++;
      else actions.open++;
      if (item.overdue) {
        overdue.push({
          id: incident.id,
          file: incident.file,
          index: item.index,
          action: item.action,
          owner: item.owner,
          deadline: item.deadline,
          days_overdue: item.daysOverdue,
        });
      }
    }
  }
  overdue.sort((a, b) => (b.days_overdue ?? 0) - (a.days_overdue ?? 0) || compareText(a.id, b.id) || a.index - b.index);

  const causes = rootCauses(incidents);
  const cost = reviewCost(incidents);

  const warnings: string[] = [];
  if (incidents.length > 0 && incidents.length < SMALL_SAMPLE) {
    warnings.push(`Only ${incidents.length} incident${incidents.length === 1 ? '' : 's'} this quarter: averages over fewer than ${SMALL_SAMPLE} incidents mislead.`);
  }
  for (const [label, stats] of [['time to detect', detect], ['time to resolve', resolve]] as const) {
    if (stats.n < incidents.length) {
      warnings.push(`The ${label} is known for ${stats.n} of ${incidents.length} incidents.`);
    }
  }
  if (cost.otherCurrencies.length > 0) {
    warnings.push(`Cost leaves out ${cost.otherCurrencies.length} incident${cost.otherCurrencies.length === 1 ? '' : 's'} in another currency than ${cost.currency}: ${cost.otherCurrencies.join(', ')}.`);
  }

  const totals = Object.fromEntries(FACTOR_KEYS.map((k) => [k, 0])) as Record<FactorKey, number>;
  const rows: HeatmapRow[] = incidents.map((incident) => {
    for (const key of FACTOR_KEYS) totals[key] += incident.factors[key] ?? 0;
    return {
      id: incident.id,
      file: incident.file,
      title: incident.title,
      severity: incident.severity,
      category: incident.category,
      scores: incident.factors,
    };
  });

  return {
    quarter,
    incidents: incidents.length,
    by_severity: bySeverity,
    time_to_detect_minutes: detect,
    time_to_resolve_minutes: resolve,
    action_completion_rate: actions.total === 0 ? null : round(actions.done / actions.total, 4),
    overdue_actions: overdue.length,
    top_root_causes: causes.slice(0, 3).map((c) => c.category),
    repeat_incidents: repeats.map(([a, b]) => [a.id, b.id]),
    cost_total: cost.total,
    cost_change_pct: null,
    cost_mean: cost.mean,
    cost_currency: cost.currency,
    cost_n: cost.n,
    actions,
    root_cause_counts: causes,
    repeat_incident_files: repeats.map(([a, b]) => [a.file, b.file]),
    overdue_items: overdue,
    heatmap: { factors: [...FACTOR_KEYS], rows, totals },
    warnings,
  };
}

/**
 * Categories by number of incidents; a tie goes to the category whose factor
 * scored higher in total across the quarter's incidents (it contributed more),
 * then alphabetically so the order never depends on file order.
 */
function rootCauses(incidents: IncidentFacts[]): QuarterReview['root_cause_counts'] {
  const counts = new Map<string, number>();
  for (const incident of incidents) {
    if (incident.category) counts.set(incident.category, (counts.get(incident.category) ?? 0) + 1);
  }
  const scoreOf = (category: string): number =>
    incidents.reduce((sum, i) => sum + (ownValue(i.factors as Record<string, number | null>, category) ?? 0), 0);
  return [...counts]
    .map(([category, count]) => ({ category, incidents: count, factor_score: scoreOf(category) }))
    .sort((a, b) => b.incidents - a.incidents || b.factor_score - a.factor_score || compareText(a.category, b.category));
}

/**
 * The repeat pairs [earlier, later] of each quarter in `quarters`, by the
 * quarter of the later incident; "is a repeat of" is the repeat-incident
 * rule's (src/core/repeat.ts). Candidates come from an index by (category,
 * service), so this stays near-linear for big repositories; a pair sharing
 * several services is listed once. In each quarter the pairs follow the later
 * incident's order (chronological), then the earlier one's.
 */
function repeatsByQuarter(incidents: IncidentFacts[], quarters: ReadonlySet<QuarterKey>): Map<QuarterKey, Array<[IncidentFacts, IncidentFacts]>> {
  const byCause = new Map<string, IncidentFacts[]>();
  const causeKey = (category: string, service: string): string => JSON.stringify([category, service]);
  for (const incident of incidents) {
    const { category, services } = incident.repeat;
    if (!category) continue;
    for (const service of services) {
      const group = byCause.get(causeKey(category, service));
      if (group) group.push(incident);
      else byCause.set(causeKey(category, service), [incident]);
    }
  }
  const result = new Map<QuarterKey, Array<[IncidentFacts, IncidentFacts]>>();
  for (const later of incidents) {
    const { category, services } = later.repeat;
    if (later.quarter === null || !quarters.has(later.quarter) || !category) continue;
    const earlier = new Set<IncidentFacts>();
    for (const service of services) {
      // A candidate of this group has the category and shares the service: of `repeatedServices`,
      // only "is it earlier" is left to decide (the same test, without re-comparing service lists).
      for (const candidate of byCause.get(causeKey(category, service)) ?? []) {
        if (candidate !== later && !earlier.has(candidate) && isEarlierIncident(candidate.repeat, later.repeat)) earlier.add(candidate);
      }
    }
    if (earlier.size === 0) continue;
    const pairs = result.get(later.quarter) ?? [];
    for (const candidate of earlier) pairs.push([candidate, later]);
    result.set(later.quarter, pairs);
  }
  for (const pairs of result.values()) {
    pairs.sort(([a1, b1], [a2, b2]) => compareChronologically(b1, b2) || compareChronologically(a1, a2));
  }
  return result;
}

/** By summary.start (an unknown start first: such an incident can only be an earlier one), then id, then file. */
function compareChronologically(a: IncidentFacts, b: IncidentFacts): number {
  const startA = Number.isNaN(a.startMs) ? -Infinity : a.startMs;
  const startB = Number.isNaN(b.startMs) ? -Infinity : b.startMs;
  return startA - startB || compareText(a.id, b.id) || compareText(a.file, b.file);
}

interface CostSummary {
  total: number | null;
  mean: number | null;
  n: number;
  currency: string | null;
  /** Ids of incidents left out of the sums because their currency differs. */
  otherCurrencies: string[];
}

/**
 * Total and mean cost over the incidents that have a cost section. Amounts in
 * different currencies cannot be added: the quarter's most common currency
 * wins and the others are named in a warning (an incident without a currency
 * is assumed to be in the quarter's).
 */
function reviewCost(incidents: IncidentFacts[]): CostSummary {
  const withCost = incidents.filter((i) => i.costTotal !== null);
  const tally = new Map<string, number>();
  for (const incident of withCost) if (incident.currency) tally.set(incident.currency, (tally.get(incident.currency) ?? 0) + 1);
  const currency = [...tally].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]?.[0] ?? null;
  const counted = withCost.filter((i) => i.currency === null || currency === null || i.currency === currency);
  const countedSet = new Set(counted);
  const otherCurrencies = withCost.filter((i) => !countedSet.has(i)).map((i) => i.id);
  if (counted.length === 0) return { total: null, mean: null, n: 0, currency, otherCurrencies };
  const total = round(counted.reduce((sum, i) => sum + (i.costTotal ?? 0), 0));
  return { total, mean: round(total / counted.length), n: counted.length, currency, otherCurrencies };
}

/** Percent change from the previous quarter; null when there is nothing to compare with (or it was 0). */
function changePct(previous: number | null, current: number | null): number | null {
  if (previous === null || current === null || previous === 0) return null;
  return round(((current - previous) / previous) * 100, 1);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
