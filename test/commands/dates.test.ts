import { describe, expect, it } from 'vitest';
import { parsed } from './support.ts';

const dateOf = (date: string, on?: string) => parsed(`frist ny x ${date}`, on).args;

describe('dates', () => {
  it.each([
    ['2026-10-15', '2026-10-15'],
    ['2026-1-5', '2026-01-05'],
    ['15 okt 2026', '2026-10-15'],
    ['15 oktober 2026', '2026-10-15'],
    ['15 oct 2026', '2026-10-15'],
    ['15 October 2026', '2026-10-15'],
    ['15 okt. 2026', '2026-10-15'],
    ['15 OKT 2026', '2026-10-15'],
    ['1 januari 2027', '2027-01-01'],
    ['1 maj 2026', '2026-05-01'],
    ['1 may 2026', '2026-05-01'],
    ['3 mars 2026', '2026-03-03'],
    ['3 sept 2026', '2026-09-03'],
    ['"15 okt 2026"', '2026-10-15'],
    ['29 feb 2028', '2028-02-29'],
  ])('%s is %s', (typed, date) => {
    expect(dateOf(typed)).toStrictEqual({ title: 'x', date });
  });

  describe('without a year, the next such date on or after today (2026-03-10)', () => {
    it.each([
      ['15 okt', '2026-10-15'],
      ['15 okt.', '2026-10-15'],
      ['10 mars', '2026-03-10'],
      ['9 mars', '2027-03-09'],
      ['1 jan', '2027-01-01'],
      ['29 feb', '2028-02-29'],
    ])('%s is %s', (typed, date) => {
      expect(dateOf(typed)).toStrictEqual({ title: 'x', date });
    });

    it('uses the municipality date it is given', () => {
      expect(dateOf('31 dec', '2026-12-31')).toStrictEqual({ title: 'x', date: '2026-12-31' });
      expect(dateOf('1 jan', '2026-12-31')).toStrictEqual({ title: 'x', date: '2027-01-01' });
    });
  });

  it.each([
    ['2026-10-15 17:00', '2026-10-15', '17:00'],
    ['2026-10-15 17.00', '2026-10-15', '17:00'],
    ['15 okt 2026 9:05', '2026-10-15', '09:05'],
    ['15 okt 0:00', '2026-10-15', '00:00'],
    ['15 okt 23.59', '2026-10-15', '23:59'],
  ])('%s has a time', (typed, date, time) => {
    expect(dateOf(typed)).toStrictEqual({ title: 'x', date, time });
  });

  it('reads a date in key=value and a to-date without a year after its from-date', () => {
    expect(parsed('samarbete ny x typ=annat nämnd=ks start="1 nov 2026" slut="31 jan"').args).toMatchObject({
      start: '2026-11-01',
      end: '2027-01-31',
    });
    expect(parsed('besök ny E1 ut 28 dec 3 jan', '2026-01-02').args).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
    expect(parsed('besök ny E1 in 5 maj 5 maj').args).toMatchObject({ from: '2026-05-05', to: '2026-05-05' });
  });

  it('reads month-days for funding calls, 02-29 included', () => {
    expect(parsed('utlysning ny x öppnar=2-29 stänger=12-31').args).toMatchObject({ opens: '02-29', closes: '12-31' });
  });
});
