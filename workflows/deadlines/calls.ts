import type { DateTime } from 'luxon';
import { targetKey, type Target } from '../../src/core/actor.ts';
import { fromInstant, toInstant } from '../../src/core/clock.ts';
import type { RequestContext, ResolvedArgs } from '../../src/core/command.ts';
import { BotFailure } from '../../src/core/errors.ts';
import type { OutboxMessage } from '../../src/core/outbox.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import { pageWindow, readPageValue } from '../../src/core/paging.ts';
import { privateCard, publicCard, type ActionInput, type ActionOutcome, type Reply } from '../../src/core/reply.ts';

const CALL_PAGE_SIZE = 50;
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import { localDate } from '../../src/calendar/index.ts';
import { translator } from '../../src/i18n/index.ts';
import * as cards from './cards.ts';
import { currentOrNextWindow, planAnnouncements, upcomingWindows, windowOpeningIn } from './call-rules.ts';
import type { DeadlineRepos, FundingCallPatch, FundingCallRecord } from './ports.ts';
import type { Correction } from '../../src/core/router.ts';
import { idLabel } from '../../src/core/format.ts';

export const CALL_ANNOUNCE = 'call.announce';

/** R2: the coordinator's calendar of funding calls, announced as windows open and close. */
export class FundingCallService {
  constructor(
    private readonly uow: UnitOfWork<DeadlineRepos>,
    private readonly settings: MunicipalitySettings,
  ) {}

  async add(args: ResolvedArgs<'call.add'>, ctx: RequestContext): Promise<Reply> {
    if (args.opens === args.closes) throw new BotFailure({ code: 'call.error.sameDay' });
    const call = await this.uow.run(async (repos) => {
      const call = await repos.calls.insert({
        name: args.name,
        opens: args.opens,
        closes: args.closes,
        ...(args.funder ? { funder: args.funder } : {}),
        ...(args.url ? { url: args.url } : {}),
        yearly: args.yearly,
        createdAt: toInstant(ctx.now),
        createdBy: ctx.actor,
      });
      await repos.outbox.enqueue(this.announcements(call, ctx.now));
      return call;
    });
    const window = currentOrNextWindow(call, localDate(ctx.now, this.settings.timeZone));
    return publicCard(cards.callAddedCard(call, window, cards.cardContext(ctx, this.settings.timeZone)));
  }

  /** A correction from the register import; a moved window's announcements are planned anew. */
  async correct(c: Correction, ctx: RequestContext): Promise<void> {
    const patch = Object.fromEntries(c.changed.map((arg) => [arg, c.values[arg]])) as FundingCallPatch;
    await this.uow.run(async (repos) => {
      const before = await repos.calls.get(c.id);
      if (!before) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.call(c.id) } });
      if ((patch.opens ?? before.opens) === (patch.closes ?? before.closes)) throw new BotFailure({ code: 'call.error.sameDay' });
      await repos.calls.update(c.id, patch);
      const call = (await repos.calls.get(c.id)) ?? before;
      if (patch.opens !== undefined || patch.closes !== undefined || patch.yearly !== undefined) {
        await repos.outbox.replan({ type: 'call', id: call.id }, [CALL_ANNOUNCE], this.announcements(call, ctx.now));
      }
    });
  }

  async list(args: ResolvedArgs<'calls'>, ctx: RequestContext): Promise<Reply> {
    const today = localDate(ctx.now, this.settings.timeZone);
    const calls = await this.uow.read.calls.list();
    // Sorted by the next window's close, which only the rules know: a municipality has tens of calls, not thousands.
    const rows = calls
      .map((call) => ({ call, window: currentOrNextWindow(call, today) }))
      .sort((a, b) => (a.window?.closes ?? '9999').localeCompare(b.window?.closes ?? '9999'));
    const page = pageWindow(args.page, CALL_PAGE_SIZE, rows.length);
    return privateCard(cards.callListCard(rows, page, cards.cardContext(ctx, this.settings.timeZone)));
  }

  /** "Next page" under the list of funding calls. */
  async pressPage(action: ActionInput, ctx: RequestContext): Promise<ActionOutcome> {
    return { reply: await this.list({ page: readPageValue(action.value).page }, ctx) };
  }

  /** Keeps the next windows' announcements in the outbox; safe to run any number of times. */
  async plan(now: DateTime): Promise<void> {
    const calls = await this.uow.read.calls.list();
    for (const call of calls) {
      const messages = this.announcements(call, now);
      if (messages.length) await this.uow.run((repos) => repos.outbox.enqueue(messages));
    }
  }

  async deliver(callId: number, target: Target | undefined, payload: Readonly<Record<string, unknown>>) {
    const call = await this.uow.read.calls.get(callId);
    if (!call || !target) return { action: 'drop', reason: 'call or target missing' } as const;
    const window = windowOpeningIn(call, Number(payload.year));
    const days = typeof payload.daysBeforeClose === 'number' ? payload.daysBeforeClose : undefined;
    const c = { t: translator(this.settings.locale), locale: this.settings.locale, zone: this.settings.timeZone };
    return { action: 'send', target, card: cards.callAnnouncementCard(call, window, days, c) } as const;
  }

  private announcements(call: FundingCallRecord, now: DateTime): OutboxMessage[] {
    const targets = this.settings.coordinator.targets;
    if (targets.length === 0) return [];
    const today = localDate(now, this.settings.timeZone);
    const messages: OutboxMessage[] = [];
    for (const window of upcomingWindows(call, today)) {
      const planned = planAnnouncements(
        window,
        this.settings.callAnnounceDaysBeforeClose,
        this.settings.reminderTime,
        this.settings.timeZone,
        now,
        fromInstant(call.createdAt),
      );
      for (const a of planned) {
        for (const target of targets) {
          messages.push({
            kind: CALL_ANNOUNCE,
            subject: { type: 'call', id: call.id },
            target,
            dueAt: a.at,
            payload: { year: window.year, ...(a.daysBeforeClose !== undefined ? { daysBeforeClose: a.daysBeforeClose } : {}) },
            dedupeKey: `call:${call.id}:${window.year}:${a.key}:${targetKey(target)}`,
          });
        }
      }
    }
    return messages;
  }
}
