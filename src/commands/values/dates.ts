import type { LocalDate, LocalTime, MonthDay } from '../../core/command.ts';
import { fold } from '../fold.ts';

/** A date as typed: the year may be missing until it is resolved against today or another date. */
export interface PartialDate {
  readonly year?: number;
  readonly month: number;
  readonly day: number;
}

export type DateRead =
  | { readonly ok: true; readonly date: PartialDate; readonly next: number }
  | { readonly ok: false; readonly code: 'parse.badDate' | 'parse.impossibleDate'; readonly value: string };

const monthNames: Record<string, number> = {};
const months: readonly (readonly string[])[] = [
  ['jan', 'januari', 'january'],
  ['feb', 'februari', 'february'],
  ['mar', 'mars', 'march'],
  ['apr', 'april'],
  ['maj', 'may'],
  ['jun', 'juni', 'june'],
  ['jul', 'juli', 'july'],
  ['aug', 'augusti', 'august'],
  ['sep', 'sept', 'september'],
  ['okt', 'oct', 'oktober', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];
months.forEach((names, index) => names.forEach((n) => (monthNames[n] = index + 1)));

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const dayNumber = /^(\d{1,2})\.?$/;
const yearNumber = /^(\d{4})$/;
const clock = /^(\d{1,2})[:.](\d{2})$/;

/** The month a word names (`okt`, `Oktober`, `oct.`), or undefined. */
export function monthOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  return monthNames[fold(word).replace(/\.$/, '')];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date starting at words[start], consuming as many words as belong to it:
 * `2026-10-15` (one), `15 okt` (two) or `15 okt 2026` (three).
 */
export function readDate(words: readonly string[], start: number): DateRead {
  const first = words[start] ?? '';
  const iso = isoDate.exec(first);
  if (iso) {
    const date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
    return exists(date) ? { ok: true, date, next: start + 1 } : { ok: false, code: 'parse.impossibleDate', value: first };
  }
  const day = dayNumber.exec(first);
  const month = monthOf(words[start + 1]);
  if (!day || month === undefined) {
    const looksLikeDayMonth = day && words[start + 1] !== undefined && /^\p{L}+\.?$/u.test(words[start + 1] as string);
    const value = looksLikeDayMonth ? `${first} ${words[start + 1]}` : first;
    return { ok: false, code: 'parse.badDate', value };
  }
  const yearWord = words[start + 2];
  const year = yearWord !== undefined && yearNumber.test(yearWord) ? Number(yearWord) : undefined;
  const next = start + (year === undefined ? 2 : 3);
  const date: PartialDate = year === undefined ? { month, day: Number(day[1]) } : { year, month, day: Number(day[1]) };
  if (!exists(date)) return { ok: false, code: 'parse.impossibleDate', value: words.slice(start, next).join(' ') };
  return { ok: true, date, next };
}

/** Reads a whole string as one date (a `key=value` value or a quoted word). */
export function parseDateText(text: string): DateRead {
  const words = text.split(' ').filter((w) => w !== '');
  const read = readDate(words, 0);
  if (read.ok && read.next !== words.length) return { ok: false, code: 'parse.badDate', value: text };
  return read;
}

/** A day exists if it does in its year, or, without a year, in some year (29 Feb does). */
function exists(date: PartialDate): boolean {
  const year = date.year ?? 2024;
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(year, date.month);
}

/** The date itself, or without a year the first such date on or after `base`. */
export function resolveDate(date: PartialDate, base: LocalDate): LocalDate {
  if (date.year !== undefined) return formatDate(date.year, date.month, date.day);
  let year = Number(base.slice(0, 4));
  // Eight years always hold a 29 February; any other day is found within two.
  for (let tries = 0; tries < 8; tries++, year++) {
    if (date.day > daysInMonth(year, date.month)) continue;
    const candidate = formatDate(year, date.month, date.day);
    if (candidate >= base) return candidate;
  }
  throw new Error(`no date ${date.month}-${date.day} after ${base}`);
}

function formatDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** True when the word is meant as a time of day (17:00, 17.00), valid or not. */
export function looksLikeTime(word: string): boolean {
  return clock.test(word);
}

/** `17:00`, `17.00` or `9:30` as `HH:mm`; undefined for 25:00 or 17:60. */
export function parseTime(word: string): LocalTime | undefined {
  const m = clock.exec(word);
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** `03-15` as a yearly day; 02-29 is a real day of some years, 02-30 of none. */
export function parseMonthDay(word: string): MonthDay | undefined {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(word);
  if (!m) return undefined;
  const date = { month: Number(m[1]), day: Number(m[2]) };
  return exists(date) ? `${pad(date.month)}-${pad(date.day)}` : undefined;
}
