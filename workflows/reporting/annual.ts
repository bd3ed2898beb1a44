import type { DateTime } from 'luxon';
import { targetKey } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext, ResolvedArgs } from '../../src/core/command.ts';
import type { Delivery, OutboxRow } from '../../src/core/delivery.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { personLabel } from '../../src/core/format.ts';
import type { OutboxMessage } from '../../src/core/outbox.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import { privateCard, type ActionInput, type ActionOutcome, type FormInput, type FormOutcome, type Reply, type SettledReply } from '../../src/core/reply.ts';
import { formTextErrors } from '../../src/core/text.ts';
import { committeeById, requireCommittee, type MunicipalitySettings } from '../../src/core/settings.ts';
import { localDate } from '../../src/calendar/index.ts';
import { translator } from '../../src/i18n/index.ts';
import * as cards from './cards.ts';
import type { ReportingRepos, ReportingSettings, ReportRenderer } from './ports.ts';
import { annualSchedule, reportPeriod } from './rules.ts';

export const ANNUAL_REMINDER = 'annual.reminder';
export const ANNUAL_STATUS = 'annual.status';
export const ANNUAL_REFRESH = 'annual.refresh';
export const SUMMARY_FORM = 'annual.summary.submit';
const SUMMARY_MAX = 4000;

const roundSubject = (committeeId: string, year: number) => ({ type: `annual:${committeeId}`, id: year });

/** R6: each committee's yearly confirmation, and the municipality's annual report. */
export class AnnualService {
  constructor(
    private readonly uow: UnitOfWork<ReportingRepos>,
    private readonly settings: MunicipalitySettings,
    private readonly reporting: ReportingSettings,
    private readonly renderer: ReportRenderer,
  ) {}

  private get c(): cards.CardContext {
    return { t: translator(this.settings.locale), locale: this.settings.locale, zone: this.settings.timeZone };
  }

  /**
   * `annual <year> [committee=…]`: the report as .docx and .md. The person is told at once that it
   * comes; reading the year, building the report and rendering it all happen off the event loop.
   */
  async report(args: ResolvedArgs<'annual'>, ctx: RequestContext): Promise<Reply> {
    if (args.committee !== undefined) requireCommittee(this.settings, args.committee);
    const today = localDate(ctx.now, this.settings.timeZone);
    if (args.year > Number(today.slice(0, 4))) throw new BotFailure({ code: 'reporting.error.futureYear', params: { year: args.year } });
    const c = { t: ctx.t, locale: ctx.locale, zone: this.settings.timeZone };
    const result = this.renderer
      .annualReport({
        municipality: this.settings.name,
        year: args.year,
        compiledOn: today,
        committees: this.settings.committees.map((k) => ({ id: k.id, name: k.name })),
        ...(args.committee !== undefined ? { onlyCommittee: args.committee } : {}),
        period: reportPeriod(`${args.year}-01-01`, `${args.year}-12-31`, this.settings.timeZone),
        locale: ctx.locale,
        zone: this.settings.timeZone,
      })
      .then((rendered): SettledReply => ({ kind: 'file', card: cards.reportReadyCard(rendered, c), files: rendered.files }));
    return { kind: 'pending', notice: cards.reportPreparingCard(args.year, c), result };
  }

  /** Puts this year's reminders (for the year just ended) and weekly follow-ups in the outbox; idempotent. */
  async plan(now: DateTime): Promise<void> {
    const schedule = annualSchedule(now, this.reporting.annualReminderDay, this.reporting.annualFollowUps, this.settings.reminderTime, this.settings.timeZone);
    if (!schedule) return;
    const year = schedule.reportYear;
    const messages: OutboxMessage[] = [];
    for (const committee of this.settings.committees) {
      for (const send of schedule.sends) {
        for (const target of committee.targets) {
          messages.push({
            kind: ANNUAL_REMINDER,
            subject: roundSubject(committee.id, year),
            target,
            dueAt: send.at,
            payload: { year, committee: committee.id, followUp: send.index > 0, collapse: true },
            dedupeKey: `annual:${year}:${committee.id}:${send.index}:${targetKey(target)}`,
          });
        }
      }
    }
    for (const send of schedule.sends.filter((s) => s.index > 0)) {
      for (const target of this.settings.coordinator.targets) {
        messages.push({
          kind: ANNUAL_STATUS,
          subject: { type: 'annual', id: year },
          target,
          dueAt: send.at,
          payload: { year, collapse: true },
          dedupeKey: `annual-status:${year}:${send.index}:${targetKey(target)}`,
        });
      }
    }
    if (messages.length) await this.uow.run((repos) => repos.outbox.enqueue(messages));
  }

