import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/load.ts';
import { reportingSettings } from '../../src/config/settings-reporting.ts';
import { renderICalendar } from '../../workflows/reporting/ical.ts';
import { renderMarkdown } from '../../workflows/reporting/document/markdown.ts';
import { annualSchedule, termReminder } from '../../workflows/reporting/rules.ts';

const zone = 'Europe/Stockholm';
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('when committees are asked about their year (R6)', () => {
  it('asks on 15 January at 08:00 local time, then weekly', () => {
    const schedule = annualSchedule(utc('2027-01-02T09:00:00Z'), '01-15', 2, '08:00', zone)!;
    expect(schedule.reportYear).toBe(2026);
    expect(schedule.sends).toEqual([
      { index: 0, at: '2027-01-15T07:00:00.000Z' },
      { index: 1, at: '2027-01-22T07:00:00.000Z' },
      { index: 2, at: '2027-01-29T07:00:00.000Z' },
    ]);
  });

  it('moves a weekend day to the next working day, and stops once the last follow-up has passed', () => {
    // 15 January 2028 is a Saturday.
    expect(annualSchedule(utc('2028-01-02T09:00:00Z'), '01-15', 0, '08:00', zone)?.sends).toEqual([{ index: 0, at: '2028-01-17T07:00:00.000Z' }]);
    expect(annualSchedule(utc('2027-03-01T09:00:00Z'), '01-15', 2, '08:00', zone)).toBeUndefined();
  });

  it('after downtime sends the first reminder now and keeps only the follow-ups still ahead', () => {
    const schedule = annualSchedule(utc('2027-01-25T09:00:00Z'), '01-15', 2, '08:00', zone)!;
    expect(schedule.sends).toEqual([
      { index: 0, at: '2027-01-25T09:00:00.000Z' },
      { index: 2, at: '2027-01-29T07:00:00.000Z' },
    ]);
  });
});

describe('the term-of-office reminder (R8)', () => {
  it('is due in the first year of a term only', () => {
    expect(termReminder(utc('2026-10-01T09:00:00Z'), '08:00', zone)).toBeUndefined();
    expect(termReminder(utc('2026-10-10T09:00:00Z'), '08:00', zone)).toBeUndefined();
    expect(termReminder(utc('2026-10-15T01:00:00Z'), '08:00', zone)).toEqual({ term: { electionYear: 2026, start: '2026-10-15', end: '2030-10-14' }, at: '2026-10-15T06:00:00.000Z' });
    expect(termReminder(utc('2027-05-03T09:00:00Z'), '08:00', zone)?.at).toBe('2027-05-03T09:00:00.000Z');
    expect(termReminder(utc('2027-10-15T09:00:00Z'), '08:00', zone)).toBeUndefined();
  });
});

describe('the reporting section of the configuration', () => {
  it('defaults to 15 January, a calendar feed on and the public list off', () => {
    const settings = reportingSettings(parseConfig({}, 'test'), () => 'https://samverkan.tyreso.se/');
    expect(settings.annualReminderDay).toBe('01-15');
    expect(settings.calendarFeed).toEqual({ enabled: true, path: '/kalender' });
    expect(settings.publicFeed.enabled).toBe(false);
    expect(settings.publicBaseUrl()).toBe('https://samverkan.tyreso.se');
  });

  it('takes the board’s meeting days from the governance section', () => {
    const config = parseConfig({ governance: { bodies: [{ id: 'ks', kind: 'board', name: 'Kommunstyrelsen', meetings: ['2027-02-10', '2026-12-02'] }] } }, 'test');
    expect(reportingSettings(config).boardMeetings).toEqual([
      { date: '2026-12-02', body: 'Kommunstyrelsen' },
      { date: '2027-02-10', body: 'Kommunstyrelsen' },
    ]);
  });

  it.each([
    [{ reporting: { annualReminder: '15-01' } }, 'reporting.annualReminder: a day of the year such as 01-15'],
    [{ reporting: { publicFeed: { enabled: true, path: 'samarbeten' } } }, 'reporting.publicFeed.path'],
    [{ reporting: { calender: {} } }, 'unknown field(s) calender'],
  ])('names the field and the fix: %j', (raw, message) => {
    expect(() => parseConfig(raw, 'test')).toThrow(ConfigError);
    expect(() => parseConfig(raw, 'test')).toThrow(message);
  });
});

describe('iCalendar text', () => {
  it('folds long lines at 75 octets without splitting a character, and escapes text that a parser reads back', () => {
    const title = 'Slutrapport för partnerskapet med Theewaterskloof; ekonomisk redovisning, rapportskrivande och ansökningar – ÅÄÖ åäö';
    const body = renderICalendar({ name: 'Kalender, test', zone, stamp: '20261123T090000Z', events: [{ uid: 'deadline-1@example', summary: title, description: 'rad 1\nrad 2', start: { date: '2026-12-18' } }] });
    const lines = body.split('\r\n');
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(0);
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(body.endsWith('\r\n')).toBe(true);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe(title);
    expect(event.description).toBe('rad 1\nrad 2');
  });
});

describe('iCalendar times', () => {
  const event = { uid: 'deadline-2@example', summary: 'Ansökan', start: { date: '2027-03-31', time: '17:00' } };
  const start = (zoneName: string) => {
    const body = renderICalendar({ name: 'K', zone: zoneName, stamp: '20261123T090000Z', events: [event] });
    const component = new ICAL.Component(ICAL.parse(body));
    for (const tz of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    return new ICAL.Event(component.getFirstSubcomponent('vevent')!).startDate.toJSDate().toISOString();
  };

  it('writes Stockholm times against a VTIMEZONE and any other zone as UTC instants, both read back right', () => {
    expect(start('Europe/Stockholm')).toBe('2027-03-31T15:00:00.000Z');
    expect(start('Europe/Helsinki')).toBe('2027-03-31T14:00:00.000Z');
  });
});

describe('Markdown text', () => {
  it('keeps what people typed from turning into headings, links or table cells', () => {
    const md = renderMarkdown([{ kind: 'table', headers: ['Samarbete'], rows: [['# Rubrik | [länk](x) *fet*']] }], undefined);
    expect(md).toContain('| \\# Rubrik \\| \\[länk\\](x) \\*fet\\* |');
  });
});
