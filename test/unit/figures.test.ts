import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeDetails, computeFigures } from '../../src/core/figures';
import { regulatoryStatus } from '../../src/core/regulatory';
import { latestAllowedDeadline } from '../../src/core/deadlines';
import type { Postmortem } from '../../src/core/model';
import type { CalendarDate } from '../../src/core/time';

const today: CalendarDate = { year: 2023, month: 9, day: 1 };

function doc(extra: Partial<Postmortem> = {}): Postmortem {
  return {
    summary: { start: '2023-08-15T10:00:00Z', end: '2023-08-15T12:30:00Z', severity: 'SEV-1', detection: { first_alert: '2023-08-15T10:25:00Z' } },
    ...extra,
  };
}

test('duration and detection delay in minutes', () => {
  const f = computeFigures(doc(), { today });
  assert.equal(f.duration_minutes, 150);
  assert.equal(f.detection_delay_minutes, 25);
});

test('duration across midnight', () => {
  const f = computeFigures({ summary: { start: '2023-08-15T23:40:00Z', end: '2023-08-16T00:20:00Z' } }, { today });
  assert.equal(f.duration_minutes, 40);
});

test('duration when start and end carry different offsets', () => {
  // 23:30-04:00 is 03:30Z on the 16th; 06:15+02:00 is 04:15Z; the alert 04:40+01:00 is 03:40Z.
  const f = computeFigures(
    { summary: { start: '2023-08-15T23:30:00-04:00', end: '2023-08-16T06:15:00+02:00', detection: { first_alert: '2023-08-16T04:40:00+01:00' } } },
    { today },
  );
  assert.equal(f.duration_minutes, 45);
  assert.equal(f.detection_delay_minutes, 10);
});

test('unreadable times give null, never NaN', () => {
  const f = computeFigures({ summary: { start: 'yesterday', end: 42 } }, { today });
  assert.equal(f.duration_minutes, null);
  assert.equal(f.detection_delay_minutes, null);
  assert.equal(computeFigures({}, { today }).duration_minutes, null);
});

test('full cost from the format example', () => {
  const f = computeFigures(
    doc({
      cost: {
        currency: 'USD',
        revenue_lost: 42000,
        sla_credits: 5000,
        vendor_costs: 0,
        engineering_hours: 40,
        loaded_rate: 150,
        churn: { affected_users: 1000, probability: 0.02, ltv: 1200 },
        brand: 10000,
      },
    }),
    { today },
  );
  assert.deepEqual(f.cost, { direct: 47000, indirect: 6000 + 24000 + 10000, total: 87000, per_minute: 580, currency: 'USD', estimated: true });
});

test('a missing cost part counts 0 in the sums but is shown as not given', () => {
  const d = computeDetails(doc({ cost: { currency: 'EUR', revenue_lost: 1000, engineering_hours: 10, churn: { affected_users: 5, ltv: 100 } } }), { today });
  assert.deepEqual(d.figures.cost, { direct: 1000, indirect: 0, total: 1000, per_minute: 6.67, currency: 'EUR', estimated: true });
  const byKey = Object.fromEntries(d.costLines.map((l) => [l.key, l]));
  assert.equal(byKey.sla_credits.amount, null);
  assert.deepEqual(byKey.sla_credits.missing, ['sla_credits']);
  assert.equal(byKey.engineering.amount, null);
  assert.deepEqual(byKey.engineering.missing, ['loaded_rate']);
  assert.deepEqual(byKey.churn.missing, ['churn.probability']);
  assert.equal(byKey.revenue_lost.amount, 1000);
});

test('no cost section: every cost figure is null', () => {
  const f = computeFigures(doc(), { today });
  assert.deepEqual(f.cost, { direct: null, indirect: null, total: null, per_minute: null, currency: null, estimated: false });
});

test('per-minute cost is null without a positive duration', () => {
  const f = computeFigures({ summary: { start: '2023-08-15T10:00:00Z', end: '2023-08-15T10:00:00Z' }, cost: { revenue_lost: 10 } }, { today });
  assert.equal(f.cost.total, 10);
  assert.equal(f.cost.per_minute, null);
  assert.equal(f.cost.currency, null);
});

test('non-numeric cost values count as missing', () => {
  const f = computeFigures(doc({ cost: { revenue_lost: '42000', brand: 7 } }), { today });
  assert.equal(f.cost.direct, 0);
  assert.equal(f.cost.total, 7);
});

