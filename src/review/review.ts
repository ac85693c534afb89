/**
 * The quarterly review across every post-mortem of a repository (format page,
 * "The quarterly review"). Pure: takes the store's entries and `today`, returns
 * plain data that the CLI prints as JSON and the Markdown and HTML renderers draw.
 */
import { FACTOR_KEYS, SEVERITIES, type FactorKey, type SeverityLevel } from '../core/model';
import type { CalendarDate } from '../core/time';
import type { CurrencyConversion } from '../core/settings';
import { formatMoney } from '../core/format';
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
  /** In `cost_currency`, the review's report currency: amounts in other currencies are never added in (see `cost_left_out`). */
  cost_total: number | null;
  cost_change_pct: number | null;
  // Extra keys the JSON carries because a reader of the figures above needs them.
  cost_mean: number | null;
  cost_currency: string | null;
  /** Incidents counted in cost_total (cost_mean divides by this). */
  cost_n: number;
  /** Why cost_change_pct is null ("no incidents in 2026-Q2", "no cost this quarter", ...); null when there is a change. */
  cost_change_note: string | null;
  /** The same figures per currency, amounts as written, each compared with the same currency's previous quarter. */
  cost_by_currency: CurrencyCost[];
  /** Incidents of the quarter left out of cost_total, and why (another currency, not estimated, no cost section). */
  cost_left_out: CostLeftOut[];
  /** The counts behind the completion rate; wont-do is counted apart from done. */
  actions: { total: number; done: number; wont_do: number; in_progress: number; open: number };
  /**
   * `factor_score` sums the category's factor score over the quarter's incidents (the tie-break);
   * `factor_score_n` incidents scored it, and `factor_score_mean` is what a reader compares (0-3).
   */
  root_cause_counts: Array<{ category: string; incidents: number; factor_score: number; factor_score_n: number; factor_score_mean: number | null }>;
  /** The files of each repeat pair, in the order of `repeat_incidents` (ids need not be unique). */
  repeat_incident_files: Array<[string, string]>;
  overdue_items: OverdueItem[];
  heatmap: { factors: FactorKey[]; rows: HeatmapRow[]; totals: Record<FactorKey, number> };
  warnings: string[];
}

export interface CurrencyCost {
  /** Null for cost sections that name no currency. */
  currency: string | null;
  total: number;
  mean: number;
  n: number;
  change_pct: number | null;
  /** Ids of the incidents counted. */
  incidents: string[];
}

export interface CostLeftOut {
  id: string;
  file: string;
  reason: string;
}

