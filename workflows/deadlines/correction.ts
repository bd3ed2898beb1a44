import type { RequestContext } from '../../src/core/command.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import type { Correction } from '../../src/core/router.ts';
import { deadlineSubject, MISSED, myWorkRefresh, REMINDER, type DeadlinePlan } from './plan.ts';
import type { DeadlineRepos } from './ports.ts';
import { engagementOf, openDeadline } from './records.ts';

/**
 * A deadline corrected by the register import. A new date, time or engagement replans the
 * reminders and the missed-deadline check as if the deadline had been added so (the same remind
 * days, from now); a new title alone changes what the coming reminders say.
 */
export async function correctDeadline(deps: { readonly uow: UnitOfWork<DeadlineRepos>; readonly plan: DeadlinePlan }, c: Correction, ctx: RequestContext): Promise<void> {
  const changed = (arg: string) => c.changed.includes(arg);
  await deps.uow.run(async (repos) => {
    const before = await openDeadline(repos, c.id);
    const dueDate = changed('date') ? String(c.values.date) : before.dueDate;
    const dueTime = changed('time') ? (c.values.time === undefined ? undefined : String(c.values.time)) : before.dueTime;
    const engagement = changed('engagement') ? await engagementOf(repos, Number(c.values.engagement)) : undefined;
    const moved = changed('date') || changed('time') || changed('engagement');
    await repos.deadlines.update(c.id, {
      ...(changed('title') ? { title: String(c.values.title) } : {}),
      ...(moved ? { dueDate, dueTime, dueAt: deps.plan.futureDueAt(dueDate, dueTime, ctx.now) } : {}),
      ...(engagement ? { engagementId: engagement.id, committeeId: engagement.committeeId, channels: deps.plan.channelsFor(engagement, ctx) } : {}),
    });
    const record = (await repos.deadlines.get(c.id)) ?? before;
    if (moved) await repos.outbox.replan(deadlineSubject(record.id), [REMINDER, MISSED], deps.plan.forDeadline(record, ctx.now).messages);
    await repos.outbox.enqueue([myWorkRefresh(record, ctx.now)]);
  });
}
