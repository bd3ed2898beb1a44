import type { DateTime } from 'luxon';
import { addDays, isFirstYearOfTerm, isWorkingDay, localDate, localDaysToUtc, localToUtc, nextWorkingDay, termOfOffice, type TermOfOffice } from '../../src/calendar/index.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { LocalDate } from '../../src/core/command.ts';
import type { ReportPeriod } from './ports.ts';

/** Pure rules of R6 and R8: when committees are asked about their year, when the policy is due. */

export interface AnnualSchedule {
  /** The year being reported on: the one just ended. */
  readonly reportYear: number;
  /** 0 is the reminder itself, 1… the weekly follow-ups. */
  readonly sends: readonly { readonly index: number; readonly at: string }[];
}

/**
 * The reminder goes out on the configured day of this year (or the next working day) at the
 * reminder time, then weekly while unconfirmed. Follow-ups already past are left out; the first
 * reminder is never lost: if its time has passed (the bot was installed or down), it goes now.
 * After the last follow-up the round is over and nothing is planned.
 */
export function annualSchedule(now: DateTime, monthDay: string, followUps: number, reminderTime: string, zone: string): AnnualSchedule | undefined {
  const today = localDate(now, zone);
  const year = Number(today.slice(0, 4));
  const first = workingDayOnOrAfter(dayIn(monthDay, year));
  const days = Array.from({ length: followUps + 1 }, (_, i) => (i === 0 ? first : workingDayOnOrAfter(addDays(first, 7 * i))));
  const times = days.map((day) => localToUtc(day, reminderTime, zone));
  const last = times[times.length - 1];
  if (!last || last < now) return undefined;
  const sends = times
    .map((at, index) => ({ index, at: index === 0 && at < now ? toInstant(now) : toInstant(at) }))
    .filter((s) => s.index === 0 || s.at > toInstant(now));
  return { reportYear: year - 1, sends };
}

/** R8: in the first year of a term, when to remind the coordinator (its first working day, or now). */
export function termReminder(now: DateTime, reminderTime: string, zone: string): { term: TermOfOffice; at: string } | undefined {
  const today = localDate(now, zone);
  if (!isFirstYearOfTerm(today)) return undefined;
  const term = termOfOffice(today);
  const at = localToUtc(workingDayOnOrAfter(term.start), reminderTime, zone);
  return { term, at: toInstant(at < now ? now : at) };
}

/** The term before the one that `term` is. */
export function previousTerm(term: TermOfOffice): TermOfOffice {
  return termOfOffice(addDays(term.start, -1));
}

function workingDayOnOrAfter(day: string): string {
  return isWorkingDay(day) ? day : nextWorkingDay(day);
}

function dayIn(monthDay: string, year: number): string {
  // 29 February in a common year falls back to the 28th.
  if (monthDay === '02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return `${year}-02-28`;
  return `${year}-${monthDay}`;
}

/** The days from `from` to `to` as a report period in `zone`. */
export function reportPeriod(from: LocalDate, to: LocalDate, zone: string): ReportPeriod {
  const days = localDaysToUtc(from, to, zone);
  return { from, to, startsAt: toInstant(days.start), endsBefore: toInstant(days.end) };
}
