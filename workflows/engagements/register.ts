import type { DeliveryHandler, WorkflowModule } from '../../src/core/delivery.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import type { Router } from '../../src/core/router.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import { ENGAGEMENT_FORM } from './form.ts';
import type { EngagementRepos } from './ports.ts';
import { ENGAGEMENT_ANNOUNCE, ENGAGEMENT_LIST_PAGE, EngagementService } from './service.ts';
import { TerminationService } from './termination.ts';

/** Registers R7: the register of engagements, the form, announcements and early termination. */
export function registerEngagements(router: Router, uow: UnitOfWork<EngagementRepos>, settings: MunicipalitySettings): WorkflowModule {
  const service = new EngagementService(uow, settings);
  const termination = new TerminationService(uow, settings, service);
  router
    .command('engagement.add', (args, ctx) => service.add(args, ctx))
    .command('engagements', (args, ctx) => service.list(args, ctx))
    .command('engagement.show', (args, ctx) => service.show(args, ctx))
    .command('engagement.end', (args, ctx) => termination.end(args, ctx))
    .correction('engagement.add', (c, ctx) => service.correct(c, ctx))
    .action(ENGAGEMENT_LIST_PAGE, (action, ctx) => service.pressPage(action, ctx))
    .form(ENGAGEMENT_FORM, (form, ctx) => service.submitForm(form, ctx), { command: 'engagement.add' });
  const deliveries = new Map<string, DeliveryHandler>([
    [ENGAGEMENT_ANNOUNCE, (row) => service.deliverAnnouncement(row.subject?.id ?? 0, row.target, row.payload)],
  ]);
  return { deliveries, planners: [] };
}
