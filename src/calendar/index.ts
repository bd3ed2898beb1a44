/** Swedish calendar rules: holidays, working days, terms of office, and zone-aware time. Pure. */
export type { Holiday } from './holidays.ts';
export { HOLIDAY_YEARS, easterSunday, holidayOn, isHoliday, swedishHolidays } from './holidays.ts';
export type { TermOfOffice } from './terms.ts';
export { FIRST_FOUR_YEAR_ELECTION, isFirstYearOfTerm, nextTermStart, termOfOffice } from './terms.ts';
export {
  addDays,
  compareDates,
  dayOfInstant,
  daysBetween,
  formatLocalDate,
  isLocalDate,
  localDate,
  localDaysToUtc,
  localToUtc,
  parseLocalDate,
} from './time.ts';
export {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  onOrBeforeWorkingDay,
  workingDaysBetween,
} from './working-days.ts';
