import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { regulatoryDeadline, regulatoryStatus } from '../../src/core/regulatory';
import { parseCalendarDate, type CalendarDate } from '../../src/core/time';

const day = (s: string): CalendarDate => parseCalendarDate(s)!;
const iso = (ms: number): string => new Date(ms).toISOString();

describe('regulatoryDeadline', () => {
  it('GDPR: 72 hours from a date-time', () => {
    const d = regulatoryDeadline({ regime: 'GDPR', discovered: '2026-11-02T11:00:00+01:00' })!;
    assert.equal(iso(d.due.epochMs), '2026-11-05T10:00:00.000Z');
    assert.deepEqual(d.dueDate, day('2026-11-05'));
    assert.equal(d.label, '72 hours');
  });

  it('HIPAA: 60 calendar days, the whole last day included', () => {
    const d = regulatoryDeadline({ regime: 'HIPAA', discovered: '2026-11-02' })!;
    assert.deepEqual(d.dueDate, day('2027-01-01'));
    assert.equal(iso(d.due.epochMs), '2027-01-02T00:00:00.000Z');
  });

  it('SEC-8K: 4 business days, skipping the weekend and holidays', () => {
    assert.deepEqual(regulatoryDeadline({ regime: 'SEC-8K', discovered: '2026-11-05' })!.dueDate, day('2026-11-11'));
    assert.deepEqual(regulatoryDeadline({ regime: 'SEC-8K', discovered: '2026-11-05' }, ['2026-11-11'])!.dueDate, day('2026-11-12'));
    // A late-evening discovery in New York counts from its own local date.
    assert.deepEqual(regulatoryDeadline({ regime: 'SEC-8K', discovered: '2026-11-05T22:00:00-05:00' })!.dueDate, day('2026-11-11'));
  });

  it('OSHA: 8 hours for a fatality, 24 for a hospitalization, none without the event', () => {
    const base = { regime: 'OSHA', discovered: '2026-11-02T06:00:00-05:00' };
    assert.equal(iso(regulatoryDeadline({ ...base, event: 'fatality' })!.due.epochMs), '2026-11-02T19:00:00.000Z');
    assert.equal(iso(regulatoryDeadline({ ...base, event: 'hospitalization' })!.due.epochMs), '2026-11-03T11:00:00.000Z');
    assert.equal(regulatoryDeadline(base), undefined);
  });

  it('PCI-DSS, SOX and SOC2 have no clock; bad input has none either', () => {
    for (const regime of ['PCI-DSS', 'SOX', 'SOC2']) assert.equal(regulatoryDeadline({ regime, discovered: '2026-11-02' }), undefined);
    assert.equal(regulatoryDeadline({ regime: 'GDPR', discovered: 'yesterday' }), undefined);
    assert.equal(regulatoryDeadline({ regime: 'GDPR' }), undefined);
    assert.equal(regulatoryDeadline('GDPR'), undefined);
    assert.equal(regulatoryDeadline(null), undefined);
  });
});

describe('regulatoryStatus', () => {
  const gdpr = { regime: 'GDPR', discovered: '2026-11-02T11:00:00Z' };
  it('met, late, open, overdue', () => {
    assert.equal(regulatoryStatus({ ...gdpr, notified: '2026-11-05T10:59:00Z' }, day('2026-11-27')), 'met');
    assert.equal(regulatoryStatus({ ...gdpr, notified: '2026-11-05T11:00:00Z' }, day('2026-11-27')), 'late');
    assert.equal(regulatoryStatus(gdpr, day('2026-11-05')), 'open');
    assert.equal(regulatoryStatus(gdpr, day('2026-11-06')), 'overdue');
  });

  it('a notification written as a date is on time on the due day itself', () => {
    assert.equal(regulatoryStatus({ ...gdpr, notified: '2026-11-05' }, day('2026-11-27')), 'met');
    assert.equal(regulatoryStatus({ ...gdpr, notified: '2026-11-06' }, day('2026-11-27')), 'late');
  });

  it('no clock: met once notified, open until then, never overdue', () => {
    assert.equal(regulatoryStatus({ regime: 'SOX', discovered: '2020-01-01' }, day('2026-11-27')), 'open');
    assert.equal(regulatoryStatus({ regime: 'SOX', discovered: '2020-01-01', notified: '2020-02-01' }, day('2026-11-27')), 'met');
    assert.equal(regulatoryStatus(undefined, day('2026-11-27')), 'open');
  });

  it('holidays move the SEC-8K status', () => {
    const sec = { regime: 'SEC-8K', discovered: '2026-11-05', notified: '2026-11-12' };
    assert.equal(regulatoryStatus(sec, day('2026-11-27')), 'late');
    assert.equal(regulatoryStatus(sec, day('2026-11-27'), ['2026-11-11']), 'met');
  });
});
