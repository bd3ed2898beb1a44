import type { DateTime } from 'luxon';
import { actorKey, type Target } from '../../src/core/actor.ts';
import { fromInstant, toInstant } from '../../src/core/clock.ts';
import type { RequestContext, ResolvedArgs } from '../../src/core/command.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { idLabel, personLabel } from '../../src/core/format.ts';
import { pageWindow, readPageValue } from '../../src/core/paging.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import type { Correction } from '../../src/core/router.ts';
import { privateCard, publicCard, type ActionInput, type ActionOutcome, type Reply } from '../../src/core/reply.ts';
import { requireCommittee, type MunicipalitySettings } from '../../src/core/settings.ts';
import { translator } from '../../src/i18n/index.ts';
import * as cards from './cards.ts';
import type { DeadlineRecord, DeadlineRepos, EngagementSummary } from './ports.ts';
import { correctDeadline } from './correction.ts';
import { DeadlinePlan, deadlineSubject, MISSED, myWorkRefresh, REFRESH, REMINDER } from './plan.ts';
import { engagementOf, openDeadline } from './records.ts';
import { daysLeft, snoozedReminderAt } from './rules.ts';

export const LIST_PAGE_SIZE = 50;

/** R1: deadlines, their reminders, done and snooze, and the flag when one is missed. */
export class DeadlineService {
  private readonly plan: DeadlinePlan;

  constructor(
    private readonly uow: UnitOfWork<DeadlineRepos>,
    private readonly settings: MunicipalitySettings,
  ) {
    this.plan = new DeadlinePlan(settings);
  }

  private get zone(): string {
    return this.settings.timeZone;
  }

  async add(args: ResolvedArgs<'deadline.add'>, ctx: RequestContext): Promise<Reply> {
    const dueAt = this.plan.futureDueAt(args.date, args.time, ctx.now);
    const owner = args.owner ?? ctx.actor;
    const remindDays = args.remind ?? this.settings.reminderDays;
    const { record, reminderTimes, engagement } = await this.uow.run(async (repos) => {
      const engagement = args.engagement === undefined ? undefined : await engagementOf(repos, args.engagement);
      const record = await repos.deadlines.insert({
        title: args.title,
        dueDate: args.date,
        ...(args.time ? { dueTime: args.time } : {}),
        dueAt,
        ...(engagement ? { engagementId: engagement.id, committeeId: engagement.committeeId } : {}),
        owner,
        channels: this.plan.channelsFor(engagement, ctx),
        remindDays,
        createdAt: toInstant(ctx.now),
        createdBy: ctx.actor,
      });
      const { messages, reminderTimes } = this.plan.forDeadline(record, ctx.now);
      await repos.outbox.enqueue([...messages, myWorkRefresh(record, ctx.now)]);
      return { record, reminderTimes, engagement };
    });
    return publicCard(cards.addedCard(record, reminderTimes, engagement, cards.cardContext(ctx, this.zone)));
  }

  /** A correction from the register import (correction.ts). */
  async correct(c: Correction, ctx: RequestContext): Promise<void> {
    await correctDeadline({ uow: this.uow, plan: this.plan }, c, ctx);
  }

  async list(args: ResolvedArgs<'deadlines'>, ctx: RequestContext): Promise<Reply> {
    if (args.committee !== undefined) requireCommittee(this.settings, args.committee);
    const filter = {
      ...(args.scope === 'mine' ? { ownerKey: actorKey(ctx.actor) } : {}),
      ...(args.committee !== undefined ? { committeeId: args.committee } : {}),
    };
    const total = await this.uow.read.deadlines.countOpen(filter);
    const page = pageWindow(args.page, LIST_PAGE_SIZE, total);
    const deadlines = total === 0 ? [] : await this.uow.read.deadlines.listOpen({ ...filter, limit: page.size, offset: page.offset });
    const again = { scope: args.scope, ...(args.committee !== undefined ? { committee: args.committee } : {}) };
    return privateCard(cards.listCard(deadlines, args.scope, page, again, cards.cardContext(ctx, this.zone), ctx.now));
  }

  /** "Next page" under a list: the same list, one page on. */
  async pressPage(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const { page, filter } = readPageValue(action.value);
    const scope = filter.scope === 'mine' ? 'mine' : 'all';
    return { reply: await this.list({ scope, ...(filter.committee ? { committee: filter.committee } : {}), page }, ctx) };
  }

  async done(args: ResolvedArgs<'deadline.done'>, ctx: RequestContext): Promise<Reply> {
    const { record } = await this.markDone(args.id, ctx);
    return publicCard(cards.doneCard(record, await this.summary(record), cards.cardContext(ctx, this.zone)));
  }

  /** The command moves the next reminder `days` later (or plans one `days` from now if none is left). */
  async snooze(args: ResolvedArgs<'deadline.snooze'>, ctx: RequestContext): Promise<Reply> {
    const at = await this.uow.run(async (repos) => {
      const record = await openDeadline(repos, args.id);
      const next = await repos.outbox.nextPending(deadlineSubject(record.id), [REMINDER]);
      const base = next ? fromInstant(next.dueAt) : ctx.now;
      const newAt = this.checkSnooze(record, base, args.days);
      if (next) await repos.outbox.reschedule(deadlineSubject(record.id), [REMINDER], next.dueAt, newAt);
      else await repos.outbox.enqueue(this.plan.remindersAt(record, newAt, 0));
      return newAt;
    });
    return privateCard(this.snoozedCard(args.id, at, ctx));
  }

