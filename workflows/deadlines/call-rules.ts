import type { DateTime } from 'luxon';
import { addDays, localDate, localToUtc, nextWorkingDay, onOrBeforeWorkingDay, isWorkingDay } from '../../src/calendar/index.ts';
import { toInstant } from '../../src/core/clock.ts';

/** Pure rules of R2: a funding call's yearly window and when it is announced. */

export interface CallWindow {
  /** The year the window opens. */
  readonly year: number;
  readonly opens: string;
  readonly closes: string;
}

export interface CallDates {
  readonly opens: string;
  readonly closes: string;
  readonly yearly: boolean;
}

export function windowOpeningIn(call: CallDates, year: number): CallWindow {
  const opens = monthDayIn(call.opens, year);
  // A window that closes "before" it opens runs over the new year.
  const closesYear = call.closes < call.opens ? year + 1 : year;
  return { year, opens, closes: monthDayIn(call.closes, closesYear) };
}

/**
 * The windows worth planning for: the first that has not closed by `today` (possibly open now)
 * and, for a yearly call, the one after it. A one-off call has only the first.
 */
export function upcomingWindows(call: CallDates, today: string): CallWindow[] {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map((y) => windowOpeningIn(call, y));
  const first = candidates.find((w) => w.closes >= today);
  if (!first) return [];
  return call.yearly ? [first, windowOpeningIn(call, first.year + 1)] : [first];
}

export function currentOrNextWindow(call: CallDates, today: string): CallWindow | undefined {
  return upcomingWindows(call, today)[0];
}

export interface Announcement {
  /** `open` or `close-<n>`. */
  readonly key: string;
  readonly at: string;
  readonly daysBeforeClose?: number;
}

/**
 * The opening is announced on its day (or the next working day) at the reminder time; the
 * closing `n` days before it closes, on the working day on or before. Announcements already past
 * are left out, except the opening of a window that is open now and was created after it opened,
 * which is announced at once.
 */
export function planAnnouncements(
  window: CallWindow,
  daysBeforeClose: readonly number[],
  reminderTime: string,
  zone: string,
  now: DateTime,
  createdAt: DateTime,
): Announcement[] {
  const result: Announcement[] = [];
  const openDay = isWorkingDay(window.opens) ? window.opens : nextWorkingDay(window.opens);
  const openAt = localToUtc(openDay, reminderTime, zone);
  const today = localDate(now, zone);
  if (openAt > now) result.push({ key: 'open', at: toInstant(openAt) });
  else if (today <= window.closes && createdAt > openAt) result.push({ key: 'open', at: toInstant(now) });
  for (const days of daysBeforeClose) {
    const day = onOrBeforeWorkingDay(addDays(window.closes, -days));
    const at = localToUtc(day, reminderTime, zone);
    if (at > now && day >= window.opens) result.push({ key: `close-${days}`, at: toInstant(at), daysBeforeClose: days });
  }
  return result;
}

function monthDayIn(monthDay: string, year: number): string {
  // 29 February in a common year falls back to the 28th.
  if (monthDay === '02-29' && !isLeapYear(year)) return `${year}-02-28`;
  return `${year}-${monthDay}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
