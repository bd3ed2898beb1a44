import { localToUtc } from '../../src/calendar/index.ts';

/**
 * A hand-written RFC 5545 writer: the feed is small and its rules are few (CRLF line ends,
 * lines folded at 75 octets, TEXT escaped, local times tied to a VTIMEZONE), and doing it here
 * keeps the bytes under our control so Outlook's subscription sees stable events.
 */

export type EventTime = { readonly date: string } | { readonly date: string; readonly time: string };

export interface CalendarEvent {
  /** Stable across feeds and fetches, so a calendar program replaces the event on update. */
  readonly uid: string;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly start: EventTime;
  /** All-day events: the last day (inclusive). Timed events without an end last 30 minutes. */
  readonly endDate?: string;
  readonly status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  readonly categories?: readonly string[];
}

export interface CalendarFeed {
  readonly name: string;
  readonly description?: string;
  readonly zone: string;
  /** The instant written as DTSTAMP, `YYYYMMDDTHHMMSSZ`. */
  readonly stamp: string;
  readonly events: readonly CalendarEvent[];
}

const STOCKHOLM_ZONE = 'Europe/Stockholm';

const STOCKHOLM = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function renderICalendar(feed: CalendarFeed): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samverkan//Internationellt samarbete//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(feed.name)}`,
    `X-WR-TIMEZONE:${feed.zone}`,
    ...(feed.description ? [`X-WR-CALDESC:${text(feed.description)}`] : []),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...(feed.zone === STOCKHOLM_ZONE ? STOCKHOLM : []),
  ];
  for (const event of feed.events) lines.push(...eventLines(event, feed));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

function eventLines(e: CalendarEvent, feed: CalendarFeed): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${feed.stamp}`];
  if ('time' in e.start && feed.zone === STOCKHOLM_ZONE) {
    lines.push(`DTSTART;TZID=${STOCKHOLM_ZONE}:${compact(e.start.date)}T${e.start.time.replace(':', '')}00`, 'DURATION:PT30M');
  } else if ('time' in e.start) {
    // Only Stockholm's rules are written out as a VTIMEZONE; other zones go as UTC instants.
    lines.push(`DTSTART:${localToUtc(e.start.date, e.start.time, feed.zone).toFormat("yyyyMMdd'T'HHmmss'Z'")}`, 'DURATION:PT30M');
  } else {
    lines.push(`DTSTART;VALUE=DATE:${compact(e.start.date)}`, `DTEND;VALUE=DATE:${compact(nextDay(e.endDate ?? e.start.date))}`, 'TRANSP:TRANSPARENT');
  }
  lines.push(`SUMMARY:${text(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION:${text(e.description)}`);
  if (e.location) lines.push(`LOCATION:${text(e.location)}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(text).join(',')}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  lines.push('END:VEVENT');
  return lines;
}

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space; never inside a UTF-8 character. */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function compact(date: string): string {
  return date.replace(/-/g, '');
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