  async pressDone(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const id = Number(action.value);
    const { record, already } = await this.markDone(id, ctx, true, action.source?.messageId);
    const card = cards.doneCard(record, await this.summary(record), cards.cardContext(ctx, this.zone));
    if (!already) return { replace: card };
    const by = record.doneBy ? personLabel(record.doneBy) : '';
    return { replace: card, reply: privateCard({ summary: '', sections: [{ type: 'text', text: ctx.t('deadline.alreadyDone', { id: idLabel.deadline(id), by }) }] }) };
  }

  /** The buttons on a reminder: "remind me again in n days". */
  async pressSnooze(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    const [idText, daysText] = action.value.split(':');
    const id = Number(idText);
    const days = Number(daysText);
    const { record, at } = await this.uow.run(async (repos) => {
      const record = await openDeadline(repos, id);
      const newAt = this.checkSnooze(record, ctx.now, days);
      await repos.outbox.enqueue(this.plan.remindersAt(record, newAt, 0));
      return { record, at: newAt };
    });
    // The reminder stays what it was, with its buttons, and says when the next one comes.
    const c = cards.cardContext(ctx, this.zone);
    const state = { snoozeDays: this.snoozeChoices(record, ctx.now), nextReminderAt: at };
    return { replace: cards.reminderCard(record, daysLeft(record.dueDate, ctx.now, this.zone), await this.summary(record), c, state) };
  }

  /** The snooze buttons that would land before the deadline; a later one could only be refused. */
  private snoozeChoices(record: DeadlineRecord, now: DateTime): number[] {
    return cards.SNOOZE_CHOICES.filter((days) => snoozedReminderAt(now, days, this.settings.reminderTime, this.zone) < record.dueAt);
  }

  // --- deliveries (the scheduler calls these at send time) ---

  async deliverReminder(deadlineId: number, target: Target | undefined, now: DateTime) {
    const record = await this.uow.read.deadlines.get(deadlineId);
    if (!record || !target) return { action: 'drop', reason: 'deadline or target missing' } as const;
    if (record.status === 'done') return { action: 'drop', reason: 'deadline done' } as const;
    if (record.dueAt <= toInstant(now)) return { action: 'drop', reason: 'deadline passed' } as const;
    const c = this.outboxCardContext();
    const card = cards.reminderCard(record, daysLeft(record.dueDate, now, this.zone), await this.summary(record), c, { snoozeDays: this.snoozeChoices(record, now) });
    return { action: 'send', target, card } as const;
  }

  async deliverMissed(deadlineId: number, target: Target | undefined) {
    const record = await this.uow.read.deadlines.get(deadlineId);
    if (!record || !target) return { action: 'drop', reason: 'deadline or target missing' } as const;
    if (record.status === 'done') return { action: 'drop', reason: 'deadline done in time' } as const;
    return { action: 'send', target, card: cards.missedCard(record, await this.summary(record), this.outboxCardContext()) } as const;
  }

  /** The card every posted reminder of a deadline shows now (after done). */
  async currentCard(deadlineId: number) {
    const record = await this.uow.read.deadlines.get(deadlineId);
    if (!record || record.status !== 'done') return undefined;
    return cards.doneCard(record, await this.summary(record), this.outboxCardContext());
  }

  // --- helpers ---

  /** `pressed` is the message whose button was pressed: the adapter updates it on the request. */
  private async markDone(id: number, ctx: RequestContext, allowAlready = false, pressed?: string): Promise<{ record: DeadlineRecord; already: boolean }> {
    return this.uow.run(async (repos) => {
      const existing = await repos.deadlines.get(id);
      if (!existing) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.deadline(id) } });
      const changed = existing.status === 'open' && (await repos.deadlines.markDone(id, ctx.actor, toInstant(ctx.now)));
      const record = (await repos.deadlines.get(id)) ?? existing;
      if (!changed) {
        if (allowAlready) return { record, already: true };
        const by = record.doneBy ? personLabel(record.doneBy) : '';
        throw new BotFailure({ code: 'deadline.alreadyDone', params: { id: idLabel.deadline(id), by } });
      }
      await repos.outbox.cancelPending(deadlineSubject(id), [REMINDER, MISSED]);
      // Every copy of its reminder (owner, channel) changes to "done" for everyone.
      await repos.outbox.enqueue([
        { kind: REFRESH, subject: deadlineSubject(id), dueAt: toInstant(ctx.now), payload: pressed ? { except: pressed } : {} },
        myWorkRefresh(record, ctx.now),
      ]);
      return { record, already: false };
    });
  }

  private checkSnooze(record: DeadlineRecord, base: DateTime, days: number): string {
    const newAt = snoozedReminderAt(base, days, this.settings.reminderTime, this.zone);
    if (newAt >= record.dueAt) {
      throw new BotFailure({ code: 'deadline.error.snoozePastDue', params: { id: idLabel.deadline(record.id), days } });
    }
    return newAt;
  }

  private snoozedCard(id: number, at: string, ctx: RequestContext) {
    const text = ctx.t('deadline.snoozed', { id: idLabel.deadline(id), at: cards.formatInstant(at, this.zone, ctx.locale) });
    return { tone: 'info' as const, summary: text, sections: [{ type: 'text' as const, text }] };
  }

  private async summary(record: DeadlineRecord): Promise<EngagementSummary | undefined> {
    return record.engagementId === undefined ? undefined : this.uow.read.engagements.summary(record.engagementId);
  }

  private outboxCardContext(): cards.CardContext {
    return { t: translator(this.settings.locale), locale: this.settings.locale, zone: this.zone };
  }

}
