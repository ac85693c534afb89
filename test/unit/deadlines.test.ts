import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineBase, deadlineWindow, latestAllowedDeadline } from '../../src/core/deadlines';
import { formatCalendarDate } from '../../src/core/time';

const latest = (doc: object, priority: unknown, holidays: string[] = []): string | undefined => {
  const date = latestAllowedDeadline(doc, priority, holidays);
  return date && formatCalendarDate(date);
};

describe('action deadline window', () => {
  // 2026-11-02 is a Monday, 2026-11-06 a Friday.
  it('P0: the next business day after reviewed', () => {
    assert.equal(latest({ reviewed: '2026-11-02' }, 'P0'), '2026-11-03');
    assert.equal(latest({ reviewed: '2026-11-06' }, 'P0'), '2026-11-09');
    assert.equal(latest({ reviewed: '2026-11-07' }, 'P0'), '2026-11-09');
    assert.equal(latest({ reviewed: '2026-11-06' }, 'P0', ['2026-11-09', '2026-11-10']), '2026-11-11');
  });

  it('P1: 7 days, P2: 31 days, weekends included', () => {
    assert.equal(latest({ reviewed: '2026-11-02' }, 'P1'), '2026-11-09');
    assert.equal(latest({ reviewed: '2026-11-02' }, 'P2'), '2026-12-03');
    assert.equal(latest({ reviewed: '2026-12-31' }, 'P1'), '2027-01-07');
    assert.equal(latest({ reviewed: '2026-11-02' }, 'P1', ['2026-11-09']), '2026-11-09');
  });

  it('without reviewed: the date of summary.end in its own offset', () => {
    const doc = { summary: { end: '2026-11-06T23:30:00-05:00' } };
    assert.deepEqual(deadlineBase(doc), { date: { year: 2026, month: 11, day: 6 }, from: 'summary.end' });
    assert.equal(latest(doc, 'P0'), '2026-11-09');
    assert.equal(latest({ summary: { end: '2026-11-07T01:30:00+09:00' } }, 'P1'), '2026-11-14');
  });

  it('reviewed wins over summary.end', () => {
    assert.equal(latest({ reviewed: '2026-11-10', summary: { end: '2026-11-02T12:00:00Z' } }, 'P1'), '2026-11-17');
  });

  it('unknown priority or no base: no window', () => {
    assert.equal(latest({ reviewed: '2026-11-02' }, 'P3'), undefined);
    assert.equal(latest({ reviewed: '2026-11-02' }, undefined), undefined);
    assert.equal(latest({}, 'P0'), undefined);
    assert.equal(latest({ reviewed: '2026-02-30' }, 'P0'), undefined);
    assert.equal(latest({ summary: 'yesterday' }, 'P0'), undefined);
  });

  it('explains itself for messages', () => {
    assert.equal(deadlineWindow({ reviewed: '2026-11-02' }, 'P0')?.explanation, 'P0 allows the next business day after reviewed (2026-11-02)');
    assert.equal(deadlineWindow({ reviewed: '2026-11-02' }, 'P2')?.explanation, 'P2 allows 31 days from reviewed (2026-11-02)');
  });
});
