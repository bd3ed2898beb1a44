import { DateTime } from 'luxon';
import type { LocalDate, LocalTime } from '../core/command.ts';

/*
 * Calendar days are handled as UTC-midnight DateTimes internally: a day is a label, not an
 * instant, and doing the arithmetic in UTC keeps a 23- or 25-hour DST day from turning into
 * "0 days" or "2 days".
 */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a real calendar day written `YYYY-MM-DD`. */
export function isLocalDate(value: string): value is LocalDate {
  return tryParseLocalDate(value) !== undefined;
}

/** The day as a DateTime at 00:00 UTC; throws RangeError unless it is a real `YYYY-MM-DD` day. */
export function parseLocalDate(date: LocalDate): DateTime {
  const parsed = tryParseLocalDate(date);
  if (!parsed) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parsed;
}

/** The calendar day of `dt` in its own zone, as `YYYY-MM-DD`. */
export function formatLocalDate(dt: DateTime): LocalDate {
  const iso = dt.isValid ? dt.toISODate() : null;
  if (iso === null || !LOCAL_DATE.test(iso)) {
    throw new RangeError(`Date outside years 0000-9999 or invalid: ${String(iso ?? dt.invalidReason)}`);
  }
  return iso;
}

/** `date` moved by `n` calendar days (n may be negative). */
export function addDays(date: LocalDate, n: number): LocalDate {
  assertInteger(n, 'n');
  return formatLocalDate(parseLocalDate(date).plus({ days: n }));
}

/** Negative when a is before b, 0 when equal, positive when after (a sort comparator). */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  // Validated YYYY-MM-DD strings sort the same way as the days they name.
  parseLocalDate(a);
  parseLocalDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from a to b: positive when b is later, so `addDays(a, daysBetween(a, b)) === b`. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((parseLocalDate(b).toMillis() - parseLocalDate(a).toMillis()) / MS_PER_DAY);
}

/** The calendar day that `instant` falls on in `zone`. */
export function localDate(instant: DateTime, zone: string): LocalDate {
  assertZone(zone);
  return formatLocalDate(instant.setZone(zone));
}

// Reports and cards turn thousands of stored instants into the day each fell on; a cached Intl
// format per zone does that several times faster than a luxon DateTime per instant (some 50 ms of
// a large municipality's annual report, docs/benchmarks.md).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day a stored instant (an ISO-8601 string) falls on in `zone`, as `localDate`
 * gives it; undefined when the instant or the zone cannot be read.
 */
export function dayOfInstant(instant: string, zone: string): LocalDate | undefined {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return undefined;
  let format = dayFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      return undefined;
    }
    dayFormats.set(zone, format);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(at)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/**
 * The UTC instant at which clocks in `zone` show `time` on `date`.
 *
 * Where DST makes the wall-clock time ambiguous, the rule is the same in both directions:
 * the earliest instant at which the wall clock shows `time` or later.
 * - Gap (spring forward, e.g. 02:30 on the last Sunday of March in Europe/Stockholm does not
 *   exist): the first instant after the gap, 03:00 local = 01:00Z. A reminder set for 02:30
 *   then fires as soon as the clock has passed 02:30, never an hour late. (Luxon's own default
 *   would shift by the gap length and give 03:30.)
 * - Overlap (fall back, 02:30 on the last Sunday of October happens twice): the first
 *   occurrence, 02:30 summer time = 00:30Z, so nothing fires twice or an hour late.
 *   (Luxon's own default picks the second occurrence.)
 */
export function localToUtc(date: LocalDate, time: LocalTime, zone: string): DateTime {
  assertZone(zone);
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new RangeError(`Not a wall-clock time (HH:mm): ${JSON.stringify(time)}`);
  // The wall-clock reading encoded as if it were UTC; an instant is wall - offset.
  const wall = parseLocalDate(date).toMillis() + (Number(match[1]) * 60 + Number(match[2])) * MS_PER_MINUTE;
  return DateTime.fromMillis(instantForWallClock(wall, zone), { zone: 'utc' });
}

/**
 * Whole local days from `from` to `to`, both included, as UTC instants: the first moment of
 * `from` and the first moment after `to` in `zone`. Something stamped at 00:30 on New Year's
 * Day in Stockholm (23:30 UTC the day before) falls in the new year's range.
 */
export function localDaysToUtc(from: LocalDate, to: LocalDate, zone: string): { readonly start: DateTime; readonly end: DateTime } {
  return { start: localToUtc(from, '00:00', zone), end: localToUtc(addDays(to, 1), '00:00', zone) };
}

function instantForWallClock(wall: number, zone: string): number {
  const offsetAt = (instant: number): number => DateTime.fromMillis(instant, { zone }).offset * MS_PER_MINUTE;
  // Any transition near this wall time has one of these offsets on either side of it.
  const offsets = [...new Set([offsetAt(wall - MS_PER_DAY), offsetAt(wall), offsetAt(wall + MS_PER_DAY)])];
  const valid = offsets.map((offset) => wall - offset).filter((instant) => offsetAt(instant) === wall - instant);
  if (valid.length > 0) return Math.min(...valid);

  // A gap: the transition instant lies in (wall - larger offset, wall - smaller offset].
  let before = wall - Math.max(...offsets);
  let after = wall - Math.min(...offsets);
  const offsetAfter = offsetAt(after);
  if (offsetAt(before) === offsetAfter) throw new RangeError(`Cannot resolve local time in ${zone}`);
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (offsetAt(mid) === offsetAfter) after = mid;
    else before = mid;
  }
  return after;
}

function tryParseLocalDate(value: string): DateTime | undefined {
  const match = LOCAL_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dt = DateTime.utc(year, month, day);
  // Luxon rejects 2026-02-30 as invalid rather than rolling it over; the check is belt and braces.
  return dt.isValid && dt.year === year && dt.month === month && dt.day === day ? dt : undefined;
}

function assertZone(zone: string): void {
  if (!DateTime.fromMillis(0, { zone }).isValid) throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
}

export function assertInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be an integer, got ${String(n)}`);
}
