import { DateTime } from 'luxon';
import type { Locale } from '../i18n/index.ts';

// Building an Intl formatter is the expensive part of formatting a date (it showed up as a tenth
// of a command's CPU time in bench/ack-latency.ts), so there is one per locale and zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, zone: string): Intl.DateTimeFormat {
  const key = `${locale}|${zone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone });
    dateFormats.set(key, format);
  }
  return format;
}

/** `15 okt. 2026` / `15 Oct 2026`. */
export function formatDate(date: string, locale: Locale): string {
  return dateFormat(locale, 'UTC').format(new Date(`${date}T00:00:00Z`));
}

/** `15 okt. 2026 08:00` in the given zone. */
export function formatDateTime(instant: DateTime, zone: string, locale: Locale): string {
  const local = instant.setZone(zone);
  return `${dateFormat(locale, zone).format(instant.toJSDate())} ${local.toFormat('HH:mm')}`;
}

export function formatDueDate(date: string, time: string | undefined, locale: Locale): string {
  return time ? `${formatDate(date, locale)} ${time}` : formatDate(date, locale);
}

function intlLocale(locale: Locale): string {
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

/**
 * A person in card text: a Slack person as a Slack mention that carries the name
 * (`<@U1|Anna>`), which Slack renders as the mention and every other platform as the name; anyone
 * else by name. Adapters resolve the token (adapters/slack/text.ts, adapters/teams/text.ts).
 */
export function personLabel(person: { name?: string | undefined; userId: string; platform: string }): string {
  if (person.platform === 'slack') {
    const name = person.name?.replace(/[<>|\n]/g, '').trim();
    return name ? `<@${person.userId}|${name}>` : `<@${person.userId}>`;
  }
  return person.name ?? person.userId;
}