test('factors: all ten keys, null when unscored', () => {
  const f = computeFigures(doc({ contributing_factors: { capacity: { score: 3 }, monitoring: { score: 0 }, testing: 'x' } }), { today });
  assert.equal(Object.keys(f.factors).length, 10);
  assert.equal(f.factors.capacity, 3);
  assert.equal(f.factors.monitoring, 0);
  assert.equal(f.factors.testing, null);
});

test('action counts by status and overdue', () => {
  const f = computeDetails(
    doc({
      reviewed: '2023-08-16',
      action_items: [
        { action: 'a', status: 'open', deadline: '2023-08-20', priority: 'P1' },
        { action: 'b', status: 'in-progress', deadline: '2023-08-31', priority: 'P0' },
        { action: 'c', status: 'done', deadline: '2023-08-01' },
        { action: 'd', status: 'wont-do', deadline: '2023-08-01' },
        { action: 'e', deadline: '2023-09-01' },
        'not an item',
      ],
    }),
    { today },
  );
  assert.deepEqual(f.figures.actions, { total: 5, open: 2, in_progress: 1, done: 1, wont_do: 1, overdue: 2 });
  assert.deepEqual(f.actions.map((a) => a.overdue), [true, true, false, false, false]);
  // reviewed Wed 2023-08-16: P0 window ends Thu 08-17, P1 08-23.
  assert.equal(f.actions[1].latestAllowed, '2023-08-17');
  assert.equal(f.actions[1].outsideWindow, true);
  assert.equal(f.actions[0].latestAllowed, '2023-08-23');
  assert.equal(f.actions[0].outsideWindow, false);
  assert.equal(f.actions[0].daysLeft, -12);
});

test('P0 window skips weekends and holidays; falls back to summary.end', () => {
  const friday: Postmortem = { reviewed: '2023-08-18' };
  assert.deepEqual(latestAllowedDeadline(friday, 'P0'), { year: 2023, month: 8, day: 21 });
  assert.deepEqual(latestAllowedDeadline(friday, 'P0', ['2023-08-21']), { year: 2023, month: 8, day: 22 });
  assert.deepEqual(latestAllowedDeadline({ summary: { end: '2023-08-15T23:30:00-05:00' } }, 'P2'), { year: 2023, month: 9, day: 15 });
  assert.equal(latestAllowedDeadline({}, 'P1'), undefined);
  assert.equal(latestAllowedDeadline(friday, 'P9'), undefined);
});

test('regulatory deadlines per regime: hour clocks keep the discovered offset, day clocks give a date', () => {
  const deadlines = (entries: unknown[], holidays: string[] = []): Array<string | null> =>
    computeFigures({ regulatory: entries }, { today, holidays }).regulatory.map((r) => r.deadline);
  assert.deepEqual(
    deadlines([
      { regime: 'HIPAA', discovered: '2023-08-15T11:00:00Z' },
      { regime: 'GDPR', discovered: '2023-08-15T11:00:00+02:00' },
      // Tue 2023-08-15 + 4 business days = Mon 08-21.
      { regime: 'SEC-8K', discovered: '2023-08-15' },
      { regime: 'OSHA', event: 'fatality', discovered: '2023-08-15T20:00:00Z' },
      { regime: 'OSHA', event: 'hospitalization', discovered: '2023-08-15T20:00:00Z' },
      { regime: 'OSHA', discovered: '2023-08-15T20:00:00Z' },
      { regime: 'SOX', discovered: '2023-08-15' },
    ]),
    ['2023-10-14', '2023-08-18T11:00:00+02:00', '2023-08-21', '2023-08-16T04:00:00Z', '2023-08-16T20:00:00Z', null, null],
  );
  // A holiday on Fri the 18th pushes SEC-8K to Tue 08-22.
  assert.deepEqual(deadlines([{ regime: 'SEC-8K', discovered: '2023-08-15' }], ['2023-08-18']), ['2023-08-22']);
});

