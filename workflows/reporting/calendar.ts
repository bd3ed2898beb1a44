import { createHash, randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';
import { addDays, localDate } from '../../src/calendar/index.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext, ResolvedArgs } from '../../src/core/command.ts';
import { BotFailure } from '../../src/core/errors.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import { privateCard, type Reply } from '../../src/core/reply.ts';
import { committeeById, requireCommittee, type MunicipalitySettings } from '../../src/core/settings.ts';
import { translator } from '../../src/i18n/index.ts';
import { renderICalendar, type CalendarEvent } from './ical.ts';
import type { FundingCallFact, ReportingRepos, ReportingSettings } from './ports.ts';

/** 32 bytes of randomness, base64url: not guessable, and safe in a URL path. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** R9: a secret calendar address per person (all, or one committee), and the feed behind it. */
export class CalendarService {
  constructor(
    private readonly uow: UnitOfWork<ReportingRepos>,
    private readonly settings: MunicipalitySettings,
    private readonly reporting: ReportingSettings,
  ) {}

  /** `calendar [committee=…]`: a new address; the person's earlier one for the same scope stops working. */
  async address(args: ResolvedArgs<'calendar'>, ctx: RequestContext): Promise<Reply> {
    if (!this.reporting.calendarFeed.enabled) throw new BotFailure({ code: 'reporting.calendar.off' });
    // The address is a secret. Slack answers a command privately wherever it is typed; a Teams
    // reply in a channel or group chat is seen by everyone there, so Teams gets it only in the personal chat.
    if (ctx.actor.platform === 'teams' && !ctx.isDirect) throw new BotFailure({ code: 'reporting.calendar.personalOnly' });
    const committee = args.committee === undefined ? undefined : requireCommittee(this.settings, args.committee);
    const token = randomBytes(32).toString('base64url');
    await this.uow.run((repos) => repos.calendarTokens.issue(hashToken(token), ctx.actor, committee?.id, toInstant(ctx.now)));
    const url = `${this.reporting.publicBaseUrl()}${this.reporting.calendarFeed.path}/${token}.ics`;
    const scope = committee ? ctx.t('reporting.calendar.scopeCommittee', { committee: committee.name }) : ctx.t('reporting.calendar.scopeAll');
    const text = ctx.t('reporting.calendar.address', { scope });
    return privateCard({
      title: ctx.t('reporting.calendar.title'),
      summary: text,
      sections: [
        { type: 'text', text },
        { type: 'text', text: url },
        { type: 'text', text: ctx.t('reporting.calendar.howto') },
        { type: 'text', text: ctx.t('reporting.calendar.secret') },
      ],
    });
  }

  /** The feed for a token from the URL, or undefined for a wrong or revoked one (the route answers 404). */
  async feed(token: string, now: DateTime): Promise<string | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const found = await this.uow.read.calendarTokens.find(hashToken(token));
    if (!found) return undefined;
    const committee = found.committeeId === undefined ? undefined : committeeById(this.settings, found.committeeId);
    const today = localDate(now, this.settings.timeZone);
    const since = addDays(today, -365);
    const t = translator(this.settings.locale);
    const host = new URL(this.reporting.publicBaseUrl()).hostname || 'samverkan';
    const events: CalendarEvent[] = [];

    for (const d of await this.uow.read.reportSources.deadlinesFrom(since, found.committeeId)) {
      events.push({
        uid: `deadline-${d.id}@${host}`,
        summary: t(d.status === 'done' ? 'reporting.ical.deadlineDone' : 'reporting.ical.deadline', { title: d.title }),
        description: `D${d.id}`,
        start: d.dueTime ? { date: d.dueDate, time: d.dueTime } : { date: d.dueDate },
        categories: [t('reporting.ical.catDeadline')],
      });
    }
    for (const v of await this.uow.read.reportSources.visitsFrom(since, found.committeeId)) {
      events.push({
        uid: `visit-${v.id}@${host}`,
        summary: t(v.direction === 'out' ? 'reporting.ical.visitOut' : 'reporting.ical.visitIn', { title: v.engagementTitle }) + (v.place ? ` – ${v.place}` : ''),
        description: `V${v.id}`,
        ...(v.place ? { location: v.place } : {}),
        start: { date: v.fromDate },
        endDate: v.toDate,
        status: v.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        categories: [t('reporting.ical.catVisit')],
      });
    }
    for (const call of await this.uow.read.reportSources.fundingCalls()) {
      for (const w of callWindows(call, today)) {
        events.push({
          uid: `call-${call.id}-${w.year}@${host}`,
          summary: t('reporting.ical.call', { name: call.name }),
          description: call.funder ? `C${call.id} · ${call.funder}` : `C${call.id}`,
          start: { date: w.opens },
          endDate: w.closes,
          categories: [t('reporting.ical.catCall')],
        });
      }
    }
    for (const m of this.reporting.boardMeetings) {
      if (m.date < since) continue;
      events.push({
        uid: `meeting-${slug(m.body)}-${m.date}@${host}`,
        summary: t('reporting.ical.meeting', { body: m.body }),
        start: { date: m.date },
        categories: [t('reporting.ical.catMeeting')],
      });
    }
    const name = committee ? t('reporting.ical.nameCommittee', { committee: committee.name }) : t('reporting.ical.name', { municipality: this.settings.name });
    const stamp = now.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
    return renderICalendar({ name, zone: this.settings.timeZone, stamp, events });
  }
}

/** Last year's, this year's and next year's windows of a yearly call; a one-off call's first window. */
export function callWindows(call: FundingCallFact, today: string): { year: number; opens: string; closes: string }[] {
  const year = Number(today.slice(0, 4));
  const windows = [year - 1, year, year + 1].map((y) => ({
    year: y,
    opens: `${y}-${call.opens}`,
    closes: `${call.closes < call.opens ? y + 1 : y}-${call.closes}`,
  }));
  if (call.yearly) return windows;
  const next = windows.find((w) => w.closes >= today);
  return next ? [next] : [];
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
