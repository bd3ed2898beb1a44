import { DateTime } from 'luxon';
import type { LocalDate } from '../core/command.ts';
import { formatLocalDate, parseLocalDate } from './time.ts';

/**
 * A day off in Sweden. `holiday`: an allmän helgdag under lag (1989:253) om allmänna
 * helgdagar, or första maj. `eve`: midsommarafton, julafton or nyårsafton, which are not
 * holidays in law but are non-working days under the collective agreements (and in practice
 * in every municipality's offices).
 */
export interface Holiday {
  readonly sv: string;
  readonly en: string;
  readonly kind: 'holiday' | 'eve';
}

/**
 * Years the rules below are right for. Annandag pingst was a holiday until 2004 and was
 * replaced by nationaldagen from 2005; both are handled. Before 1990 the earlier statute
 * applied and is not modelled, so those years are refused rather than guessed.
 */
export const HOLIDAY_YEARS = { first: 1990, last: 9999 } as const;

const FRIDAY = 5;
const SATURDAY = 6;

const cache = new Map<number, ReadonlyMap<LocalDate, Holiday>>();

/** All Swedish public holidays and non-working eves of `year`, in date order. Cached per year. */
export function swedishHolidays(year: number): ReadonlyMap<LocalDate, Holiday> {
  if (!Number.isInteger(year) || year < HOLIDAY_YEARS.first || year > HOLIDAY_YEARS.last) {
    throw new RangeError(`Swedish holidays are computed for ${HOLIDAY_YEARS.first}-${HOLIDAY_YEARS.last}, not ${year}`);
  }
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = computeHolidays(year);
    cache.set(year, holidays);
  }
  return holidays;
}

/** True when `date` is a Swedish public holiday or one of the non-working eves. */
export function isHoliday(date: LocalDate): boolean {
  return holidayOn(date) !== undefined;
}

/** The holiday or eve on `date`, if any. */
export function holidayOn(date: LocalDate): Holiday | undefined {
  return swedishHolidays(parseLocalDate(date).year).get(date);
}

/** Easter Sunday of `year` by the Gregorian computus (the anonymous / Meeus-Jones-Butcher form). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19; // place in the 19-year Metonic cycle
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3); // lunar correction
  const h = (19 * a + b - d - g + 15) % 30; // days from 21 March to the paschal full moon
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate(DateTime.utc(year, month, day));
}

function computeHolidays(year: number): ReadonlyMap<LocalDate, Holiday> {
  const easter = parseLocalDate(easterSunday(year));
  const fromEaster = (days: number): LocalDate => formatLocalDate(easter.plus({ days }));
  const fixed = (month: number, day: number): LocalDate => formatLocalDate(DateTime.utc(year, month, day));

  const entries: Array<[LocalDate, string, string, Holiday['kind']]> = [
    [fixed(1, 1), 'nyårsdagen', "New Year's Day", 'holiday'],
    [fixed(1, 6), 'trettondedag jul', 'Epiphany', 'holiday'],
    [fromEaster(-2), 'långfredagen', 'Good Friday', 'holiday'],
    [fromEaster(0), 'påskdagen', 'Easter Sunday', 'holiday'],
    [fromEaster(1), 'annandag påsk', 'Easter Monday', 'holiday'],
    [fixed(5, 1), 'första maj', 'May Day', 'holiday'],
    [fromEaster(39), 'Kristi himmelsfärdsdag', 'Ascension Day', 'holiday'],
    [fromEaster(49), 'pingstdagen', 'Whit Sunday', 'holiday'],
    year >= 2005
      ? [fixed(6, 6), 'nationaldagen', 'National Day of Sweden', 'holiday']
      : [fromEaster(50), 'annandag pingst', 'Whit Monday', 'holiday'],
    [weekdayOnOrAfter(year, 6, 19, FRIDAY), 'midsommarafton', 'Midsummer Eve', 'eve'],
    [weekdayOnOrAfter(year, 6, 20, SATURDAY), 'midsommardagen', 'Midsummer Day', 'holiday'],
    [weekdayOnOrAfter(year, 10, 31, SATURDAY), 'alla helgons dag', "All Saints' Day", 'holiday'],
    [fixed(12, 24), 'julafton', 'Christmas Eve', 'eve'],
    [fixed(12, 25), 'juldagen', 'Christmas Day', 'holiday'],
    [fixed(12, 26), 'annandag jul', 'Boxing Day', 'holiday'],
    [fixed(12, 31), 'nyårsafton', "New Year's Eve", 'eve'],
  ];

  // Two holidays can share a day (första maj was also Kristi himmelsfärdsdag in 2008): keep both names.
  const byDate = new Map<LocalDate, Holiday>();
  for (const [date, sv, en, kind] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const earlier = byDate.get(date);
    byDate.set(
      date,
      Object.freeze(
        earlier
          ? {
              sv: `${earlier.sv} / ${sv}`,
              en: `${earlier.en} / ${en}`,
              kind: earlier.kind === 'holiday' || kind === 'holiday' ? 'holiday' : 'eve',
            }
          : { sv, en, kind },
      ),
    );
  }
  return byDate;
}

/** The first day on or after year-month-day that falls on `weekday` (ISO: Monday 1 … Sunday 7). */
function weekdayOnOrAfter(year: number, month: number, day: number, weekday: number): LocalDate {
  const start = DateTime.utc(year, month, day);
  return formatLocalDate(start.plus({ days: (weekday - start.weekday + 7) % 7 }));
}
