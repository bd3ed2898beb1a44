import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { easterSunday, holidayOn, isHoliday, swedishHolidays } from '../../src/calendar/index.ts';

/*
 * Oracle: the date-holidays package, whose Swedish rules are written independently of ours.
 * Its SE entries come in four types, and only two of them are days off:
 * - public: the 13 allmänna helgdagar plus första maj. All of these are ours.
 * - bank: exactly midsommarafton, julafton and nyårsafton, the de facto non-working eves. Ours.
 * - optional: trettondagsafton, valborgsmässoafton, allhelgonaafton, dated "12:00" because they
 *   are half days. Working days for us.
 * - observance: skärtorsdagen, påskafton, pingstafton, annandag pingst (no longer a holiday
 *   since 2005), name days, Mors dag, Vasaloppet... Not days off.
 * Dates come as "YYYY-MM-DD hh:mm:ss" local time; two entries can share a day (2008).
 */
const oracle = new Holidays('SE', { languages: ['sv'] });

function oracleDaysOff(year: number): Map<string, string> {
  const byDate = new Map<string, string>();
  for (const entry of oracle.getHolidays(year, 'sv')) {
    if (entry.type !== 'public' && entry.type !== 'bank') continue;
    const date = entry.date.slice(0, 10);
    const earlier = byDate.get(date);
    byDate.set(date, earlier ? `${earlier} / ${entry.name}` : entry.name);
  }
  return byDate;
}

function oursAsNames(year: number): Map<string, string> {
  return new Map([...swedishHolidays(year)].map(([date, holiday]) => [date, holiday.sv]));
}

const years = Array.from({ length: 12 }, (_, i) => 2024 + i);

describe('swedishHolidays against date-holidays', () => {
  it('the oracle mapping holds: its "bank" days are exactly the three eves', () => {
    for (const year of years) {
      const bank = oracle.getHolidays(year, 'sv').filter((e) => e.type === 'bank').map((e) => e.name);
      expect(bank.sort()).toEqual(['julafton', 'midsommarafton', 'nyårsafton']);
      const eves = [...swedishHolidays(year).values()].filter((h) => h.kind === 'eve').map((h) => h.sv);
      expect(eves.sort()).toEqual(['julafton', 'midsommarafton', 'nyårsafton']);
    }
  });

  it.each(years)('%i: nothing missing, nothing extra, same names', (year) => {
    const expected = oracleDaysOff(year);
    const actual = oursAsNames(year);
    const missing = [...expected.keys()].filter((date) => !actual.has(date));
    const extra = [...actual.keys()].filter((date) => !expected.has(date));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    expect(actual).toEqual(expected);
    expect(actual.size).toBe(16);
  });

  it('agrees for every year 2005-2100, including days two holidays share', () => {
    for (let year = 2005; year <= 2100; year++) {
      expect(oursAsNames(year), String(year)).toEqual(oracleDaysOff(year));
    }
  });
});

describe('hand-checked dates', () => {
  it.each([
    ['2026-06-19', 'midsommarafton'], // the earliest possible day, 19 June
    ['2026-06-20', 'midsommardagen'],
    ['2027-06-25', 'midsommarafton'], // the latest possible day, 25 June
    ['2027-06-26', 'midsommardagen'],
    ['2027-03-28', 'påskdagen'],
    ['2027-03-26', 'långfredagen'],
    ['2027-03-29', 'annandag påsk'],
    ['2027-05-06', 'Kristi himmelsfärdsdag'],
    ['2027-05-16', 'pingstdagen'],
    ['2025-11-01', 'alla helgons dag'],
    ['2026-10-31', 'alla helgons dag'], // earliest, 31 October
    ['2027-11-06', 'alla helgons dag'], // latest, 6 November
    ['2026-06-06', 'nationaldagen'],
    ['2026-01-06', 'trettondedag jul'],
    ['2026-05-01', 'första maj'],
    ['2026-12-24', 'julafton'],
    ['2026-12-31', 'nyårsafton'],
  ])('%s is %s', (date, name) => {
    expect(holidayOn(date)?.sv).toBe(name);
    expect(isHoliday(date)).toBe(true);
  });

  it.each([
    '2026-01-05', // trettondagsafton, a half day
    '2026-04-02', // skärtorsdagen
    '2026-04-04', // påskafton (a Saturday, but not a holiday)
    '2026-04-30', // valborgsmässoafton
    '2026-05-25', // annandag pingst, no longer a holiday
    '2026-06-18',
    '2026-10-30', // allhelgonaafton
    '2026-11-06', // Gustav Adolfsdagen
    '2026-12-23',
  ])('%s is not a day off', (date) => {
    expect(isHoliday(date)).toBe(false);
    expect(holidayOn(date)).toBeUndefined();
  });

  it('gives English names and kinds', () => {
    expect(holidayOn('2026-06-19')).toEqual({ sv: 'midsommarafton', en: 'Midsummer Eve', kind: 'eve' });
    expect(holidayOn('2026-04-03')).toEqual({ sv: 'långfredagen', en: 'Good Friday', kind: 'holiday' });
  });

  it('keeps both names when two holidays share a day', () => {
    expect(holidayOn('2008-05-01')).toEqual({
      sv: 'första maj / Kristi himmelsfärdsdag',
      en: 'May Day / Ascension Day',
      kind: 'holiday',
    });
    expect(swedishHolidays(2008).size).toBe(15);
  });

  it('has annandag pingst instead of nationaldagen before 2005', () => {
    expect(holidayOn('2004-05-31')?.sv).toBe('annandag pingst');
    expect(isHoliday('2004-06-06')).toBe(false);
    expect(isHoliday('2005-05-16')).toBe(false);
    expect(holidayOn('2005-06-06')?.sv).toBe('nationaldagen');
  });

  it('lists the year in date order', () => {
    const dates = [...swedishHolidays(2026).keys()];
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2026-01-01');
    expect(dates.at(-1)).toBe('2026-12-31');
  });

  it('caches per year', () => {
    expect(swedishHolidays(2030)).toBe(swedishHolidays(2030));
    expect(swedishHolidays(2030)).not.toBe(swedishHolidays(2031));
  });

  it('refuses years it has no rules for and malformed dates', () => {
    expect(() => swedishHolidays(1989)).toThrow(RangeError);
    expect(() => swedishHolidays(2026.5)).toThrow(RangeError);
    expect(() => isHoliday('2026-6-19')).toThrow(RangeError);
    expect(() => isHoliday('2026-02-30')).toThrow(RangeError);
  });
});

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('agrees with the oracle for 1990-2300', () => {
    for (let year = 1990; year <= 2300; year++) {
      const easter = oracle.getHolidays(year, 'sv').find((e) => e.name === 'påskdagen');
      expect(easterSunday(year), String(year)).toBe(easter?.date.slice(0, 10));
    }
  });
});