test('regulatory status: met, late, open, overdue', () => {
  const gdpr = { regime: 'GDPR', discovered: '2023-08-15T11:00:00Z' };
  assert.equal(regulatoryStatus({ ...gdpr, notified: '2023-08-18T10:59:00Z' }, today), 'met');
  assert.equal(regulatoryStatus({ ...gdpr, notified: '2023-08-18T11:01:00Z' }, today), 'late');
  assert.equal(regulatoryStatus({ ...gdpr, notified: '2023-08-18' }, today), 'met');
  assert.equal(regulatoryStatus(gdpr, { year: 2023, month: 8, day: 18 }), 'open');
  assert.equal(regulatoryStatus(gdpr, { year: 2023, month: 8, day: 19 }), 'overdue');
  assert.equal(regulatoryStatus({ regime: 'PCI-DSS', discovered: '2023-08-15' }, today), 'open');
  assert.equal(regulatoryStatus({ regime: 'PCI-DSS', notified: '2023-08-15' }, today), 'met');
});

test('regulatory figures with days left and late', () => {
  const d = computeDetails(
    doc({
      regulatory: [
        { regime: 'HIPAA', discovered: '2023-08-15T11:00:00Z', notified: '2023-09-20' },
        { regime: 'HIPAA', discovered: '2023-08-15T11:00:00Z' },
        { regime: 'GDPR', discovered: '2023-08-15T11:00:00Z', notified: '2023-08-20T09:00:00Z' },
        { regime: 'SOC2' },
      ],
    }),
    { today },
  );
  assert.deepEqual(d.figures.regulatory, [
    { regime: 'HIPAA', deadline: '2023-10-14', status: 'met' },
    { regime: 'HIPAA', deadline: '2023-10-14', status: 'open' },
    { regime: 'GDPR', deadline: '2023-08-18T11:00:00Z', status: 'late' },
    { regime: 'SOC2', deadline: null, status: 'open' },
  ]);
  assert.equal(d.regulatory[1].daysLeft, 43);
  assert.equal(d.regulatory[2].daysLeft, -2);
});

test('timeline: relative minutes, HH:MM in the start offset, gaps over the severity threshold', () => {
  const d = computeDetails(
    {
      summary: { start: '2023-08-15T23:50:00+02:00', severity: 'SEV-1' },
      timeline: [{ at: '23:40' }, { at: '23:52' }, { at: '2023-08-16T00:30:00+02:00' }, { at: 'garbage' }, { at: '2023-08-15T22:31:00Z' }],
    },
    { today },
  );
  assert.deepEqual(d.timeline.map((t) => t.relativeMinutes), [-10, 2, 40, null, 41]);
  assert.deepEqual(d.timeline.map((t) => t.gapBeforeMinutes), [null, 12, 38, null, 1]);
  assert.deepEqual(d.timeline.map((t) => t.gapTooLong), [false, false, true, false, false]);
  assert.equal(d.gapThresholdMinutes, 15);
  const sev3 = computeDetails({ summary: { start: '2023-08-15T10:00:00Z', severity: 'SEV-3' }, timeline: [{ at: '10:00' }, { at: '10:45' }] }, { today });
  assert.equal(sev3.timeline[1].gapTooLong, false);
});

test('a deadline written as a date-time counts by its local date, as the action rules read it', () => {
  // The schema flags the date-time; the preview, the review and the rules must still agree on overdue and window.
  const f = computeDetails(
    doc({ reviewed: '2023-08-16', action_items: [{ action: 'a', status: 'open', priority: 'P1', deadline: '2023-08-25T17:00:00-07:00' }] }),
    { today },
  );
  assert.deepEqual(f.actions[0].deadline, { year: 2023, month: 8, day: 25 });
  assert.equal(f.actions[0].overdue, true);
  assert.equal(f.actions[0].outsideWindow, true);
  assert.equal(f.figures.actions.overdue, 1);
});

test('a cost section of zeros or placeholders is not estimated: every amount null, never $0 (issue 10, item 2)', () => {
  for (const cost of [
    { currency: 'USD', revenue_lost: 0, sla_credits: 0, vendor_costs: 0, engineering_hours: 0, loaded_rate: 0 },
    { currency: 'USD', revenue_lost: 'TBD', engineering_hours: 0, loaded_rate: 150, churn: { affected_users: 0, probability: 0.02, ltv: 1200 } },
  ]) {
    const f = computeFigures(doc({ cost }), { today });
    assert.deepEqual(f.cost, { direct: null, indirect: null, total: null, per_minute: null, currency: 'USD', estimated: false }, JSON.stringify(cost));
  }
  // One real quantity is an estimate, even when its total is small.
  assert.equal(computeFigures(doc({ cost: { currency: 'USD', engineering_hours: 2, loaded_rate: 0 } }), { today }).cost.estimated, true);
});
