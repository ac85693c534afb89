import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeReview, type ReviewEntry } from '../../src/review/review';
import { FactsCache } from '../../src/review/incident';
import { renderReviewBody } from '../../src/review/html';
import { PostmortemStore } from '../../src/core/store';
import { lintText } from '../../src/core/lint';
import { repeatIncident } from '../../src/rules/repeat-incident';
import type { Postmortem } from '../../src/core/model';

const today = { year: 2026, month: 10, day: 15 };
let counter = 0;

/** A post-mortem with only what a test needs; start/end/alert are minutes after `start`. */
function incident(fields: {
  id?: string;
  start?: string;
  resolve?: number;
  detect?: number;
  severity?: string;
  category?: string;
  services?: string[];
  factors?: Record<string, number>;
  actions?: Array<{ status?: string; deadline?: string }>;
  cost?: Record<string, unknown>;
  status?: string;
}): ReviewEntry {
  counter++;
  const start = fields.start ?? '2026-07-01T10:00:00Z';
  const startMs = Date.parse(start);
  const offset = start.slice(19); // keep the written offset
  const at = (minutes: number): string => shift(startMs, minutes, offset);
  const doc: Postmortem = {
    id: fields.id ?? `INC-2026-07-01-${String(counter).padStart(3, '0')}`,
    status: fields.status ?? 'reviewed',
    services: fields.services ?? [],
    summary: {
      start,
      ...(fields.resolve !== undefined ? { end: at(fields.resolve) } : {}),
      severity: fields.severity ?? 'SEV-2',
      ...(fields.detect !== undefined ? { detection: { method: 'monitoring', first_alert: at(fields.detect) } } : {}),
    },
    root_cause: fields.category ? { category: fields.category } : {},
    contributing_factors: Object.fromEntries(Object.entries(fields.factors ?? {}).map(([k, score]) => [k, { score }])),
    action_items: (fields.actions ?? []).map((a, i) => ({ action: `Action ${i + 1}`, owner: 'Team', ...a })),
    ...(fields.cost ? { cost: fields.cost } : {}),
  };
  return { file: `postmortems/${doc.id}.pm.yaml`, doc };
}

/** An ISO date-time `minutes` after `epochMs`, written in the given offset (Z or ±HH:MM). */
function shift(epochMs: number, minutes: number, offset: string): string {
  const offsetMinutes = offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(epochMs + (minutes + offsetMinutes) * 60_000).toISOString().slice(0, 19);
  return local + offset;
}

const review = (entries: ReviewEntry[], quarter?: string) => computeReview(entries, { today, quarter });

