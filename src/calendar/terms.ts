import type { LocalDate } from '../core/command.ts';
import { parseLocalDate } from './time.ts';

/**
 * A Swedish term of office (mandatperiod) for municipal and regional councils: elected in
 * September, in office from 15 October of the election year to 14 October four years later
 * (kommunallagen 5 kap. 5 §). Four-year terms began with the 1994 election; an extra
 * election does not move the term.
 */
export interface TermOfOffice {
  readonly electionYear: number;
  /** First day, 15 October of the election year. */
  readonly start: LocalDate;
  /** Last day, 14 October four years later. */
  readonly end: LocalDate;
}

/** The first election of four-year terms. */
export const FIRST_FOUR_YEAR_ELECTION = 1994;
const TERM_YEARS = 4;
const START_MONTH_DAY = '10-15';
const END_MONTH_DAY = '10-14';

/** The term of office that `date` falls in. Throws RangeError before 15 October 1994. */
export function termOfOffice(date: LocalDate): TermOfOffice {
  const electionYear = electionYearOf(date);
  if (electionYear < FIRST_FOUR_YEAR_ELECTION) {
    throw new RangeError(`${date} is before the first four-year term (${termStart(FIRST_FOUR_YEAR_ELECTION)})`);
  }
  return {
    electionYear,
    start: termStart(electionYear),
    end: `${pad(electionYear + TERM_YEARS)}-${END_MONTH_DAY}`,
  };
}

/** True when `date` is within the first year of its term: [start, start + 1 year). R8. */
export function isFirstYearOfTerm(date: LocalDate): boolean {
  const { electionYear } = termOfOffice(date);
  return date < termStart(electionYear + 1);
}

/** The first day of the next term strictly after `date` (the day after the current term ends). */
export function nextTermStart(date: LocalDate): LocalDate {
  const electionYear = electionYearOf(date);
  return termStart(Math.max(electionYear + TERM_YEARS, FIRST_FOUR_YEAR_ELECTION));
}

/** The election year of the (possibly pre-1994, hypothetical) four-year term containing `date`. */
function electionYearOf(date: LocalDate): number {
  const { year } = parseLocalDate(date);
  let electionYear = year - mod(year - FIRST_FOUR_YEAR_ELECTION, TERM_YEARS);
  // Validated YYYY-MM-DD strings compare like the days they name.
  if (date < termStart(electionYear)) electionYear -= TERM_YEARS;
  return electionYear;
}

function termStart(electionYear: number): LocalDate {
  return `${pad(electionYear)}-${START_MONTH_DAY}`;
}

function pad(year: number): string {
  return String(year).padStart(4, '0');
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
