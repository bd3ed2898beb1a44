import type { DateTime } from 'luxon';
import { addDays, localDate, localToUtc, nextWorkingDay, onOrBeforeWorkingDay, isWorkingDay } from '../../src/calendar/index.ts';
import { toInstant } from '../../src/core/clock.ts';

/**
 * Pure rules of R1: when a deadline passes, when its reminders go out, when a miss is flagged.
 * All calendar arithmetic happens in the municipality's zone; results are UTC instants.
 */

/** A deadline with a time passes at that time; one without passes at the end of its day. */
export function dueInstant(date: string, time: string | undefined, zone: string): string {
  return toInstant(time ? localToUtc(date, time, zone) : localToUtc(addDays(date, 1), '00:00', zone));
}

export interface PlannedReminder {
  readonly daysBefore: number;
  readonly at: string;
}

/**
 * One reminder per "days before", on the working day on or before that day (weekends, public
 * holidays and the eves move it earlier), at the reminder time. Reminders already in the past
 * are left out; two that land on the same day become one (the nearer to the deadline).
 */
export function planReminders(
  dueDate: string,
  remindDays: readonly number[],
  reminderTime: string,
  zone: string,
  now: DateTime,
): PlannedReminder[] {
  const byInstant = new Map<string, PlannedReminder>();
  for (const days of [...remindDays].sort((a, b) => b - a)) {
    const day = onOrBeforeWorkingDay(addDays(dueDate, -days));
    const at = localToUtc(day, reminderTime, zone);
    if (at <= now) continue;
    byInstant.set(toInstant(at), { daysBefore: days, at: toInstant(at) });
  }
  return [...byInstant.values()].sort((a, b) => (a.at < b.at ? -1 : 1));
}

/**
 * When a missed deadline is flagged: at its time if it has one; otherwise on the next working
 * day after its date, at the reminder time, when the coordinator is at work.
 */
export function missedCheckAt(dueDate: string, dueTime: string | undefined, reminderTime: string, zone: string): string {
  if (dueTime) return toInstant(localToUtc(dueDate, dueTime, zone));
  return toInstant(localToUtc(nextWorkingDay(dueDate), reminderTime, zone));
}

/** A snoozed reminder comes `days` later than `from`, on a working day at the reminder time. */
export function snoozedReminderAt(from: DateTime, days: number, reminderTime: string, zone: string): string {
  let day = addDays(localDate(from, zone), days);
  if (!isWorkingDay(day)) day = nextWorkingDay(day);
  return toInstant(localToUtc(day, reminderTime, zone));
}

/** Whole calendar days from `now` (local) to the due date: 0 on the day itself. */
export function daysLeft(dueDate: string, now: DateTime, zone: string): number {
  const today = localDate(now, zone);
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
