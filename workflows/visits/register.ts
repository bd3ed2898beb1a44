import type { DeliveryHandler, WorkflowModule } from '../../src/core/delivery.ts';
import type { WorkflowDeps } from '../../src/core/workflow.ts';
import { WRITE_REPORT } from './cards.ts';
import { reportsOwedProvider } from './reports-owed.ts';
import type { VisitsRepos, VisitsSettings } from './ports.ts';
import { REPORT_FORM } from './report-form.ts';
import { REPORT_FILED, REPORT_OVERDUE, REPORT_PROMPT, ReportService } from './reports.ts';
import { VISIT_INCOMING, VISIT_LIMIT } from './plan.ts';
import { ENGAGEMENT_SEARCH, VISIT_LIST_PAGE, VisitService } from './service.ts';
import { VISIT_FORM } from './visit-form.ts';

/** Registers R5 visits and post-visit reports, and the "my work" view that gathers every workflow's open items. */
export function registerVisits(deps: WorkflowDeps<VisitsRepos>, settings: VisitsSettings): WorkflowModule {
  const { router, uow } = deps;
  const visits = new VisitService(uow, deps.settings, settings);
  const reports = new ReportService(uow, deps.settings, settings, visits);

  router
    .command('visit.add', (args, ctx) => visits.add(args, ctx))
    .command('visits', (args, ctx) => visits.list(args, ctx))
    .correction('visit.add', (c, ctx) => visits.correct(c, ctx))
    .search(ENGAGEMENT_SEARCH, (query) => visits.searchEngagements(query))
    .action(VISIT_LIST_PAGE, (action, ctx) => visits.pressPage(action, ctx))
    .command('report', (args, ctx) => reports.command(args, ctx))
    .action(WRITE_REPORT, (action, ctx) => reports.pressWrite(action, ctx))
    .form(VISIT_FORM, (form, ctx) => visits.submitForm(form, ctx), { command: 'visit.add' })
    .form(REPORT_FORM, (form, ctx) => reports.submit(form, ctx))
    .myWorkSection(reportsOwedProvider(reports, visits));

  const deliveries = new Map<string, DeliveryHandler>([
    [VISIT_INCOMING, (row) => visits.deliverIncoming(row)],
    [VISIT_LIMIT, (row) => visits.deliverLimit(row)],
    [REPORT_PROMPT, (row, now) => reports.deliverPrompt(row, now)],
    [REPORT_OVERDUE, (row) => reports.deliverOverdue(row)],
    [REPORT_FILED, (row) => reports.deliverFiled(row)],
  ]);
  return { deliveries, planners: [] };
}
