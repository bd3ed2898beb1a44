import type { UnitOfWork } from '../../src/core/ports.ts';
import type { Router } from '../../src/core/router.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import type { DeliveryHandler, PostedMessages, WorkflowModule } from '../../src/core/delivery.ts';
import { CALL_ANNOUNCE, FundingCallService } from './calls.ts';
import type { DeadlineRepos } from './ports.ts';
import { CALL_LIST_PAGE, LIST_PAGE_ACTION } from './cards.ts';
import { openDeadlinesProvider } from './my-work.ts';
import { MISSED, REFRESH, REMINDER } from './plan.ts';
import { DeadlineService } from './service.ts';

/** Registers R1 and R2 with the router and hands the scheduler its delivery handlers. */
export function registerDeadlines(
  router: Router,
  uow: UnitOfWork<DeadlineRepos>,
  settings: MunicipalitySettings,
  posted: PostedMessages,
): WorkflowModule {
  const deadlines = new DeadlineService(uow, settings);
  const calls = new FundingCallService(uow, settings);

  router
    .command('deadline.add', (args, ctx) => deadlines.add(args, ctx))
    .command('deadlines', (args, ctx) => deadlines.list(args, ctx))
    .command('deadline.done', (args, ctx) => deadlines.done(args, ctx))
    .command('deadline.snooze', (args, ctx) => deadlines.snooze(args, ctx))
    .command('call.add', (args, ctx) => calls.add(args, ctx))
    .correction('call.add', (c, ctx) => calls.correct(c, ctx))
    .correction('deadline.add', (c, ctx) => deadlines.correct(c, ctx))
    .command('calls', (args, ctx) => calls.list(args, ctx))
    .action(CALL_LIST_PAGE, (action, ctx) => calls.pressPage(action, ctx))
    .action('deadline.done', (action, ctx) => deadlines.pressDone(action, ctx))
    .action('deadline.snooze', (action, ctx) => deadlines.pressSnooze(action, ctx))
    .action(LIST_PAGE_ACTION, (action, ctx) => deadlines.pressPage(action, ctx))
    .myWorkSection(openDeadlinesProvider(uow));

  const deliveries = new Map<string, DeliveryHandler>([
    [REMINDER, (row, now) => deadlines.deliverReminder(row.subject?.id ?? 0, row.target, now)],
    [MISSED, (row) => deadlines.deliverMissed(row.subject?.id ?? 0, row.target)],
    [
      REFRESH,
      async (row) => {
        const id = row.subject?.id ?? 0;
        const card = await deadlines.currentCard(id);
        if (!card) return { action: 'drop', reason: 'nothing to refresh' };
        const messages = (await posted.postedFor({ type: 'deadline', id }, [REMINDER, MISSED])).filter(
          (m) => m.messageId !== row.payload.except,
        );
        return messages.length ? { action: 'update', messages, card } : { action: 'drop', reason: 'no posted reminders' };
      },
    ],
    [CALL_ANNOUNCE, (row) => calls.deliver(row.subject?.id ?? 0, row.target, row.payload)],
  ]);
  return { deliveries, planners: [{ name: 'funding-calls', plan: (now) => calls.plan(now) }] };
}
