import type { DateTime } from 'luxon';
import type { DeliveryHandler, WorkflowModule } from '../../src/core/delivery.ts';
import { committeeById } from '../../src/core/settings.ts';
import type { WorkflowDeps } from '../../src/core/workflow.ts';
import { localDate } from '../../src/calendar/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { ANNUAL_REFRESH, ANNUAL_REMINDER, ANNUAL_STATUS, AnnualService, SUMMARY_FORM } from './annual.ts';
import { CalendarService } from './calendar.ts';
import { CONFIRM, WRITE_SUMMARY } from './cards.ts';
import type { ReportingRepos, ReportingSettings, ReportRenderer } from './ports.ts';
import { publicEngagements, publicHtml, publicJson } from './public-list.ts';
import { TERM_REMINDER, TermService } from './term.ts';

/** What the bot's HTTP server serves for this workflow (R9); undefined parts are switched off. */
export interface ReportingHttp {
  readonly calendarPath?: string;
  calendarFeed(token: string, now: DateTime): Promise<string | undefined>;
  readonly publicPath?: string;
  publicList(format: 'html' | 'json', now: DateTime): Promise<string>;
}

/** Registers R6 annual reporting, R8 term of office, R9 calendar and public feed. */
export function registerReporting(
  deps: WorkflowDeps<ReportingRepos>,
  settings: ReportingSettings,
  renderer: ReportRenderer,
): WorkflowModule & { readonly http: ReportingHttp } {
  const { router, uow, posted } = deps;
  const annual = new AnnualService(uow, deps.settings, settings, renderer);
  const calendar = new CalendarService(uow, deps.settings, settings);
  const term = new TermService(uow, deps.settings, settings);

  router
    .command('annual', (args, ctx) => annual.report(args, ctx))
    .command('calendar', (args, ctx) => calendar.address(args, ctx))
    .action(CONFIRM, (action, ctx) => annual.pressConfirm(action, ctx))
    .action(WRITE_SUMMARY, (action, ctx) => annual.pressSummary(action, ctx))
    .form(SUMMARY_FORM, (form, ctx) => annual.submitSummary(form, ctx));

  const deliveries = new Map<string, DeliveryHandler>([
    [ANNUAL_REMINDER, (row) => annual.deliverReminder(row)],
    [ANNUAL_STATUS, (row) => annual.deliverStatus(row)],
    [
      ANNUAL_REFRESH,
      async (row) => {
        const card = await annual.refreshCard(row);
        if (!card || !row.subject) return { action: 'drop', reason: 'nothing to refresh' };
        const messages = (await posted.postedFor(row.subject, [ANNUAL_REMINDER])).filter((m) => m.messageId !== row.payload.except);
        return messages.length ? { action: 'update', messages, card } : { action: 'drop', reason: 'no posted reminders' };
      },
    ],
    [TERM_REMINDER, (row) => term.deliver(row)],
  ]);

  const t = translator(deps.settings.locale);
  const http: ReportingHttp = {
    ...(settings.calendarFeed.enabled ? { calendarPath: settings.calendarFeed.path } : {}),
    calendarFeed: (token, now) => calendar.feed(token, now),
    ...(settings.publicFeed.enabled ? { publicPath: settings.publicFeed.path } : {}),
    publicList: async (format, now) => {
      const rows = await uow.read.reportSources.ongoing();
      const items = publicEngagements(rows, (id) => committeeById(deps.settings, id)?.name ?? id, t, deps.settings.locale);
      const updated = localDate(now, deps.settings.timeZone);
      if (format === 'json') return publicJson(deps.settings.name, updated, items);
      const title = settings.publicFeed.title ?? t('reporting.public.title', { municipality: deps.settings.name });
      return publicHtml(title, deps.settings.name, updated, items, t, deps.settings.locale);
    },
  };

  return {
    deliveries,
    planners: [
      { name: 'annual-reminders', plan: (now) => annual.plan(now) },
      { name: 'term-of-office', plan: (now) => term.plan(now) },
    ],
    http,
  };
}
