import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  dayOfInstant,
  daysBetween,
  isLocalDate,
  localDate,
  localDaysToUtc,
  localToUtc,
} from '../../src/calendar/index.ts';

const zone = 'Europe/Stockholm';
const utcIso = (date: string, time: string, z = zone): string | null =>
  localToUtc(date, time, z).toISO({ suppressMilliseconds: true });

describe('localToUtc in Europe/Stockholm', () => {
  it.each([
    ['2026-01-15', '08:00', '2026-01-15T07:00:00Z', 'winter, CET'],
    ['2026-07-15', '08:00', '2026-07-15T06:00:00Z', 'summer, CEST'],
    ['2026-03-28', '08:00', '2026-03-28T07:00:00Z', 'Saturday before spring forward'],
    ['2026-03-29', '08:00', '2026-03-29T06:00:00Z', 'spring-forward Sunday, after the change'],
    ['2026-03-29', '01:59', '2026-03-29T00:59:00Z', 'just before the gap'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00Z', 'first minute after the gap'],
    ['2026-10-24', '08:00', '2026-10-24T06:00:00Z', 'Saturday before fall back'],
    ['2026-10-25', '08:00', '2026-10-25T07:00:00Z', 'fall-back Sunday, after the change'],
    ['2026-10-25', '01:59', '2026-10-24T23:59:00Z', 'before the overlap'],
    ['2026-10-25', '03:00', '2026-10-25T02:00:00Z', 'after the overlap'],
    ['2026-12-31', '23:59', '2026-12-31T22:59:00Z', 'across a UTC day boundary'],
    ['2027-01-01', '00:30', '2026-12-31T23:30:00Z', 'back into the previous UTC year'],
  ])('%s %s → %s (%s)', (date, time, expected) => {
    expect(utcIso(date, time)).toBe(expected);
  });

  it('returns a UTC DateTime', () => {
    const dt = localToUtc('2026-07-15', '08:00', zone);
    expect(dt.offset).toBe(0);
    expect(dt.zoneName).toBe('UTC');
  });

  it('maps a time in the spring-forward gap to the first instant after it (03:00 CEST)', () => {
    expect(utcIso('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00Z');
    expect(utcIso('2026-03-29', '02:30')).toBe('2026-03-29T01:00:00Z');
    expect(utcIso('2026-03-29', '02:59')).toBe('2026-03-29T01:00:00Z');
  });

  it('maps a time in the fall-back overlap to its first occurrence (summer time)', () => {
    expect(utcIso('2026-10-25', '02:00')).toBe('2026-10-25T00:00:00Z');
    expect(utcIso('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00Z');
    expect(utcIso('2026-10-25', '02:59')).toBe('2026-10-25T00:59:00Z');
  });

  it('handles other zones, including a whole skipped day (Samoa, 30 December 2011)', () => {
    expect(utcIso('2026-07-15', '08:00', 'UTC')).toBe('2026-07-15T08:00:00Z');
    expect(utcIso('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:00:00Z');
    expect(utcIso('2011-12-30', '12:00', 'Pacific/Apia')).toBe('2011-12-30T10:00:00Z');
  });

  it('refuses malformed times, dates and zones', () => {
    for (const time of ['8:00', '24:00', '12:60', '08:00:00', '']) {
      expect(() => localToUtc('2026-01-15', time, zone), time).toThrow(RangeError);
    }
    expect(() => localToUtc('2026-02-29', '08:00', zone)).toThrow(RangeError);
    expect(() => localToUtc('2026-01-15', '08:00', 'Europe/Nowhere')).toThrow(RangeError);
  });
});

describe('localDate', () => {
  it.each([
    ['2026-06-30T22:30:00Z', '2026-07-01'],
    ['2026-06-30T21:59:00Z', '2026-06-30'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    ['2026-01-01T00:30:00+05:00', '2025-12-31'],
  ])('%s is %s in Stockholm', (instant, expected) => {
    expect(localDate(DateTime.fromISO(instant, { setZone: true }), zone)).toBe(expected);
  });

  it('round-trips with localToUtc', () => {
    expect(localDate(localToUtc('2026-03-29', '00:30', zone), zone)).toBe('2026-03-29');
  });
});

describe('dayOfInstant (stored instants, as reports show them)', () => {
  it.each([
    ['2026-06-30T22:30:00.000Z', '2026-07-01', 'after midnight in summer (CEST)'],
    ['2026-06-30T21:59:59.999Z', '2026-06-30', 'before midnight in summer'],
    ['2026-12-31T23:30:00.000Z', '2027-01-01', 'a new year in winter (CET)'],
    ['2026-03-28T23:30:00.000Z', '2026-03-29', 'the night clocks spring forward'],
    ['2026-10-24T22:30:00.000Z', '2026-10-25', 'the night clocks fall back'],
    ['2026-01-01T00:30:00+05:00', '2025-12-31', 'an instant written with another offset'],
  ])('%s is %s in Stockholm (%s)', (instant, expected) => {
    expect(dayOfInstant(instant, zone)).toBe(expected);
  });

  it('agrees with localDate for every hour of a year, in another zone too', () => {
    for (const z of [zone, 'America/New_York']) {
      for (let hour = 0; hour < 366 * 24; hour += 1) {
        const instant = new Date(Date.UTC(2026, 0, 1, hour, 17)).toISOString();
        expect(dayOfInstant(instant, z), instant).toBe(localDate(DateTime.fromISO(instant, { zone: 'utc' }), z));
      }
    }
  });

  it('gives nothing for an instant or a zone it cannot read', () => {
    expect(dayOfInstant('not a time', zone)).toBeUndefined();
    expect(dayOfInstant('2026-01-01T00:00:00.000Z', 'Europe/Nowhere')).toBeUndefined();
  });
});

describe('date arithmetic', () => {
  it('addDays', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29'); // a 23-hour day in Stockholm
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26'); // a 25-hour day
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-01-01', 0)).toBe('2026-01-01');
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('daysBetween', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
  });

  it('compareDates sorts dates', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-12-01', '2025-12-31', '2026-02-01'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-02-01',
      '2026-12-01',
    ]);
    expect(() => compareDates('2026-1-1', '2026-01-01')).toThrow(RangeError);
  });

  it('isLocalDate', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '20260101', '2026-01-01T00:00', '']) {
      expect(isLocalDate(bad), bad).toBe(false);
    }
  });
});

describe('localDaysToUtc', () => {
  it('spans whole Stockholm days, so 00:30 on New Year’s Day belongs to the new year', () => {
    const year = localDaysToUtc('2016-01-01', '2016-12-31', 'Europe/Stockholm');
    expect(year.start.toISO()).toBe('2015-12-31T23:00:00.000Z');
    expect(year.end.toISO()).toBe('2016-12-31T23:00:00.000Z');
  });

  it('is 23 hours long on the day clocks go forward', () => {
    const day = localDaysToUtc('2026-03-29', '2026-03-29', 'Europe/Stockholm');
    expect(day.end.diff(day.start, 'hours').hours).toBe(23);
  });
});
