import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addBusinessDays,
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  formatCalendarDate,
  isBusinessDay,
  localDateOf,
  minutesBetween,
  parseCalendarDate,
  parseDateOrDateTime,
  parseDateTime,
  parseTimelineInstant,
  todayDate,
} from '../../src/core/time';

const d = (year: number, month: number, day: number) => ({ year, month, day });

test('daysInMonth knows leap years', () => {
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2026, 2), 28);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
  assert.equal(daysInMonth(2026, 4), 30);
  assert.equal(daysInMonth(2026, 12), 31);
});

test('parseCalendarDate rejects dates that do not exist and anything not YYYY-MM-DD', () => {
  assert.deepEqual(parseCalendarDate('2026-03-02'), d(2026, 3, 2));
  assert.deepEqual(parseCalendarDate('2024-02-29'), d(2024, 2, 29));
  for (const bad of ['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-3-2', '2026-03-02T10:00:00Z', '', 20260302, null, undefined]) {
    assert.equal(parseCalendarDate(bad), undefined, String(bad));
  }
});

test('parseDateTime requires an offset and keeps it', () => {
  assert.deepEqual(parseDateTime('2023-08-15T10:00:00Z'), { epochMs: Date.UTC(2023, 7, 15, 10), offsetMinutes: 0 });
  assert.deepEqual(parseDateTime('2023-08-15T12:00:00+02:00'), { epochMs: Date.UTC(2023, 7, 15, 10), offsetMinutes: 120 });
  assert.deepEqual(parseDateTime('2023-08-15T05:30:00-0430'), { epochMs: Date.UTC(2023, 7, 15, 10), offsetMinutes: -270 });
  assert.equal(parseDateTime('2023-08-15T10:00:00.250Z')?.epochMs, Date.UTC(2023, 7, 15, 10, 0, 0, 250));
  assert.equal(parseDateTime('2023-08-15 10:00Z')?.epochMs, Date.UTC(2023, 7, 15, 10));
  for (const bad of ['2023-08-15T10:00:00', '2023-08-15', '2023-02-30T10:00:00Z', '2023-08-15T24:00:00Z', '2023-08-15T10:60:00Z', '2023-08-15T10:00:00+25:00', 'soon', 5]) {
    assert.equal(parseDateTime(bad), undefined, String(bad));
  }
});

test('parseTimelineInstant: "HH:MM" is that wall-clock time on the base date, in the base offset', () => {
  const base = parseDateTime('2023-08-15T23:30:00+02:00');
  assert.ok(base);
  // 23:30+02:00 is 21:30Z; the local date is the 15th, so "23:45" is 21:45Z on the 15th.
  assert.deepEqual(parseTimelineInstant('23:45', base), { epochMs: Date.UTC(2023, 7, 15, 21, 45), offsetMinutes: 120 });
  assert.deepEqual(parseTimelineInstant('9:05', base), { epochMs: Date.UTC(2023, 7, 15, 7, 5), offsetMinutes: 120 });
  assert.deepEqual(parseTimelineInstant('2023-08-16T01:00:00Z', base), { epochMs: Date.UTC(2023, 7, 16, 1), offsetMinutes: 0 });
  assert.equal(parseTimelineInstant('24:00', base), undefined);
  assert.equal(parseTimelineInstant('10:61', base), undefined);
  assert.equal(parseTimelineInstant('10:25', undefined), undefined, 'no base, no date for HH:MM');
});

test('parseDateOrDateTime: a date is its start in UTC', () => {
  assert.deepEqual(parseDateOrDateTime('2023-09-20'), { epochMs: Date.UTC(2023, 8, 20), offsetMinutes: 0 });
  assert.deepEqual(parseDateOrDateTime('2023-09-20T08:00:00+01:00'), { epochMs: Date.UTC(2023, 8, 20, 7), offsetMinutes: 60 });
  assert.equal(parseDateOrDateTime('2023-09-31'), undefined);
});

test('localDateOf uses the incident offset', () => {
  const late = parseDateTime('2023-12-31T23:30:00-05:00');
  assert.ok(late);
  assert.deepEqual(localDateOf(late), d(2023, 12, 31)); // 2024-01-01 in UTC
});

test('calendar arithmetic', () => {
  assert.equal(formatCalendarDate(d(26, 3, 2)), '0026-03-02');
  assert.equal(daysBetween(d(2026, 2, 27), d(2026, 3, 2)), 3);
  assert.equal(daysBetween(d(2026, 3, 2), d(2026, 2, 27)), -3);
  assert.deepEqual(addDays(d(2024, 2, 28), 1), d(2024, 2, 29));
  assert.deepEqual(addDays(d(2026, 12, 31), 1), d(2027, 1, 1));
  assert.ok(compareDates(d(2026, 3, 2), d(2026, 3, 1)) > 0);
  assert.equal(compareDates(d(2026, 3, 2), d(2026, 3, 2)), 0);
  assert.equal(minutesBetween(parseDateTime('2023-08-15T10:00:00Z')!, parseDateTime('2023-08-15T12:30:00Z')!), 150);
});

test('business days skip weekends and holidays', () => {
  assert.equal(isBusinessDay(d(2026, 3, 2)), true); // Monday
  assert.equal(isBusinessDay(d(2026, 3, 7)), false); // Saturday
  assert.equal(isBusinessDay(d(2026, 3, 8)), false); // Sunday
  assert.equal(isBusinessDay(d(2026, 3, 3), new Set(['2026-03-03'])), false);
  assert.deepEqual(addBusinessDays(d(2026, 3, 6), 1), d(2026, 3, 9)); // Friday -> Monday
  assert.deepEqual(addBusinessDays(d(2026, 3, 6), 1, new Set(['2026-03-09'])), d(2026, 3, 10));
  assert.deepEqual(addBusinessDays(d(2026, 3, 2), 4), d(2026, 3, 6));
});

test('todayDate takes a valid override and ignores an invalid one', () => {
  assert.deepEqual(todayDate('2026-11-27'), d(2026, 11, 27));
  const now = new Date(2026, 10, 27, 12, 0);
  assert.deepEqual(todayDate('2026-02-30', now), d(2026, 11, 27));
});

test('todayDate is the local calendar date, not the UTC one', () => {
  // 23:30 local on 27 November: still the 27th here, whatever the UTC date is.
  assert.deepEqual(todayDate(undefined, new Date(2026, 10, 27, 23, 30)), d(2026, 11, 27));
  assert.deepEqual(todayDate(undefined, new Date(2026, 10, 28, 0, 15)), d(2026, 11, 28));
});
