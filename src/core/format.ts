import { DateTime } from 'luxon';
import type { Locale } from '../i18n/index.ts';

/** `15 okt. 2026` / `15 Oct 2026`. */
export function formatDate(date: string, locale: Locale): string {
  return DateTime.fromISO(date, { locale: luxonLocale(locale) }).toFormat('d MMM yyyy');
}

export function formatDateTime(instant: DateTime, zone: string, locale: Locale): string {
  return instant.setZone(zone).setLocale(luxonLocale(locale)).toFormat('d MMM yyyy HH:mm');
}

export function formatDueDate(date: string, time: string | undefined, locale: Locale): string {
  return time ? `${formatDate(date, locale)} ${time}` : formatDate(date, locale);
}

function luxonLocale(locale: Locale): string {
  return locale === 'sv' ? 'sv-SE' : 'en-GB';
}

/** Ids shown with a letter per kind: E12, D34, C3, A5, V7. */
export const idLabel = {
  engagement: (id: number) => `E${id}`,
  deadline: (id: number) => `D${id}`,
  call: (id: number) => `C${id}`,
  application: (id: number) => `A${id}`,
  visit: (id: number) => `V${id}`,
} as const;

export function personLabel(person: { name?: string | undefined; userId: string; platform: string }): string {
  if (person.platform === 'slack') return `<@${person.userId}>`;
  return person.name ?? person.userId;
}