  async deliverReminder(row: OutboxRow): Promise<Delivery> {
    const year = Number(row.payload.year);
    const committee = committeeById(this.settings, String(row.payload.committee));
    if (!committee || !row.target) return { action: 'drop', reason: 'committee or target missing' };
    const round = await this.uow.read.annualRounds.get(year, committee.id);
    if (round?.confirmedAt) return { action: 'drop', reason: 'already confirmed' };
    const sources = await this.uow.read.reportSources.forPeriod(reportPeriod(`${year}-01-01`, `${year}-12-31`, this.settings.timeZone), committee.id);
    return { action: 'send', target: row.target, card: cards.reminderCard(year, committee, sources, round, row.payload.followUp === true, this.c) };
  }

  async deliverStatus(row: OutboxRow): Promise<Delivery> {
    const year = Number(row.payload.year);
    if (!row.target) return { action: 'drop', reason: 'no target' };
    const rounds = await this.uow.read.annualRounds.listForYear(year);
    const open = this.settings.committees.filter((k) => !rounds.some((r) => r.committeeId === k.id && r.confirmedAt));
    if (open.length === 0) return { action: 'drop', reason: 'every committee has confirmed' };
    return { action: 'send', target: row.target, card: cards.statusCard(year, this.settings.committees, rounds, this.c) };
  }

  /** Every posted copy of a committee's reminder shows the confirmation. */
  async refreshCard(row: OutboxRow) {
    const year = Number(row.payload.year);
    const committee = committeeById(this.settings, String(row.payload.committee));
    const round = committee ? await this.uow.read.annualRounds.get(year, committee.id) : undefined;
    if (!committee || !round?.confirmedAt) return undefined;
    return cards.confirmedCard(year, committee.name, round, this.c);
  }

  async pressConfirm(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const { year, committee } = this.parseValue(action.value);
    const { round, changed } = await this.uow.run(async (repos) => {
      const changed = await repos.annualRounds.confirm(year, committee.id, ctx.actor, toInstant(ctx.now));
      if (changed) {
        await repos.outbox.cancelPending(roundSubject(committee.id, year), [ANNUAL_REMINDER]);
        await repos.outbox.enqueue([
          {
            kind: ANNUAL_REFRESH,
            subject: roundSubject(committee.id, year),
            dueAt: toInstant(ctx.now),
            payload: { year, committee: committee.id, ...(action.source ? { except: action.source.messageId } : {}) },
          },
        ]);
      }
      return { round: await repos.annualRounds.get(year, committee.id), changed };
    });
    if (!round) throw new BotFailure({ code: 'error.internal' });
    const c = { t: ctx.t, locale: ctx.locale, zone: this.settings.timeZone };
    const card = cards.confirmedCard(year, committee.name, round, c);
    if (changed) return { replace: card };
    const by = round.confirmedBy ? personLabel(round.confirmedBy) : '';
    return { replace: card, reply: privateCard({ summary: '', sections: [{ type: 'text', text: ctx.t('reporting.alreadyConfirmed', { committee: committee.name, by }) }] }) };
  }

  async pressSummary(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const { year, committee } = this.parseValue(action.value);
    const round = await this.uow.read.annualRounds.get(year, committee.id);
    return { form: this.summaryForm(year, committee.id, committee.name, round?.summary ?? '', ctx) };
  }

  async submitSummary(form: FormInput, ctx: RequestContext): Promise<FormOutcome> {
    const { year, committee } = this.parseValue(form.state);
    const text = (form.values.summary ?? '').trim();
    const control = formTextErrors(form.values, { summary: Number.POSITIVE_INFINITY }, ctx.t).summary;
    if (!text || text.length > SUMMARY_MAX || control) {
      const error = control ?? ctx.t(text ? 'reporting.summary.tooLong' : 'reporting.summary.empty', { max: SUMMARY_MAX });
      return { kind: 'invalid', form: { ...this.summaryForm(year, committee.id, committee.name, form.values.summary ?? '', ctx), errors: { summary: error } } };
    }
    await this.uow.run((repos) => repos.annualRounds.saveSummary(year, committee.id, text, ctx.actor, toInstant(ctx.now)));
    const saved = ctx.t('reporting.summary.saved', { committee: committee.name, year });
    return { kind: 'done', reply: privateCard({ tone: 'success', summary: saved, sections: [{ type: 'text', text: saved }] }) };
  }

  private summaryForm(year: number, committeeId: string, name: string, initial: string, ctx: RequestContext) {
    return {
      action: SUMMARY_FORM,
      title: ctx.t('reporting.summary.title', { year }),
      submitLabel: ctx.t('reporting.summary.submit'),
      state: `${year}:${committeeId}`,
      fields: [
        {
          id: 'summary',
          label: ctx.t('reporting.summary.label', { committee: name, year }),
          kind: 'multiline' as const,
          required: true,
          maxLength: SUMMARY_MAX,
          placeholder: ctx.t('reporting.summary.placeholder'),
          ...(initial ? { initial } : {}),
        },
      ],
    };
  }

  private parseValue(value: string) {
    const [yearText, committeeId] = value.split(':');
    const year = Number(yearText);
    const committee = committeeById(this.settings, committeeId ?? '');
    if (!Number.isInteger(year) || !committee) throw new BotFailure({ code: 'error.unknownAction' });
    return { year, committee };
  }

}