/** A post-mortem the figures leave out because it is still a draft (`--include-drafts` counts it). */
export interface DraftLeftOut {
  id: string;
  file: string;
  status: string | null;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface Review {
  quarters: QuarterReview[];
  skipped: SkippedFile[];
  /** The currency of every quarter's cost_total (the configured report currency, else the most common one). */
  cost_currency: string | null;
  /** The rates used to convert into cost_currency; null when amounts are never converted. */
  conversion: CurrencyConversion | null;
  /** Whether drafts were counted (`--include-drafts`, or the dashboard's toggle). */
  include_drafts: boolean;
  /** Drafts not counted in any figure (empty when include_drafts). */
  drafts_left_out: DraftLeftOut[];
}

export interface ReviewOptions {
  today: CalendarDate;
  holidays?: readonly string[];
  /** Only this quarter (still compared with the one before it). */
  quarter?: QuarterKey;
  /** Reuse facts of unchanged entries between runs (the extension recomputes on every change). */
  cache?: FactsCache;
  /** Count post-mortems still in `draft` (or without a status) too; by default only in-review, reviewed and closed ones count. */
  includeDrafts?: boolean;
  /** `.postmortem.yaml` `currency`: the only way amounts in different currencies are ever added. */
  currency?: CurrencyConversion | null;
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

export function reviewFromFacts(collected: CollectedFacts, options: Pick<ReviewOptions, 'quarter' | 'includeDrafts' | 'currency'>): Review {
  const includeDrafts = options.includeDrafts === true;
  const draftsLeftOut: DraftLeftOut[] = [];
  const incidents = collected.incidents.filter((facts) => {
    if (includeDrafts || !facts.draft || facts.quarter === null) return true;
    draftsLeftOut.push({ id: facts.id, file: facts.file, status: facts.status });
    return false;
  });
  draftsLeftOut.sort((a, b) => compareText(a.file, b.file));
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
  const money = costBasis(incidents, options.currency ?? null);
  const quarters = keys.map((key) => {
    const current = reviewQuarter(key, byQuarter.get(key) ?? [], repeats.get(key) ?? [], money);
    const previousKey = previousQuarter(key);
    const before = byQuarter.get(previousKey) ?? [];
    const previous = reviewCost(before, money);
    current.cost_change_pct = changePct(before.length > 0 ? previous.total : null, current.cost_total);
    current.cost_change_note = changeNote(previousKey, before.length, previous.total, current.cost_total, money.currency);
    for (const figure of current.cost_by_currency) {
      const earlier = perCurrencyCost(before).find((c) => c.currency === figure.currency);
      figure.change_pct = changePct(earlier?.total ?? null, figure.total);
    }
    return current;
  });
  return {
    quarters,
    skipped: [...collected.skipped],
    cost_currency: money.currency,
    conversion: money.conversion,
    include_drafts: includeDrafts,
    drafts_left_out: draftsLeftOut,
  };
}

/** What every quarter's cost_total is in, and how other currencies get there (if at all). */
interface CostBasis {
  currency: string | null;
  conversion: CurrencyConversion | null;
}

/**
 * One report currency for the whole review, so the trend never compares a USD
 * quarter with a EUR one: the configured one, else the currency most cost
 * sections use (a named one before "no currency"; ties alphabetically).
 */
function costBasis(incidents: IncidentFacts[], conversion: CurrencyConversion | null): CostBasis {
  if (conversion) return { currency: conversion.report, conversion };
  const tally = new Map<string | null, number>();
  for (const incident of incidents) if (incident.costTotal !== null) tally.set(incident.currency, (tally.get(incident.currency) ?? 0) + 1);
  const ranked = [...tally].sort((a, b) => Number(a[0] === null) - Number(b[0] === null) || b[1] - a[1] || compareText(a[0] ?? '', b[0] ?? ''));
  return { currency: ranked[0]?.[0] ?? null, conversion: null };
}

function reviewQuarter(quarter: QuarterKey, incidents: IncidentFacts[], repeats: Array<[IncidentFacts, IncidentFacts]>, money: CostBasis): QuarterReview {
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
  const cost = reviewCost(incidents, money);

  const warnings: string[] = [];
  if (incidents.length > 0 && incidents.length < SMALL_SAMPLE) {
    warnings.push(`Only ${incidents.length} incident${incidents.length === 1 ? '' : 's'} this quarter: averages over fewer than ${SMALL_SAMPLE} incidents mislead.`);
  }
  for (const [label, stats] of [['time to detect', detect], ['time to resolve', resolve]] as const) {
    if (stats.n < incidents.length) {
      warnings.push(`The ${label} is known for ${stats.n} of ${incidents.length} incidents.`);
    }
  }
  const otherCurrency = cost.leftOut.filter((l) => l.kind === 'currency');
  if (otherCurrency.length > 0) {
    const how = money.conversion ? 'no rate for its currency in .postmortem.yaml' : 'amounts in different currencies are never added; `currency: { report, rates }` in .postmortem.yaml converts them';
    warnings.push(`The cost total (${currencyName(money.currency)}) leaves out ${countOf(otherCurrency.length, 'incident')} in another currency (${how}): ${otherCurrency.map((l) => l.label).join(', ')}.`);
  }
  const notEstimated = cost.leftOut.filter((l) => l.kind === 'not-estimated');
  if (notEstimated.length > 0) {
    warnings.push(`The cost is not estimated for ${countOf(notEstimated.length, 'incident')} (every amount is 0 or not given), left out of the cost figures rather than counted as 0: ${notEstimated.map((l) => l.id).join(', ')}.`);
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
    cost_currency: money.currency,
    cost_n: cost.n,
    cost_change_note: null,
    cost_by_currency: perCurrencyCost(incidents),
    cost_left_out: cost.leftOut.map(({ id, file, reason }) => ({ id, file, reason })),
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
  const scoresOf = (category: string): number[] =>
    incidents.flatMap((i) => {
      const score = ownValue(i.factors as Record<string, number | null>, category);
      return typeof score === 'number' ? [score] : [];
    });
  return [...counts]
    .map(([category, count]) => {
      const scores = scoresOf(category);
      const sum = scores.reduce((a, b) => a + b, 0);
      return { category, incidents: count, factor_score: sum, factor_score_n: scores.length, factor_score_mean: scores.length === 0 ? null : round(sum / scores.length) };
    })
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
  leftOut: Array<CostLeftOut & { kind: 'currency' | 'not-estimated' | 'none'; label: string }>;
}

/**
 * Total and mean cost in the report currency over the incidents that have an
 * estimated cost. An amount in another currency is converted only with a rate
 * the user gave; otherwise it is left out and named, never added.
 */
function reviewCost(incidents: IncidentFacts[], money: CostBasis): CostSummary {
  let total = 0;
  let n = 0;
  const leftOut: CostSummary['leftOut'] = [];
  for (const incident of incidents) {
    const base = { id: incident.id, file: incident.file };
    if (incident.costNotEstimated) {
      leftOut.push({ ...base, kind: 'not-estimated', label: incident.id, reason: 'cost not estimated: every amount is 0 or not given' });
      continue;
    }
    if (incident.costTotal === null) {
      leftOut.push({ ...base, kind: 'none', label: incident.id, reason: 'no cost section' });
      continue;
    }
    const rate = rateOf(incident.currency, money);
    if (rate === undefined) {
      const written = formatMoney(incident.costTotal, incident.currency);
      leftOut.push({
        ...base,
        kind: 'currency',
        label: `${incident.id} (${written})`,
        reason: `cost in ${currencyName(incident.currency)} (${written}), not ${currencyName(money.currency)}${money.conversion ? ', and .postmortem.yaml gives no rate for it' : ''}`,
      });
      continue;
    }
    total += incident.costTotal * rate;
    n++;
  }
  if (n === 0) return { total: null, mean: null, n: 0, leftOut };
  const rounded = round(total);
  return { total: rounded, mean: round(rounded / n), n, leftOut };
}

/** How many report-currency units one unit of `currency` is; undefined when it cannot be counted. */
function rateOf(currency: string | null, money: CostBasis): number | undefined {
  if (currency === money.currency) return 1;
  if (!money.conversion || currency === null) return undefined;
  const rate = Object.prototype.hasOwnProperty.call(money.conversion.rates, currency) ? money.conversion.rates[currency] : undefined;
  return typeof rate === 'number' && Number.isFinite(rate) && rate > 0 ? rate : undefined;
}

/** The quarter's cost in each currency as written, most incidents first. */
function perCurrencyCost(incidents: IncidentFacts[]): CurrencyCost[] {
  const groups = new Map<string | null, IncidentFacts[]>();
  for (const incident of incidents) {
    if (incident.costTotal === null) continue;
    const group = groups.get(incident.currency);
    if (group) group.push(incident);
    else groups.set(incident.currency, [incident]);
  }
  return [...groups]
    .map(([currency, group]) => {
      const total = round(group.reduce((sum, i) => sum + (i.costTotal ?? 0), 0));
      return { currency, total, mean: round(total / group.length), n: group.length, change_pct: null, incidents: group.map((i) => i.id) };
    })
    .sort((a, b) => b.n - a.n || compareText(a.currency ?? '', b.currency ?? ''));
}

/** Percent change from the previous quarter; null when there is nothing to compare with (or it was 0). */
function changePct(previous: number | null, current: number | null): number | null {
  if (previous === null || current === null || previous === 0) return null;
  return round(((current - previous) / previous) * 100, 1);
}

/** Why there is no change to show, in words a reader of the report understands. */
function changeNote(previousKey: QuarterKey, previousIncidents: number, previous: number | null, current: number | null, currency: string | null): string | null {
  if (current === null) return `no cost in ${currencyName(currency)} this quarter`;
  if (previousIncidents === 0) return `no incidents in ${previousKey} to compare with`;
  if (previous === null) return `no cost in ${currencyName(currency)} in ${previousKey} to compare with`;
  if (previous === 0) return `${previousKey} cost 0, so no percentage`;
  return null;
}

function currencyName(currency: string | null): string {
  return currency ?? 'no named currency';
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
