import { uniqueTargets } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext, ResolvedArgs } from '../../src/core/command.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { formatDate, idLabel } from '../../src/core/format.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import { publicCard, type Reply } from '../../src/core/reply.ts';
import { committeeById, type MunicipalitySettings } from '../../src/core/settings.ts';
import { localDate } from '../../src/calendar/index.ts';
import * as cards from './cards.ts';
import type { EngagementRepos } from './ports.ts';
import { ENGAGEMENT_ANNOUNCE, type EngagementService } from './service.ts';

/**
 * R7: an engagement ended early by decision [003]. The end date moves, visits that have not
 * started by then are cancelled, every pending reminder about the engagement, its deadlines
 * and those visits is cancelled, and the coordinator and the committee are told. One unit of
 * work: either all of it happens or none.
 */
export class TerminationService {
  constructor(
    private readonly uow: UnitOfWork<EngagementRepos>,
    private readonly settings: MunicipalitySettings,
    private readonly engagements: EngagementService,
  ) {}

  async end(args: ResolvedArgs<'engagement.end'>, ctx: RequestContext): Promise<Reply> {
    const decision = args.decision.trim();
    if (!decision) throw new BotFailure({ code: 'engagement.error.noDecision' });
    const at = toInstant(ctx.now);
    const { record, cancelled, reminders } = await this.uow.run(async (repos) => {
      const existing = await repos.engagements.get(args.id);
      if (!existing) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.engagement(args.id) } });
      if (existing.termination) {
        throw new BotFailure({ code: 'engagement.error.alreadyEnded', params: { id: idLabel.engagement(existing.id), decision: existing.termination.decision } });
      }
      if (existing.startDate && args.date < existing.startDate) {
        throw new BotFailure({ code: 'engagement.error.endBeforeStart', params: { start: existing.startDate, end: args.date } });
      }
      if (existing.endDate && args.date >= existing.endDate) {
        throw new BotFailure({ code: 'engagement.error.notEarlier', params: { date: formatDate(args.date, ctx.locale), end: formatDate(existing.endDate, ctx.locale) } });
      }
      const ended = await repos.engagements.terminate(existing.id, args.date, {
        decision,
        at,
        by: ctx.actor,
        ...(existing.endDate ? { originalEndDate: existing.endDate } : {}),
      });
      if (!ended) throw new BotFailure({ code: 'engagement.error.alreadyEnded', params: { id: idLabel.engagement(existing.id), decision: '' } });

      // Visits that have already begun were made, whatever the decision says; the rest are dropped.
      const today = localDate(ctx.now, this.settings.timeZone);
      const cancelled = await repos.visits.cancelPlannedAfter(existing.id, args.date > today ? args.date : today, at);
      let reminders = 0;
      for (const visit of cancelled) reminders += await repos.outbox.cancelPending({ type: 'visit', id: visit.id });
      const open = (await repos.deadlines.listForEngagement(existing.id)).filter((d) => d.status === 'open');
      for (const deadline of open) reminders += await repos.outbox.cancelPending({ type: 'deadline', id: deadline.id });
      reminders += await repos.outbox.cancelPending({ type: 'engagement', id: existing.id });

      const committee = committeeById(this.settings, existing.committeeId)?.targets ?? [];
      const targets = uniqueTargets([...this.settings.coordinator.targets, ...committee]);
      await repos.outbox.enqueue(
        targets.map((target) => ({
          kind: ENGAGEMENT_ANNOUNCE,
          subject: { type: 'engagement', id: existing.id },
          target,
          dueAt: at,
          payload: { event: 'ended', cancelled: cancelled.map((v) => v.id), reminders },
        })),
      );
      const record = (await repos.engagements.get(existing.id)) ?? existing;
      return { record, cancelled, reminders };
    });
    return publicCard(cards.endedCard(record, cancelled, reminders, this.engagements.cardContext(ctx)));
  }
}