describe('quarterly review: bucketing', () => {
  it('is empty without post-mortems', () => {
    assert.deepEqual(review([]), { quarters: [], skipped: [], cost_currency: null, conversion: null, include_drafts: false, drafts_left_out: [] });
  });

  it('places incidents by the quarter of summary.start on their own clock', () => {
    const r = review([
      incident({ id: 'A', start: '2026-03-31T23:30:00-05:00' }),
      incident({ id: 'B', start: '2026-04-01T01:00:00+02:00' }),
    ]);
    assert.deepEqual(
      r.quarters.map((q) => [q.quarter, q.heatmap.rows.map((row) => row.id)]),
      [
        ['2026-Q1', ['A']],
        ['2026-Q2', ['B']],
      ],
    );
  });

  it('lists empty quarters between the first and the last with nulls', () => {
    const r = review([incident({ start: '2026-01-05T10:00:00Z', resolve: 30 }), incident({ start: '2026-10-05T10:00:00Z', resolve: 30 })]);
    assert.deepEqual(r.quarters.map((q) => q.quarter), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const empty = r.quarters[1];
    assert.equal(empty.incidents, 0);
    assert.deepEqual(empty.by_severity, { 'SEV-1': 0, 'SEV-2': 0, 'SEV-3': 0 });
    assert.deepEqual(empty.time_to_resolve_minutes, { mean: null, median: null, p90: null, n: 0 });
    assert.equal(empty.action_completion_rate, null);
    assert.equal(empty.cost_total, null);
    assert.equal(empty.cost_change_pct, null);
    assert.deepEqual(empty.top_root_causes, []);
    assert.deepEqual(empty.warnings, []);
  });

  it('reviews only the asked quarter, even an empty one', () => {
    const entries = [incident({ start: '2026-01-05T10:00:00Z' }), incident({ start: '2026-04-05T10:00:00Z' })];
    assert.deepEqual(review(entries, '2026-Q2').quarters.map((q) => [q.quarter, q.incidents]), [['2026-Q2', 1]]);
    assert.deepEqual(review(entries, '2027-Q1').quarters.map((q) => [q.quarter, q.incidents]), [['2027-Q1', 0]]);
  });

  it('lists unusable files as skipped with the reason, never drops them', () => {
    const store = new PostmortemStore();
    store.upsert('bad.pm.yaml', 'id: [unclosed\n');
    store.upsert('list.pm.yaml', '- a\n- b\n');
    store.upsert('nostart.pm.yaml', 'id: INC-2026-01-01-001\nsummary:\n  severity: SEV-1\n');
    store.upsert('badstart.pm.yaml', 'id: INC-2026-01-01-002\nsummary:\n  start: yesterday\n');
    const r = computeReview(store.entries(), { today });
    assert.deepEqual(r.quarters, []);
    assert.deepEqual(r.skipped.map((s) => s.file), ['bad.pm.yaml', 'badstart.pm.yaml', 'list.pm.yaml', 'nostart.pm.yaml']);
    assert.match(r.skipped[0].reason, /^line 2: The list opened with `\[` is not closed/);
    assert.match(r.skipped[1].reason, /not an ISO 8601 date-time/);
    assert.match(r.skipped[2].reason, /not a YAML mapping/);
    assert.match(r.skipped[3].reason, /summary.start is missing/);
  });
});

describe('quarterly review: figures of one quarter', () => {
  it('counts by severity and ignores unknown severities in the counts (but not in the total)', () => {
    const r = review([incident({ severity: 'SEV-1' }), incident({ severity: 'SEV-1' }), incident({ severity: 'SEV-3' }), incident({ severity: 'SEV-9' })]);
    assert.equal(r.quarters[0].incidents, 4);
    assert.deepEqual(r.quarters[0].by_severity, { 'SEV-1': 2, 'SEV-2': 0, 'SEV-3': 1 });
  });

  it('gives time to detect and resolve for one incident, with a small-sample warning', () => {
    const q = review([incident({ detect: 12, resolve: 95 })]).quarters[0];
    assert.deepEqual(q.time_to_detect_minutes, { mean: 12, median: 12, p90: 12, n: 1 });
    assert.deepEqual(q.time_to_resolve_minutes, { mean: 95, median: 95, p90: 95, n: 1 });
    assert.deepEqual(q.warnings, ['Only 1 incident this quarter: averages over fewer than 5 incidents mislead.']);
  });

  it('gives mean, median and p90 over the incidents that have the times, with n', () => {
    const q = review([
      incident({ detect: 10, resolve: 60 }),
      incident({ detect: 20, resolve: 120 }),
      incident({ detect: 30, resolve: 30 }),
      incident({ detect: 100, resolve: 45 }),
      incident({ resolve: 600 }),
    ]).quarters[0];
    assert.deepEqual(q.time_to_detect_minutes, { mean: 40, median: 25, p90: 100, n: 4 });
    assert.deepEqual(q.time_to_resolve_minutes, { mean: 171, median: 60, p90: 600, n: 5 });
    // Five incidents: no small-sample warning, but the missing detection time is said.
    assert.deepEqual(q.warnings, ['The time to detect is known for 4 of 5 incidents.']);
  });

  it('counts a 0-minute detection and a 0-minute resolution as values, not as missing', () => {
    // The alert at the very start: 0 is a real time to detect, it must not fall out like a missing one.
    const q = review([incident({ detect: 0, resolve: 0 }), incident({ detect: 30, resolve: 90 })]).quarters[0];
    assert.deepEqual(q.time_to_detect_minutes, { mean: 15, median: 15, p90: 30, n: 2 });
    assert.deepEqual(q.time_to_resolve_minutes, { mean: 45, median: 45, p90: 90, n: 2 });
    assert.deepEqual(q.warnings, ['Only 2 incidents this quarter: averages over fewer than 5 incidents mislead.']);
  });

  it('measures across midnight and offsets, and leaves out an end before the start', () => {
    const q = review([
      incident({ start: '2026-07-01T23:50:00-07:00', resolve: 20 }),
      { file: 'neg.pm.yaml', doc: { id: 'NEG', summary: { start: '2026-07-02T10:00:00Z', end: '2026-07-02T09:00:00Z' } } },
    ]).quarters[0];
    assert.deepEqual(q.time_to_resolve_minutes, { mean: 20, median: 20, p90: 20, n: 1 });
  });

  it('rates completion as done / all, with wont-do counted apart', () => {
    const q = review([
      incident({ actions: [{ status: 'done' }, { status: 'done' }, { status: 'wont-do' }, { status: 'open', deadline: '2026-12-01' }] }),
      incident({ actions: [{ status: 'in-progress', deadline: '2026-12-01' }] }),
    ]).quarters[0];
    assert.equal(q.action_completion_rate, 0.4);
    assert.deepEqual(q.actions, { total: 5, done: 2, wont_do: 1, in_progress: 1, open: 1 });
  });

  it('gives a null completion rate when the quarter has no action items', () => {
    assert.equal(review([incident({})]).quarters[0].action_completion_rate, null);
  });

  it('counts overdue open and in-progress items against today, not done or wont-do ones', () => {
    const q = review([
      incident({
        id: 'INC-X',
        actions: [
          { status: 'open', deadline: '2026-10-14' }, // 1 day overdue
          { status: 'in-progress', deadline: '2026-09-15' }, // 30 days overdue
          { status: 'open', deadline: '2026-10-15' }, // due today: not overdue
          { status: 'done', deadline: '2026-01-01' },
          { status: 'wont-do', deadline: '2026-01-01' },
          { deadline: '2026-10-01' }, // no status: open, 14 days overdue
        ],
      }),
    ]).quarters[0];
    assert.equal(q.overdue_actions, 3);
    assert.deepEqual(
      q.overdue_items.map((i) => [i.index, i.days_overdue, i.deadline]),
      [
        [1, 30, '2026-09-15'],
        [5, 14, '2026-10-01'],
        [0, 1, '2026-10-14'],
      ],
    );
    assert.equal(computeReview([incident({ actions: [{ status: 'open', deadline: '2026-10-14' }] })], { today: { year: 2026, month: 10, day: 14 } }).quarters[0].overdue_actions, 0);
  });

  it('ranks the top three root causes by count', () => {
    const q = review([
      incident({ category: 'testing' }),
      incident({ category: 'capacity' }),
      incident({ category: 'capacity' }),
      incident({ category: 'monitoring' }),
      incident({ category: 'monitoring' }),
      incident({ category: 'monitoring' }),
      incident({ category: 'process' }),
      incident({ category: 'process' }),
    ]).quarters[0];
    assert.deepEqual(q.top_root_causes, ['monitoring', 'capacity', 'process']);
    assert.equal(q.root_cause_counts.length, 4);
  });

  it('breaks a tie by the summed factor scores of the tied categories', () => {
    const q = review([
      incident({ category: 'capacity', factors: { capacity: 1, testing: 3 } }),
      incident({ category: 'testing', factors: { testing: 1, capacity: 1 } }),
      incident({ category: 'process', factors: { process: 3 } }),
    ]).quarters[0];
    // One incident each; factor sums: testing 4, process 3, capacity 2.
    assert.deepEqual(q.top_root_causes, ['testing', 'process', 'capacity']);
    assert.deepEqual(
      q.root_cause_counts.map((c) => [c.category, c.factor_score]),
      [
        ['testing', 4],
        ['process', 3],
        ['capacity', 2],
      ],
    );
  });

  it('breaks a full tie alphabetically, whatever the file order', () => {
    const a = incident({ category: 'testing' });
    const b = incident({ category: 'capacity' });
    assert.deepEqual(review([a, b]).quarters[0].top_root_causes, ['capacity', 'testing']);
    assert.deepEqual(review([b, a]).quarters[0].top_root_causes, ['capacity', 'testing']);
  });

  it('pairs repeat incidents: same category and a shared service, earlier first, each pair once', () => {
    const q = review([
      incident({ id: 'C', start: '2026-08-01T10:00:00Z', category: 'capacity', services: ['db', 'api'] }),
      incident({ id: 'A', start: '2026-07-01T10:00:00Z', category: 'capacity', services: ['db', 'api'] }),
      incident({ id: 'B', start: '2026-07-15T10:00:00Z', category: 'capacity', services: ['web'] }),
      incident({ id: 'D', start: '2026-07-20T10:00:00Z', category: 'testing', services: ['db'] }),
      incident({ id: 'E', start: '2026-07-25T10:00:00Z', category: 'capacity', services: [] }),
      incident({ id: 'F', start: '2026-09-01T10:00:00Z', category: 'capacity', services: ['api'] }),
    ]).quarters[0];
    assert.deepEqual(q.repeat_incidents, [
      ['A', 'C'],
      ['A', 'F'],
      ['C', 'F'],
    ]);
    assert.equal(q.repeat_incident_files[0][0], 'postmortems/A.pm.yaml');
  });

  it('pairs a repeat with an earlier incident of any quarter, listed in the quarter of the later one', () => {
    const r = review([
      incident({ id: 'A', start: '2026-01-15T10:00:00Z', category: 'capacity', services: ['db'] }),
      incident({ id: 'B', start: '2026-06-30T10:00:00Z', category: 'capacity', services: ['db', 'api'] }),
      incident({ id: 'C', start: '2026-07-01T10:00:00Z', category: 'capacity', services: ['api'] }),
      incident({ id: 'D', start: '2026-07-02T10:00:00Z', category: 'testing', services: ['db'] }),
    ]);
    assert.deepEqual(
      r.quarters.map((q) => [q.quarter, q.repeat_incidents]),
      [
        ['2026-Q1', []],
        ['2026-Q2', [['A', 'B']]],
        ['2026-Q3', [['B', 'C']]],
      ],
    );
    assert.deepEqual(r.quarters[2].repeat_incident_files, [['postmortems/B.pm.yaml', 'postmortems/C.pm.yaml']]);
  });

  it('finds the earlier incident of a repeat outside the quarter asked for', () => {
    const entries = [
      incident({ id: 'A', start: '2025-11-03T10:00:00Z', category: 'monitoring', services: ['search'] }),
      incident({ id: 'B', start: '2026-02-01T10:00:00Z', category: 'monitoring', services: ['search'] }),
    ];
    assert.deepEqual(review(entries, '2026-Q1').quarters[0].repeat_incidents, [['A', 'B']]);
    assert.deepEqual(review(entries, '2025-Q4').quarters[0].repeat_incidents, []);
  });

  it('agrees with the repeat-incident rule: same start, the id decides; an incident without a start can be the earlier one', () => {
    const sameStart = review([
      incident({ id: 'INC-2026-07-01-002', start: '2026-07-01T10:00:00Z', category: 'capacity', services: ['db'] }),
      incident({ id: 'INC-2026-07-01-001', start: '2026-07-01T10:00:00Z', category: 'capacity', services: ['db'] }),
    ]);
    assert.deepEqual(sameStart.quarters[0].repeat_incidents, [['INC-2026-07-01-001', 'INC-2026-07-01-002']]);
    const noStart = incident({ id: 'INC-2026-03-01-001', category: 'capacity', services: ['db'] });
    delete (noStart.doc.summary as Record<string, unknown>).start;
    const withUnknown = review([noStart, incident({ id: 'INC-2026-07-01-001', start: '2026-07-01T10:00:00Z', category: 'capacity', services: ['db'] })]);
    assert.deepEqual(withUnknown.quarters.map((q) => q.repeat_incidents), [[['INC-2026-03-01-001', 'INC-2026-07-01-001']]]);
    assert.equal(withUnknown.skipped.length, 1);
  });

  it('lists exactly the pairs the repeat-incident rule warns about', () => {
    const docs: Array<[string, string, string, string]> = [
      // id, start, category, services
      ['INC-2025-12-30-001', '2025-12-30T23:00:00-05:00', 'capacity', 'db, api'],
      ['INC-2026-01-02-001', '2026-01-02T10:00:00Z', 'capacity', 'api'],
      ['INC-2026-01-02-002', '2026-01-02T10:00:00Z', 'capacity', 'api, web'],
      ['INC-2026-04-01-001', '2026-04-01T10:00:00Z', 'testing', 'db'],
      ['INC-2026-07-09-001', '2026-07-09T10:00:00Z', 'capacity', 'web'],
      ['INC-2026-08-01-001', '2026-08-01T10:00:00Z', 'testing', 'db, web'],
    ];
    const store = new PostmortemStore();
    const texts = new Map<string, string>();
    for (const [id, start, category, services] of docs) {
      const text = `id: ${id}\ntitle: T\nstatus: reviewed\nservices: [${services}]\nsummary:\n  start: ${start}\n  end: ${start}\n  severity: SEV-2\nroot_cause:\n  category: ${category}\n`;
      texts.set(`${id}.pm.yaml`, text);
      store.upsert(`${id}.pm.yaml`, text);
    }
    const fromRule: Array<[string, string]> = [];
    for (const [file, text] of texts) {
      for (const d of lintText(text, { rules: [repeatIncident], file, workspace: store, today: '2026-10-15' }).diagnostics) {
        for (const r of d.related ?? []) fromRule.push([r.file.replace('.pm.yaml', ''), file.replace('.pm.yaml', '')]);
      }
    }
    const fromReview = computeReview(store.entries(), { today }).quarters.flatMap((q) => q.repeat_incidents);
    assert.deepEqual([...fromReview].sort(), [...fromRule].sort());
    assert.equal(fromReview.length, 5);
  });

  it('sums and averages cost over the incidents with a cost section', () => {
    const q = review([
      incident({ cost: { currency: 'USD', revenue_lost: 1000, sla_credits: 500 } }),
      incident({ cost: { currency: 'USD', engineering_hours: 10, loaded_rate: 150, churn: { affected_users: 100, probability: 0.1, ltv: 50 } } }),
      incident({}),
    ]).quarters[0];
    assert.equal(q.cost_total, 3500);
    assert.equal(q.cost_mean, 1750);
    assert.equal(q.cost_n, 2);
    assert.equal(q.cost_currency, 'USD');
  });

  it('does not add amounts in different currencies and says so', () => {
    const q = review([
      incident({ cost: { currency: 'EUR', revenue_lost: 100 } }),
      incident({ cost: { currency: 'EUR', revenue_lost: 200 } }),
      incident({ id: 'INC-USD', cost: { currency: 'USD', revenue_lost: 999 } }),
    ]).quarters[0];
    assert.equal(q.cost_total, 300);
    assert.equal(q.cost_currency, 'EUR');
    assert.ok(q.warnings.some((w) => w.includes('INC-USD')));
  });

  it('gives the cost change against the previous calendar quarter, null without one', () => {
    const r = review([
      incident({ start: '2026-01-10T10:00:00Z', cost: { revenue_lost: 2000 } }),
      incident({ start: '2026-04-10T10:00:00Z', cost: { revenue_lost: 1500 } }),
      incident({ start: '2026-07-10T10:00:00Z', cost: { revenue_lost: 3000 } }),
      incident({ start: '2026-07-11T10:00:00Z', cost: { revenue_lost: 0 } }),
    ]);
    assert.deepEqual(
      r.quarters.map((q) => [q.quarter, q.cost_total, q.cost_change_pct]),
      [
        ['2026-Q1', 2000, null],
        ['2026-Q2', 1500, -25],
        ['2026-Q3', 3000, 100],
      ],
    );
    // A single quarter is still compared with the one before it.
    const pair = [incident({ start: '2026-01-10T10:00:00Z', cost: { revenue_lost: 100 } }), incident({ start: '2026-04-10T10:00:00Z', cost: { revenue_lost: 150 } })];
    assert.equal(review(pair, '2026-Q2').quarters[0].cost_change_pct, 50);
  });

  it('gives a null change when the previous quarter had no cost', () => {
    const r = review([incident({ start: '2026-01-10T10:00:00Z' }), incident({ start: '2026-04-10T10:00:00Z', cost: { revenue_lost: 10 } })]);
    assert.equal(r.quarters[1].cost_change_pct, null);
  });

  it('builds the heatmap: one row per incident in time order, a total per factor, missing scores as null', () => {
    const q = review([
      incident({ id: 'LATER', start: '2026-08-01T10:00:00Z', category: 'capacity', factors: { capacity: 3, monitoring: 1 } }),
      incident({ id: 'EARLY', start: '2026-07-01T10:00:00Z', factors: { capacity: 2, testing: 2 } }),
    ]).quarters[0];
    assert.deepEqual(q.heatmap.rows.map((r) => r.id), ['EARLY', 'LATER']);
    assert.equal(q.heatmap.rows[0].scores.monitoring, null);
    assert.equal(q.heatmap.rows[1].category, 'capacity');
    assert.equal(q.heatmap.totals.capacity, 5);
    assert.equal(q.heatmap.totals.monitoring, 1);
    assert.equal(q.heatmap.totals.testing, 2);
    assert.equal(q.heatmap.totals.documentation, 0);
  });

  it('survives values of the wrong type everywhere', () => {
    const doc = {
      id: 42,
      status: "closed",
      services: 'db',
      summary: { start: '2026-07-01T10:00:00Z', end: 17, severity: ['SEV-1'], detection: 'monitoring' },
      root_cause: 'capacity',
      contributing_factors: [1, 2],
      action_items: { status: 'open' },
      cost: 'a lot',
    } as unknown as Postmortem;
    const q = review([{ file: 'odd.pm.yaml', doc }]).quarters[0];
    assert.equal(q.incidents, 1);
    assert.equal(q.heatmap.rows[0].id, 'odd.pm.yaml');
    assert.equal(q.cost_total, null);
    assert.equal(q.action_completion_rate, null);
  });
});

describe('FactsCache', () => {
  it('recomputes only entries that changed, and everything when today changes', () => {
    const store = new PostmortemStore();
    const text = (status: string): string =>
      `id: INC-2026-07-01-001\nstatus: closed\nsummary:\n  start: 2026-07-01T10:00:00Z\naction_items:\n  - action: Fix it\n    owner: Team\n    deadline: 2026-09-01\n    status: ${status}\n`;
    store.upsert('a.pm.yaml', text('open'));
    const cache = new FactsCache();
    const first = computeReview(store.entries(), { today, cache }).quarters[0];
    assert.equal(first.overdue_actions, 1);
    store.upsert('a.pm.yaml', text('done'));
    const second = computeReview(store.entries(), { today, cache }).quarters[0];
    assert.equal(second.overdue_actions, 0);
    assert.equal(second.action_completion_rate, 1);
    store.upsert('a.pm.yaml', text('open'));
    assert.equal(computeReview(store.entries(), { today: { year: 2026, month: 8, day: 1 }, cache }).quarters[0].overdue_actions, 0);
  });
});

describe('quarterly review: currencies (issue 10, item 1)', () => {
  const usdQ2 = incident({ id: 'USD-Q2', start: '2026-04-10T10:00:00Z', cost: { currency: 'USD', revenue_lost: 1000 } });
  const eurQ3 = incident({ id: 'EUR-Q3', start: '2026-07-10T10:00:00Z', cost: { currency: 'EUR', revenue_lost: 400 } });
  const usdQ3 = incident({ id: 'USD-Q3', start: '2026-07-11T10:00:00Z', cost: { currency: 'USD', revenue_lost: 1500 } });

  it('never compares a quarter in one currency with a quarter in another', () => {
    // Before: 2026-Q2 summed USD, 2026-Q3 EUR (its most common), and the change compared them.
    const r = review([usdQ2, eurQ3, incident({ id: 'EUR-Q3b', start: '2026-07-12T10:00:00Z', cost: { currency: 'EUR', revenue_lost: 100 } })]);
    assert.equal(r.cost_currency, 'EUR');
    assert.deepEqual(
      r.quarters.map((q) => [q.quarter, q.cost_currency, q.cost_total, q.cost_change_pct, q.cost_change_note]),
      [
        ['2026-Q2', 'EUR', null, null, 'no cost in EUR this quarter'],
        ['2026-Q3', 'EUR', 500, null, 'no cost in EUR in 2026-Q2 to compare with'],
      ],
    );
    assert.deepEqual(r.quarters[0].cost_by_currency, [{ currency: 'USD', total: 1000, mean: 1000, n: 1, change_pct: null, incidents: ['USD-Q2'] }]);
    assert.deepEqual(r.quarters[0].cost_left_out, [{ id: 'USD-Q2', file: 'postmortems/USD-Q2.pm.yaml', reason: 'cost in USD ($1,000.00), not EUR' }]);
  });

  it('gives each currency its own figures and change, as written', () => {
    const r = review([usdQ2, eurQ3, usdQ3]);
    const q3 = r.quarters[1];
    assert.deepEqual(
      q3.cost_by_currency.map((c) => [c.currency, c.total, c.n, c.change_pct]),
      [
        ['EUR', 400, 1, null],
        ['USD', 1500, 1, 50],
      ],
    );
  });

  it('converts only with the rates the user gives, and names what has no rate', () => {
    const gbp = incident({ id: 'GBP-Q3', start: '2026-07-13T10:00:00Z', cost: { currency: 'GBP', revenue_lost: 10 } });
    const r = computeReview([usdQ2, eurQ3, usdQ3, gbp], { today, currency: { report: 'EUR', rates: { USD: 0.5 } } });
    assert.equal(r.cost_currency, 'EUR');
    assert.deepEqual(r.conversion, { report: 'EUR', rates: { USD: 0.5 } });
    const [q2, q3] = r.quarters;
    assert.equal(q2.cost_total, 500);
    assert.equal(q3.cost_total, 400 + 750);
    assert.equal(q3.cost_n, 2);
    assert.equal(q3.cost_change_pct, 130);
    assert.deepEqual(q3.cost_left_out.map((l) => [l.id, l.reason]), [['GBP-Q3', 'cost in GBP (£10.00), not EUR, and .postmortem.yaml gives no rate for it']]);
    assert.ok(q3.warnings.some((w) => w.includes('GBP-Q3') && w.includes('no rate')), q3.warnings.join('\n'));
  });
});

describe('quarterly review: drafts and costs nobody estimated (issue 10, item 2)', () => {
  it('counts only post-mortems past draft unless asked, and lists the drafts left out', () => {
    const entries = [
      incident({ id: 'DONE', start: '2026-07-01T10:00:00Z', detect: 30, status: 'closed' }),
      incident({ id: 'TEMPLATE', start: '2026-07-02T10:00:00Z', detect: 0, status: 'draft' }),
      incident({ id: 'NO-STATUS', start: '2026-10-02T10:00:00Z', detect: 0, status: '' }),
    ];
    const r = computeReview(entries, { today });
    assert.deepEqual(r.quarters.map((q) => [q.quarter, q.incidents, q.time_to_detect_minutes.mean]), [['2026-Q3', 1, 30]]);
    assert.equal(r.include_drafts, false);
    assert.deepEqual(r.drafts_left_out.map((d) => [d.id, d.status]), [['NO-STATUS', ''], ['TEMPLATE', 'draft']]);
    const all = computeReview(entries, { today, includeDrafts: true });
    assert.deepEqual(all.quarters.map((q) => [q.quarter, q.incidents]), [['2026-Q3', 2], ['2026-Q4', 1]]);
    assert.deepEqual(all.drafts_left_out, []);
  });

  it('reads a cost section of zeros as not estimated, never as a $0 incident', () => {
    const q = review([
      incident({ id: 'REAL', cost: { currency: 'USD', revenue_lost: 900 } }),
      incident({ id: 'ZEROS', cost: { currency: 'USD', revenue_lost: 0, sla_credits: 0, vendor_costs: 0, engineering_hours: 0, loaded_rate: 0 } }),
      incident({ id: 'TBD', cost: { currency: 'USD', revenue_lost: 'TBD', loaded_rate: 150 } }),
    ]).quarters[0];
    assert.equal(q.cost_total, 900);
    assert.equal(q.cost_mean, 900);
    assert.equal(q.cost_n, 1);
    assert.deepEqual(q.cost_left_out.map((l) => [l.id, l.reason]), [
      ['TBD', 'cost not estimated: every amount is 0 or not given'],
      ['ZEROS', 'cost not estimated: every amount is 0 or not given'],
    ]);
  });
});

describe('quarterly review: words a reviewer can quote (issue 10, items 3 and 4)', () => {
  it('gives the root-cause factor score as a mean over the incidents that scored it, next to the sum', () => {
    const q = review([
      incident({ category: 'capacity', factors: { capacity: 3 } }),
      incident({ category: 'capacity', factors: { capacity: 2 } }),
    ]).quarters[0];
    assert.deepEqual(q.root_cause_counts, [{ category: 'capacity', incidents: 2, factor_score: 5, factor_score_n: 2, factor_score_mean: 2.5 }]);
  });

  it('says why there is no change: a previous quarter with incidents is never "no previous quarter"', () => {
    const r = review([
      incident({ start: '2026-07-01T10:00:00Z', cost: { currency: 'USD', revenue_lost: 100 } }),
      incident({ start: '2026-10-01T10:00:00Z' }),
    ]);
    assert.deepEqual(r.quarters.map((q) => q.cost_change_note), ['no incidents in 2026-Q2 to compare with', 'no cost in USD this quarter']);
  });
});

describe('quarterly review page: one chart per currency and the drafts toggle (issue 10, items 1 and 2)', () => {
  it('charts each currency on its own axis, labelled in its own currency', () => {
    const r = review([
      incident({ id: 'USD-Q2', start: '2026-04-10T10:00:00Z', cost: { currency: 'USD', revenue_lost: 1000 } }),
      incident({ id: 'EUR-Q3', start: '2026-07-10T10:00:00Z', cost: { currency: 'EUR', revenue_lost: 400 } }),
      incident({ id: 'EUR-Q3b', start: '2026-07-11T10:00:00Z', cost: { currency: 'EUR', revenue_lost: 100 } }),
    ]);
    const body = renderReviewBody(r, { interactive: true });
    const chart = (id: string): string => new RegExp(`<figure class="chart" id="${id}">[\\s\\S]*?</figure>`).exec(body)?.[0] ?? '';
    assert.match(chart('chart-cost'), /<title id="chart-cost-title">Incident cost \(total, EUR\)<\/title>/);
    assert.doesNotMatch(chart('chart-cost'), /\$/);
    assert.match(chart('chart-cost-USD'), /Incident cost \(total, USD\)/);
    assert.match(chart('chart-cost-USD'), /data-value="1000">.*>\$1,000\.00<\/text>/);
    assert.doesNotMatch(chart('chart-cost-USD'), /€/);
    assert.match(body, /Left out of the EUR cost figures: 1 incident/);
    assert.match(body, /USD-Q2<\/span>: cost in USD \(\$1,000\.00\), not EUR/);
  });

  it('offers a "Count drafts" toggle in the dashboard and names the drafts left out', () => {
    const entries = [incident({ id: 'DONE', status: 'closed' }), incident({ id: 'WIP', status: 'draft' })];
    const body = renderReviewBody(computeReview(entries, { today }), { interactive: true });
    assert.match(body, /<input type="checkbox" id="include-drafts"> Count drafts/);
    assert.match(body, /1 draft is not counted in any figure; tick “Count drafts” to include them\./);
    const withDrafts = renderReviewBody(computeReview(entries, { today, includeDrafts: true }), { interactive: true });
    assert.match(withDrafts, /<input type="checkbox" id="include-drafts" checked> Count drafts/);
    assert.match(renderReviewBody(computeReview(entries, { today }), { interactive: false }), /run with <code>--include-drafts<\/code>/);
  });
});
