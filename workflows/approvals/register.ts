import type { DateTime } from 'luxon';
import type { WorkflowModule } from '../../src/core/delivery.ts';
import type { WorkflowDeps } from '../../src/core/workflow.ts';
import { DECIDE, REFRESH_CARD, RESUBMIT } from './cards.ts';
import { Governance } from './context.ts';
import { DecisionService } from './decide.ts';
import { approvalDeliveries } from './deliveries.ts';
import { exportDecisions } from './export.ts';
import type { DecisionsRenderer, GovernanceRepos, GovernanceSettings } from './ports.ts';
import { APPROVALS_LIST_PAGE, ApplicationService } from './service.ts';

/** Registers R3 board approval and R4 who decides what with the router and the scheduler. */
export function registerApprovals(deps: WorkflowDeps<GovernanceRepos>, settings: GovernanceSettings, renderer: DecisionsRenderer): WorkflowModule {
  const g = new Governance(deps.uow, deps.settings, settings);
  const applications = new ApplicationService(g);
  const decisions = new DecisionService(g);

  deps.router
    .command('apply', (args, ctx) => applications.apply(args, ctx))
    .command('application.submitted', (args, ctx) => applications.move(args.id, 'submitted', ctx))
    .command('application.granted', (args, ctx) => applications.move(args.id, 'granted', ctx))
    .command('application.denied', (args, ctx) => applications.move(args.id, 'denied', ctx))
    .command('approvals', (args, ctx) => applications.list(args, ctx))
    .action(APPROVALS_LIST_PAGE, (action, ctx) => applications.pressPage(action, ctx))
    .command('decisions.export', (args, ctx) => exportDecisions(g, renderer, args, ctx))
    .action(DECIDE, (action, ctx) => decisions.press(action, ctx))
    .action(RESUBMIT, (action, ctx) => decisions.resubmit(action, ctx))
    .action(REFRESH_CARD, (action, ctx) => decisions.current(action, ctx))
    .form(DECIDE, (form, ctx) => decisions.submit(form, ctx))
    .form('approval.apply', (form, ctx) => applications.submitForm(form, ctx), { command: 'apply' })
    .myWorkSection((person, ctx) => applications.myWork(person, ctx));

  const meetings = {
    name: 'approval-meetings',
    // Requests still waiting are reminded before the body's next meeting, whenever it is planned.
    async plan(now: DateTime) {
      const waiting = await g.uow.read.applications.listByStatus(['awaiting'], 1000);
      const messages = waiting.flatMap((a) => {
        const body = g.body(a.bodyId);
        return body ? g.meetingReminders(a, body, now) : [];
      });
      if (messages.length) await g.uow.run((repos) => repos.outbox.enqueue(messages));
    },
  };
  return { deliveries: approvalDeliveries(g, deps.posted), planners: [meetings] };
}
