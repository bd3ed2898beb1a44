import type { DateTime } from 'luxon';
import type { LocalDate } from '../core/command.ts';
import { swedishHolidays } from './holidays.ts';
import { assertInteger, formatLocalDate, parseLocalDate } from './time.ts';

/**
 * Swedish working days: Monday to Friday, except public holidays and the non-working eves
 * (midsommarafton, julafton, nyårsafton). Half days such as valborgsmässoafton and
 * trettondagsafton count as working days.
 */
export function isWorkingDay(date: LocalDate): boolean {
  return isWorking(parseLocalDate(date));
}

/** `date` itself if it is a working day, else the working day before it. Reminders move this way (R1). */
export function onOrBeforeWorkingDay(date: LocalDate): LocalDate {
  let day = parseLocalDate(date);
  while (!isWorking(day)) day = day.minus({ days: 1 });
  return formatLocalDate(day);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate): LocalDate {
  return addWorkingDays(date, 1);
}

/**
 * The n-th working day after `date` (n ≥ 0): 1 is the next working day, 5 is a working week
 * on. With n = 0 the date itself comes back unchanged, working day or not.
 */
export function addWorkingDays(date: LocalDate, n: number): LocalDate {
  assertInteger(n, 'n');
  if (n < 0) throw new RangeError(`addWorkingDays counts forward only, got n = ${n}`);
  let day = parseLocalDate(date);
  for (let left = n; left > 0; ) {
    day = day.plus({ days: 1 });
    if (isWorking(day)) left -= 1;
  }
  return formatLocalDate(day);
}

/**
 * The number of working days in (a, b]: a itself is not counted, b is. Zero when a = b, and
 * negative (minus the count in (b, a]) when b is before a, so that
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
 */
export function workingDaysBetween(a: LocalDate, b: LocalDate): number {
  const from = parseLocalDate(a);
  const to = parseLocalDate(b);
  if (to < from) return 0 - countWorkingDays(to, from); // 0 - x, not -x: no -0
  return countWorkingDays(from, to);
}

function countWorkingDays(after: DateTime, upTo: DateTime): number {
  let count = 0;
  for (let day = after.plus({ days: 1 }); day <= upTo; day = day.plus({ days: 1 })) {
    if (isWorking(day)) count += 1;
  }
  return count;
}

function isWorking(day: DateTime): boolean {
  return day.weekday <= 5 && !swedishHolidays(day.year).has(formatLocalDate(day));
}
