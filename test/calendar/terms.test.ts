import { describe, expect, it } from 'vitest';
import { addDays, isFirstYearOfTerm, nextTermStart, termOfOffice } from '../../src/calendar/index.ts';

describe('termOfOffice (R8)', () => {
  it('2026-10-14 is the last day of the 2022 term', () => {
    expect(termOfOffice('2026-10-14')).toEqual({ electionYear: 2022, start: '2022-10-15', end: '2026-10-14' });
  });

  it('2026-10-15 starts the 2026 term', () => {
    expect(termOfOffice('2026-10-15')).toEqual({ electionYear: 2026, start: '2026-10-15', end: '2030-10-14' });
  });

  it.each([
    ['2026-09-13', 2022], // election day itself: the old council sits until 14 October
    ['2026-12-31', 2026],
    ['2027-01-01', 2026],
    ['2030-10-14', 2026],
    ['2030-10-15', 2030],
    ['1994-10-15', 1994],
    ['2000-02-29', 1998],
  ])('%s is in the term elected in %i', (date, electionYear) => {
    expect(termOfOffice(date).electionYear).toBe(electionYear);
  });

  it('tiles the calendar: every term is followed the next day by the next one, 1994-2100', () => {
    let term = termOfOffice('1994-10-15');
    while (term.electionYear < 2100) {
      expect(term.electionYear % 4).toBe(2);
      expect(term.start).toBe(`${term.electionYear}-10-15`);
      const next = termOfOffice(addDays(term.end, 1));
      expect(next.electionYear).toBe(term.electionYear + 4);
      expect(next.start).toBe(addDays(term.end, 1));
      expect(termOfOffice(term.end)).toEqual(term);
      term = next;
    }
  });

  it('refuses dates before the first four-year term and malformed dates', () => {
    expect(() => termOfOffice('1994-10-14')).toThrow(RangeError);
    expect(() => termOfOffice('2026-10-32')).toThrow(RangeError);
  });
});

describe('isFirstYearOfTerm', () => {
  it.each([
    ['2026-10-14', false], // last day of the 2022 term
    ['2026-10-15', true],
    ['2027-06-01', true],
    ['2027-10-14', true],
    ['2027-10-15', false],
    ['2029-12-31', false],
    ['2022-10-15', true],
  ])('%s → %s', (date, expected) => {
    expect(isFirstYearOfTerm(date)).toBe(expected);
  });
});

describe('nextTermStart', () => {
  it.each([
    ['2025-01-01', '2026-10-15'],
    ['2026-10-14', '2026-10-15'],
    ['2026-10-15', '2030-10-15'], // strictly after: not the term that starts today
    ['2030-10-14', '2030-10-15'],
    ['1990-06-01', '1994-10-15'],
  ])('%s → %s', (date, expected) => {
    expect(nextTermStart(date)).toBe(expected);
  });
});
