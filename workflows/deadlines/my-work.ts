import { actorKey } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import { formatDueDate, idLabel } from '../../src/core/format.ts';
import type { MyWorkProvider } from '../../src/core/my-work.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import type { DeadlineRepos } from './ports.ts';

/** The "open deadlines" section of a person's my-work view: the deadlines they own. */
export function openDeadlinesProvider(uow: UnitOfWork<DeadlineRepos>): MyWorkProvider {
  return async (person, ctx) => {
    const open = await uow.read.deadlines.listOpen({ ownerKey: actorKey(person), limit: 20 });
    const now = toInstant(ctx.now);
    return {
      order: 10,
      title: ctx.t('deadline.mywork.title'),
      empty: ctx.t('deadline.mywork.empty'),
      items: open.map((d) => {
        const overdue = d.dueAt <= now ? ` ${ctx.t('deadline.list.overdue')}` : '';
        return `${idLabel.deadline(d.id)} · ${formatDueDate(d.dueDate, d.dueTime, ctx.locale)} · ${d.title}${overdue}`;
      }),
    };
  };
}
