import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  onOrBeforeWorkingDay,
  workingDaysBetween,
} from '../../src/calendar/index.ts';

// Every day of 2024-2035 as YYYY-MM-DD, built with Date (not luxon) so the check is independent.
const days: string[] = [];
for (let t = Date.UTC(2024, 0, 1); t <= Date.UTC(2035, 11, 31); t += 86_400_000) {
  days.push(new Date(t).toISOString().slice(0, 10));
}
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday

// Days off per date-holidays: its "public" entries plus its "bank" ones (the three eves).
const oracle = new Holidays('SE');
const daysOff = new Set<string>();
for (let year = 2024; year <= 2035; year++) {
  for (const e of oracle.getHolidays(year)) {
    if (e.type === 'public' || e.type === 'bank') daysOff.add(e.date.slice(0, 10));
  }
}

describe('isWorkingDay', () => {
  it('matches weekdays minus the oracle days off for every day of 2024-2035', () => {
    const wrong = days.filter((d) => isWorkingDay(d) !== (weekday(d) >= 1 && weekday(d) <= 5 && !daysOff.has(d)));
    expect(wrong).toEqual([]);
  });

  it.each([
    ['2026-03-13', true], // Friday
    ['2026-03-14', false], // Saturday
    ['2026-03-15', false], // Sunday
    ['2026-06-19', false], // midsommarafton
    ['2026-12-24', false], // julafton
    ['2026-12-31', false], // nyårsafton
    ['2026-04-02', true], // skärtorsdagen
    ['2026-04-30', true], // valborgsmässoafton, a half day
    ['2026-01-05', true], // trettondagsafton, a half day
    ['2026-05-25', true], // annandag pingst
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('onOrBeforeWorkingDay (how reminders move, R1)', () => {
  it.each([
    ['2026-03-11', '2026-03-11', 'a working day stays'],
    ['2026-03-14', '2026-03-13', 'Saturday → Friday'],
    ['2026-03-15', '2026-03-13', 'Sunday → Friday'],
    ['2026-06-19', '2026-06-18', 'midsommarafton → Thursday before'],
    ['2026-06-21', '2026-06-18', 'the midsummer weekend → Thursday before'],
    ['2026-04-03', '2026-04-02', 'långfredagen → skärtorsdagen'],
    ['2026-04-05', '2026-04-02', 'påskdagen → the Thursday before Good Friday'],
    ['2026-04-06', '2026-04-02', 'annandag påsk → the Thursday before Good Friday'],
    ['2026-12-24', '2026-12-23', 'julafton → 23 December'],
    ['2026-12-27', '2026-12-23', 'the whole Christmas run → 23 December'],
    ['2026-12-31', '2026-12-30', 'nyårsafton → 30 December'],
    ['2027-01-03', '2026-12-30', 'New Year weekend → back across the year'],
    ['2025-01-06', '2025-01-03', 'trettondedag jul on a Monday → Friday'],
    ['2026-05-14', '2026-05-13', 'Kristi himmelsfärdsdag → Wednesday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(onOrBeforeWorkingDay(date)).toBe(expected);
  });

  it('always lands on the latest working day on or before the date, 2024-2035', () => {
    let lastWorkingDay: string | undefined; // the answer for the first days lies before 2024
    for (const d of days) {
      if (isWorkingDay(d)) lastWorkingDay = d;
      if (lastWorkingDay) expect(onOrBeforeWorkingDay(d), d).toBe(lastWorkingDay);
    }
  });
});

describe('nextWorkingDay', () => {
  it.each([
    ['2026-03-13', '2026-03-16', 'Friday → Monday'],
    ['2026-03-11', '2026-03-12', 'strictly after, even from a working day'],
    ['2026-04-02', '2026-04-07', 'over Easter'],
    ['2026-06-18', '2026-06-22', 'over midsummer'],
    ['2026-12-23', '2026-12-28', 'over Christmas'],
    ['2026-12-30', '2027-01-04', 'over New Year'],
    ['2026-03-14', '2026-03-16', 'from a Saturday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(nextWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    [0, '2026-12-22'],
    [1, '2026-12-23'],
    [2, '2026-12-28'], // 24 eve, 25 and 26 holidays, 27 Sunday
    [3, '2026-12-29'],
    [4, '2026-12-30'],
    [5, '2027-01-04'], // 31 eve, 1 January holiday, weekend
    [6, '2027-01-05'],
    [7, '2027-01-07'], // 6 January, trettondedag jul
  ])('2026-12-22 + %i working days across Christmas → %s', (n, expected) => {
    expect(addWorkingDays('2026-12-22', n)).toBe(expected);
  });

  it('"every 5 working days" over midsummer', () => {
    expect(addWorkingDays('2026-06-15', 5)).toBe('2026-06-23');
  });

  it('returns the date itself for n = 0, even on a day off', () => {
    expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-25');
  });

  it('refuses negative and fractional counts', () => {
    expect(() => addWorkingDays('2026-03-11', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-11', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-11', Number.NaN)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts (a, b]: a excluded, b included', () => {
    expect(workingDaysBetween('2026-03-09', '2026-03-13')).toBe(4); // Mon → Fri
    expect(workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(workingDaysBetween('2026-03-13', '2026-03-15')).toBe(0); // into a weekend
    expect(workingDaysBetween('2026-12-22', '2027-01-08')).toBe(8);
  });

  it('is negative when b is before a', () => {
    expect(workingDaysBetween('2027-01-08', '2026-12-22')).toBe(-8);
    expect(Object.is(workingDaysBetween('2026-03-15', '2026-03-13'), 0)).toBe(true);
  });

  it('inverts addWorkingDays from every start day of 2026', () => {
    for (const d of days.filter((x) => x.startsWith('2026-'))) {
      for (const n of [0, 1, 5, 23]) {
        expect(workingDaysBetween(d, addWorkingDays(d, n)), `${d} + ${n}`).toBe(n);
      }
    }
  });

  it('counts a whole year: 2026 has 251 working days', () => {
    // 261 weekdays; minus 1 Jan, 6 Jan, 3 Apr, 6 Apr, 1 May, 14 May, 19 Jun, 24, 25, 31 Dec.
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(251);
  });
});
